// A Potluck round as a Pabulib instance and back. Costs are written in pounds with pence
// ("20000.00"); projects are listed in the round's tie-break seed order, so that
// `pb count --tie-break support` (more supporters, then cheaper, then file order) breaks ties
// exactly as the round did.
import type { BallotType } from "../../../db/schema-rounds.js";
import { DomainError } from "../errors.js";
import { t } from "../../i18n/translate.js";
import { formatDecimal, metaValue, type PabulibInstance, type PabulibVoteType } from "../pabulib.js";
import type { FrozenRules } from "../rounds/rules.js";
import type { CountedBallot } from "./count.js";

const VOTE_TYPE_OF: Record<BallotType, PabulibVoteType> = {
  approval: "approval",
  knapsack: "approval",
  cumulative: "cumulative",
  ranked: "ordinal",
};

export const PB_RULE_OF = { greedy: "greedy", equal_shares: "equalshares/add1" } as const;

const oneLine = (text: string) => text.replace(/[\r\n]+/g, " ").trim();

export function roundToPabulib(input: {
  title: string;
  description: string;
  organisationName: string;
  rules: FrozenRules;
  seedOrder: readonly number[];
  ballots: readonly (CountedBallot & { receiptHash: string })[];
  /** Winners when published; absent before, and `selected` is then left out. */
  winners: readonly number[] | null;
}): PabulibInstance {
  const { rules } = input;
  const voteType = VOTE_TYPE_OF[rules.ballotType];
  const byId = new Map(rules.projects.map((p) => [p.id, p]));
  const ordered = input.seedOrder.map((id) => byId.get(id)).filter((p) => p !== undefined);
  if (ordered.length !== rules.projects.length) throw new Error("Invariant failed: the seed order lists every project once");
  const winners = new Set(input.winners ?? []);
  const pence = (minor: string) => ({ units: BigInt(minor), scale: 2 });
  const meta: { key: string; value: string }[] = [
    { key: "description", value: oneLine(input.title) },
    { key: "country", value: "United Kingdom" },
    { key: "unit", value: oneLine(input.organisationName) },
    { key: "instance", value: rules.round },
    { key: "num_projects", value: String(rules.projects.length) },
    { key: "num_votes", value: String(input.ballots.length) },
    { key: "budget", value: formatDecimal(pence(rules.budgetMinor)) },
    { key: "vote_type", value: voteType },
    { key: "rule", value: PB_RULE_OF[rules.countingRule] },
    { key: "currency", value: "GBP" },
    { key: "tie_break_seed", value: rules.tieBreakSeed },
  ];
  if (voteType === "cumulative") meta.push({ key: "max_sum_points", value: String(rules.pointsTotal) });
  else meta.push({ key: "min_length", value: String(rules.minChoices) }, { key: "max_length", value: String(rules.maxChoices) });
  const withSelected = input.winners !== null;
  return {
    meta,
    voteType,
    budget: pence(rules.budgetMinor),
    projectColumns: withSelected ? ["project_id", "cost", "name", "selected"] : ["project_id", "cost", "name"],
    projects: ordered.map((p) => ({
      id: String(p.id),
      cost: pence(p.costMinor),
      extra: withSelected ? [oneLine(p.title), winners.has(p.id) ? "1" : "0"] : [oneLine(p.title)],
    })),
    voterColumns: voteType === "cumulative" ? ["voter_id", "vote", "points", "voting_method"] : ["voter_id", "vote", "voting_method"],
    // Voters are named by their receipt's hash prefix: a voter can find their own line, nobody else can.
    voters: [...input.ballots]
      .sort((a, b) => (a.receiptHash < b.receiptHash ? -1 : a.receiptHash > b.receiptHash ? 1 : 0))
      .map((b) => ({
        id: b.receiptHash.slice(0, 16),
        projectIds: b.choices.map((c) => String(c.proposalId)),
        points: voteType === "cumulative" ? b.choices.map((c) => BigInt(c.points)) : null,
        extra: [b.channel],
      })),
  };
}

export const IMPORT_LIMITS = { projects: 500, voters: 200_000, choicesPerBallot: 100, points: 1000 } as const;

