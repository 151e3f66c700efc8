// HTTP ballot submission benchmark against PostgreSQL (needs DATABASE_URL; fresh database,
// dropped afterwards). Starts the real server (node dist/server/index.js, so run `npm run build`
// first) on a free port of 127.0.0.1 and drives it with autocannon:
//   - ballots: document POSTs of the confirm form to /rounds/<slug>/vote (answered 303 to the
//     confirmation page, which the browser then loads like any page), one distinct voter per
//     request (a session and a CSRF token each, cookies signed here with the server's secret),
//     exactly what a browser without JavaScript sends on "Confirm my vote";
//   - baseline in the same run: GET of the round's tally page (one query plus the session
//     lookup) with the same connections and duration, so the ratio survives a busy machine.
// Usage: npx tsx tests/bench/ballots-http.ts [--seconds 20] [--connections 16] [--voters N] [--workers 1]
import os from "node:os";
import { pathToFileURL } from "node:url";
import autocannon from "autocannon";
import { sql } from "kysely";
import { createDb, type DbHandle } from "../../db/client.js";
import { migrateToLatest } from "../../db/migrate.js";
import { initCookies, serialiseCsrfToken, serialiseSessionToken } from "../../app/http/cookies.server.js";
import { createSession } from "../../app/services/sessions.server.js";
import { newToken } from "../../app/services/tokens.server.js";
import {
  checkpointNow, checkpointsSoFar, cpuSpent, createBenchDatabase, databaseCpuMs, postgresBackgroundCpuMs, insertVoters, loadAverage, mib, parseFlags, randomChoices, requireDatabaseUrl, roundInVotingWith,
  runDirectly, startServer, table, treeCpuMs, treeRssKiB, withTimeout, type RunningServer,
} from "./tally.js";

const SESSION_CONCURRENCY = 16;

interface Voter {
  cookie: string;
  body: string;
}

/** The name=value part of a Set-Cookie header. */
const cookiePair = (setCookie: string) => setCookie.split(";")[0]!;

async function cannon(options: autocannon.Options): Promise<autocannon.Result> {
  return withTimeout(autocannon(options), ((options.duration as number) + 60) * 1000, `autocannon ${options.title}`);
}

/** `okStatus`: the answer that means success (200 for a page, 303 for a confirmed ballot's redirect). */
function summary(result: autocannon.Result, okStatus: 200 | 303) {
  const ok = okStatus === 200 ? result["2xx"] : ((result.statusCodeStats as Record<string, { count?: number }> | undefined)?.["303"]?.count ?? 0);
  return {
    ok,
    notOk: result["2xx"] + result.non2xx - ok,
    errors: result.errors,
    timeouts: result.timeouts,
    perSecond: ok / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    duration: result.duration,
    statuses: Object.entries(result.statusCodeStats ?? {}).map(([code, s]) => `${code}:${s.count ?? 0}`).join(" "),
  };
}

