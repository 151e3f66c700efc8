// Live tally benchmark against PostgreSQL (needs DATABASE_URL; runs in a fresh database that
// is dropped afterwards). It starts the real server (node dist/server/index.js, so run
// `npm run build` first) on a free port of 127.0.0.1, opens many websocket clients on one round,
// then casts ballots through castOnlineBallot from this process at a fixed rate and measures:
//   - push latency: ballot commit -> a client receives a tally whose turnout includes it;
//   - ballots accepted per second against the target rate;
//   - server RSS (VmRSS of the child process) and this process's memory; messages received.
// Baselines in the same run, so ratios survive a busy machine:
//   - a bare pg_notify -> LISTEN round trip on the same database (quiet, and under the load);
//   - a bare one-row insert transaction, with and without pg_notify, on as many connections;
//   - a raw `ws` broadcast of a message of the same size, 4 times a second, to the same number
//     of clients, from a separate process with no database (what ANCHORS.md measured).
// CPU used by the server and by the database's backends is printed too: unlike latency it
// hardly moves when other work shares the machine.
// Usage: npx tsx tests/bench/tally.ts [--seconds 20] [--clients 5000] [--rate 1000] [--coalesce-ms N] [--workers 1] [--pool 24]
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { fileURLToPath, pathToFileURL } from "node:url";
import { sql, type Kysely } from "kysely";
import pg from "pg";
import WebSocket from "ws";
import { createDb, type DbHandle } from "../../db/client.js";
import { migrateToLatest } from "../../db/migrate.js";
import type { Database } from "../../db/schema.js";
import type { Actor, CurrentUser } from "../../app/services/current-user.js";
import { createRound, movePhase } from "../../app/services/rounds/rounds.server.js";
import { reviewProposal, submitProposal } from "../../app/services/rounds/proposals.server.js";
import { castOnlineBallot } from "../../app/services/rounds/voting.server.js";
import { council, proposalInput, roundInput } from "../integration/rounds-fixtures.js";

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const SERVER_ENTRY = path.join(REPO_ROOT, "dist/server/index.js");
const SYSTEM: Actor = { user: null, ip: null, system: true };
const SAMPLED_CLIENTS = 200;
const PROJECTS = 10;
const BALLOT_CONCURRENCY = 64;
const CONNECT_CONCURRENCY = 200;
const CONNECT_TIMEOUT_MS = 15_000;
const DRAIN_TIMEOUT_MS = 10_000;
const SERVER_START_TIMEOUT_MS = 60_000;
const SERVER_STOP_TIMEOUT_MS = 15_000;
const BROADCAST_HZ = 4;
/** The hub's rule, copied so the broadcast baseline drops slow clients the same way. */
const SLOW_CLIENT_BUFFER_BYTES = 256 * 1024;

/** Bad arguments or a missing setting: the dispatcher and direct runs exit with code 2. */
export class UsageError extends Error {}

export interface NumberFlag {
  default: number;
  min: number;
  max: number;
}

export function parseFlags<K extends string>(args: string[], spec: Record<K, NumberFlag>): Record<K, number> {
  const out = Object.fromEntries(Object.entries<NumberFlag>(spec).map(([k, v]) => [k, v.default])) as Record<K, number>;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const [flag, inline] = arg.startsWith("--") ? arg.slice(2).split("=", 2) : [undefined, undefined];
    const key = flag?.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase()) as K | undefined;
    if (!key || !(key in spec)) throw new UsageError(`unknown argument ${arg}; known: ${Object.keys(spec).map((k) => `--${k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`).join(" ")}`);
    const text = inline ?? args[++i];
    const value = Number(text);
    const { min, max } = spec[key];
    if (text === undefined || !Number.isFinite(value) || value < min || value > max) throw new UsageError(`--${flag} takes a number from ${min} to ${max}`);
    out[key] = value;
  }
  return out;
}

