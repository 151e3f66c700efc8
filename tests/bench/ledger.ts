// Ledger benchmark against PostgreSQL (needs DATABASE_URL; the server's fsync setting is
// printed). Runs in a fresh database that is dropped afterwards:
//   (a) 2-posting transfers among 10,000 accounts, 8 clients, one entry per transfer;
//   (b) every transfer debits one shared pot: one entry per transfer, then batched (many
//       entries per transaction, each with its own key and answer, via postEntries), with the
//       same 8 clients and with 32 requesters over 2 connections;
//   (c) baseline in the same run and database: a bare transfer (two UPDATE ... RETURNING and
//       one INSERT in a transaction, no checks), among 10,000 rows and on one hot row.
// The scenarios being compared run in alternating two-second slices (see interleaved()).
// Usage: npx tsx tests/bench/ledger.ts [--seconds N]   (default 20 s per scenario)
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import os from "node:os";
import { pathToFileURL } from "node:url";
import { sql, type Kysely } from "kysely";
import pg from "pg";
import { createDb } from "../../db/client.js";
import { migrateToLatest } from "../../db/migrate.js";
import type { Database } from "../../db/schema.js";
import { formatMinor } from "../../app/domain/ledger/amount.js";
import { postEntries } from "../../app/services/ledger/batch.server.js";
import { PostingBatcher } from "../../app/services/ledger/batcher.server.js";
import { postEntry } from "../../app/services/ledger/post.server.js";
import { verifyLedger } from "../../app/services/ledger/verify.server.js";

const ACCOUNTS = 10_000;
const CLIENTS = 8;
// BENCH_HOT_REQUESTERS / BENCH_HOT_DRAINERS explore other shapes (64 requesters: more throughput, longer waits).
const HOT_BATCH_REQUESTERS = Number(process.env.BENCH_HOT_REQUESTERS ?? 32);
const HOT_BATCH_MAX = 100;
const HOT_BATCH_DRAINERS = Number(process.env.BENCH_HOT_DRAINERS ?? 2);

interface Result {
  scenario: string;
  clients: string;
  transfers: number;
  entries: number;
  seconds: number;
  latenciesMs: number[];
  errors: number;
  /** CPU spent by this database's server backends, and by this Node process, while measuring. */
  databaseCpuMs: number;
  nodeCpuMs: number;
}

/**
 * CPU time used so far by the server processes serving `database` (Linux /proc, same machine
 * only). Unlike throughput, CPU per transfer hardly moves with other load on the machine.
 */
let cpuProbe: (() => Promise<Map<number, number>>) | undefined;
const CLOCK_TICKS_PER_SECOND = 100;

function processCpuMs(pid: number): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

async function databaseCpu(): Promise<Map<number, number>> {
  return cpuProbe ? cpuProbe() : new Map();
}

function cpuSpent(before: Map<number, number>, after: Map<number, number>): number {
  let total = 0;
  for (const [pid, ms] of after) total += ms - (before.get(pid) ?? ms);
  return total;
}

function percentile(sorted: number[], fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))]!;
}

function parseSeconds(argv: string[]): number {
  const index = argv.indexOf("--seconds");
  if (index === -1) return 20;
  const seconds = Number(argv[index + 1]);
  if (!Number.isFinite(seconds) || seconds < 1 || seconds > 600) throw new Error("--seconds takes a number from 1 to 600");
  return seconds;
}

const randomMember = () => `bench:member:${1 + Math.floor(Math.random() * ACCOUNTS)}`;
const randomPence = () => BigInt(1 + Math.floor(Math.random() * 100));
let keyCounter = 0;
const nextKey = (prefix: string) => `${prefix}-${process.pid}-${++keyCounter}`;

function transferInput(from: string, to: string, pence: bigint, key: string) {
  return {
    idempotencyKey: key,
    kind: "transfer",
    createdBy: "bench",
    postings: [
      { accountCode: from, unit: "GBP", amount: formatMinor(-pence, "GBP") },
      { accountCode: to, unit: "GBP", amount: formatMinor(pence, "GBP") },
    ],
  };
}

interface Scenario {
  name: string;
  clients: number;
  operation: () => Promise<{ transfers: number; entries: number }>;
}

