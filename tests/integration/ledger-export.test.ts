// Exports checked by an outside tool: `hledger check` replays every balance assertion of a
// journal of a few thousand random entries, and hledger's own balances must equal ours.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatMinor } from "../../app/domain/ledger/amount.js";
import { openAccount } from "../../app/services/ledger/accounts.server.js";
import type { LedgerDb } from "../../app/services/ledger/db.server.js";
import { exportCsv, exportHledger } from "../../app/services/ledger/export.server.js";
import { captureHold, placeHold, releaseHold } from "../../app/services/ledger/holds.server.js";
import { postEntry, reverseEntry } from "../../app/services/ledger/post.server.js";
import { verifyLedger } from "../../app/services/ledger/verify.server.js";
import { testDatabases } from "./databases.js";
import { uniqueKey, type Handle } from "./ledger-fixtures.js";

const ENTRIES = 2_500;
const BATCH = 100;

function hledgerVersion(): string | undefined {
  try {
    return execFileSync("hledger", ["--version"], { encoding: "utf8" }).trim();
  } catch {
    return undefined;
  }
}
const hledger = hledgerVersion();
if (!hledger) console.warn("[ledger] hledger is not installed: the hledger export checks are skipped (apt-get install hledger)");

/** Runs work that may be refused inside a transaction without aborting the transaction. */
async function attempt<T>(trx: LedgerDb, work: () => Promise<T>): Promise<T | undefined> {
  await sql`savepoint attempt`.execute(trx);
  try {
    const result = await work();
    await sql`release savepoint attempt`.execute(trx);
    return result;
  } catch {
    await sql`rollback to savepoint attempt`.execute(trx);
    return undefined;
  }
}