export function requireDatabaseUrl(what: string): string {
  const url = process.env.DATABASE_URL;
  if (!url || !/^postgres(ql)?:\/\//.test(url)) throw new UsageError(`The ${what} benchmark needs DATABASE_URL=postgres://... (a PostgreSQL server it may create databases on)`);
  return url;
}

export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function loadAverage(): string {
  return os.loadavg().map((n) => n.toFixed(2)).join(" ");
}

/** A fresh database for one run; drop() is safe to call more than once. */
export async function createBenchDatabase(baseUrl: string) {
  const name = `potluck_bench_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: baseUrl, connectionTimeoutMillis: 10_000 });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } catch (error) {
    await admin.end().catch(() => undefined);
    throw error;
  }
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  let dropped = false;
  return {
    name,
    url: url.toString(),
    admin,
    async drop(): Promise<void> {
      if (dropped) return;
      dropped = true;
      try {
        // pg's Pool.end() resolves before its sockets have closed; waiting (briefly) for them
        // keeps `with (force)` from killing connections that are already on their way out.
        const waitUntil = Date.now() + 5_000;
        while (Date.now() < waitUntil) {
          const left = await admin.query<{ n: string }>("select count(*) as n from pg_stat_activity where datname = $1", [name]);
          if (Number(left.rows[0]!.n) === 0) break;
          await sleep(50);
        }
        await withTimeout(admin.query(`drop database if exists ${name} with (force)`), 30_000, "dropping the bench database");
      } finally {
        await admin.end().catch(() => undefined);
      }
    },
  };
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
  });
}

/** Resident set size of a process in KiB, from /proc (Linux); undefined elsewhere or after exit. */
export function rssKiB(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

/** CPU time (user + system) a process has used so far, in ms, from /proc (Linux). */
export function processCpuMs(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    // utime and stime, in clock ticks of 1/100 s on Linux.
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

/** The process and its children (the server's workers when WEB_CONCURRENCY is above 1), from /proc. */
export function processTree(pid: number | undefined): number[] {
  if (pid === undefined) return [];
  const children: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // The parent's pid is the second field after the command name.
      if (Number(readFileSync(`/proc/${entry}/stat`, "utf8").split(") ")[1]!.split(" ")[1]) === pid) children.push(Number(entry));
    } catch {
      /* the process has gone */
    }
  }
  return [pid, ...children];
}

/** A per-process figure (CPU ms, RSS KiB) summed over a process and its children. */
function sumOverTree(pid: number | undefined, read: (pid: number) => number | undefined): number | undefined {
  const values = processTree(pid).map(read).filter((value): value is number => value !== undefined);
  return values.length === 0 ? undefined : values.reduce((a, b) => a + b, 0);
}

/** CPU time used so far by a process and its children, in ms. */
export const treeCpuMs = (pid: number | undefined) => sumOverTree(pid, processCpuMs);

/** Resident set size of a process and its children in KiB. */
export const treeRssKiB = (pid: number | undefined) => sumOverTree(pid, rssKiB);

/** CPU used so far by the PostgreSQL backends serving `database` (same machine only). */
export function databaseCpuMs(admin: pg.Client, database: string): Promise<Map<number, number>> {
  return cpuOfBackends(admin, "select pid from pg_stat_activity where datname = $1", [database]);
}

/** CPU used so far by each PostgreSQL process a pg_stat_activity query lists, by pid. */
async function cpuOfBackends(admin: pg.Client, query: string, values: unknown[] = []): Promise<Map<number, number>> {
  const rows = await admin.query<{ pid: number }>(query, values);
  const out = new Map<number, number>();
  for (const { pid } of rows.rows) {
    const ms = processCpuMs(pid);
    if (ms !== undefined) out.set(pid, ms);
  }
  return out;
}

/**
 * CPU used so far by the cluster's own processes (WAL writer, checkpointer, background writer,
 * autovacuum): work the ballots cause that no client backend is billed for.
 */
export function postgresBackgroundCpuMs(admin: pg.Client): Promise<Map<number, number>> {
  return cpuOfBackends(admin, "select pid from pg_stat_activity where backend_type <> 'client backend'");
}

/** Checkpoints the cluster has started so far (timed and requested). */
export async function checkpointsSoFar(admin: pg.Client): Promise<number> {
  const rows = await admin.query<{ n: string }>("select (checkpoints_timed + checkpoints_req)::text as n from pg_stat_bgwriter");
  return Number(rows.rows[0]!.n);
}

/**
 * Starts a scenario just after a checkpoint: the first change to a page after one writes the
 * whole page to the WAL, so a checkpoint inside one run and not another made database CPU per
 * ballot differ by half. False when the user may not checkpoint (superuser or pg_checkpoint).
 */
export function checkpointNow(admin: pg.Client): Promise<boolean> {
  return admin.query("checkpoint").then(() => true, () => false);
}

export function cpuSpent(before: Map<number, number>, after: Map<number, number>): number {
  let total = 0;
  for (const [pid, ms] of after) total += ms - (before.get(pid) ?? 0);
  return total;
}

export const mib = (kib: number | undefined) => (kib === undefined ? "n/a" : `${(kib / 1024).toFixed(0)} MiB`);

export interface RunningServer {
  port: number;
  pid: number | undefined;
  sessionSecret: string;
  logTail(): string;
  stop(): Promise<void>;
}

/** Starts the built server in production mode against `databaseUrl` and waits until /healthz answers. */
export async function startServer(databaseUrl: string, extraEnv: Record<string, string> = {}): Promise<RunningServer> {
  if (!existsSync(SERVER_ENTRY)) throw new UsageError(`${path.relative(process.cwd(), SERVER_ENTRY)} is missing: run \`npm run build\` first`);
  const port = await freePort();
  const sessionSecret = randomBytes(36).toString("base64url");
  // BENCH_SERVER_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") profiles the server under load.
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? "").split(" ").filter(Boolean);
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, SERVER_ENTRY], {
    cwd: REPO_ROOT,
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_URL: databaseUrl,
      SESSION_SECRET: sessionSecret,
      POTLUCK_DEMO_SEED: "off",
      POTLUCK_LOG_OUTBOX: "off",
      PASSWORD_HASH_COST_LOG2: "14",
      ...extraEnv,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  // Only the last lines are kept: enough to explain a failed start without filling memory.
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString().split("\n").filter(Boolean));
    if (lines.length > 40) lines.splice(0, lines.length - 40);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  let exited = false;
  const exit = new Promise<void>((resolve) => child.once("exit", () => {
    exited = true;
    resolve();
  }));
  const stop = async () => {
    if (exited) return;
    child.kill("SIGTERM");
    const clean = await Promise.race([exit.then(() => true), sleep(SERVER_STOP_TIMEOUT_MS).then(() => false)]);
    if (!clean && !exited) {
      child.kill("SIGKILL");
      await Promise.race([exit, sleep(5_000)]);
    }
  };
  const deadline = Date.now() + SERVER_START_TIMEOUT_MS;
  try {
    for (;;) {
      if (exited) throw new Error("the server exited while starting");
      if (Date.now() > deadline) throw new Error(`the server did not answer /healthz within ${SERVER_START_TIMEOUT_MS} ms`);
      const ok = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(2_000) }).then((r) => r.ok, () => false);
      if (ok) break;
      await sleep(200);
    }
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n${lines.join("\n")}`);
  }
  return { port, pid: child.pid, sessionSecret, logTail: () => lines.join("\n"), stop };
}

/** A user row straight in SQL (no password: the bench acts for them in-process or by session). */
export function benchUser(id: number, name: string): CurrentUser {
  return { id, name, email: `${name.toLowerCase().replace(/\W+/g, ".")}@bench.example.org`, area: "Riverside", mustChangePassword: false, largePrint: false, roles: [] };
}

/** Bulk-inserts `count` voters in one statement; returns them in id order. */
export async function insertVoters(db: Kysely<Database>, count: number, prefix = "voter"): Promise<CurrentUser[]> {
  const rows = await sql<{ id: number }>`
    insert into app_user (name, email, email_normalised, area)
    select ${prefix} || ' ' || g, ${prefix} || g || '@bench.example.org', ${prefix} || g || '@bench.example.org', 'Riverside'
    from generate_series(1, ${count}::int) g
    returning id`.execute(db);
  return rows.rows.map((r) => r.id).sort((a, b) => a - b).map((id) => benchUser(id, `${prefix} ${id}`));
}

/** A round in voting with `projects` feasible projects, built through the services an officer uses. */
export async function roundInVotingWith(db: Kysely<Database>, projects = PROJECTS) {
  const organisationId = await council({ db } as DbHandle);
  const [author] = await insertVoters(db, 1, `author${randomBytes(3).toString("hex")}`);
  const resident: Actor = { user: author!, ip: "127.0.0.1" };
  const round = await createRound(db, SYSTEM, organisationId, roundInput({ budgetMinor: 100_000_000n, maxChoices: 3, liveCounts: "public" }));
  await movePhase(db, SYSTEM, round.id, "proposals", "Open");
  const ids: number[] = [];
  for (let i = 1; i <= projects; i++) ids.push(await submitProposal(db, resident, round.id, proposalInput(`Project ${i}`, BigInt(1_000_000 + i * 250_000))));
  await movePhase(db, SYSTEM, round.id, "review", "Review");
  for (const id of ids) await reviewProposal(db, SYSTEM, id, { feasible: true, reason: "Can be delivered", adjustedCostMinor: null, costReason: null });
  await movePhase(db, SYSTEM, round.id, "voting", "Vote");
  return { organisationId, roundId: round.id, slug: round.slug, projectIds: ids };
}

/** One to three distinct projects, like a real approval ballot. */
export function randomChoices(projectIds: number[]): number[] {
  const n = 1 + Math.floor(Math.random() * 3);
  const pool = [...projectIds];
  const out: number[] = [];
  for (let i = 0; i < n && pool.length > 0; i++) out.push(pool.splice(Math.floor(Math.random() * pool.length), 1)[0]!);
  return out;
}

/** Latencies in 0.1 ms buckets up to 60 s (beyond that, the last bucket), with an exact max. */
export class Histogram {
  private readonly buckets = new Uint32Array(600_001);
  count = 0;
  max = 0;
  record(ms: number): void {
    const v = Math.max(0, ms);
    this.buckets[Math.min(this.buckets.length - 1, Math.round(v * 10))]!++;
    this.count++;
    if (v > this.max) this.max = v;
  }
  percentile(fraction: number): number {
    if (this.count === 0) return Number.NaN;
    const rank = Math.ceil(fraction * this.count);
    let seen = 0;
    for (let i = 0; i < this.buckets.length; i++) {
      seen += this.buckets[i]!;
      if (seen >= rank) return i / 10;
    }
    return this.max;
  }
}

export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(" | ")} |`;
  return [line(header), `|${widths.map((w, i) => (i === 0 ? `:${"-".repeat(w + 1)}` : `${"-".repeat(w + 1)}:`)).join("|")}|`, ...rows.map(line)].join("\n");
}