/** Runs `clients` loops of `operation` for `seconds`, adding to `result` (after `warmupMs` not counted). */
async function load(scenario: Scenario, seconds: number, warmupMs: number, result: Result): Promise<void> {
  const { clients, operation } = scenario;
  result.seconds += seconds;
  const warmupEnds = Date.now() + warmupMs;
  const ends = warmupEnds + seconds * 1000;
  const cpuBefore = await databaseCpu();
  const nodeBefore = process.cpuUsage();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (Date.now() < ends) {
        const started = performance.now();
        const counting = Date.now() >= warmupEnds;
        try {
          const done = await operation();
          if (counting) {
            result.transfers += done.transfers;
            result.entries += done.entries;
            result.latenciesMs.push(performance.now() - started);
          }
        } catch (error) {
          if (counting) result.errors++;
          if (result.errors < 3) console.error(`[bench] ${scenario.name}:`, (error as Error).message);
        }
      }
    }),
  );
  const node = process.cpuUsage(nodeBefore);
  result.nodeCpuMs += (node.user + node.system) / 1000;
  result.databaseCpuMs += cpuSpent(cpuBefore, await databaseCpu());
}

/**
 * Runs the scenarios in alternating slices of about two seconds (reversing the order every
 * round), so that each sees the same background load: on a shared machine, load drifts between
 * runs by more than the differences being measured.
 */
async function interleaved(scenarios: Scenario[], seconds: number): Promise<Result[]> {
  const rounds = Math.max(1, Math.round(seconds / 2));
  const slice = seconds / rounds;
  const results = scenarios.map((scenario) => ({
    scenario: scenario.name, clients: String(scenario.clients), transfers: 0, entries: 0, seconds: 0, latenciesMs: [] as number[], errors: 0,
    databaseCpuMs: 0, nodeCpuMs: 0,
  }));
  for (const [index, scenario] of scenarios.entries()) {
    const warmup = { ...results[index]!, latenciesMs: [] };
    await load(scenario, 0, 1_000, warmup);
  }
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? scenarios.map((_, index) => index) : scenarios.map((_, index) => scenarios.length - 1 - index);
    for (const index of order) await load(scenarios[index]!, slice, 0, results[index]!);
  }
  return results;
}

/** The ledger's own batcher (app/services/ledger/batcher.server.ts), shaped for the bench. */
function createBatcher(db: Kysely<Database>) {
  const batcher = new PostingBatcher(db, { maxBatchEntries: HOT_BATCH_MAX, drainers: HOT_BATCH_DRAINERS });
  return {
    submit: (input: ReturnType<typeof transferInput>) => batcher.post(input),
    async stop(): Promise<{ batches: number; items: number }> {
      await batcher.close();
      return { batches: batcher.stats.batches, items: batcher.stats.batchedEntries };
    },
  };
}

async function setUp(db: Kysely<Database>): Promise<void> {
  await migrateToLatest(db);
  await sql`insert into ledger_account (code, unit, name) values ('bench:source', 'GBP', 'Source'), ('bench:pot', 'GBP', 'Shared pot')`.execute(db);
  await sql`insert into ledger_account (code, unit, name, min_balance_minor)
    select 'bench:member:' || g, 'GBP', 'Member ' || g, 0 from generate_series(1, ${ACCOUNTS}) g`.execute(db);
  // Fund every member with £1,000.00 from the source: 99 members per entry, 10 entries per batch.
  const funding = [];
  for (let first = 1; first <= ACCOUNTS; first += 99) {
    const members = Array.from({ length: Math.min(99, ACCOUNTS - first + 1) }, (_, index) => `bench:member:${first + index}`);
    funding.push({
      idempotencyKey: `fund-${first}`,
      kind: "funding",
      createdBy: "bench",
      postings: [
        { accountCode: "bench:source", unit: "GBP", amount: formatMinor(-100_000n * BigInt(members.length), "GBP") },
        ...members.map((code) => ({ accountCode: code, unit: "GBP", amount: "1000.00" })),
      ],
    });
  }
  for (let index = 0; index < funding.length; index += 10) await postEntries(db, funding.slice(index, index + 10));
  await sql`create table bench_bare_account (id integer primary key, balance bigint not null)`.execute(db);
  await sql`insert into bench_bare_account select g, 100000 from generate_series(0, ${ACCOUNTS}) g`.execute(db);
  await sql`create table bench_bare_transfer (id bigint generated always as identity primary key, from_id integer not null,
    to_id integer not null, amount bigint not null, created_at timestamptz not null default now())`.execute(db);
  await sql`vacuum analyze`.execute(db);
}

async function bareTransfer(db: Kysely<Database>, from: number, to: number, amount: number): Promise<void> {
  // Ascending order, so the baseline does not deadlock either; otherwise no checks at all.
  const [first, second] = from < to ? [from, to] : [to, from];
  await db.transaction().execute(async (trx) => {
    await sql`update bench_bare_account set balance = balance + ${first === from ? -amount : amount} where id = ${first} returning balance`.execute(trx);
    await sql`update bench_bare_account set balance = balance + ${second === from ? -amount : amount} where id = ${second} returning balance`.execute(trx);
    await sql`insert into bench_bare_transfer (from_id, to_id, amount) values (${from}, ${to}, ${amount})`.execute(trx);
  });
}

