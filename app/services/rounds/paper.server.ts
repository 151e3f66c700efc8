// Paper ballots, keyed sheet by sheet in batches. With double keying a second officer keys
// the same batch; the batch counts only when both keyings agree on every sheet.
import type { Kysely } from "kysely";
import type { Database } from "../../../db/schema.js";
import { DomainError } from "../../domain/errors.js";
import { BallotRejected, checkBallot, type BallotChoice } from "../../domain/rounds/ballot.js";
import { canonicalJson } from "../../domain/ledger/canonical.js";
import { recordAudit } from "../audit.server.js";
import type { Actor } from "../current-user.js";
import { isUniqueViolation } from "../db-errors.js";
import { notifyLive, requireOfficerFor } from "./access.server.js";
import { ballotRulesOf } from "../../domain/rounds/rules.js";
import { insertBallot, readRoundForVoting } from "./voting.server.js";

export const MAX_SHEETS_PER_BATCH = 2_000;

async function batchWithRound(trx: Kysely<Database>, batchId: number, lock: boolean) {
  let query = trx.selectFrom("paper_batch").selectAll().where("id", "=", batchId);
  if (lock) query = query.forUpdate();
  const batch = await query.executeTakeFirst();
  if (!batch) throw new DomainError("paper_batch_not_found", { status: 404 });
  const round = await readRoundForVoting(trx, batch.round_id);
  return { batch, round };
}

function assertPaperOpen(round: { phase: string; allow_paper_votes: boolean }) {
  if (!round.allow_paper_votes) throw new DomainError("voting_paper_not_allowed", { status: 409 });
  // Paper ballots are keyed while voting is open, and after close for ballots that arrived in time.
  if (round.phase !== "voting" && round.phase !== "closed") throw new DomainError("round_phase_wrong", { values: { phase: round.phase }, status: 409 });
}

export async function createPaperBatch(db: Kysely<Database>, actor: Actor, roundId: number, input: { label: string; doubleKeying: boolean }): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const round = await readRoundForVoting(trx, roundId);
    const officer = requireOfficerFor(actor, round.organisation_id);
    assertPaperOpen(round);
    try {
      const row = await trx
        .insertInto("paper_batch")
        .values({ round_id: roundId, label: input.label, double_keying: input.doubleKeying, created_by_user_id: officer?.id ?? null })
        .returning("id")
        .executeTakeFirstOrThrow();
      await recordAudit(trx, { actorUserId: officer?.id ?? null, action: "paper.batch_created", subjectType: "paper_batch", subjectId: row.id, ip: actor.ip, details: input });
      return row.id;
    } catch (error) {
      if (isUniqueViolation(error)) throw new DomainError("paper_batch_label_taken", { field: "label" });
      throw error;
    }
  });
}

/** Keys one sheet. The ballot rules are checked now, so a spoilt sheet is caught at the desk. */
export async function keyPaperSheet(
  db: Kysely<Database>,
  actor: Actor,
  batchId: number,
  input: { pass: 1 | 2; sheetNumber: number; choices: readonly BallotChoice[] },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const { batch, round } = await batchWithRound(trx, batchId, false);
    const officer = requireOfficerFor(actor, round.organisation_id);
    if (!officer) throw new DomainError("forbidden", { status: 403 });
    assertPaperOpen(round);
    if (batch.status === "accepted") throw new DomainError("paper_batch_accepted", { status: 409 });
    if (input.pass === 2 && !batch.double_keying) throw new DomainError("paper_batch_not_found", { status: 404 });
    if (!Number.isInteger(input.sheetNumber) || input.sheetNumber < 1 || input.sheetNumber > MAX_SHEETS_PER_BATCH) {
      throw new DomainError("paper_batch_not_found", { status: 400 });
    }
    if (input.pass === 2) {
      const firstKeyer = await trx.selectFrom("paper_keying").select("keyed_by_user_id").where("batch_id", "=", batchId).where("pass", "=", 1).limit(1).executeTakeFirst();
      if (firstKeyer && firstKeyer.keyed_by_user_id === officer.id) throw new DomainError("paper_second_keyer_same", { status: 409 });
    }
    const check = checkBallot(ballotRulesOf(round), input.choices);
    if (!check.ok) throw new BallotRejected(check.problems);
    try {
      await trx
        .insertInto("paper_keying")
        .values({ batch_id: batchId, pass: input.pass, sheet_number: input.sheetNumber, keyed_by_user_id: officer.id, choices: JSON.stringify(check.choices) })
        .execute();
    } catch (error) {
      if (isUniqueViolation(error)) throw new DomainError("paper_sheet_keyed", { field: "sheetNumber", values: { sheet: input.sheetNumber }, status: 409 });
      throw error;
    }
  });
}

export interface SheetMismatch {
  sheetNumber: number;
  first: BallotChoice[] | null;
  second: BallotChoice[] | null;
}

