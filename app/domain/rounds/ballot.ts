// The rules of a ballot, checked before anything is stored. Each problem is data (a code and
// values) so the page, the code-voting page and paper keying all speak the same words.
import type { BallotType } from "../../../db/schema-rounds.js";
import { DomainError } from "../errors.js";

export const MAX_BALLOT_CHOICES = 100;

export interface BallotRules {
  type: BallotType;
  minChoices: number;
  maxChoices: number;
  pointsTotal: number;
  budgetMinor: bigint;
  /** The projects on the ballot: feasible proposals, with the costs frozen at opening. */
  projects: readonly { id: number; costMinor: bigint }[];
}

export interface BallotChoice {
  proposalId: number;
  /** 1 for approval and knapsack; the points given for cumulative; 1 for ranked. */
  points: number;
  /** 1 = first preference, for ranked ballots. */
  rank: number | null;
}

export type BallotProblem =
  | { code: "ballot_empty" }
  | { code: "ballot_unknown_project"; proposalId: number }
  | { code: "ballot_duplicate_project"; proposalId: number }
  | { code: "ballot_too_few"; minimum: number; chosen: number }
  | { code: "ballot_too_many"; maximum: number; chosen: number }
  | { code: "ballot_over_budget"; totalMinor: bigint; budgetMinor: bigint }
  | { code: "ballot_points_invalid"; proposalId: number }
  | { code: "ballot_points_over"; given: number; total: number }
  | { code: "ballot_points_under"; given: number; total: number }
  | { code: "ballot_rank_invalid"; proposalId: number; maximum: number }
  | { code: "ballot_rank_repeated"; rank: number }
  | { code: "ballot_rank_gap"; missing: number };

export type BallotCheck = { ok: true; choices: BallotChoice[] } | { ok: false; problems: BallotProblem[] };