const fmt = (ms: number) => (Number.isFinite(ms) ? ms.toFixed(1) : "n/a");

interface LiveClient {
  ws: WebSocket;
  sampled: boolean;
  messages: number;
  /** Highest turnout already attributed; -1 until the first state arrives. */
  seen: number;
  last: Buffer | null;
}

/** Opens `count` websocket clients, `concurrency` handshakes at a time; each sends `onOpen` once open. */
async function openClients(url: string, count: number, onOpen: string | null, setUp: (client: LiveClient) => void): Promise<LiveClient[]> {
  const clients: LiveClient[] = [];
  const sampleEvery = Math.max(1, Math.floor(count / SAMPLED_CLIENTS));
  let next = 0;
  let failures = 0;
  const worker = async () => {
    while (next < count) {
      const index = next++;
      const ws = new WebSocket(url, { perMessageDeflate: false, handshakeTimeout: CONNECT_TIMEOUT_MS });
      const client: LiveClient = { ws, sampled: index % sampleEvery === 0, messages: 0, seen: -1, last: null };
      ws.on("error", () => undefined);
      setUp(client);
      const opened = await withTimeout(
        new Promise<boolean>((resolve) => {
          ws.once("open", () => resolve(true));
          ws.once("close", () => resolve(false));
        }),
        CONNECT_TIMEOUT_MS + 1_000,
        "websocket handshake",
      ).catch(() => false);
      if (!opened) {
        failures++;
        ws.terminate();
        continue;
      }
      if (onOpen) ws.send(onOpen);
      clients.push(client);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONNECT_CONCURRENCY, count) }, worker));
  if (failures > 0) console.log(`[bench] ${failures} of ${count} websocket clients failed to connect`);
  return clients;
}

