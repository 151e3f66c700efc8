// Casting ballots: online (replaceable until close), with a one-time code, or keyed from paper.
// Every accepted ballot is stored whole, gets a receipt, and tells the live hub at commit.
import { createHash, randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "../../../db/schema.js";
import type { BallotChannel } from "../../../db/schema-rounds.js";
import { DomainError } from "../../domain/errors.js";
import { BallotRejected, checkBallot, type BallotChoice, type BallotRules } from "../../domain/rounds/ballot.js";

export { BallotRejected };
import type { FrozenRules } from "../../domain/rounds/rules.js";
import { recordAudit } from "../audit.server.js";
import type { Actor } from "../current-user.js";
import { isUniqueViolation } from "../db-errors.js";
import { announceCommitted } from "../live-announce.server.js";
import { holdRoundShared } from "./round-lock.server.js";
import { requireOfficerFor, requireSignedIn } from "./access.server.js";

export const MAX_CODES_PER_BATCH = 5_000;
const CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

export function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** A code people can read aloud and type: 12 characters in groups of four, no look-alikes. */
export function readableCode(): string {
  const bytes = randomBytes(12);
  let out = "";
  for (let i = 0; i < 12; i++) {
    if (i > 0 && i % 4 === 0) out += "-";
    out += CODE_ALPHABET[bytes[i]! % CODE_ALPHABET.length];
  }
  return out;
}

export function normaliseCode(text: string): string | null {
  const compact = text.toUpperCase().replace(/[\s-]/g, "");
  if (!/^[A-Z0-9]{12}$/.test(compact)) return null;
  return `${compact.slice(0, 4)}-${compact.slice(4, 8)}-${compact.slice(8, 12)}`;
}

export type RoundRow = Awaited<ReturnType<typeof readRoundForVoting>>;

export async function readRoundForVoting(trx: Kysely<Database>, roundId: number) {
  // Holds the phase still while the ballot is written; a phase change waits for it.
  await holdRoundShared(trx, roundId);
  const round = await trx.selectFrom("budget_round").selectAll().where("id", "=", roundId).executeTakeFirst();
  if (!round) throw new DomainError("round_not_found", { status: 404 });
  return round;
}

export function ballotRulesOf(round: { frozen_rules: unknown }): BallotRules {
  const frozen = (typeof round.frozen_rules === "string" ? JSON.parse(round.frozen_rules) : round.frozen_rules) as FrozenRules | null;
  if (!frozen) throw new DomainError("voting_closed", { status: 409 });
  return {
    type: frozen.ballotType,
    minChoices: frozen.minChoices,
    maxChoices: frozen.maxChoices,
    pointsTotal: frozen.pointsTotal,
    budgetMinor: BigInt(frozen.budgetMinor),
    projects: frozen.projects.map((p) => ({ id: p.id, costMinor: BigInt(p.costMinor) })),
  };
}

function assertVotingOpen(round: RoundRow, now: Date): void {
  if (round.phase !== "voting" || (round.voting_closes_at !== null && round.voting_closes_at.getTime() <= now.getTime())) {
    throw new DomainError("voting_closed", { status: 409 });
  }
}

export function validBallot(round: RoundRow, choices: readonly BallotChoice[]): BallotChoice[] {
  const check = checkBallot(ballotRulesOf(round), choices);
  if (!check.ok) throw new BallotRejected(check.problems);
  return check.choices;
}

export async function insertBallot(
  trx: Kysely<Database>,
  round: RoundRow,
  channel: BallotChannel,
  who: { voterUserId?: number; votingCodeId?: number; paperKeyingId?: number },
  choices: BallotChoice[],
): Promise<{ ballotId: number; receipt: string }> {
  const receipt = readableCode();
  const ballot = await trx
    .insertInto("ballot")
    .values({
      round_id: round.id,
      channel,
      voter_user_id: who.voterUserId ?? null,
      voting_code_id: who.votingCodeId ?? null,
      paper_keying_id: who.paperKeyingId ?? null,
      receipt_hash: sha256(receipt),
      choices: JSON.stringify(choices),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  if (choices.length > 0) {
    await trx
      .insertInto("ballot_choice")
      .values(choices.map((c) => ({ ballot_id: ballot.id, proposal_id: c.proposalId, points: c.points, rank: c.rank })))
      .execute();
  }
  return { ballotId: ballot.id, receipt };
}

/** A resident votes online. A new ballot replaces their earlier one; only the latest counts. */
export async function castOnlineBallot(db: Kysely<Database>, actor: Actor, roundId: number, choices: readonly BallotChoice[], now = new Date()) {
  const user = requireSignedIn(actor);
  const outcome = await db.transaction().execute(async (trx) => {
    const round = await readRoundForVoting(trx, roundId);
    assertVotingOpen(round, now);
    if (!round.allow_account_votes) throw new DomainError("voting_accounts_not_allowed", { status: 403 });
    if (round.area_only && round.area && (user.area ?? "").toLowerCase() !== round.area.toLowerCase()) {
      throw new DomainError("voting_not_eligible_area", { values: { area: round.area }, status: 403 });
    }
    const valid = validBallot(round, choices);
    // One voter's ballots queue on their own row, so replacing is never a race; the unique
    // index on live ballots stays the final guarantee.
    await trx.selectFrom("app_user").select("id").where("id", "=", user.id).forNoKeyUpdate().executeTakeFirst();
    const replaced = await trx
      .updateTable("ballot")
      .set({ superseded_at: now })
      .where("round_id", "=", roundId)
      .where("voter_user_id", "=", user.id)
      .where("superseded_at", "is", null)
      .returning("id")
      .execute();
    const result = await insertBallot(trx, round, "online", { voterUserId: user.id }, valid);
    return { ...result, replacedEarlierBallot: replaced.length > 0 };
  });
  void announceCommitted(db, `round:${roundId}`);
  return outcome;
}

/** Checks a code before showing the ballot: exists, belongs to this round, unused. */
export async function checkVotingCode(db: Kysely<Database>, roundId: number, codeText: string) {
  const code = normaliseCode(codeText);
  if (!code) throw new DomainError("voting_code_invalid", { field: "code" });
  const row = await db.selectFrom("voting_code").select(["id", "used_at"]).where("code_hash", "=", sha256(code)).where("round_id", "=", roundId).executeTakeFirst();
  if (!row) throw new DomainError("voting_code_invalid", { field: "code" });
  if (row.used_at) throw new DomainError("voting_code_used", { field: "code", status: 409 });
  return code;
}

/** Finds which round a code belongs to, so /vote needs only the code. */
export async function roundForCode(db: Kysely<Database>, codeText: string) {
  const code = normaliseCode(codeText);
  if (!code) throw new DomainError("voting_code_invalid", { field: "code" });
  const row = await db
    .selectFrom("voting_code")
    .innerJoin("budget_round", "budget_round.id", "voting_code.round_id")
    .select(["budget_round.slug", "voting_code.used_at"])
    .where("voting_code.code_hash", "=", sha256(code))
    .executeTakeFirst();
  if (!row) throw new DomainError("voting_code_invalid", { field: "code" });
  if (row.used_at) throw new DomainError("voting_code_used", { field: "code", status: 409 });
  return { code, roundSlug: row.slug };
}

/** A person votes with a one-time code and no account. The code works once (database-enforced). */
export async function castCodeBallot(db: Kysely<Database>, roundId: number, codeText: string, choices: readonly BallotChoice[], now = new Date()) {
  const code = normaliseCode(codeText);
  if (!code) throw new DomainError("voting_code_invalid", { field: "code" });
  try {
    const outcome = await db.transaction().execute(async (trx) => {
      const round = await readRoundForVoting(trx, roundId);
      assertVotingOpen(round, now);
      if (!round.allow_code_votes) throw new DomainError("voting_codes_not_allowed", { status: 403 });
      const valid = validBallot(round, choices);
      const used = await trx
        .updateTable("voting_code")
        .set({ used_at: now })
        .where("code_hash", "=", sha256(code))
        .where("round_id", "=", roundId)
        .where("used_at", "is", null)
        .returning("id")
        .executeTakeFirst();
      if (!used) {
        const exists = await trx.selectFrom("voting_code").select("id").where("code_hash", "=", sha256(code)).where("round_id", "=", roundId).executeTakeFirst();
        throw new DomainError(exists ? "voting_code_used" : "voting_code_invalid", { field: "code", status: exists ? 409 : 400 });
      }
      return insertBallot(trx, round, "code", { votingCodeId: used.id }, valid);
    });
    void announceCommitted(db, `round:${roundId}`);
    return outcome;
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError("voting_code_used", { field: "code", status: 409 });
    throw error;
  }
}

/** An officer makes a batch of one-time codes. The codes are returned once, to print. */
export async function generateVotingCodes(db: Kysely<Database>, actor: Actor, roundId: number, count: number, batchLabel: string): Promise<string[]> {
  if (!Number.isInteger(count) || count < 1 || count > MAX_CODES_PER_BATCH) {
    throw new DomainError("voting_code_count", { field: "count", values: { maximum: MAX_CODES_PER_BATCH } });
  }
  return db.transaction().execute(async (trx) => {
    const round = await readRoundForVoting(trx, roundId);
    const officer = requireOfficerFor(actor, round.organisation_id);
    if (!round.allow_code_votes) throw new DomainError("voting_codes_not_allowed", { status: 409 });
    if (round.phase === "closed") throw new DomainError("round_phase_wrong", { values: { phase: round.phase }, status: 409 });
    const codes = Array.from({ length: count }, readableCode);
    for (let i = 0; i < codes.length; i += 500) {
      await trx
        .insertInto("voting_code")
        .values(codes.slice(i, i + 500).map((code) => ({ round_id: roundId, code_hash: sha256(code), batch_label: batchLabel, created_by_user_id: officer?.id ?? null })))
        .execute();
    }
    await recordAudit(trx, { actorUserId: officer?.id ?? null, action: "round.codes_generated", subjectType: "budget_round", subjectId: roundId, ip: actor.ip, details: { count, batchLabel } });
    return codes;
  });
}

/** The voter's own ballot, for "you voted for ..." on the vote page. */
export async function currentBallotOf(db: Kysely<Database>, roundId: number, userId: number) {
  const row = await db
    .selectFrom("ballot")
    .select(["id", "choices", "cast_at"])
    .where("round_id", "=", roundId)
    .where("voter_user_id", "=", userId)
    .where("superseded_at", "is", null)
    .executeTakeFirst();
  return row ? { ...row, choices: row.choices as BallotChoice[] } : undefined;
}

/**
 * After close: the anonymised list of counted ballots (receipt hash and choices), ordered by
 * receipt hash, which reveals nothing about who voted or when.
 */
export async function publishedBallots(db: Kysely<Database>, roundId: number, options: { afterReceiptHash: string; limit: number }) {
  const round = await db.selectFrom("budget_round").select(["phase"]).where("id", "=", roundId).executeTakeFirst();
  if (!round) throw new DomainError("round_not_found", { status: 404 });
  if (round.phase !== "closed") throw new DomainError("round_phase_wrong", { values: { phase: round.phase }, status: 409 });
  const limit = Math.max(1, Math.min(options.limit, 1000));
  const rows = await db
    .selectFrom("ballot")
    .select(["receipt_hash", "choices", "channel"])
    .where("round_id", "=", roundId)
    .where("superseded_at", "is", null)
    .where("receipt_hash", ">", options.afterReceiptHash)
    .orderBy("receipt_hash")
    .limit(limit)
    .execute();
  return rows.map((r) => ({ receiptHash: r.receipt_hash, channel: r.channel, choices: r.choices as BallotChoice[] }));
}

/** After close, a voter checks their receipt: counted as cast, replaced, or unknown. */
export async function checkReceipt(db: Kysely<Database>, roundId: number, receiptText: string) {
  const receipt = normaliseCode(receiptText);
  if (!receipt) throw new DomainError("receipt_not_found", { field: "receipt" });
  const row = await db
    .selectFrom("ballot")
    .select(["receipt_hash", "choices", "superseded_at", "channel"])
    .where("round_id", "=", roundId)
    .where("receipt_hash", "=", sha256(receipt))
    .executeTakeFirst();
  if (!row) throw new DomainError("receipt_not_found", { field: "receipt" });
  return { receiptHash: row.receipt_hash, counted: row.superseded_at === null, channel: row.channel, choices: row.choices as BallotChoice[] };
}
