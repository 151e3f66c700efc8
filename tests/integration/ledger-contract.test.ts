// The database itself holds the ledger's invariants: these tests go around the services with
// raw SQL and check that every attempt to break the books is refused.
import { sql, type RawBuilder } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openAccount } from "../../app/services/ledger/accounts.server.js";
import type { LedgerDb } from "../../app/services/ledger/db.server.js";
import { postEntry } from "../../app/services/ledger/post.server.js";
import { verifyLedger } from "../../app/services/ledger/verify.server.js";
import { testDatabases } from "./databases.js";
import { openFunded, transfer, uniqueKey, type Handle } from "./ledger-fixtures.js";

const HASH = "a".repeat(64);

async function refusal(db: LedgerDb, statement: RawBuilder<unknown>): Promise<{ code?: string; constraint?: string; message: string }> {
  try {
    await statement.execute(db);
  } catch (error) {
    const { code, constraint } = error as { code?: string; constraint?: string };
    return { code, constraint, message: (error as Error).message };
  }
  throw new Error("the database accepted a statement that breaks the ledger");
}

/** Runs raw statements in one transaction; returns the error raised at any point, commit included. */
async function transactionRefusal(db: LedgerDb, statements: (entryId: bigint) => RawBuilder<unknown>[]): Promise<{ code?: string; message: string }> {
  try {
    await db.transaction().execute(async (trx) => {
      const entry = await sql<{ id: bigint }>`
        insert into ledger_entry (idempotency_key, request_hash, kind, created_by)
        values (${uniqueKey("raw")}, ${HASH}, 'raw', 'test') returning id`.execute(trx);
      for (const statement of statements(BigInt(entry.rows[0]!.id))) await statement.execute(trx);
    });
  } catch (error) {
    return { code: (error as { code?: string }).code, message: (error as Error).message };
  }
  throw new Error("the database committed a transaction that breaks the ledger");
}

async function accountId(db: LedgerDb, code: string): Promise<bigint> {
  const row = await db.selectFrom("ledger_account").select("id").where("code", "=", code).executeTakeFirstOrThrow();
  return BigInt(row.id);
}