function randomPair(): [number, number] {
  const from = 1 + Math.floor(Math.random() * ACCOUNTS);
  let to = 1 + Math.floor(Math.random() * ACCOUNTS);
  if (to === from) to = (to % ACCOUNTS) + 1;
  return [from, to];
}

function printTable(results: Result[]): void {
  const rows = results.map((result) => {
    const sorted = [...result.latenciesMs].sort((a, b) => a - b);
    return [
      result.scenario,
      result.clients,
      (result.transfers / result.seconds).toFixed(0),
      (result.entries / result.seconds).toFixed(0),
      percentile(sorted, 0.5).toFixed(1),
      percentile(sorted, 0.99).toFixed(1),
      result.databaseCpuMs > 0 ? (result.databaseCpuMs / result.transfers).toFixed(2) : "n/a",
      (result.nodeCpuMs / result.transfers).toFixed(2),
      String(result.errors),
    ];
  });
  const header = ["scenario", "clients", "transfers/s", "entries/s", "p50 ms", "p99 ms", "db CPU ms/transfer", "node CPU ms/transfer", "errors"];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column]!)).join(" | ")} |`;
  console.log(line(header));
  console.log(`|${widths.map((width) => "-".repeat(width + 2)).join("|")}|`);
  for (const row of rows) console.log(line(row));
}

/** `args` defaults to the command line (tests/bench/run.ts passes the words after the name). */
export async function run(args: string[] = process.argv.slice(2)): Promise<void> {
  const baseUrl = process.env.DATABASE_URL;
  if (!baseUrl) throw new Error("The ledger benchmark needs DATABASE_URL (PostgreSQL)");
  const seconds = parseSeconds(args);
  const database = `potluck_bench_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`create database ${database}`);
  const url = new URL(baseUrl);
  url.pathname = `/${database}`;
  const handle = await createDb({ databaseUrl: url.toString(), poolMax: CLIENTS + HOT_BATCH_DRAINERS });
  cpuProbe = async () => {
    const backends = await admin.query<{ pid: number }>("select pid from pg_stat_activity where datname = $1", [database]);
    const cpu = new Map<number, number>();
    for (const { pid } of backends.rows) {
      const ms = processCpuMs(pid);
      if (ms !== undefined) cpu.set(pid, ms);
    }
    return cpu;
  };
  try {
    const settings = await sql<{ fsync: string; synchronous_commit: string; version: string }>`
      select current_setting('fsync') as fsync, current_setting('synchronous_commit') as synchronous_commit,
             current_setting('server_version') as version`.execute(handle.db);
    const setting = settings.rows[0]!;
    console.log(`[bench] PostgreSQL ${setting.version}, fsync=${setting.fsync}, synchronous_commit=${setting.synchronous_commit}, ` +
      `${os.cpus().length} CPUs, load average ${os.loadavg().map((n) => n.toFixed(1)).join(" ")}, ${seconds} s per scenario`);
    const setupStarted = performance.now();
    await setUp(handle.db);
    console.log(`[bench] set up ${ACCOUNTS} funded accounts in ${((performance.now() - setupStarted) / 1000).toFixed(1)} s`);
    const { db } = handle;

    const results: Result[] = [];
    const spreadBatcher = createBatcher(db);
    results.push(...(await interleaved([
      { name: "(c) bare transfer, 10,000 rows", clients: CLIENTS, operation: async () => {
        const [from, to] = randomPair();
        await bareTransfer(db, from, to, Number(randomPence()));
        return { transfers: 1, entries: 1 };
      } },
      { name: "(a) ledger transfer, 10,000 accounts", clients: CLIENTS, operation: async () => {
        const [from, to] = randomPair();
        await postEntry(db, transferInput(`bench:member:${from}`, `bench:member:${to}`, randomPence(), nextKey("a")));
        return { transfers: 1, entries: 1 };
      } },
      // The same 8 clients, whose transfers share transactions (as (b) batched does).
      { name: "(a) ledger transfer, 10,000 accounts, batched", clients: CLIENTS, operation: async () => {
        const [from, to] = randomPair();
        await spreadBatcher.submit(transferInput(`bench:member:${from}`, `bench:member:${to}`, randomPence(), nextKey("a8")));
        return { transfers: 1, entries: 1 };
      } },
    ], seconds)));
    const spreadBatching = await spreadBatcher.stop();
    results[results.length - 1]!.clients = `${CLIENTS} req / ${HOT_BATCH_DRAINERS} conn`;
    const batcher = createBatcher(db);
    results.push(...(await interleaved([
      { name: "(c) bare transfer, one hot row", clients: CLIENTS, operation: async () => {
        await bareTransfer(db, 0, 1 + Math.floor(Math.random() * ACCOUNTS), Number(randomPence()));
        return { transfers: 1, entries: 1 };
      } },
      { name: "(b) ledger, shared pot, entry per transaction", clients: CLIENTS, operation: async () => {
        await postEntry(db, transferInput("bench:pot", randomMember(), randomPence(), nextKey("b")));
        return { transfers: 1, entries: 1 };
      } },
      // The issue's 8 clients, whose transfers share transactions...
      { name: "(b) ledger, shared pot, batched", clients: CLIENTS, operation: async () => {
        await batcher.submit(transferInput("bench:pot", randomMember(), randomPence(), nextKey("b8")));
        return { transfers: 1, entries: 1 };
      } },
      // ...and many more requesters than connections, as many web requests would be.
      { name: "(b) ledger, shared pot, batched, many requesters", clients: HOT_BATCH_REQUESTERS, operation: async () => {
        await batcher.submit(transferInput("bench:pot", randomMember(), randomPence(), nextKey("bb")));
        return { transfers: 1, entries: 1 };
      } },
    ], seconds)));
    const batching = await batcher.stop();
    results[results.length - 2]!.clients = `${CLIENTS} req / ${HOT_BATCH_DRAINERS} conn`;
    results[results.length - 1]!.clients = `${HOT_BATCH_REQUESTERS} req / ${HOT_BATCH_DRAINERS} conn`;

    console.log("");
    printTable(results);
    const rate = (scenario: string) => {
      const result = results.find((candidate) => candidate.scenario.startsWith(scenario))!;
      return result.transfers / result.seconds;
    };
    const ratio = rate("(a)") / rate("(c) bare transfer, 10,000");
    console.log(`\n(a)/(c): ${ratio.toFixed(2)} of the bare-transfer baseline (target >= 0.6)`);
    const cpu = (scenario: string) => {
      const result = results.find((candidate) => candidate.scenario.startsWith(scenario))!;
      return result.databaseCpuMs / result.transfers;
    };
    if (cpu("(a)") > 0) {
      console.log(`database CPU per transfer: ledger ${cpu("(a)").toFixed(2)} ms, bare ${cpu("(c) bare transfer, 10,000").toFixed(2)} ms ` +
        `(ratio ${(cpu("(c) bare transfer, 10,000") / cpu("(a)")).toFixed(2)}: the throughput ratio where the database's CPU is the limit)`);
    }
    const spread = results.find((candidate) => candidate.scenario === "(a) ledger transfer, 10,000 accounts, batched")!;
    console.log(`(a) with ${CLIENTS} clients, batched: ${(spread.transfers / spread.seconds).toFixed(0)}/s (target >= 2,500/s), ${(spreadBatching.items / Math.max(spreadBatching.batches, 1)).toFixed(1)} entries per transaction on average; ${(spread.transfers / spread.seconds / rate("(c) bare transfer, 10,000")).toFixed(2)} of the bare-transfer baseline`);
    console.log(`batched shared pot (both batched rows): ${batching.batches} transactions, ${(batching.items / Math.max(batching.batches, 1)).toFixed(1)} entries per transaction on average`);
    const hot = results.find((candidate) => candidate.scenario === "(b) ledger, shared pot, batched")!;
    const hotP99 = percentile([...hot.latenciesMs].sort((a, b) => a - b), 0.99);
    console.log(`(b) with ${CLIENTS} clients, batched: ${(hot.transfers / hot.seconds).toFixed(0)}/s, p99 ${hotP99.toFixed(1)} ms (target >= 1,200/s with p99 < 50 ms)`);
    const many = results[results.length - 1]!;
    const manyP99 = percentile([...many.latenciesMs].sort((a, b) => a - b), 0.99);
    console.log(`(b) with ${HOT_BATCH_REQUESTERS} requesters, batched: ${(many.transfers / many.seconds).toFixed(0)}/s, p99 ${manyP99.toFixed(1)} ms`);
    const verifyStarted = performance.now();
    const report = await verifyLedger(db);
    console.log(`verify: ${report.ok ? "passed" : `FAILED: ${report.violations[0]?.message}`} over ${report.counts.entries} entries, ` +
      `${report.counts.postings} postings in ${((performance.now() - verifyStarted) / 1000).toFixed(1)} s`);
    if (!report.ok) process.exitCode = 1;
  } finally {
    await handle.close();
    // pg's pool resolves end() before its sockets have closed; let them go before dropping.
    for (let attempt = 0; attempt < 20; attempt++) {
      const open = await admin.query("select count(*)::int as n from pg_stat_activity where datname = $1", [database]);
      if (open.rows[0].n === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await admin.query(`drop database if exists ${database} with (force)`);
    await admin.end();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  run().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