export function checkBallot(rules: BallotRules, choices: readonly BallotChoice[]): BallotCheck {
  const problems: BallotProblem[] = [];
  if (choices.length > MAX_BALLOT_CHOICES) return { ok: false, problems: [{ code: "ballot_too_many", maximum: rules.maxChoices, chosen: choices.length }] };
  const costs = new Map(rules.projects.map((p) => [p.id, p.costMinor]));
  const seen = new Set<number>();
  for (const choice of choices) {
    if (!costs.has(choice.proposalId)) problems.push({ code: "ballot_unknown_project", proposalId: choice.proposalId });
    else if (seen.has(choice.proposalId)) problems.push({ code: "ballot_duplicate_project", proposalId: choice.proposalId });
    seen.add(choice.proposalId);
  }
  if (problems.length > 0) return { ok: false, problems };

  switch (rules.type) {
    case "approval":
      checkCount(rules, choices.length, problems);
      break;
    case "knapsack": {
      if (choices.length === 0) problems.push({ code: "ballot_empty" });
      const totalMinor = choices.reduce((sum, c) => sum + costs.get(c.proposalId)!, 0n);
      if (totalMinor > rules.budgetMinor) problems.push({ code: "ballot_over_budget", totalMinor, budgetMinor: rules.budgetMinor });
      break;
    }
    case "cumulative": {
      let given = 0;
      for (const choice of choices) {
        if (!Number.isInteger(choice.points) || choice.points < 1 || choice.points > rules.pointsTotal) {
          problems.push({ code: "ballot_points_invalid", proposalId: choice.proposalId });
        } else {
          given += choice.points;
        }
      }
      if (problems.length === 0 && given > rules.pointsTotal) problems.push({ code: "ballot_points_over", given, total: rules.pointsTotal });
      if (problems.length === 0 && given === 0) problems.push({ code: "ballot_empty" });
      break;
    }
    case "ranked": {
      checkCount(rules, choices.length, problems);
      const ranks = new Set<number>();
      for (const choice of choices) {
        const rank = choice.rank;
        if (rank === null || !Number.isInteger(rank) || rank < 1 || rank > rules.maxChoices) {
          problems.push({ code: "ballot_rank_invalid", proposalId: choice.proposalId, maximum: rules.maxChoices });
        } else if (ranks.has(rank)) {
          problems.push({ code: "ballot_rank_repeated", rank });
        } else {
          ranks.add(rank);
        }
      }
      if (problems.length === 0) {
        for (let rank = 1; rank <= ranks.size; rank++) {
          if (!ranks.has(rank)) {
            problems.push({ code: "ballot_rank_gap", missing: rank });
            break;
          }
        }
      }
      break;
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, choices: normalise(rules.type, choices) };
}

function checkCount(rules: BallotRules, chosen: number, problems: BallotProblem[]): void {
  if (chosen === 0 && rules.minChoices > 0) problems.push({ code: "ballot_empty" });
  else if (chosen < rules.minChoices) problems.push({ code: "ballot_too_few", minimum: rules.minChoices, chosen });
  if (chosen > rules.maxChoices) problems.push({ code: "ballot_too_many", maximum: rules.maxChoices, chosen });
}

/** One canonical form per ballot: ranked by rank, others by project id. */
function normalise(type: BallotType, choices: readonly BallotChoice[]): BallotChoice[] {
  const copy = choices.map((c) => ({
    proposalId: c.proposalId,
    points: type === "cumulative" ? c.points : 1,
    rank: type === "ranked" ? c.rank : null,
  }));
  return type === "ranked" ? copy.sort((a, b) => a.rank! - b.rank!) : copy.sort((a, b) => a.proposalId - b.proposalId);
}

const ID_PATTERN = /^\d{1,9}$/;

/**
 * Reads a ballot from form fields: `project` (one value per ticked box) for approval and
 * knapsack; `points-<id>` for cumulative; `rank-<id>` for ranked. Blank fields mean "not chosen".
 * Anything that is not a whole number becomes a problem, never a guess.
 */
export function ballotFromForm(type: BallotType, values: Record<string, string>): { choices: BallotChoice[]; problems: BallotProblem[] } {
  const choices: BallotChoice[] = [];
  const problems: BallotProblem[] = [];
  if (type === "approval" || type === "knapsack") {
    for (const raw of (values.project ?? "").split("\n")) {
      const text = raw.trim();
      if (text === "") continue;
      if (!ID_PATTERN.test(text)) {
        problems.push({ code: "ballot_unknown_project", proposalId: -1 });
        continue;
      }
      choices.push({ proposalId: Number(text), points: 1, rank: null });
    }
    return { choices, problems };
  }
  const prefix = type === "cumulative" ? "points-" : "rank-";
  for (const [key, raw] of Object.entries(values)) {
    if (!key.startsWith(prefix)) continue;
    const idText = key.slice(prefix.length);
    const text = raw.trim();
    if (text === "" || (type === "cumulative" && text === "0")) continue;
    if (!ID_PATTERN.test(idText)) {
      problems.push({ code: "ballot_unknown_project", proposalId: -1 });
      continue;
    }
    const proposalId = Number(idText);
    const value = /^\d{1,4}$/.test(text) ? Number(text) : Number.NaN;
    if (type === "cumulative") choices.push({ proposalId, points: value, rank: null });
    else choices.push({ proposalId, points: 1, rank: value });
  }
  return { choices, problems };
}

/** A ballot that broke the rules: the first problem is the error; all of them travel with it. */
export class BallotRejected extends DomainError {
  readonly problems: BallotProblem[];
  constructor(problems: BallotProblem[]) {
    const first = problems[0]!;
    const { code, ...values } = first;
    super(code, { values: Object.fromEntries(Object.entries(values).map(([k, v]) => [k, typeof v === "bigint" ? v.toString() : v])) as Record<string, string | number>, field: "ballot" });
    this.problems = problems;
  }
}