describe.each(testDatabases)("ledger database contract on $name", (database) => {
  let handle: Handle;
  let entryId: bigint;
  beforeAll(async () => {
    handle = await database.open();
    await openFunded(handle.db, "raw:a", "10.00");
    await openAccount(handle.db, { code: "raw:b", unit: "GBP", name: "Raw B", minBalance: "0", maxBalance: "20.00" });
    await openAccount(handle.db, { code: "raw:hours", unit: "HOUR", name: "Raw hours" });
    entryId = (await postEntry(handle.db, transfer("raw:a", "raw:b", "1.00"))).entryId;
  });
  afterAll(async () => {
    await handle?.close();
  });

  it("refuses UPDATE, DELETE and TRUNCATE on entries and postings", async () => {
    const { db } = handle;
    for (const statement of [
      sql`update ledger_entry set memo = 'changed' where id = ${entryId.toString()}::bigint`,
      sql`delete from ledger_entry where id = ${entryId.toString()}::bigint`,
      sql`truncate ledger_entry cascade`,
      sql`update ledger_posting set amount_minor = amount_minor * 2 where entry_id = ${entryId.toString()}::bigint`,
      sql`delete from ledger_posting where entry_id = ${entryId.toString()}::bigint`,
      sql`truncate ledger_posting`,
    ]) {
      const error = await refusal(db, statement);
      expect(error.message).toMatch(/is not allowed: the table is append-only/);
    }
    expect((await verifyLedger(db)).ok).toBe(true);
  });

  it("refuses writing an account's balance, version or hash directly, and deleting an account", async () => {
    const { db } = handle;
    expect((await refusal(db, sql`update ledger_account set balance_minor = 1000000 where code = 'raw:a'`)).code).toBe("LD010");
    expect((await refusal(db, sql`update ledger_account set version = 0 where code = 'raw:a'`)).code).toBe("LD010");
    expect((await refusal(db, sql`update ledger_account set unit = 'HOUR' where code = 'raw:a'`)).code).toBe("LD009");
    expect((await refusal(db, sql`insert into ledger_account (code, unit, name, balance_minor) values ('raw:rich', 'GBP', 'Rich', 100)`)).code).toBe("LD008");
    expect((await refusal(db, sql`delete from ledger_account where code = 'raw:hours'`)).message).toMatch(/append-only/);
    // Names and visibility may change.
    await sql`update ledger_account set name = 'Renamed', is_public = true where code = 'raw:hours'`.execute(db);
  });

  it("refuses at commit an entry whose postings do not sum to zero", async () => {
    const { db } = handle;
    const a = await accountId(db, "raw:a");
    const b = await accountId(db, "raw:b");
    const error = await transactionRefusal(db, (id) => [
      sql`insert into ledger_posting (entry_id, account_id, unit, amount_minor) values (${id.toString()}::bigint, ${a.toString()}::bigint, 'GBP', -100)`,
      sql`insert into ledger_posting (entry_id, account_id, unit, amount_minor) values (${id.toString()}::bigint, ${b.toString()}::bigint, 'GBP', 99)`,
    ]);
    expect(error.code).toBe("LD012");
  });

  it("refuses a posting added after the entry was checked early", async () => {
    const { db } = handle;
    const a = await accountId(db, "raw:a");
    const b = await accountId(db, "raw:b");
    const source = await accountId(db, "test:source:gbp");
    const error = await transactionRefusal(db, (id) => [
      sql`insert into ledger_posting (entry_id, account_id, unit, amount_minor) values (${id.toString()}::bigint, ${a.toString()}::bigint, 'GBP', -100)`,
      sql`insert into ledger_posting (entry_id, account_id, unit, amount_minor) values (${id.toString()}::bigint, ${b.toString()}::bigint, 'GBP', 100)`,
      // The entry passes its check here...
      sql`set constraints ledger_entry_balanced immediate`,
      sql`set constraints ledger_entry_balanced deferred`,
      // ...so a posting added now would escape it: refused as it is inserted.
      sql`insert into ledger_posting (entry_id, account_id, unit, amount_minor) values (${id.toString()}::bigint, ${source.toString()}::bigint, 'GBP', 5)`,
    ]);
    expect(error.code).toBe("LD022");
  });

  it("refuses at commit an entry with fewer than two postings", async () => {
    const { db } = handle;
    expect((await transactionRefusal(db, () => [])).code).toBe("LD011");
    const a = await accountId(db, "raw:a");
    const error = await transactionRefusal(db, (id) => [
      sql`insert into ledger_posting (entry_id, account_id, unit, amount_minor) values (${id.toString()}::bigint, ${a.toString()}::bigint, 'GBP', 0)`,
    ]);
    expect(error.code).toBe("23514");
  });

  it("refuses malformed accounts, entries and postings written by raw SQL, naming the rule", async () => {
    const { db } = handle;
    const refusedBy = async (statement: RawBuilder<unknown>) => {
      const error = await refusal(db, statement);
      return `${error.code}:${error.constraint ?? ""}`;
    };
    expect(await refusedBy(sql`insert into ledger_account (code, unit, name) values ('Bad Code', 'GBP', 'Bad')`)).toBe(
      "23514:ledger_account_code_check",
    );
    expect(await refusedBy(sql`insert into ledger_account (code, unit, name) values ('raw:noname', 'GBP', '')`)).toBe(
      "23514:ledger_account_name_check",
    );
    expect(await refusedBy(sql`insert into ledger_account (code, unit, name, owner_type) values ('raw:half-owner', 'GBP', 'Half', 'person')`)).toBe(
      "23514:ledger_account_owner",
    );
    expect(await refusedBy(sql`update ledger_account set min_balance_minor = 5 where code = 'raw:a'`)).toBe(
      "23514:ledger_account_min_balance_minor_check",
    );
    expect(await refusedBy(sql`insert into ledger_entry (idempotency_key, request_hash, kind, created_by) values ('k-bad-kind', ${HASH}, 'Not A Kind', 'test')`)).toBe(
      "23514:ledger_entry_kind_check",
    );
    expect(await refusedBy(sql`insert into ledger_entry (idempotency_key, request_hash, kind, created_by) values ('k-bad-hash', 'nothex', 'raw', 'test')`)).toBe(
      "23514:ledger_entry_request_hash_check",
    );
    expect(await refusedBy(sql`insert into ledger_entry (idempotency_key, request_hash, kind, created_by, metadata) values ('k-bad-meta', ${HASH}, 'raw', 'test', '{"n": 1}')`)).toBe(
      "23514:ledger_entry_metadata_check",
    );
  });

  it("refuses postings added to an entry after the transaction that created it", async () => {
    const { db } = handle;
    await openAccount(db, { code: "raw:late-1", unit: "GBP", name: "Late 1" });
    await openAccount(db, { code: "raw:late-2", unit: "GBP", name: "Late 2" });
    const late1 = await accountId(db, "raw:late-1");
    const late2 = await accountId(db, "raw:late-2");
    // Balanced, on accounts with no history: only the closed entry can refuse it.
    const error = await refusal(
      db,
      sql`insert into ledger_posting (entry_id, account_id, unit, amount_minor)
          values (${entryId.toString()}::bigint, ${late1.toString()}::bigint, 'GBP', 5), (${entryId.toString()}::bigint, ${late2.toString()}::bigint, 'GBP', -5)`,
    );
    expect(error.code).toBe("LD021");
    const forged = await refusal(db, sql`insert into ledger_entry (idempotency_key, request_hash, kind, created_by, created_xact)
      values (${uniqueKey()}, ${HASH}, 'raw', 'test', '1'::xid8)`);
    expect(forged.code).toBe("LD007");
  });

  it("refuses a posting whose entry id is older than the account's last entry", async () => {
    const { db } = handle;
    const a = await accountId(db, "raw:a");
    const b = await accountId(db, "raw:b");
    // Two entries in one transaction, the older one posted to last on the same accounts.
    const error = await transactionRefusal(db, (older) => [
      sql`insert into ledger_entry (idempotency_key, request_hash, kind, created_by) values (${uniqueKey("raw")}, ${HASH}, 'raw', 'test')`,
      sql`insert into ledger_posting (entry_id, account_id, unit, amount_minor)
          select max(id), ${a.toString()}::bigint, 'GBP', -1 from ledger_entry`,
      sql`insert into ledger_posting (entry_id, account_id, unit, amount_minor)
          select max(id), ${b.toString()}::bigint, 'GBP', 1 from ledger_entry`,
      sql`insert into ledger_posting (entry_id, account_id, unit, amount_minor) values (${older.toString()}::bigint, ${a.toString()}::bigint, 'GBP', -1)`,
    ]);
    expect(error.code).toBe("LD018");
  });

  it("refuses balances outside the account's bounds, even by raw SQL", async () => {
    const { db } = handle;
    const a = await accountId(db, "raw:a");
    const b = await accountId(db, "raw:b");
    const below = await transactionRefusal(db, (id) => [
      sql`insert into ledger_posting (entry_id, account_id, unit, amount_minor) values (${id.toString()}::bigint, ${b.toString()}::bigint, 'GBP', -101)`,
      sql`insert into ledger_posting (entry_id, account_id, unit, amount_minor) values (${id.toString()}::bigint, ${a.toString()}::bigint, 'GBP', 101)`,
    ]);
    expect(below.code).toBe("LD005");
    const source = await accountId(db, "test:source:gbp");
    const above = await transactionRefusal(db, (id) => [
      sql`insert into ledger_posting (entry_id, account_id, unit, amount_minor) values (${id.toString()}::bigint, ${source.toString()}::bigint, 'GBP', -1901)`,
      sql`insert into ledger_posting (entry_id, account_id, unit, amount_minor) values (${id.toString()}::bigint, ${b.toString()}::bigint, 'GBP', 1901)`,
    ]);
    expect(above.code).toBe("LD006");
    // The CHECK constraint stands behind the trigger: tightening bounds past the balance fails.
    const check = await refusal(db, sql`update ledger_account set max_balance_minor = 50 where code = 'raw:b'`);
    expect(check.code).toBe("23514");
  });

  it("refuses a posting whose unit is not its account's unit", async () => {
    const { db } = handle;
    const a = await accountId(db, "raw:a");
    const hours = await accountId(db, "raw:hours");
    const error = await transactionRefusal(db, (id) => [
      sql`insert into ledger_posting (entry_id, account_id, unit, amount_minor) values (${id.toString()}::bigint, ${a.toString()}::bigint, 'HOUR', -100)`,
      sql`insert into ledger_posting (entry_id, account_id, unit, amount_minor) values (${id.toString()}::bigint, ${hours.toString()}::bigint, 'HOUR', 100)`,
    ]);
    expect(error.code).toBe("LD004");
  });

  it("refuses a posting that lies about its balance or chain", async () => {
    const { db } = handle;
    const a = await accountId(db, "raw:a");
    const b = await accountId(db, "raw:b");
    const error = await transactionRefusal(db, (id) => [
      sql`insert into ledger_posting (entry_id, account_id, unit, amount_minor, balance_after_minor) values (${id.toString()}::bigint, ${a.toString()}::bigint, 'GBP', -100, 123456)`,
      sql`insert into ledger_posting (entry_id, account_id, unit, amount_minor) values (${id.toString()}::bigint, ${b.toString()}::bigint, 'GBP', 100)`,
    ]);
    expect(error.code).toBe("LD007");
    const forged = await refusal(db, sql`insert into ledger_entry (idempotency_key, request_hash, kind, created_by, hash)
      values (${uniqueKey()}, ${HASH}, 'raw', 'test', decode(repeat('11', 32), 'hex'))`);
    expect(forged.code).toBe("LD007");
  });

  it("accepts a correct entry written by raw SQL, and verify agrees", async () => {
    const { db } = handle;
    const a = await accountId(db, "raw:a");
    const b = await accountId(db, "raw:b");
    await db.transaction().execute(async (trx) => {
      const entry = await sql<{ id: bigint }>`insert into ledger_entry (idempotency_key, request_hash, kind, created_by)
        values (${uniqueKey("raw")}, ${HASH}, 'raw', 'test') returning id`.execute(trx);
      const id = BigInt(entry.rows[0]!.id).toString();
      await sql`insert into ledger_posting (entry_id, account_id, unit, amount_minor) values (${id}::bigint, ${a.toString()}::bigint, 'GBP', -50)`.execute(trx);
      await sql`insert into ledger_posting (entry_id, account_id, unit, amount_minor) values (${id}::bigint, ${b.toString()}::bigint, 'GBP', 50)`.execute(trx);
    });
    const report = await verifyLedger(db);
    expect(report.violations).toEqual([]);
  });

  it("verify names tampering done with the triggers switched off", async () => {
    // A fresh database, because this test breaks the ledger on purpose.
    const broken = await database.open();
    try {
      const { db } = broken;
      await openFunded(db, "tamper:a", "10.00");
      await openAccount(db, { code: "tamper:b", unit: "GBP", name: "Tamper B" });
      const posted = await postEntry(db, transfer("tamper:a", "tamper:b", "1.00"));
      expect((await verifyLedger(db)).ok).toBe(true);
      await db.transaction().execute(async (trx) => {
        await sql`set local session_replication_role = replica`.execute(trx);
        await sql`update ledger_posting set amount_minor = -200 where entry_id = ${posted.entryId.toString()}::bigint and amount_minor = -100`.execute(trx);
      });
      const report = await verifyLedger(db);
      expect(report.ok).toBe(false);
      const codes = report.violations.map((violation) => violation.code);
      expect(codes[0]).toBe("entry_unbalanced");
      expect(codes).toContain("posting_balance_mismatch");
      expect(codes).toContain("posting_hash_mismatch");
    } finally {
      await broken.close();
    }
  });
});
