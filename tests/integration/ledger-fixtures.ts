// Helpers shared by the ledger integration tests.
import { randomBytes } from "node:crypto";
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import type { Database } from "../../db/schema.js";
import type { DbHandle } from "../../db/client.js";
import { openAccount } from "../../app/services/ledger/accounts.server.js";
import type { LedgerDb } from "../../app/services/ledger/db.server.js";
import { postEntry } from "../../app/services/ledger/post.server.js";

export type Handle = DbHandle & { url?: string };

export function uniqueKey(prefix = "test"): string {
  return `${prefix}-${randomBytes(8).toString("hex")}`;
}

/** A source account with no lower bound, for creating value in tests. */
export async function openSource(db: LedgerDb, unit: "GBP" | "HOUR" = "GBP"): Promise<string> {
  const code = `test:source:${unit.toLowerCase()}`;
  await openAccount(db, { code, unit, name: `Test source of ${unit}` });
  return code;
}

/** Opens `code` with minimum 0 and puts `amount` in it from the unbounded source. */
export async function openFunded(db: LedgerDb, code: string, amount: string, unit: "GBP" | "HOUR" = "GBP"): Promise<void> {
  const source = await openSource(db, unit);
  await openAccount(db, { code, unit, name: `Account ${code}`, minBalance: "0" });
  await postEntry(db, {
    idempotencyKey: uniqueKey("fund"),
    kind: "funding",
    createdBy: "test",
    postings: [
      { accountCode: source, unit, amount: `-${amount}` },
      { accountCode: code, unit, amount },
    ],
  });
}

export function transfer(from: string, to: string, amount: string, idempotencyKey = uniqueKey(), unit: "GBP" | "HOUR" = "GBP") {
  return {
    idempotencyKey,
    kind: "transfer",
    memo: `Transfer of ${amount}`,
    createdBy: "test",
    postings: [
      { accountCode: from, unit, amount: `-${amount}` },
      { accountCode: to, unit, amount },
    ],
  };
}

/**
 * A pool whose clients survive being terminated while checked out. pg-pool only listens for
 * errors on idle clients, so without this a kill between two statements of a transaction is an
 * uncaught 'error' event (db/client.ts has the same exposure; see the ledger decision record).
 */
export function createVictimDb(url: string, poolMax = 8): { db: Kysely<Database>; close(): Promise<void> } {
  const pool = new pg.Pool({ connectionString: url, max: poolMax });
  pool.on("error", () => undefined);
  pool.on("connect", (client) => client.on("error", () => undefined));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, close: () => db.destroy() };
}
