// Budget rounds: creating, editing (until the rules freeze), moving between phases.
import { randomUUID } from "node:crypto";
import { sql, type Kysely } from "kysely";
import type { Database } from "../../../db/schema.js";
import type { BallotType, CountingRule, Phase } from "../../../db/schema-rounds.js";
import { DomainError } from "../../domain/errors.js";
import { checkPhaseDates, isDueToMove, nextPhase } from "../../domain/rounds/phases.js";
import { freezeRules, type FrozenRules } from "../../domain/rounds/rules.js";
import { formatMinor } from "../../domain/ledger/amount.js";
import { t } from "../../i18n/translate.js";
import { recordAudit } from "../audit.server.js";
import type { Actor } from "../current-user.js";
import { isUniqueViolation, sqlState } from "../db-errors.js";
import { openAccount } from "../ledger/accounts.server.js";
import { postEntry } from "../ledger/post.server.js";
import { notifyLive, requireOfficerFor } from "./access.server.js";
import { holdRoundExclusive } from "./round-lock.server.js";

export const ROUNDS_LIMIT = 100;

export interface RoundInput {
  slug: string;
  title: string;
  description: string;
  area: string | null;
  theme: string | null;
  budgetMinor: bigint;
  proposalsOpenAt: Date | null;
  reviewStartsAt: Date | null;
  votingOpensAt: Date | null;
  votingClosesAt: Date | null;
  ballotType: BallotType;
  minChoices: number;
  maxChoices: number;
  pointsTotal: number;
  countingRule: CountingRule;
  tieBreakSeed: string;
  liveCounts: "public" | "hidden";
  allowAccountVotes: boolean;
  allowCodeVotes: boolean;
  allowPaperVotes: boolean;
  areaOnly: boolean;
}

// i18n-exempt: ledger account codes
export const councilBudgetAccount = (organisationId: number) => `council:${organisationId}:budget`;
// i18n-exempt: ledger account codes
export const roundPotAccount = (roundId: number) => `round:${roundId}:pot`;

function checkInput(input: RoundInput): void {
  const order = checkPhaseDates(input);
  if (order) throw new DomainError("round_dates_out_of_order", { field: order.field });
  if (input.minChoices > input.maxChoices) throw new DomainError("round_choices_invalid", { field: "minChoices" });
}

function roundColumns(input: RoundInput) {
  return {
    slug: input.slug,
    title: input.title,
    description: input.description,
    area: input.area,
    theme: input.theme,
    budget_minor: input.budgetMinor,
    proposals_open_at: input.proposalsOpenAt,
    review_starts_at: input.reviewStartsAt,
    voting_opens_at: input.votingOpensAt,
    voting_closes_at: input.votingClosesAt,
    ballot_type: input.ballotType,
    min_choices: input.minChoices,
    max_choices: input.maxChoices,
    points_total: input.pointsTotal,
    counting_rule: input.countingRule,
    tie_break_seed: input.tieBreakSeed,
    live_counts: input.liveCounts,
    allow_account_votes: input.allowAccountVotes,
    allow_code_votes: input.allowCodeVotes,
    allow_paper_votes: input.allowPaperVotes,
    area_only: input.areaOnly,
  };
}

/** Moves the round's pot to the budget by posting the difference from the council's budget account. */
async function fundPot(trx: Kysely<Database>, round: { id: number; organisationId: number }, fromMinor: bigint, toMinor: bigint, createdBy: string) {
  const council = await openAccount(trx, { code: councilBudgetAccount(round.organisationId), unit: "GBP", name: t("ledger.account.councilBudget"), ownerType: "organisation", ownerId: String(round.organisationId), isPublic: true });
  const pot = await openAccount(trx, { code: roundPotAccount(round.id), unit: "GBP", name: t("rounds.ledger.potAccount", { round: round.id }), ownerType: "budget_round", ownerId: String(round.id), isPublic: true, minBalance: "0" });
  const difference = toMinor - fromMinor;
  if (difference === 0n) return;
  const amount = formatMinor(difference < 0n ? -difference : difference, "GBP");
  const [from, to] = difference > 0n ? [council.code, pot.code] : [pot.code, council.code];
  await postEntry(trx, {
    idempotencyKey: `round-budget:${round.id}:${randomUUID()}`,
    kind: "round_budget",
    memo: difference > 0n ? t("rounds.ledger.allocated") : t("rounds.ledger.returned"),
    createdBy,
    metadata: { round: String(round.id) },
    postings: [
      { accountCode: from, unit: "GBP", amount: `-${amount}` },
      { accountCode: to, unit: "GBP", amount },
    ],
  });
}