/** A deterministic pseudo-random sequence, so a failure can be reproduced. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

describe.each(testDatabases)("ledger exports on $name", (database) => {
  let handle: Handle;
  const directory = mkdtempSync(path.join(os.tmpdir(), "potluck-export-"));
  const balances = new Map<string, { unit: "GBP" | "HOUR"; minor: bigint }>();

  beforeAll(async () => {
    handle = await database.open();
    const { db } = handle;
    const next = random(20261125);
    const accounts: { code: string; unit: "GBP" | "HOUR" }[] = [];
    for (let index = 0; index < 40; index++) {
      const unit = index % 2 === 0 ? "GBP" : "HOUR";
      const code = index < 2 ? `pot:${unit.toLowerCase()}` : `member:${index}:${unit === "GBP" ? "pounds" : "hours"}`;
      await openAccount(db, { code, unit, name: `Account ${index}`, minBalance: index < 2 ? null : "0", isPublic: index < 2 });
      accounts.push({ code, unit });
    }
    const memos = ["Childcare; two hours", "Cinema ticket #3", "Crèche — café", "Paint for the mural, \"blue\"", "=SUM(A1)", ""];
    const posted: bigint[] = [];
    for (let done = 0; done < ENTRIES; done += BATCH) {
      await db.transaction().execute(async (trx) => {
        for (let index = done; index < done + BATCH; index++) {
          const unit = next() < 0.5 ? "GBP" : "HOUR";
          const pot = `pot:${unit.toLowerCase()}`;
          const members = accounts.filter((account) => account.unit === unit && account.code !== pot);
          const choice = next();
          if (choice < 0.05 && posted.length > 0) {
            const target = posted[Math.floor(next() * posted.length)]!;
            await attempt(trx, () => reverseEntry(trx, { entryId: target, idempotencyKey: uniqueKey("rev"), createdBy: "test" }));
            continue;
          }
          if (choice < 0.08) {
            const holdKey = `hold-${index}`;
            const member = members[Math.floor(next() * members.length)]!.code;
            await placeHold(trx, { holdKey, sourceAccountCode: pot, unit, amount: "12.00", createdBy: "test" });
            await captureHold(trx, { holdKey, destinationAccountCode: member, amount: "7.25", idempotencyKey: uniqueKey("cap"), createdBy: "test" });
            await releaseHold(trx, { holdKey, idempotencyKey: uniqueKey("rel"), createdBy: "test" });
            continue;
          }
          // Pay 1 to 3 members from the pot, or move value between two members.
          const count = 1 + Math.floor(next() * 3);
          const picked = [...new Set(Array.from({ length: count }, () => members[Math.floor(next() * members.length)]!.code))];
          const amounts = picked.map(() => BigInt(1 + Math.floor(next() * 20_000)));
          const payer = choice < 0.6 ? pot : picked.length > 1 ? picked.shift()! : pot;
          if (payer !== pot) amounts.shift();
          const payerTotal = amounts.reduce((sum, amount) => sum + amount, 0n);
          const post = () => postEntry(trx, {
            idempotencyKey: uniqueKey("export"),
            kind: "transfer",
            memo: memos[index % memos.length]!,
            createdBy: "test",
            postings: [
              { accountCode: payer, unit, amount: formatMinor(-payerTotal, unit) },
              ...picked.map((code, position) => ({ accountCode: code, unit, amount: formatMinor(amounts[position]!, unit) })),
            ],
          });
          // Payments out of the unbounded pot cannot be refused; a member may lack the funds.
          const entry = payer === pot ? await post() : await attempt(trx, post);
          if (entry) posted.push(entry.entryId);
        }
      });
    }
    const rows = await db.selectFrom("ledger_account").select(["code", "unit", "balance_minor"]).execute();
    for (const row of rows) balances.set(row.code, { unit: row.unit as "GBP" | "HOUR", minor: BigInt(row.balance_minor) });
  }, 240_000);

  afterAll(async () => {
    await handle?.close();
    rmSync(directory, { recursive: true, force: true });
  });

  async function exportTo(file: string, exporter: (write: (chunk: string) => void) => Promise<unknown>): Promise<string> {
    const chunks: string[] = [];
    await exporter((chunk) => {
      chunks.push(chunk);
    });
    const text = chunks.join("");
    writeFileSync(path.join(directory, file), text);
    return path.join(directory, file);
  }

  it("builds a ledger that verifies", async () => {
    const report = await verifyLedger(handle.db);
    expect(report.violations).toEqual([]);
    expect(report.counts.entries).toBeGreaterThan(ENTRIES * 0.9);
  });

  it.skipIf(!hledger)("writes a journal that `hledger check --strict` accepts, with hledger's balances equal to ours", async () => {
    const file = await exportTo("all.journal", (write) => exportHledger(handle.db, write));
    execFileSync("hledger", ["-f", file, "check", "--strict", "ordereddates"], { encoding: "utf8" });
    const csv = execFileSync("hledger", ["-f", file, "balance", "--flat", "--no-total", "--empty", "-O", "csv"], { encoding: "utf8" });
    const hledgerBalances = new Map<string, string>();
    for (const line of csv.trim().split("\n").slice(1)) {
      const [account, amount] = line.split(",").map((cell) => cell.replace(/^"|"$/g, ""));
      hledgerBalances.set(account!, amount!);
    }
    for (const [code, balance] of balances) {
      if (balance.minor === 0n) continue;
      expect(hledgerBalances.get(code), code).toBe(`${formatMinor(balance.minor, balance.unit)} ${balance.unit}`);
    }
  });

  it.skipIf(!hledger)("refuses (in hledger) a journal whose history was altered", async () => {
    const file = await exportTo("tampered.journal", (write) => exportHledger(handle.db, write));
    const text = (await import("node:fs")).readFileSync(file, "utf8");
    // Remove one whole (balanced) entry from the middle of history: only the balance
    // assertions of later postings can notice.
    const blocks = text.split("\n\n");
    const middle = Math.floor(blocks.length / 2);
    const victim = blocks.findIndex((block, index) => index >= middle && / \* entry \d+ transfer/.test(block));
    expect(victim).toBeGreaterThan(0);
    writeFileSync(file, [...blocks.slice(0, victim), ...blocks.slice(victim + 1)].join("\n\n"));
    let message = "";
    try {
      execFileSync("hledger", ["-f", file, "check"], { encoding: "utf8", stdio: "pipe" });
    } catch (error) {
      message = String((error as { stderr?: unknown }).stderr);
    }
    expect(message).toMatch(/balance assertion/i);
  });

  it.skipIf(!hledger)("exports one account's entries as a journal hledger accepts", async () => {
    const file = await exportTo("one.journal", (write) => exportHledger(handle.db, write, { accountCode: "member:2:pounds" }));
    execFileSync("hledger", ["-f", file, "check", "--strict", "ordereddates"], { encoding: "utf8" });
    const csv = execFileSync("hledger", ["-f", file, "balance", "member:2:pounds", "--flat", "--no-total", "-O", "csv"], { encoding: "utf8" });
    expect(csv).toContain(`${formatMinor(balances.get("member:2:pounds")!.minor, "GBP")} GBP`);
  });

  it("exports a CSV statement whose running balance chains to the account's balance", async () => {
    const file = await exportTo("statement.csv", (write) => exportCsv(handle.db, write, { accountCode: "member:3:hours" }));
    const lines = (await import("node:fs")).readFileSync(file, "utf8").trim().split("\r\n");
    expect(lines[0]).toBe("entry_id,recorded_at,account,unit,amount,balance_after,account_version,kind,memo,idempotency_key,reverses_entry_id,posting_hash");
    let balanceMinor = 0n;
    let version = 0;
    for (const line of lines.slice(1)) {
      const cells = line.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.map((cell) => cell.replace(/,$/, ""));
      expect(cells[2]).toBe("member:3:hours");
      balanceMinor += BigInt(cells[4]!.replace(".", ""));
      expect(BigInt(cells[5]!.replace(".", ""))).toBe(balanceMinor);
      expect(Number(cells[6])).toBe(++version);
    }
    expect(balanceMinor).toBe(balances.get("member:3:hours")!.minor);
    // A memo that looks like a formula is neutralised for spreadsheets.
    const all = await exportTo("all.csv", (write) => exportCsv(handle.db, write));
    const text = (await import("node:fs")).readFileSync(all, "utf8");
    expect(text).toContain(",'=SUM(A1),");
    expect(text).not.toMatch(/,=SUM/);
  });
});
