// Shared plumbing for the ledger services: the handle type, transactions that compose with a
// caller's transaction, and turning the database's refusals into errors a person can read.
import type { Kysely, Transaction } from "kysely";
import type { Database } from "../../../db/schema.js";
import { DomainError } from "../../domain/errors.js";
import { isUniqueViolation, sqlState } from "../db-errors.js";

export type LedgerDb = Kysely<Database>;

/** Runs fn in a transaction: the caller's own, or a new one. */
export async function inTransaction<T>(db: LedgerDb, fn: (trx: LedgerDb) => Promise<T>): Promise<T> {
  if (db.isTransaction) return fn(db);
  return db.transaction().execute((trx: Transaction<Database>) => fn(trx));
}

function detailOf(error: unknown): string {
  const detail = (error as { detail?: unknown }).detail;
  return typeof detail === "string" ? detail.slice(0, 200) : "";
}

/**
 * The ledger's SQLSTATEs (class LD, raised in db/migrations/0002_ledger.ts) and the constraint
 * violations a caller can cause, as DomainErrors. Anything else is a bug and is rethrown as is.
 */
export function ledgerErrorFromDatabase(error: unknown): DomainError | undefined {
  const state = sqlState(error);
  const detail = detailOf(error);
  switch (state) {
    case "LD001":
      return new DomainError("ledger_account_not_found", { values: { accountCode: detail }, status: 404 });
    case "LD004":
      return new DomainError("ledger_unit_mismatch", { values: { accountCode: detail }, status: 422 });
    case "LD005":
      return new DomainError("ledger_below_minimum", { values: { accountCode: detail }, status: 422 });
    case "LD006":
      return new DomainError("ledger_above_maximum", { values: { accountCode: detail }, status: 422 });
    case "LD012":
      return new DomainError("ledger_unbalanced", { values: { unit: detail, difference: "" }, status: 400 });
    case "LD013":
      return new DomainError("ledger_reversal_of_reversal", { values: { entryId: detail }, status: 409 });
    case "LD017":
      return new DomainError("ledger_account_repeated", { values: { accountCode: detail }, status: 400 });
    case "LD019":
      return new DomainError("ledger_entry_not_found", { values: { entryId: detail }, status: 404 });
    case "22003":
      return new DomainError("ledger_balance_limit", { status: 422 });
  }
  if (isUniqueViolation(error, "ledger_entry_reverses_entry_id_key")) {
    return new DomainError("ledger_already_reversed", { status: 409 });
  }
  if (state === "23514" && (error as { constraint?: unknown }).constraint === "ledger_account_balance_limit") {
    return new DomainError("ledger_balance_limit", { status: 422 });
  }
  return undefined;
}

export async function withLedgerErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw ledgerErrorFromDatabase(error) ?? error;
  }
}

export function hexOf(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("hex");
}