async function closeClients(clients: LiveClient[]): Promise<void> {
  for (const c of clients) c.ws.terminate();
  await sleep(100);
}

/** Bare pg_notify -> LISTEN round trips: what the database alone adds to every push. */
async function notifyProbe(databaseUrl: string) {
  const listener = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 10_000 });
  const notifier = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 10_000 });
  await listener.connect();
  await notifier.connect();
  const pending = new Map<string, { at: number; resolve: () => void }>();
  const quiet: number[] = [];
  const loaded: number[] = [];
  let sink = quiet;
  listener.on("notification", (m) => {
    const p = pending.get(m.payload ?? "");
    if (!p) return;
    pending.delete(m.payload ?? "");
    sink.push(performance.now() - p.at);
    p.resolve();
  });
  listener.on("error", () => undefined);
  notifier.on("error", () => undefined);
  await listener.query("LISTEN bench_probe");
  let n = 0;
  let busy = false;
  /** Resolves when the notification has arrived (or after 5 s) and the query has returned. */
  const probe = async (): Promise<void> => {
    // One probe at a time on the connection: a probe queued behind a slow one would be
    // charged for the wait in this process rather than in the database.
    if (busy) return;
    busy = true;
    const id = String(++n);
    const heard = new Promise<void>((resolve) => {
      pending.set(id, { at: performance.now(), resolve });
      setTimeout(() => {
        if (pending.delete(id)) resolve();
      }, 5_000);
    });
    // Sent as its own transaction, like the ballot's notify but with no ballot around it.
    const sent = notifier.query("select pg_notify('bench_probe', $1)", [id]).then(() => undefined, () => undefined);
    await Promise.all([heard, sent]);
    busy = false;
  };
  let loadTimer: NodeJS.Timeout | null = null;
  return {
    async measureQuiet(count: number): Promise<void> {
      sink = quiet;
      for (let i = 0; i < count; i++) await probe();
    },
    /** One probe every 50 ms while the ballots run, recorded apart from the quiet ones. */
    startUnderLoad(): void {
      sink = loaded;
      loadTimer = setInterval(() => void probe(), 50);
    },
    stopUnderLoad(): void {
      if (loadTimer) clearInterval(loadTimer);
      loadTimer = null;
    },
    quiet,
    loaded,
    async close(): Promise<void> {
      this.stopUnderLoad();
      await Promise.all([listener.end().catch(() => undefined), notifier.end().catch(() => undefined)]);
    },
  };
}

/**
 * The floor under any ballot on this database right now: a bare transaction inserting one row,
 * with and without a pg_notify like the ballot's, on as many connections as the ballots use.
 * NOTIFY serialises commits (PostgreSQL takes a database-wide lock from the notify until the
 * commit is flushed), so the difference between the two is what live tallies cost at the source.
 */
