// Casting ballots: online (replaceable until close), with a one-time code, or keyed from paper.
// Every accepted ballot is stored whole, gets a receipt, and tells the live hub at commit.
import type { Kysely } from "kysely";
import type { Database } from "../../../db/schema.js";
import type { BallotChannel } from "../../../db/schema-rounds.js";
import { DomainError } from "../../domain/errors.js";
import type { BallotChoice } from "../../domain/rounds/ballot.js";
import { normaliseCode, readableCode } from "../../domain/rounds/codes.js";
import { sha256Hex } from "../../domain/ledger/hashing.js";
import { recordAudit } from "../audit.server.js";
import type { Actor } from "../current-user.js";
import { castBallot } from "./cast-ballot.server.js";
import { holdRoundShared } from "./round-lock.server.js";
import { requireOfficerFor, requireSignedIn } from "./access.server.js";

export const MAX_CODES_PER_BATCH = 5_000;
export type RoundRow = Awaited<ReturnType<typeof readRoundForVoting>>;

export async function readRoundForVoting(trx: Kysely<Database>, roundId: number) {
  // Holds the phase still while the ballot is written; a phase change waits for it.
  await holdRoundShared(trx, roundId);
  const round = await trx.selectFrom("budget_round").selectAll().where("id", "=", roundId).executeTakeFirst();
  if (!round) throw new DomainError("round_not_found", { status: 404 });
  return round;
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
      receipt_hash: sha256Hex(receipt),
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
  return castBallot(db, roundId, { channel: "online", userId: user.id }, choices, now);
}

/** Checks a code before showing the ballot: exists, belongs to this round, unused. */
export async function checkVotingCode(db: Kysely<Database>, roundId: number, codeText: string) {
  const code = normaliseCode(codeText);
  if (!code) throw new DomainError("voting_code_invalid", { field: "code" });
  const row = await db.selectFrom("voting_code").select(["id", "used_at"]).where("code_hash", "=", sha256Hex(code)).where("round_id", "=", roundId).executeTakeFirst();
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
    .where("voting_code.code_hash", "=", sha256Hex(code))
    .executeTakeFirst();
  if (!row) throw new DomainError("voting_code_invalid", { field: "code" });
  if (row.used_at) throw new DomainError("voting_code_used", { field: "code", status: 409 });
  return { code, roundSlug: row.slug };
}

/** A person votes with a one-time code and no account. The code works once (database-enforced). */
export async function castCodeBallot(db: Kysely<Database>, roundId: number, codeText: string, choices: readonly BallotChoice[], now = new Date()) {
  const code = normaliseCode(codeText);
  if (!code) throw new DomainError("voting_code_invalid", { field: "code" });
  const { ballotId, receipt } = await castBallot(db, roundId, { channel: "code", code }, choices, now);
  return { ballotId, receipt };
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
        .values(codes.slice(i, i + 500).map((code) => ({ round_id: roundId, code_hash: sha256Hex(code), batch_label: batchLabel, created_by_user_id: officer?.id ?? null })))
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
    .where("receipt_hash", "=", sha256Hex(receipt))
    .executeTakeFirst();
  if (!row) throw new DomainError("receipt_not_found", { field: "receipt" });
  return { receiptHash: row.receipt_hash, counted: row.superseded_at === null, channel: row.channel, choices: row.choices as BallotChoice[] };
}
