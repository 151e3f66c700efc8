// Posting and reversing entries. One SQL round trip per entry: ledger_post_entry() locks the
// accounts, claims the idempotency key and inserts the postings; the database does the rest.
import { sql } from "kysely";
import { DomainError, assert } from "../../domain/errors.js";
import { formatMinor, toBigInt } from "../../domain/ledger/amount.js";
import { requestHashHex } from "../../domain/ledger/hashing.js";
import { checkCreatedBy, checkIdempotencyKey, checkMemo, checkUnit, parseEntryRequest, type EntryInput, type EntryRequest } from "../../domain/ledger/request.js";
import type { UnitCode } from "../../domain/ledger/units.js";
import { t } from "../../i18n/translate.js";
import { hexOf, withLedgerErrors, type LedgerDb } from "./db.server.js";

export interface PostedPosting {
  accountCode: string;
  unit: UnitCode;
  amountMinor: bigint;
  balanceAfterMinor: bigint;
  accountVersion: bigint;
}

export interface PostedEntry {
  entryId: bigint;
  /** "replayed": the same request was posted before under this key; nothing new was written. */
  outcome: "created" | "replayed";
  hashHex: string;
  createdAt: Date;
  /** In ascending account id order (the order the accounts were locked). */
  postings: PostedPosting[];
}

export interface PostEntryRow {
  entry_id: unknown;
  outcome: "created" | "replayed" | "conflict";
  entry_hash: string | null;
  entry_created_at: Date | null;
  account_code: string | null;
  unit: string | null;
  amount_minor: unknown;
  balance_after_minor: unknown;
  account_version: unknown;
}

/**
 * Posts a balanced entry. The same idempotency key with the same request returns the original
 * entry (outcome "replayed"), also after a lost reply; with a different request it is refused
 * with status 409. Runs in the caller's transaction when given one.
 */
export async function postEntry(db: LedgerDb, input: EntryInput): Promise<PostedEntry> {
  return postRequest(db, parseEntryRequest(input));
}

export async function postRequest(db: LedgerDb, request: EntryRequest): Promise<PostedEntry> {
  const requestHash = requestHashHex(request);
  const codes = request.postings.map((posting) => posting.accountCode);
  const units = request.postings.map((posting) => posting.unit);
  const amounts = request.postings.map((posting) => posting.amountMinor.toString());
  const result = await withLedgerErrors(() =>
    sql<PostEntryRow>`select * from ledger_post_entry(
      ${request.idempotencyKey}, ${requestHash}, ${request.kind}, ${request.memo},
      ${JSON.stringify(request.metadata)}::jsonb, ${request.createdBy},
      ${request.reversesEntryId === null ? null : request.reversesEntryId.toString()}::bigint,
      ${codes}::text[], ${units}::text[], ${amounts}::bigint[])`.execute(db),
  );
  const rows = result.rows;
  const first = rows[0];
  assert(first !== undefined, "ledger_post_entry returns at least one row");
  if (first.outcome === "conflict") {
    throw new DomainError("ledger_idempotency_conflict", {
      values: { idempotencyKey: request.idempotencyKey, entryId: toBigInt(first.entry_id) },
      status: 409,
    });
  }
  const posted = postedFromRows(rows);
  if (posted.outcome === "created") {
    // Postcondition: what was written is what was asked.
    assert(posted.postings.length === request.postings.length, "one posting written per posting asked");
    for (const asked of request.postings) {
      const written = posted.postings.find((posting) => posting.accountCode === asked.accountCode);
      assert(written !== undefined && written.amountMinor === asked.amountMinor, "posted amounts match the request");
    }
  }
  return posted;
}

export function postedFromRows(rows: PostEntryRow[]): PostedEntry {
  const first = rows[0]!;
  assert(first.entry_hash !== null && first.entry_created_at !== null, "a posted entry has a hash and a time");
  return {
    entryId: toBigInt(first.entry_id),
    outcome: first.outcome === "created" ? "created" : "replayed",
    hashHex: first.entry_hash,
    createdAt: first.entry_created_at,
    postings: rows.map((row) => ({
      accountCode: row.account_code!,
      unit: checkUnit(row.unit),
      amountMinor: toBigInt(row.amount_minor),
      balanceAfterMinor: toBigInt(row.balance_after_minor),
      accountVersion: toBigInt(row.account_version),
    })),
  };
}