async function bareTransactions(db: Kysely<Database>, ms: number, connections: number): Promise<{ plain: number; notify: number }> {
  await sql`create table bench_bare_ballot (id integer generated always as identity primary key, round_id integer not null, choices jsonb not null)`.execute(db);
  const go = async (notify: boolean) => {
    let done = 0;
    const ends = performance.now() + ms;
    await Promise.all(Array.from({ length: connections }, async () => {
      while (performance.now() < ends) {
        await db.transaction().execute(async (trx) => {
          await sql`insert into bench_bare_ballot (round_id, choices) values (1, '[{"proposalId":1,"points":1,"rank":null}]')`.execute(trx);
          if (notify) await sql`select pg_notify('bench_bare', '{"channel":"round:0","payload":null}')`.execute(trx);
        });
        done++;
      }
    }));
    return done / (ms / 1000);
  };
  // Alternating halves, so both see the same drift in background load.
  const plain1 = await go(false);
  const notify1 = await go(true);
  const notify2 = await go(true);
  const plain2 = await go(false);
  return { plain: (plain1 + plain2) / 2, notify: (notify1 + notify2) / 2 };
}

function percentileOf(values: number[], fraction: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)]!;
}

// A broadcaster with no database, in its own process like the server: it sends one
// timestamped string of the requested size to every client, skipping slow ones by the hub's rule.
const BROADCASTER = `
const { WebSocketServer } = require("ws");
const wss = new WebSocketServer({ host: "127.0.0.1", port: 0, perMessageDeflate: false });
wss.on("connection", (ws) => ws.on("error", () => ws.terminate()));
wss.on("listening", () => process.stdout.write(JSON.stringify({ port: wss.address().port }) + "\\n"));
let input = "";
process.stdin.on("data", (d) => {
  input += d;
  let i;
  while ((i = input.indexOf("\\n")) >= 0) { const line = input.slice(0, i); input = input.slice(i + 1); command(JSON.parse(line)); }
});
process.stdin.on("end", () => process.exit(0));
function command(c) {
  if (c.exit) { for (const ws of wss.clients) ws.terminate(); wss.close(); process.exit(0); }
  if (!c.go) return;
  let sent = 0, skipped = 0, n = 0;
  const timer = setInterval(() => {
    const head = JSON.stringify({ channel: "round:1", state: { t: performance.timeOrigin + performance.now(), n: ++n } });
    const message = head.slice(0, -2) + ',"pad":"' + "x".repeat(Math.max(0, c.bytes - head.length - 9)) + '"}}';
    for (const ws of wss.clients) {
      if (ws.readyState !== ws.OPEN) continue;
      if (ws.bufferedAmount > ${SLOW_CLIENT_BUFFER_BYTES}) { skipped++; continue; }
      ws.send(message); sent++;
    }
    if (n >= c.count) { clearInterval(timer); process.stdout.write(JSON.stringify({ done: true, sent, skipped }) + "\\n"); }
  }, 1000 / c.hz);
}
`;

async function broadcastBaseline(clientCount: number, bytes: number, seconds: number) {
  const child = spawn(process.execPath, ["-e", BROADCASTER], { cwd: REPO_ROOT, stdio: ["pipe", "pipe", "inherit"] });
  const replies: Record<string, unknown>[] = [];
  let waiter: (() => void) | null = null;
  let buffered = "";
  child.stdout!.on("data", (d: Buffer) => {
    buffered += d.toString();
    let i;
    while ((i = buffered.indexOf("\n")) >= 0) {
      replies.push(JSON.parse(buffered.slice(0, i)) as Record<string, unknown>);
      buffered = buffered.slice(i + 1);
      waiter?.();
    }
  });
  const reply = async (key: string, ms: number) => {
    const deadline = Date.now() + ms;
    for (;;) {
      const found = replies.find((r) => key in r);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`broadcaster: no ${key} within ${ms} ms`);
      await new Promise<void>((resolve) => {
        waiter = resolve;
        setTimeout(resolve, 200);
      });
    }
  };
  const histogram = new Histogram();
  let clients: LiveClient[] = [];
  try {
    const { port } = (await reply("port", 10_000)) as { port: number };
    clients = await openClients(`ws://127.0.0.1:${port}/`, clientCount, null, (client) => {
      client.ws.on("message", (data: Buffer) => {
        client.messages++;
        if (!client.sampled) return;
        const now = performance.timeOrigin + performance.now();
        const { state } = JSON.parse(data.toString()) as { state: { t: number } };
        histogram.record(now - state.t);
      });
    });
    const count = Math.max(4, Math.round(seconds * BROADCAST_HZ));
    child.stdin!.write(`${JSON.stringify({ go: true, bytes, hz: BROADCAST_HZ, count })}\n`);
    const done = (await reply("done", seconds * 1000 + 30_000)) as { sent: number; skipped: number };
    await sleep(1_000); // the last messages still in flight
    const counts = clients.map((c) => c.messages).sort((a, b) => a - b);
    return { histogram, sent: done.sent, skipped: done.skipped, expected: count, clients: clients.length, minMessages: counts[0] ?? 0, medianMessages: counts[Math.floor(counts.length / 2)] ?? 0 };
  } finally {
    await closeClients(clients);
    if (child.exitCode === null) {
      child.stdin!.write(`${JSON.stringify({ exit: true })}\n`);
      const exited = await Promise.race([new Promise<boolean>((resolve) => child.once("exit", () => resolve(true))), sleep(5_000).then(() => false)]);
      if (!exited) child.kill("SIGKILL");
    }
  }
}