/** Sheets where the two keyings differ (or only one keyed the sheet). */
export async function reconcileBatch(db: Kysely<Database>, batchId: number): Promise<{ sheets: number; mismatches: SheetMismatch[] }> {
  const rows = await db.selectFrom("paper_keying").select(["pass", "sheet_number", "choices"]).where("batch_id", "=", batchId).orderBy("sheet_number").execute();
  const bySheet = new Map<number, { first: BallotChoice[] | null; second: BallotChoice[] | null }>();
  for (const row of rows) {
    const entry = bySheet.get(row.sheet_number) ?? { first: null, second: null };
    if (row.pass === 1) entry.first = row.choices as BallotChoice[];
    else entry.second = row.choices as BallotChoice[];
    bySheet.set(row.sheet_number, entry);
  }
  const mismatches: SheetMismatch[] = [];
  for (const [sheetNumber, entry] of bySheet) {
    if (entry.first === null || entry.second === null || canonicalJson(entry.first) !== canonicalJson(entry.second)) {
      mismatches.push({ sheetNumber, ...entry });
    }
  }
  return { sheets: bySheet.size, mismatches };
}

/** Replaces one keying of a sheet while reconciling (the paper is looked at again). */
export async function rekeySheet(db: Kysely<Database>, actor: Actor, batchId: number, input: { pass: 1 | 2; sheetNumber: number; choices: readonly BallotChoice[] }): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const { batch, round } = await batchWithRound(trx, batchId, true);
    const officer = requireOfficerFor(actor, round.organisation_id);
    if (batch.status === "accepted") throw new DomainError("paper_batch_accepted", { status: 409 });
    const check = checkBallot(ballotRulesOf(round), input.choices);
    if (!check.ok) throw new BallotRejected(check.problems);
    await trx.deleteFrom("paper_keying").where("batch_id", "=", batchId).where("pass", "=", input.pass).where("sheet_number", "=", input.sheetNumber).execute();
    await trx
      .insertInto("paper_keying")
      .values({ batch_id: batchId, pass: input.pass, sheet_number: input.sheetNumber, keyed_by_user_id: officer?.id ?? batch.created_by_user_id!, choices: JSON.stringify(check.choices) })
      .execute();
    await recordAudit(trx, { actorUserId: officer?.id ?? null, action: "paper.sheet_rekeyed", subjectType: "paper_batch", subjectId: batchId, ip: actor.ip, details: { pass: input.pass, sheet: input.sheetNumber } });
  });
}

/** Accepts a batch: each sheet becomes a stored ballot with its own receipt, all or none. */
export async function acceptBatch(db: Kysely<Database>, actor: Actor, batchId: number): Promise<{ ballots: number }> {
  return db.transaction().execute(async (trx) => {
    const { batch, round } = await batchWithRound(trx, batchId, true);
    const officer = requireOfficerFor(actor, round.organisation_id);
    if (batch.status === "accepted") throw new DomainError("paper_batch_accepted", { status: 409 });
    const { sheets, mismatches } = await reconcileBatch(trx, batchId);
    if (sheets === 0) throw new DomainError("paper_batch_empty", { status: 409 });
    if (batch.double_keying && mismatches.length > 0) {
      throw new DomainError("paper_batch_mismatches", { values: { count: mismatches.length }, status: 409 });
    }
    const firstPass = await trx.selectFrom("paper_keying").select(["id", "choices"]).where("batch_id", "=", batchId).where("pass", "=", 1).orderBy("sheet_number").execute();
    for (const sheet of firstPass) {
      await insertBallot(trx, round, "paper", { paperKeyingId: sheet.id }, sheet.choices as BallotChoice[]);
    }
    await notifyLive(trx, `round:${round.id}`);
    await trx.updateTable("paper_batch").set({ status: "accepted", accepted_at: new Date(), accepted_by_user_id: officer?.id ?? null }).where("id", "=", batchId).execute();
    await recordAudit(trx, { actorUserId: officer?.id ?? null, action: "paper.batch_accepted", subjectType: "paper_batch", subjectId: batchId, ip: actor.ip, details: { ballots: firstPass.length } });
    return { ballots: firstPass.length };
  });
}

export async function listBatches(db: Kysely<Database>, roundId: number) {
  return db
    .selectFrom("paper_batch")
    .select((eb) => [
      "id", "label", "double_keying", "status", "created_at",
      eb.selectFrom("paper_keying").select(eb.fn.countAll<bigint>().as("n")).whereRef("paper_keying.batch_id", "=", "paper_batch.id").where("pass", "=", 1).as("first_pass_sheets"),
      eb.selectFrom("paper_keying").select(eb.fn.countAll<bigint>().as("n")).whereRef("paper_keying.batch_id", "=", "paper_batch.id").where("pass", "=", 2).as("second_pass_sheets"),
    ])
    .where("round_id", "=", roundId)
    .orderBy("id")
    .limit(500)
    .execute();
}
