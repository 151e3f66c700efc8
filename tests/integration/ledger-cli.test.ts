import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ledgerCommand } from "../../cli/ledger.js";
import { openAccount } from "../../app/services/ledger/accounts.server.js";
import { postEntry } from "../../app/services/ledger/post.server.js";
import { testDatabases } from "./databases.js";
import { openFunded, transfer, type Handle } from "./ledger-fixtures.js";

async function run(handle: Handle, args: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await ledgerCommand(args, {
    db: handle.db,
    stdout: (s) => {
      stdout += s;
    },
    stderr: (s) => {
      stderr += s;
    },
  });
  return { code, stdout, stderr };
}

describe.each(testDatabases)("potluck ledger command on $name", (database) => {
  let handle: Handle;
  beforeAll(async () => {
    handle = await database.open();
    await openFunded(handle.db, "cli:a", "10.00");
    await openAccount(handle.db, { code: "cli:b", unit: "GBP", name: "CLI B" });
    await postEntry(handle.db, transfer("cli:a", "cli:b", "2.50"));
  });
  afterAll(async () => {
    await handle?.close();
  });

  it("answers bad arguments with exit code 2 and says what is wrong", async () => {
    for (const [args, message] of [
      [[], /Say what to do/],
      [["frobnicate"], /Unknown ledger command "frobnicate"/],
      [["export"], /needs --format hledger or --format csv/],
      [["export", "--format", "xml"], /Unknown format "xml"/],
      [["export", "--format"], /--format needs a value/],
      [["export", "--format", "csv", "--colour", "red"], /Unknown option --colour/],
      [["export", "--format", "csv", "--format", "csv"], /given twice/],
      [["verify", "now"], /takes no arguments/],
    ] as [string[], RegExp][]) {
      const result = await run(handle, args);
      expect(result.code, args.join(" ")).toBe(2);
      expect(result.stderr).toMatch(message);
      expect(result.stderr).toContain("Usage:");
    }
  });

  it("exports hledger and CSV, for everything or one account", async () => {
    const journal = await run(handle, ["export", "--format", "hledger"]);
    expect(journal.code).toBe(0);
    expect(journal.stdout).toContain("    cli:b  2.50 GBP  = 2.50 GBP");
    const csv = await run(handle, ["export", "--format=csv", "--account", "cli:a"]);
    expect(csv.code).toBe(0);
    expect(csv.stdout.trim().split("\r\n")).toHaveLength(3);
    const missing = await run(handle, ["export", "--format", "csv", "--account", "cli:nobody"]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("There is no ledger account cli:nobody");
  });

  it("verifies, publishes a checkpoint, and names the first violation when the books were tampered with", async () => {
    const ok = await run(handle, ["verify"]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^Ledger verified: \d+ accounts, 2 entries, 4 postings, 0 checkpoints/);
    const checkpoint = await run(handle, ["checkpoint"]);
    expect(checkpoint.code).toBe(0);
    expect(checkpoint.stdout).toMatch(/root [0-9a-f]{64}/);
    const broken = await database.open();
    try {
      await openFunded(broken.db, "cli:x", "1.00");
      await broken.db.transaction().execute(async (trx) => {
        await sql`set local session_replication_role = replica`.execute(trx);
        await sql`update ledger_entry set memo = 'rewritten'`.execute(trx);
      });
      const failed = await run(broken, ["verify"]);
      expect(failed.code).toBe(1);
      expect(failed.stderr).toMatch(/^Ledger verification failed: entry_hash_mismatch: entry 1: stored hash does not match its content/);
    } finally {
      await broken.close();
    }
  });
});