export async function createRound(db: Kysely<Database>, actor: Actor, organisationId: number, input: RoundInput): Promise<{ id: number; slug: string }> {
  const officer = requireOfficerFor(actor, organisationId);
  checkInput(input);
  return db.transaction().execute(async (trx) => {
    let id: number;
    try {
      const row = await trx
        .insertInto("budget_round")
        .values({ ...roundColumns(input), organisation_id: organisationId, created_by_user_id: officer?.id ?? null })
        .returning("id")
        .executeTakeFirstOrThrow();
      id = row.id;
    } catch (error) {
      if (isUniqueViolation(error)) throw new DomainError("round_slug_taken", { field: "slug" });
      throw error;
    }
    await fundPot(trx, { id, organisationId }, 0n, input.budgetMinor, `user:${officer?.id ?? "system"}`);
    await recordAudit(trx, { actorUserId: officer?.id ?? null, action: "round.created", subjectType: "budget_round", subjectId: id, ip: actor.ip, details: { slug: input.slug } });
    return { id, slug: input.slug };
  });
}

export async function updateRound(db: Kysely<Database>, actor: Actor, roundId: number, input: RoundInput): Promise<void> {
  checkInput(input);
  await db.transaction().execute(async (trx) => {
    const round = await lockRound(trx, roundId);
    const officer = requireOfficerFor(actor, round.organisation_id);
    if (round.frozen_rules_hash) throw new DomainError("round_rules_frozen", { status: 409 });
    try {
      await trx.updateTable("budget_round").set(roundColumns(input)).where("id", "=", roundId).execute();
    } catch (error) {
      if (isUniqueViolation(error)) throw new DomainError("round_slug_taken", { field: "slug" });
      throw error;
    }
    await fundPot(trx, { id: roundId, organisationId: round.organisation_id }, round.budget_minor, input.budgetMinor, `user:${officer?.id ?? "system"}`);
    await recordAudit(trx, { actorUserId: officer?.id ?? null, action: "round.updated", subjectType: "budget_round", subjectId: roundId, ip: actor.ip });
  });
}

export async function lockRound(db: Kysely<Database>, roundId: number) {
  await holdRoundExclusive(db, roundId);
  const round = await db.selectFrom("budget_round").selectAll().where("id", "=", roundId).forUpdate().executeTakeFirst();
  if (!round) throw new DomainError("round_not_found", { status: 404 });
  return round;
}

export async function findRoundBySlug(db: Kysely<Database>, slug: string) {
  if (!/^[a-z0-9][a-z0-9-]{0,62}$/.test(slug)) return undefined;
  return db
    .selectFrom("budget_round")
    .innerJoin("organisation", "organisation.id", "budget_round.organisation_id")
    .selectAll("budget_round")
    .select("organisation.name as organisation_name")
    .where("budget_round.slug", "=", slug)
    .executeTakeFirst();
}

export async function requireRoundBySlug(db: Kysely<Database>, slug: string) {
  const round = await findRoundBySlug(db, slug);
  if (!round) throw new DomainError("round_not_found", { status: 404 });
  return round;
}

export async function listRounds(db: Kysely<Database>) {
  const rows = await db
    .selectFrom("budget_round")
    .innerJoin("organisation", "organisation.id", "budget_round.organisation_id")
    .select([
      "budget_round.slug",
      "budget_round.title",
      "budget_round.description",
      "budget_round.phase",
      "budget_round.budget_minor",
      "budget_round.area",
      "budget_round.theme",
      "organisation.name as organisationName",
    ])
    .orderBy("budget_round.created_at", "desc")
    .limit(ROUNDS_LIMIT)
    .execute();
  return rows.map(({ budget_minor, ...rest }) => ({ ...rest, budgetMinor: budget_minor }));
}

export async function phaseHistory(db: Kysely<Database>, roundId: number) {
  return db
    .selectFrom("round_phase_change")
    .leftJoin("app_user", "app_user.id", "round_phase_change.by_user_id")
    .select(["round_phase_change.from_phase", "round_phase_change.to_phase", "round_phase_change.at", "round_phase_change.reason", "app_user.name as by_name"])
    .where("round_id", "=", roundId)
    .orderBy("round_phase_change.id")
    .execute();
}