export interface ImportPlan {
  title: string;
  description: string;
  ballotType: BallotType;
  budgetMinor: bigint;
  minChoices: number;
  maxChoices: number;
  pointsTotal: number;
  countingRule: "greedy" | "equal_shares";
  projects: { fileId: string; title: string; costMinor: bigint }[];
  voters: { choices: { fileId: string; points: number; rank: number | null }[] }[];
}

/** Pounds in the file (whole or with up to two decimals) to pence; anything finer is refused, never rounded. */
function poundsToMinor(d: { units: bigint; scale: number }, tooPrecise: string): bigint {
  if (d.scale > 2) throw new DomainError("results_import_invalid", { values: { detail: tooPrecise } });
  return d.units * 10n ** BigInt(2 - d.scale);
}

const clampInt = (text: string | undefined, fallback: number, min: number, max: number) => {
  const n = text !== undefined && /^\d{1,6}$/.test(text.trim()) ? Number(text.trim()) : fallback;
  return Math.min(max, Math.max(min, n));
};

/** Checks a parsed file against what a Potluck round can hold and says what would be created. */
export function planImport(pb: PabulibInstance): ImportPlan {
  const fail = (detail: string) => new DomainError("results_import_invalid", { values: { detail } });
  if (pb.projects.length === 0) throw fail(t("results.import.noProjects"));
  if (pb.projects.length > IMPORT_LIMITS.projects) throw fail(t("results.import.tooManyProjects", { maximum: IMPORT_LIMITS.projects }));
  if (pb.voters.length > IMPORT_LIMITS.voters) throw fail(t("results.import.tooManyVoters", { maximum: IMPORT_LIMITS.voters }));
  const ballotType: BallotType =
    pb.voteType === "cumulative" || pb.voteType === "scoring" ? "cumulative" : pb.voteType === "ordinal" ? "ranked" : "approval";
  const nameColumn = pb.projectColumns.findIndex((c) => c.toLowerCase() === "name") - 2;
  const projects = pb.projects.map((p) => {
    const costMinor = poundsToMinor(p.cost, t("results.import.costTooPrecise", { id: p.id }));
    if (costMinor <= 0n) throw fail(t("results.import.costsNothing", { id: p.id }));
    const name = nameColumn >= 0 ? (p.extra[nameColumn] ?? "").trim() : "";
    return { fileId: p.id, title: (name || t("results.import.projectTitle", { id: p.id })).slice(0, 120), costMinor };
  });
  const voters = pb.voters.map((v) => {
    if (v.projectIds.length > IMPORT_LIMITS.choicesPerBallot) throw fail(t("results.import.tooManyChoices", { id: v.id, maximum: IMPORT_LIMITS.choicesPerBallot }));
    return {
      choices: v.projectIds.map((fileId, i) => {
        const points = v.points ? v.points[i]! : 1n;
        if (points < 1n || points > BigInt(IMPORT_LIMITS.points)) throw fail(t("results.import.pointsOutOfRange", { id: v.id, points: String(points), maximum: IMPORT_LIMITS.points }));
        return { fileId, points: ballotType === "cumulative" ? Number(points) : 1, rank: ballotType === "ranked" ? i + 1 : null };
      }),
    };
  });
  const rule = (metaValue(pb, "rule") ?? "").toLowerCase();
  const maxChosen = Math.max(1, ...voters.map((v) => v.choices.length));
  const maxChoices = clampInt(metaValue(pb, "max_length"), maxChosen, 1, 100);
  const description = (metaValue(pb, "description") ?? "").trim();
  const instance = (metaValue(pb, "instance") ?? "").trim();
  return {
    title: (description || instance || t("results.import.roundTitle")).slice(0, 200),
    description: t("results.import.roundDescription", { source: [metaValue(pb, "country"), metaValue(pb, "unit"), metaValue(pb, "instance")].filter(Boolean).join(", ") }).slice(0, 5000),
    ballotType,
    budgetMinor: poundsToMinor(pb.budget, t("results.import.budgetTooPrecise")),
    minChoices: Math.min(clampInt(metaValue(pb, "min_length"), 0, 0, 100), maxChoices),
    maxChoices,
    pointsTotal: clampInt(metaValue(pb, "max_sum_points"), 1000, 1, 1000),
    countingRule: rule.startsWith("greedy") ? "greedy" : "equal_shares",
    projects,
    voters,
  };
}