export async function run(args: string[] = process.argv.slice(2)): Promise<void> {
  const options = parseFlags(args, {
    seconds: { default: 20, min: 1, max: 600 },
    connections: { default: 16, min: 1, max: 1_000 },
    voters: { default: 15_000, min: 1, max: 200_000 },
    workers: { default: 1, min: 1, max: 16 },
  });
  const baseUrl = requireDatabaseUrl("ballots");
  const database = await createBenchDatabase(baseUrl);
  let handle: DbHandle | null = null;
  let server: RunningServer | null = null;
  try {
    handle = await createDb({ databaseUrl: database.url, poolMax: SESSION_CONCURRENCY });
    const db = handle.db;
    await migrateToLatest(db);
    const round = await roundInVotingWith(db);
    const users = await insertVoters(db, options.voters);
    server = await startServer(database.url, { WEB_CONCURRENCY: String(options.workers) });
    // Cookies signed with the server's own secret, as its sign-in page would have set them.
    initCookies(server.sessionSecret);
    const plainRequest = new Request("http://127.0.0.1/");
    const setupStarted = performance.now();
    const voters: Voter[] = new Array(users.length);
    let next = 0;
    await Promise.all(Array.from({ length: SESSION_CONCURRENCY }, async () => {
      while (next < users.length) {
        const index = next++;
        const token = await createSession(db, users[index]!.id, "127.0.0.1");
        const csrf = newToken(24);
        const cookie = `${cookiePair(await serialiseSessionToken(plainRequest, token))}; ${cookiePair(await serialiseCsrfToken(false, csrf))}`;
        const form = new URLSearchParams([["_csrf", csrf], ["intent", "confirm"], ...randomChoices(round.projectIds).map((id) => ["project", String(id)] as [string, string])]);
        voters[index] = { cookie, body: form.toString() };
      }
    }));
    // Vacuumed as well as analysed: the thousands of rows set up just now would otherwise draw
    // autovacuum into the measured part at a moment that differs from run to run.
    await sql`vacuum analyze`.execute(db);
    console.log(`[bench] ${os.cpus().length} CPUs, load average ${loadAverage()}; server pid ${server.pid} on 127.0.0.1:${server.port}, WEB_CONCURRENCY=${options.workers}; ` +
      `${users.length} voters with sessions in ${((performance.now() - setupStarted) / 1000).toFixed(1)} s; ${options.connections} connections, ${options.seconds} s per scenario`);

    const base = `http://127.0.0.1:${server.port}`;
    const votePath = `/rounds/${round.slug}/vote`;
    const tallyPath = `/rounds/${round.slug}/tally`;
    const firstVoter = voters[0]!;

    // One ballot by hand first: a wrong cookie or form would otherwise show up only as non-2xx.
    const check = await fetch(base + votePath, {
      method: "POST",
      headers: { cookie: firstVoter.cookie, "content-type": "application/x-www-form-urlencoded" },
      body: firstVoter.body,
      redirect: "manual",
      signal: AbortSignal.timeout(10_000),
    });
    // Accepted = 303 to the confirmation page, which then shows the receipt from its cookie.
    const receiptCookie = cookiePair(check.headers.get("set-cookie") ?? "");
    const confirmation = check.status === 303
      ? await fetch(base + (check.headers.get("location") ?? ""), { headers: { cookie: `${firstVoter.cookie}; ${receiptCookie}` }, signal: AbortSignal.timeout(10_000) })
      : check;
    const page = await confirmation.text();
    if (check.status !== 303 || !page.includes("Your vote has been counted")) {
      throw new Error(`the check ballot was not accepted: HTTP ${check.status}\n${page.slice(0, 500)}\n${server.logTail()}`);
    }

    let rotation = 0;
    const ballots = (title: string, duration: number) => cannon({
      title,
      url: base,
      connections: options.connections,
      duration,
      timeout: 10,
      requests: [{
        method: "POST",
        path: votePath,
        headers: { "content-type": "application/x-www-form-urlencoded" },
        // A different voter on every request; after the last voter it wraps round, and a
        // second ballot replaces the first (still one accepted ballot).
        setupRequest: (request) => {
          const voter = voters[rotation++ % voters.length]!;
          return { ...request, headers: { ...request.headers, cookie: voter.cookie }, body: voter.body };
        },
      }],
    });
    const tallyPage = (title: string, duration: number) => cannon({
      title,
      url: base + tallyPath,
      connections: options.connections,
      duration,
      timeout: 10,
      headers: { cookie: firstVoter.cookie },
    });

    // A short warm-up of both, so neither pays for the JIT or the connection pool filling.
    await tallyPage("warm-up GET", 2);
    await ballots("warm-up POST", 2);
    const ballotsBefore = Number((await sql<{ n: bigint }>`select count(*) as n from ballot where round_id = ${round.roundId}`.execute(db)).rows[0]!.n);

    // CPU per request (server process and its PostgreSQL backends) hardly moves with other
    // load on the machine, unlike requests per second: it says what an idle core would give.
    // Each scenario starts just after a checkpoint (see checkpointNow).
    let checkpointed = true;
    let checkpointsDuring = 0;
    const measured = async <T extends ReturnType<typeof summary>>(go: () => Promise<T>) => {
      checkpointed = (await checkpointNow(database.admin)) && checkpointed;
      const checkpointsBefore = await checkpointsSoFar(database.admin);
      const serverBefore = treeCpuMs(server!.pid) ?? 0;
      const dbBefore = await databaseCpuMs(database.admin, database.name);
      const backgroundBefore = await postgresBackgroundCpuMs(database.admin);
      const loadGeneratorBefore = process.cpuUsage();
      const result = await go();
      const loadGenerator = process.cpuUsage(loadGeneratorBefore);
      const serverMs = (treeCpuMs(server!.pid) ?? 0) - serverBefore;
      const dbMs = cpuSpent(dbBefore, await databaseCpuMs(database.admin, database.name));
      const backgroundMs = cpuSpent(backgroundBefore, await postgresBackgroundCpuMs(database.admin));
      checkpointsDuring += (await checkpointsSoFar(database.admin)) - checkpointsBefore;
      const done = Math.max(1, result.ok + result.notOk);
      return { ...result, serverCpuMs: serverMs / done, dbCpuMs: dbMs / done, dbBackgroundCpuMs: backgroundMs / done,
        loadGeneratorCpuMs: (loadGenerator.user + loadGenerator.system) / 1000 / done };
    };
    const loadBeforeGet = loadAverage();
    const get = await measured(async () => summary(await tallyPage("GET tally page", options.seconds), 200));
    const rssAfterGet = treeRssKiB(server.pid);
    const loadBeforePost = loadAverage();
    const post = await measured(async () => summary(await ballots("POST ballot", options.seconds), 303));
    const rssAfterPost = treeRssKiB(server.pid);
    const ballotsAfter = Number((await sql<{ n: bigint }>`select count(*) as n from ballot where round_id = ${round.roundId}`.execute(db)).rows[0]!.n);
    const loadAfter = loadAverage();

    console.log("");
    const row = (name: string, r: typeof get, load: string) => [name, r.perSecond.toFixed(0), String(r.p50), String(r.p99), String(r.max), String(r.ok), String(r.notOk),
      String(r.errors), r.serverCpuMs.toFixed(2), r.dbCpuMs.toFixed(2), r.dbBackgroundCpuMs.toFixed(2), r.loadGeneratorCpuMs.toFixed(2), (1000 / r.serverCpuMs).toFixed(0), load];
    console.log(table(["scenario", "ok/s", "p50 ms", "p99 ms", "max ms", "ok", "not ok", "errors", "server CPU ms/req", "db CPU ms/req", "db background CPU ms/req",
      "load generator CPU ms/req", "req/s per server core", "load avg before"], [
      row("baseline: GET tally page (signed in)", get, loadBeforeGet),
      row("POST ballot (confirm form, distinct voters; ok = 303 to the confirmation)", post, loadBeforePost),
    ]));
    if (post.notOk > 0 || get.notOk > 0) console.log(`statuses: GET ${get.statuses}; POST ${post.statuses}`);
    console.log("");
    console.log(`ballots written during the POST scenario (database): ${ballotsAfter - ballotsBefore} (${((ballotsAfter - ballotsBefore) / post.duration).toFixed(0)}/s); voters: ${voters.length}${rotation > voters.length ? ", wrapped round: later ballots replaced earlier ones" : ""}`);
    console.log(`ratios: ballots/s / GET req/s = ${(post.perSecond / get.perSecond).toFixed(2)}; POST p99 / GET p99 = ${(post.p99 / Math.max(get.p99, 0.001)).toFixed(2)}; ` +
      `server CPU per ballot / per GET = ${(post.serverCpuMs / get.serverCpuMs).toFixed(2)}`);
    console.log(`checkpoints during the scenarios: ${checkpointsDuring}; ${checkpointed ? "a checkpoint ran just before each" : "could not run CHECKPOINT before them (needs superuser or pg_checkpoint), so figures vary more between runs"}`);
    console.log(`server RSS: after GET ${mib(rssAfterGet)}, after POST ${mib(rssAfterPost)}; load average after ${loadAfter}`);
    console.log(`target >= 500 ballots/s: ${post.perSecond >= 500 ? "met" : "not met"} (${post.perSecond.toFixed(0)}/s); target p99 < 100 ms: ${post.p99 < 100 ? "met" : "not met"} (${post.p99} ms)`);
  } finally {
    await server?.stop().catch(() => undefined);
    await handle?.close().catch(() => undefined);
    await database.drop();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) runDirectly(run);