async function freeze(trx: Kysely<Database>, round: Awaited<ReturnType<typeof lockRound>>): Promise<string> {
  const pending = await trx
    .selectFrom("proposal")
    .select(sql<bigint>`count(*)`.as("n"))
    .where("round_id", "=", round.id)
    .where("status", "=", "submitted")
    .where("hidden_at", "is", null)
    .executeTakeFirstOrThrow();
  if (Number(pending.n) > 0) throw new DomainError("round_unreviewed_proposals", { values: { count: Number(pending.n) }, status: 409 });
  const projects = await trx
    .selectFrom("proposal")
    .select(["id", "title", "cost_minor"])
    .where("round_id", "=", round.id)
    .where("status", "=", "feasible")
    .where("hidden_at", "is", null)
    .orderBy("id")
    .execute();
  if (projects.length === 0) throw new DomainError("round_no_feasible_projects", { status: 409 });
  const rules: FrozenRules = {
    round: round.slug,
    budgetMinor: round.budget_minor.toString(),
    ballotType: round.ballot_type,
    minChoices: round.min_choices,
    maxChoices: round.max_choices,
    pointsTotal: round.points_total,
    countingRule: round.counting_rule,
    tieBreakSeed: round.tie_break_seed,
    eligibility: { accounts: round.allow_account_votes, areaOnly: round.area_only, area: round.area, codes: round.allow_code_votes, paper: round.allow_paper_votes },
    projects: projects.map((p) => ({ id: p.id, title: p.title, costMinor: p.cost_minor.toString() })),
  };
  const frozen = freezeRules(rules);
  await trx
    .updateTable("budget_round")
    .set({ frozen_rules: frozen.json, frozen_rules_hash: frozen.hashHex, frozen_at: new Date() })
    .where("id", "=", round.id)
    .execute();
  return frozen.hashHex;
}

/** Moves a round one phase on. Entering voting freezes the rules. */
export async function movePhase(db: Kysely<Database>, actor: Actor, roundId: number, to: Phase, reason: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const round = await lockRound(trx, roundId);
    const officer = requireOfficerFor(actor, round.organisation_id);
    if (nextPhase(round.phase) !== to) throw new DomainError("round_cannot_move", { values: { from: round.phase, to }, status: 409 });
    let rulesHash: string | null = null;
    if (to === "voting") rulesHash = await freeze(trx, round);
    await trx.updateTable("budget_round").set({ phase: to }).where("id", "=", roundId).execute();
    await trx.insertInto("round_phase_change").values({ round_id: roundId, from_phase: round.phase, to_phase: to, by_user_id: officer?.id ?? null, reason }).execute();
    await recordAudit(trx, { actorUserId: officer?.id ?? null, action: "round.phase_changed", subjectType: "budget_round", subjectId: roundId, ip: actor.ip, details: { from: round.phase, to, reason, rulesHash, via: actor.system ? "schedule" : "officer" } });
    await notifyLive(trx, `round:${roundId}`);
  });
}

/** Moves every round whose phase end date has passed. Run on a timer; safe on several instances. */
export async function advanceDueRounds(db: Kysely<Database>, now: Date = new Date()): Promise<{ moved: number; failed: { roundId: number; code: string }[] }> {
  const candidates = await db
    .selectFrom("budget_round")
    .select(["id", "phase", "proposals_open_at", "review_starts_at", "voting_opens_at", "voting_closes_at"])
    .where("phase", "!=", "closed")
    .limit(ROUNDS_LIMIT)
    .execute();
  let moved = 0;
  const failed: { roundId: number; code: string }[] = [];
  for (const round of candidates) {
    const dates = { phase: round.phase, proposalsOpenAt: round.proposals_open_at, reviewStartsAt: round.review_starts_at, votingOpensAt: round.voting_opens_at, votingClosesAt: round.voting_closes_at };
    if (!isDueToMove(dates, now)) continue;
    const to = nextPhase(round.phase)!;
    try {
      await movePhase(db, { user: null, ip: null, system: true }, round.id, to, t("rounds.round.history.scheduled"));
      moved++;
    } catch (error) {
      // Another instance may have moved it first, or voting cannot open yet; officers see why on the round page.
      failed.push({ roundId: round.id, code: error instanceof DomainError ? error.code : (sqlState(error) ?? "error") });
    }
  }
  return { moved, failed };
}