export interface LedgerEntry {
  entryId: bigint;
  idempotencyKey: string;
  kind: string;
  memo: string;
  metadata: Record<string, string>;
  createdBy: string;
  createdAt: Date;
  reversesEntryId: bigint | null;
  reversedByEntryId: bigint | null;
  hashHex: string;
  postings: { accountCode: string; accountName: string; unit: UnitCode; amountMinor: bigint; balanceAfterMinor: bigint; accountVersion: bigint }[];
}

async function findEntry(db: LedgerDb, where: { id: bigint } | { idempotencyKey: string }): Promise<LedgerEntry | undefined> {
  let query = db
    .selectFrom("ledger_entry as e")
    .leftJoin("ledger_entry as r", "r.reverses_entry_id", "e.id")
    .select(["e.id", "e.idempotency_key", "e.kind", "e.memo", "e.metadata", "e.created_by", "e.created_at",
      "e.reverses_entry_id", "e.hash", "r.id as reversed_by"]);
  query = "id" in where ? query.where("e.id", "=", where.id) : query.where("e.idempotency_key", "=", where.idempotencyKey);
  const entry = await query.executeTakeFirst();
  if (!entry) return undefined;
  const postings = await db
    .selectFrom("ledger_posting as p")
    .innerJoin("ledger_account as a", "a.id", "p.account_id")
    .select(["a.code", "a.name", "p.unit", "p.amount_minor", "p.balance_after_minor", "p.account_version"])
    .where("p.entry_id", "=", toBigInt(entry.id))
    .orderBy("p.account_id")
    .execute();
  return {
    entryId: toBigInt(entry.id),
    idempotencyKey: entry.idempotency_key,
    kind: entry.kind,
    memo: entry.memo,
    metadata: entry.metadata,
    createdBy: entry.created_by,
    createdAt: entry.created_at,
    reversesEntryId: entry.reverses_entry_id === null ? null : toBigInt(entry.reverses_entry_id),
    reversedByEntryId: entry.reversed_by === null ? null : toBigInt(entry.reversed_by),
    hashHex: hexOf(entry.hash),
    postings: postings.map((row) => ({
      accountCode: row.code,
      accountName: row.name,
      unit: checkUnit(row.unit),
      amountMinor: toBigInt(row.amount_minor),
      balanceAfterMinor: toBigInt(row.balance_after_minor),
      accountVersion: toBigInt(row.account_version),
    })),
  };
}

export function getEntry(db: LedgerDb, entryId: bigint): Promise<LedgerEntry | undefined> {
  return findEntry(db, { id: entryId });
}

export function getEntryByIdempotencyKey(db: LedgerDb, idempotencyKey: string): Promise<LedgerEntry | undefined> {
  return findEntry(db, { idempotencyKey: checkIdempotencyKey(idempotencyKey) });
}

export interface ReverseEntryInput {
  entryId: bigint;
  idempotencyKey: string;
  memo?: string;
  createdBy: string;
}

/**
 * Reverses an entry with a new entry that mirrors it (nothing is edited). An entry can be
 * reversed once; a reversal cannot itself be reversed (post the entry again instead).
 */
export async function reverseEntry(db: LedgerDb, input: ReverseEntryInput): Promise<PostedEntry> {
  const idempotencyKey = checkIdempotencyKey(input.idempotencyKey);
  const createdBy = checkCreatedBy(input.createdBy);
  const original = await getEntry(db, input.entryId);
  if (!original) throw new DomainError("ledger_entry_not_found", { values: { entryId: input.entryId }, status: 404 });
  if (original.reversesEntryId !== null) {
    throw new DomainError("ledger_reversal_of_reversal", { values: { entryId: input.entryId }, status: 409 });
  }
  const memo = checkMemo(input.memo ?? t("ledger.memo.reversal", { entryId: String(original.entryId) }));
  return postEntry(db, {
    idempotencyKey,
    kind: "reversal",
    memo,
    createdBy,
    reversesEntryId: original.entryId,
    postings: original.postings.map((posting) => ({
      accountCode: posting.accountCode,
      unit: posting.unit,
      amount: formatMinor(-posting.amountMinor, posting.unit),
    })),
  });
}
