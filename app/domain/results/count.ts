// Counting a Potluck round: from the frozen rules and the live ballots to a stored result with
// winners, a plain-English reason per project and a side-by-side comparison with the other
// rule. Pure: the service reads the database and computes hashes; this file decides.
import type { BallotType, CountingRule } from "../../../db/schema-rounds.js";
import {
  bySupportThenCostThenSeed,
  describeExplanation,
  equalSharesCompleted,
  explainProject,
  greedy,
  rational,
  type CountingInstance,
  type CountingResult,
  type Rational,
} from "../counting.js";
import type { FrozenRules } from "../rounds/rules.js";
import { t } from "../../i18n/translate.js";
import type { StoredProject, StoredResult } from "./labels.js";

export { RULE_LABELS, type StoredProject, type StoredResult } from "./labels.js";

/** One pound in pence: equal shares "add1" raises every voter's money by one currency unit. */
export const COMPLETION_INCREMENT_MINOR = 100n;

export interface CountedBallot {
  channel: "online" | "code" | "paper";
  /** In the ballot's canonical order (by project id, or by rank for ranked ballots). */
  choices: { proposalId: number; points: number; rank: number | null }[];
}

export function tieBreakDescription(seed: string): string {
  return t("results.tieBreak", { seed });
}

/** The counting input: costs and budget in pence; points for cumulative ballots, approvals otherwise. */
export function countingInstanceOf(rules: FrozenRules, ballots: readonly CountedBallot[]): CountingInstance {
  const withPoints = rules.ballotType === "cumulative";
  return {
    budget: BigInt(rules.budgetMinor),
    projects: [...rules.projects].sort((a, b) => a.id - b.id).map((p) => ({ id: String(p.id), cost: BigInt(p.costMinor) })),
    ballots: ballots.map((b) => {
      const projectIds = b.choices.map((c) => String(c.proposalId));
      return withPoints ? { projectIds, points: b.choices.map((c) => BigInt(c.points)) } : { projectIds };
    }),
  };
}

export function runRule(rule: CountingRule, ballotType: BallotType, instance: CountingInstance, seedOrder: readonly number[]): CountingResult {
  const tieBreak = bySupportThenCostThenSeed(seedOrder.map(String));
  if (rule === "greedy") return greedy(instance, { score: ballotType === "cumulative" ? "points" : "approvals", tieBreak });
  return equalSharesCompleted(instance, { utility: "cost", tieBreak, increment: COMPLETION_INCREMENT_MINOR });
}

/** An exact amount of pence as pounds for people, rounded to the penny: "£1,234.57". */
export function formatRationalPounds(amountMinor: Rational): string {
  const pounds = rational.toFixed(rational.div(amountMinor, rational.fromBigInt(100n)), 2);
  const negative = pounds.startsWith("-");
  const [whole = "0", pence = "00"] = (negative ? pounds.slice(1) : pounds).split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${negative ? "-" : ""}£${grouped}${pence === "00" ? "" : `.${pence}`}`;
}

function votersWithFunded(ballots: readonly CountedBallot[], funded: ReadonlySet<number>): number {
  return ballots.filter((b) => b.choices.some((c) => funded.has(c.proposalId))).length;
}

export function countRoundBallots(input: {
  rules: FrozenRules;
  ballots: readonly CountedBallot[];
  seedOrder: readonly number[];
}): StoredResult {
  const { rules, ballots, seedOrder } = input;
  const instance = countingInstanceOf(rules, ballots);
  const rule = rules.countingRule;
  const otherRule: CountingRule = rule === "greedy" ? "equal_shares" : "greedy";
  const main = runRule(rule, rules.ballotType, instance, seedOrder);
  const other = runRule(otherRule, rules.ballotType, instance, seedOrder);
  const winners = main.selected.map(Number);
  const otherWinners = other.selected.map(Number);
  const fundedSet = new Set(winners);
  const otherSet = new Set(otherWinners);

  const votes = new Map<number, number>();
  const points = new Map<number, number>();
  const turnout = { online: 0, code: 0, paper: 0, total: 0 };
  for (const ballot of ballots) {
    turnout[ballot.channel]++;
    turnout.total++;
    for (const c of ballot.choices) {
      votes.set(c.proposalId, (votes.get(c.proposalId) ?? 0) + 1);
      points.set(c.proposalId, (points.get(c.proposalId) ?? 0) + c.points);
    }
  }
  const projects: StoredProject[] = [...rules.projects]
    .sort((a, b) => a.id - b.id)
    .map((p) => {
      const position = winners.indexOf(p.id);
      return {
        id: p.id,
        title: p.title,
        costMinor: p.costMinor,
        votes: votes.get(p.id) ?? 0,
        points: points.get(p.id) ?? 0,
        funded: fundedSet.has(p.id),
        position: position >= 0 ? position + 1 : null,
        explanation: describeExplanation(explainProject(main, String(p.id)), formatRationalPounds),
        fundedByOther: otherSet.has(p.id),
      };
    });
  // Winners first in the order chosen, then the rest by support.
  projects.sort((a, b) => (a.position ?? Infinity) - (b.position ?? Infinity) || b.points - a.points || b.votes - a.votes || a.id - b.id);
  return {
    version: 1,
    round: rules.round,
    budgetMinor: rules.budgetMinor,
    ballotType: rules.ballotType,
    rule,
    utility: "cost",
    tieBreak: tieBreakDescription(rules.tieBreakSeed),
    seedOrder: [...seedOrder],
    winners,
    totalCostMinor: main.totalCost.toString(),
    turnout,
    projects,
    comparison: {
      otherRule,
      otherWinners,
      otherTotalCostMinor: other.totalCost.toString(),
      onlyByRule: winners.filter((id) => !otherSet.has(id)),
      onlyByOther: otherWinners.filter((id) => !fundedSet.has(id)),
      votersWithFundedProject: { rule: votersWithFunded(ballots, fundedSet), other: votersWithFunded(ballots, otherSet) },
    },
  };
}

/** CSV of the result, one row per project; text that a spreadsheet would run as a formula is prefixed with '. */
export function resultCsv(result: StoredResult): string {
  const cell = (value: string | number) => {
    let text = String(value);
    if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
    return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const pounds = (minor: string) => {
    const m = BigInt(minor);
    return `${m / 100n}.${(m % 100n).toString().padStart(2, "0")}`;
  };
  const header = ["project_id", "title", "cost_gbp", "votes", "points", "funded", "position", `funded_by_${result.comparison.otherRule}`, "explanation"];
  const rows = result.projects.map((p) => [p.id, p.title, pounds(p.costMinor), p.votes, p.points, p.funded ? "yes" : "no", p.position ?? "", p.fundedByOther ? "yes" : "no", p.explanation]);
  return [header, ...rows].map((row) => row.map(cell).join(",")).join("\r\n") + "\r\n";
}
