// One http server: express serves static files and /healthz, Remix renders every page,
// and the live hub upgrades /live to a websocket. The database is created once, here.
import "../app/context.js";
import cluster from "node:cluster";
import http from "node:http";
import path from "node:path";
import { readdirSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import type { AppLoadContext, ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import { createDb, dbOptionsFromEnv, type DbHandle } from "../db/client.js";
import { acquireLock } from "../db/data-dir-lock.js";
import { migrateToLatest } from "../db/migrate.js";
import { isEmpty, seedDemo } from "../db/seed.js";
import { initCookies, readCsrfToken, readSessionToken, serialiseCsrfToken } from "../app/http/cookies.server.js";
import { printOutbox } from "../app/services/outbox.server.js";
import { userForSessionToken } from "../app/services/sessions.server.js";
import { advanceDueRounds } from "../app/services/rounds/rounds.server.js";
import { audienceFor, roundTally, type TallyAudience } from "../app/services/rounds/tally.server.js";
import { newToken } from "../app/services/tokens.server.js";
import { readConfig, type ServerConfig } from "./config.js";
import { WORKER_INDEX_ENV, runWorkers } from "./workers.js";
import { LiveHub } from "./live.js";
import { securityHeaders } from "./security.js";

const SHUTDOWN_TIMEOUT_MS = 10_000;
const OUTBOX_POLL_MS = 2_000;
const ROUND_SCHEDULE_MS = 30_000;

/** Migrates, and seeds the demo when asked to: once, before any process serves requests. */
async function prepareDatabase(handle: DbHandle, config: ServerConfig): Promise<void> {
  await migrateToLatest(handle.db);
  const shouldSeed = config.demoSeed === "on" || (config.demoSeed === "auto" && handle.driver === "pglite");
  if (shouldSeed && (await isEmpty(handle.db))) {
    const seeded = await seedDemo(handle.db);
    console.log(`[potluck] seeded the demo: ${seeded.people} people (sign-ins in README.md)`);
  }
}

/**
 * The files in public/ (styles, icons, Easy Read pictures), served only for addresses whose first
 * segment names something in the folder: a page's address never costs a look at the disk (in a
 * profile of the tally page under load, those looks were 5 % of the server's busy time). The
 * folder's top level is read once at start.
 * redirect: false, so a folder of public files (public/easy-read/) never shadows the page of the
 * same name.
 */
function publicFiles(folder: string): express.RequestHandler {
  const entries = new Set(readdirSync(folder));
  const serve = express.static(folder, { maxAge: "1h", redirect: false });
  return (request, response, next) => {
    const firstSegment = request.path.split("/")[1] ?? "";
    if (entries.has(firstSegment)) serve(request, response, next);
    else next();
  };
}

async function main(): Promise<void> {
  const config = readConfig();
  if (!config.isProduction && !process.env.SESSION_SECRET && cluster.isPrimary) {
    console.warn("[potluck] SESSION_SECRET is not set: using the development secret. Never do this in production.");
  }
  initCookies(config.sessionSecret);

  const dbOptions = dbOptionsFromEnv();
  if (config.workers > 1 && !dbOptions.databaseUrl) {
    throw new Error("WEB_CONCURRENCY above 1 needs DATABASE_URL: the embedded database can be opened by one process only");
  }
  if (config.workers > 1 && cluster.isPrimary) {
    const handle = await createDb(dbOptions);
    try {
      await prepareDatabase(handle, config);
    } finally {
      await handle.close();
    }
    runWorkers(config.workers, SHUTDOWN_TIMEOUT_MS);
    return;
  }
  const workerIndex = cluster.isWorker ? Number(process.env[WORKER_INDEX_ENV] ?? "0") : 0;
  const releaseLock = dbOptions.databaseUrl ? () => undefined : acquireLock(dbOptions.dataDir ?? "./data");
  const handle = await createDb(dbOptions);
  if (cluster.isPrimary) {
    console.log(`[potluck] database: ${handle.driver === "pg" ? "PostgreSQL" : `embedded PGlite (${dbOptions.dataDir})`}`);
    await prepareDatabase(handle, config);
  }

  const build = (await import(pathToFileURL(path.resolve("build/index.js")).href)) as ServerBuild;
  const app = express();
  app.disable("x-powered-by");
  if (config.trustProxy) app.set("trust proxy", config.trustProxy);
  app.use(securityHeaders);
  // Pages, scripts and styles go out gzip-compressed: the words catalogue and the scripts are
  // a fifth of their size on the wire, which matters to people on mobile data.
  app.use(compression());
  app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
  app.use(publicFiles("public"));

  app.get("/healthz", async (_req, res) => {
    const ok = await handle.ping();
    // i18n-exempt: a health check's answer for monitoring, not a page
    res.status(ok ? 200 : 503).type("text/plain").send(ok ? "ok" : "database unavailable");
  });

  const live = new LiveHub(handle, { coalesceMs: config.liveCoalesceMs });
  live.provide("round:", {
    async audienceOf(channel, request) {
      const roundId = Number(channel.slice("round:".length));
      if (!Number.isSafeInteger(roundId)) return null;
      const round = await handle.db.selectFrom("budget_round").select("organisation_id").where("id", "=", roundId).executeTakeFirst();
      if (!round) return null;
      const token = await readSessionToken(request.headers.cookie ?? null);
      const user = token ? await userForSessionToken(handle.db, token) : null;
      return audienceFor(user, round.organisation_id);
    },
    snapshot: (channel, audience) => roundTally(handle.db, Number(channel.slice("round:".length)), audience as TallyAudience),
  });

  app.all(
    "*",
    createRequestHandler({
      build,
      mode: "production",
      getLoadContext: async (req, res): Promise<AppLoadContext> => {
        const cookieHeader = req.headers.cookie ?? null;
        let csrfToken = await readCsrfToken(cookieHeader);
        if (!csrfToken) {
          csrfToken = newToken(24);
          res.append("Set-Cookie", await serialiseCsrfToken(req.secure, csrfToken));
        }
        const sessionToken = await readSessionToken(cookieHeader);
        const currentUser = sessionToken ? await userForSessionToken(handle.db, sessionToken) : null;
        return {
          db: handle.db,
          live,
          config: { isProduction: config.isProduction, appUrl: config.appUrl, logOutbox: config.logOutbox },
          cspNonce: String(res.locals.cspNonce),
          csrfToken,
          clientIp: req.ip ?? "unknown",
          currentUser,
          sessionToken: currentUser ? sessionToken : null,
        };
      },
    }),
  );

  const server = http.createServer(app);
  await live.start(server);
  await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve));
  if (workerIndex === 0) console.log(`[potluck] listening on http://localhost:${config.port}${cluster.isWorker ? ` with ${config.workers} processes` : ""}`);

  // Work on a timer runs in one process only (the first worker when there are several).
  // Rounds move on by themselves when the date set for a stage arrives.
  const scheduleTimer = workerIndex === 0
    ? setInterval(() => void advanceDueRounds(handle.db).catch((error: Error) => console.error("[rounds] schedule:", error.message)), ROUND_SCHEDULE_MS)
    : null;

  const outboxTimer = config.logOutbox && workerIndex === 0
    ? setInterval(() => void printOutbox(handle.db, (line) => console.log(line)).catch(() => undefined), OUTBOX_POLL_MS)
    : null;

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    if (cluster.isPrimary) console.log(`[potluck] ${signal}: shutting down`);
    const force = setTimeout(() => {
      console.error("[potluck] shutdown took too long; exiting");
      process.exit(1);
    }, SHUTDOWN_TIMEOUT_MS);
    force.unref();
    if (outboxTimer) clearInterval(outboxTimer);
    if (scheduleTimer) clearInterval(scheduleTimer);
    await live.close();
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeIdleConnections();
    });
    await handle.close();
    releaseLock();
    if (cluster.isPrimary) console.log("[potluck] stopped");
    // A worker's channel to the primary would keep it alive: let go of it.
    else process.disconnect();
  };
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
  process.once("SIGINT", () => void shutdown("SIGINT"));
}

main().catch((error: unknown) => {
  console.error("[potluck] failed to start:", error instanceof Error ? error.message : error);
  // Nothing is serving yet, so an immediate exit loses nothing.
  process.exit(1);
});