export async function run(args: string[] = process.argv.slice(2)): Promise<void> {
  const options = parseFlags(args, {
    seconds: { default: 20, min: 1, max: 600 },
    clients: { default: 5_000, min: 1, max: 15_000 },
    rate: { default: 1_000, min: 1, max: 20_000 },
    coalesceMs: { default: 0, min: 0, max: 10_000 },
    workers: { default: 1, min: 1, max: 16 },
    // The ballots' connections. 24 by default: with 10 (one server process's default) the same
    // machine accepted fewer ballots (496/s against 670/s in back-to-back runs).
    pool: { default: 24, min: 1, max: 100 },
  });
  const baseUrl = requireDatabaseUrl("tally");
  const database = await createBenchDatabase(baseUrl);
  let handle: DbHandle | null = null;
  let server: RunningServer | null = null;
  let clients: LiveClient[] = [];
  let probes: Awaited<ReturnType<typeof notifyProbe>> | null = null;
  let sampler: NodeJS.Timeout | null = null;
  try {
    handle = await createDb({ databaseUrl: database.url, poolMax: options.pool });
    const db = handle.db;
    await migrateToLatest(db);
    const setting = (await sql<{ fsync: string; version: string }>`select current_setting('fsync') as fsync, current_setting('server_version') as version`.execute(db)).rows[0]!;
    const round = await roundInVotingWith(db);
    const voterCount = Math.ceil(options.rate * options.seconds * 1.05) + 100;
    const voters = await insertVoters(db, voterCount);
    // Vacuumed as well as analysed: the thousands of rows set up just now would otherwise draw
    // autovacuum into the measured part at a moment that differs from run to run.
    await sql`vacuum analyze`.execute(db);
    const coalesce: Record<string, string> = options.coalesceMs > 0 ? { LIVE_COALESCE_MS: String(options.coalesceMs) } : {};
    server = await startServer(database.url, { ...coalesce, WEB_CONCURRENCY: String(options.workers) });
    console.log(`[bench] PostgreSQL ${setting.version}, fsync=${setting.fsync}; ${os.cpus().length} CPUs, load average ${loadAverage()}; ` +
      `server pid ${server.pid} on 127.0.0.1:${server.port}, LIVE_COALESCE_MS=${options.coalesceMs || "default (250)"}, WEB_CONCURRENCY=${options.workers}; ` +
      `${options.clients} clients, ${options.rate} ballots/s for ${options.seconds} s, ${voterCount} voters, ${PROJECTS} projects`);
    const rssIdle = treeRssKiB(server.pid);

    probes = await notifyProbe(database.url);
    await probes.measureQuiet(300);
    const bare = await bareTransactions(db, 1_500, options.pool);

    // Commit times by ordinal: the k-th ballot to commit is the one that takes the turnout to k.
    // (Concurrent commits may become visible in a slightly different order than their
    // acknowledgements arrive here; over thousands of ballots that only shifts single samples.)
    const commitAt = new Float64Array(voterCount + 2);
    let committed = 0;
    const push = new Histogram();
    let beforeAck = 0;
    let stateMessages = 0;
    let messageBytes = 0;
    const connectStarted = performance.now();
    clients = await openClients(`ws://127.0.0.1:${server.port}/live`, options.clients, JSON.stringify({ subscribe: `round:${round.roundId}` }), (client) => {
      client.ws.on("message", (data: Buffer) => {
        client.messages++;
        client.last = data;
        if (!client.sampled) return;
        const received = performance.now();
        const message = JSON.parse(data.toString()) as { state?: { turnout?: { total?: number } } };
        const total = message.state?.turnout?.total;
        if (typeof total !== "number") return;
        stateMessages++;
        messageBytes = data.length;
        if (client.seen < 0) {
          client.seen = total; // the snapshot sent on subscribing: nothing to attribute yet
          return;
        }
        for (let k = client.seen + 1; k <= total; k++) {
          const at = commitAt[k] ?? 0;
          if (at > 0) push.record(received - at);
          else {
            // The push overtook the commit's acknowledgement to this process: latency ~0.
            push.record(0);
            beforeAck++;
          }
        }
        if (total > client.seen) client.seen = total;
      });
    });
    // Everyone has the initial state before the clock starts.
    const readyBy = Date.now() + 60_000;
    while (clients.some((c) => c.messages < 2) && Date.now() < readyBy) await sleep(100);
    const notReady = clients.filter((c) => c.messages < 2).length;
    const connectSeconds = (performance.now() - connectStarted) / 1000;
    const rssConnected = treeRssKiB(server.pid);
    console.log(`[bench] ${clients.length} clients subscribed in ${connectSeconds.toFixed(1)} s (${notReady} without an initial state); server RSS ${mib(rssConnected)}`);
    for (const c of clients) c.messages = 0;
    stateMessages = 0;

    let rssPeak = rssConnected ?? 0;
    let benchPeak = process.memoryUsage().rss;
    sampler = setInterval(() => {
      rssPeak = Math.max(rssPeak, treeRssKiB(server?.pid) ?? 0);
      benchPeak = Math.max(benchPeak, process.memoryUsage().rss);
    }, 250);

    // Open-loop issuance at the target rate, at most BALLOT_CONCURRENCY in flight: when the
    // system falls behind, the shortfall shows as a lower accepted rate rather than a queue.
    let issued = 0;
    let inFlight = 0;
    let failed = 0;
    let firstError = "";
    const ballotLatency = new Histogram();
    const cast = (voter: CurrentUser) => {
      inFlight++;
      const started = performance.now();
      const choices = randomChoices(round.projectIds).map((proposalId) => ({ proposalId, points: 1, rank: null }));
      castOnlineBallot(db, { user: voter, ip: "127.0.0.1" }, round.roundId, choices).then(
        () => {
          const now = performance.now();
          commitAt[++committed] = now;
          ballotLatency.record(now - started);
        },
        (error: Error) => {
          failed++;
          firstError ||= error.message;
        },
      ).finally(() => inFlight--);
    };
    const checkpointed = await checkpointNow(database.admin);
    const checkpointsBefore = await checkpointsSoFar(database.admin);
    const serverCpuBefore = treeCpuMs(server.pid) ?? 0;
    const dbCpuBefore = await databaseCpuMs(database.admin, database.name);
    probes.startUnderLoad();
    // This process both casts the ballots and hosts every client: when its event loop is late,
    // so is each of a ballot's round trips, and the accepted rate shows it.
    const loopDelay = monitorEventLoopDelay({ resolution: 10 });
    loopDelay.enable();
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    const endsAt = started + options.seconds * 1000;
    while (performance.now() < endsAt) {
      const due = Math.min(voters.length, Math.floor(((performance.now() - started) / 1000) * options.rate));
      while (issued < due && inFlight < BALLOT_CONCURRENCY) cast(voters[issued++]!);
      await sleep(1);
    }
    const drainBy = performance.now() + DRAIN_TIMEOUT_MS;
    while (inFlight > 0 && performance.now() < drainBy) await sleep(5);
    const elapsed = (performance.now() - started) / 1000;
    probes.stopUnderLoad();
    // Wait for the sampled clients to see the last ballot (bounded).
    const sampled = clients.filter((c) => c.sampled);
    while (sampled.some((c) => c.seen < committed) && performance.now() < drainBy + DRAIN_TIMEOUT_MS) await sleep(20);
    const benchCpu = process.cpuUsage(cpuBefore);
    loopDelay.disable();
    const serverCpu = (treeCpuMs(server.pid) ?? 0) - serverCpuBefore;
    const dbCpu = cpuSpent(dbCpuBefore, await databaseCpuMs(database.admin, database.name));
    const checkpointsDuring = (await checkpointsSoFar(database.admin)) - checkpointsBefore;
    clearInterval(sampler);
    sampler = null;
    const rssEnd = treeRssKiB(server.pid);
    const loadAfter = loadAverage();
    const counted = Number((await sql<{ n: bigint }>`select count(*) as n from ballot where round_id = ${round.roundId} and superseded_at is null`.execute(db)).rows[0]!.n);
    const unseen = sampled.filter((c) => c.seen < committed).length;
    // Every client's last message should carry the final turnout; parsing it once at the end
    // checks all 5,000 without parsing every push on the way.
    let converged = 0;
    for (const c of clients) {
      try {
        if (c.last && (JSON.parse(c.last.toString()) as { state?: { turnout?: { total?: number } } }).state?.turnout?.total === counted) converged++;
      } catch {
        /* a non-state message */
      }
    }
    const counts = clients.map((c) => c.messages).sort((a, b) => a - b);
    const totalMessages = counts.reduce((a, b) => a + b, 0);
    const expectedPushes = Math.ceil((elapsed * 1000) / (options.coalesceMs || 250));
    const connected = clients.length;
    await closeClients(clients);
    clients = [];

    const broadcast = await broadcastBaseline(options.clients, Math.max(messageBytes, 100), Math.min(options.seconds, 10));

    const acceptedPerSecond = committed / elapsed;
    const quietP99 = percentileOf(probes.quiet, 0.99);
    const loadedP99 = percentileOf(probes.loaded, 0.99);
    const broadcastP99 = broadcast.histogram.percentile(0.99);
    const p99 = push.percentile(0.99);
    console.log("");
    console.log(table(["measure", "p50 ms", "p99 ms", "max ms", "samples"], [
      ["push: ballot commit -> client has a tally including it", fmt(push.percentile(0.5)), fmt(p99), fmt(push.max), String(push.count)],
      [`castOnlineBallot call (bench process, pool of ${options.pool})`, fmt(ballotLatency.percentile(0.5)), fmt(ballotLatency.percentile(0.99)), fmt(ballotLatency.max), String(ballotLatency.count)],
      ["baseline: bare pg_notify -> LISTEN, quiet", fmt(percentileOf(probes.quiet, 0.5)), fmt(quietP99), fmt(percentileOf(probes.quiet, 1)), String(probes.quiet.length)],
      ["baseline: bare pg_notify -> LISTEN, during the ballots", fmt(percentileOf(probes.loaded, 0.5)), fmt(loadedP99), fmt(percentileOf(probes.loaded, 1)), String(probes.loaded.length)],
      [`baseline: raw ws broadcast ${broadcast.clients} clients x ${BROADCAST_HZ}/s, ${Math.max(messageBytes, 100)} B, no database`, fmt(broadcast.histogram.percentile(0.5)), fmt(broadcastP99), fmt(broadcast.histogram.max), String(broadcast.histogram.count)],
    ]));
    console.log("");
    console.log(table(["measure", "value"], [
      ["ballots accepted / target", `${acceptedPerSecond.toFixed(0)}/s of ${options.rate}/s (${committed} in ${elapsed.toFixed(1)} s; ${failed} failed)`],
      ["ballots counted in the database", String(counted)],
      ["checkpoints during the ballots", `${checkpointsDuring}${checkpointed ? " (a checkpoint ran just before them)" : " (could not run CHECKPOINT before them: needs superuser or pg_checkpoint)"}`],
      [`baseline: bare insert transactions, ${options.pool} connections, before the clients`, `${bare.plain.toFixed(0)}/s without notify, ${bare.notify.toFixed(0)}/s with pg_notify; ballots reached ${(acceptedPerSecond / bare.notify).toFixed(2)} of the latter`],
      ["websocket clients", `${connected} of ${options.clients} connected, ${notReady} without an initial state`],
      ["tally messages received", `${totalMessages} (per client min ${counts[0] ?? 0}, median ${counts[Math.floor(counts.length / 2)] ?? 0}, max ${counts[counts.length - 1] ?? 0}; ~${expectedPushes} pushes at most)`],
      ["clients whose last message has the final turnout", `${converged} of ${counts.length}`],
      ["sampled clients that never saw the last ballot", `${unseen} of ${sampled.length} (pushes that overtook the commit ack: ${beforeAck})`],
      ["server RSS", `idle ${mib(rssIdle)}, with clients ${mib(rssConnected)}, peak ${mib(rssPeak)}, end ${mib(rssEnd)}`],
      ["bench process RSS (the clients and the ballots)", `peak ${mib(benchPeak / 1024)}; CPU ${((benchCpu.user + benchCpu.system) / 1e6).toFixed(1)} s over ${elapsed.toFixed(1)} s`],
      ["bench process event-loop delay during the ballots", `p50 ${(loopDelay.percentile(50) / 1e6).toFixed(1)} ms, p99 ${(loopDelay.percentile(99) / 1e6).toFixed(1)} ms, max ${(loopDelay.max / 1e6).toFixed(1)} ms`],
      ["server CPU during the ballots", `${(serverCpu / 1000).toFixed(1)} s over ${elapsed.toFixed(1)} s (${(serverCpu / 10 / elapsed).toFixed(0)}% of a core)`],
      ["PostgreSQL CPU during the ballots (all backends of the bench database)", `${(dbCpu / 1000).toFixed(1)} s (${(dbCpu / Math.max(committed, 1)).toFixed(2)} ms per ballot)`],
      ["broadcast baseline delivery", `${broadcast.sent} sent, ${broadcast.skipped} slow-client skips; per client min ${broadcast.minMessages}, median ${broadcast.medianMessages} of ${broadcast.expected}`],
      ["hub slow-client skips", "not exported by the server; a skipped push shows as a lower per-client message count above"],
      ["load average after / CPUs", `${loadAfter} / ${os.cpus().length}`],
    ]));
    console.log("");
    console.log(`ratios: push p99 / raw broadcast p99 = ${(p99 / broadcastP99).toFixed(1)}; push p99 / pg_notify p99 under load = ${(p99 / loadedP99).toFixed(1)} (quiet: ${(p99 / quietP99).toFixed(1)})`);
    console.log(`push p99 minus the coalescing window (${options.coalesceMs || 250} ms) = ${fmt(p99 - (options.coalesceMs || 250))} ms`);
    console.log(`target push p99 < 250 ms: ${p99 < 250 ? "met" : "not met"} (${fmt(p99)} ms)`);
    console.log(`target ${options.rate} ballots/s: ${acceptedPerSecond >= options.rate * 0.98 ? "met" : "not met"} (${acceptedPerSecond.toFixed(0)}/s)`);
    if (failed > 0) console.log(`first ballot error: ${firstError}`);
  } finally {
    if (sampler) clearInterval(sampler);
    await closeClients(clients).catch(() => undefined);
    await probes?.close().catch(() => undefined);
    await server?.stop().catch(() => undefined);
    await handle?.close().catch(() => undefined);
    await database.drop();
  }
}

export function runDirectly(main: (args: string[]) => Promise<void>): void {
  main(process.argv.slice(2)).catch((error: unknown) => {
    if (error instanceof UsageError) {
      console.error(error.message);
      process.exitCode = 2;
      return;
    }
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exitCode = 1;
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) runDirectly(run);
