// An immediate server stop (a crash, as far as the database is concerned) in the middle of
// load, then a restart with crash recovery. It runs on a throwaway cluster of its own, so the
// shared database server is never stopped. Needs the PostgreSQL server binaries (and, as root,
// the postgres user); CI installs them. Skips with the reason when they are missing.
import { execFile, execFileSync } from "node:child_process";
import { promisify } from "node:util";
import { existsSync, mkdtempSync, readdirSync, rmSync, chownSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { afterAll, describe, expect, it } from "vitest";
import { migrateToLatest } from "../../db/migrate.js";
import { verifyLedger } from "../../app/services/ledger/verify.server.js";
import { postEntry } from "../../app/services/ledger/post.server.js";
import { createVictimDb, openFunded, transfer, uniqueKey } from "./ledger-fixtures.js";

const LOAD_SECONDS = 1.5;

function findPostgresBin(): string | undefined {
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root).filter((name) => existsSync(path.join(root, name, "bin", "pg_ctl")));
  versions.sort((a, b) => Number(b) - Number(a));
  return versions[0] === undefined ? undefined : path.join(root, versions[0], "bin");
}

function postgresUid(): number | undefined {
  try {
    return Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
  } catch {
    return undefined;
  }
}

const bin = findPostgresBin();
const isRoot = process.getuid?.() === 0;
const reasonToSkip = !process.env.DATABASE_URL
  ? "DATABASE_URL is not set (PostgreSQL tests are off)"
  : bin === undefined
    ? "PostgreSQL server binaries are not installed"
    : isRoot && postgresUid() === undefined
      ? "running as root without a postgres user to run the server"
      : undefined;
if (reasonToSkip) console.warn(`[ledger] crash test skipped: ${reasonToSkip}`);

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe.skipIf(reasonToSkip !== undefined)("ledger after an immediate PostgreSQL stop", () => {
  const directory = mkdtempSync(path.join(os.tmpdir(), "potluck-crash-"));
  const data = path.join(directory, "data");
  const command = (program: string, args: string[]): [string, string[]] =>
    isRoot ? ["runuser", ["-u", "postgres", "--", path.join(bin!, program), ...args]] : [path.join(bin!, program), args];
  const run = (program: string, args: string[]) =>
    execFileSync(...command(program, args), { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], timeout: 60_000 });
  /** Asynchronous, so the clients keep sending while the server goes down. */
  const runInBackground = (program: string, args: string[]) =>
    promisify(execFile)(...command(program, args), { encoding: "utf8", timeout: 60_000 });
  let started = false;
  let port = 0;
  const start = () => {
    run("pg_ctl", ["-D", data, "-l", path.join(directory, "server.log"), "-w", "-t", "60", "start",
      "-o", `-p ${port} -k ${directory} -c listen_addresses=127.0.0.1 -c fsync=on -c synchronous_commit=on`]);
    started = true;
  };
  const stopImmediately = () => {
    run("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
    started = false;
  };

  afterAll(() => {
    if (started) {
      try {
        stopImmediately();
      } catch {
        // Already stopped.
      }
    }
    rmSync(directory, { recursive: true, force: true });
  });

  it("keeps every acknowledged entry and nothing half-written", async () => {
    if (isRoot) chownSync(directory, postgresUid()!, postgresUid()!);
    run("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"]);
    port = await freePort();
    start();
    const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
    let handle = createVictimDb(url);
    await migrateToLatest(handle.db);
    const codes = Array.from({ length: 20 }, (_, index) => `crash:${index}`);
    for (const code of codes) await openFunded(handle.db, code, "100.00");

    const acknowledged: string[] = [];
    let failed = 0;
    let stopping = false;
    const client = async () => {
      while (!stopping) {
        const from = codes[Math.floor(Math.random() * codes.length)]!;
        const to = codes[(codes.indexOf(from) + 1) % codes.length]!;
        const pair = uniqueKey("crash");
        try {
          // Two entries in one transaction with a pause between, so the stop lands mid-transaction.
          await handle.db.transaction().execute(async (trx) => {
            await postEntry(trx, transfer(from, to, "0.02", `${pair}-first`));
            await sql`select pg_sleep(0.002)`.execute(trx);
            await postEntry(trx, transfer(to, from, "0.01", `${pair}-second`));
          });
          acknowledged.push(pair);
        } catch {
          failed++;
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
      }
    };
    const clients = Array.from({ length: 6 }, client);
    await new Promise((resolve) => setTimeout(resolve, LOAD_SECONDS * 1000));
    await runInBackground("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
    started = false;
    stopping = true;
    await Promise.all(clients);
    await handle.close().catch(() => undefined);

    start();
    handle = createVictimDb(url);
    try {
      expect(acknowledged.length).toBeGreaterThan(5);
      const present = new Set(
        (await handle.db.selectFrom("ledger_entry").select("idempotency_key").where("idempotency_key", "like", "crash-%").execute())
          .map((row) => row.idempotency_key),
      );
      const lost = acknowledged.filter((pair) => !present.has(`${pair}-first`) || !present.has(`${pair}-second`));
      expect(lost).toEqual([]);
      for (const key of present) {
        const pair = key.replace(/-(first|second)$/, "");
        expect(present.has(`${pair}-first`) && present.has(`${pair}-second`)).toBe(true);
      }
      expect(failed).toBeGreaterThan(0);
      const report = await verifyLedger(handle.db);
      expect(report.violations).toEqual([]);
      // The ledger carries on after recovery.
      await postEntry(handle.db, transfer("crash:0", "crash:1", "0.01"));
      console.info(`[ledger] crash: ${acknowledged.length} acknowledged transactions all survived; ${failed} failed at the stop; ${present.size / 2 - acknowledged.length} committed without an acknowledgement`);
    } finally {
      await handle.close();
    }
  });
});
