// Several processes serving one port (WEB_CONCURRENCY), with node:cluster: the primary process
// has migrated the database and only looks after the workers; each worker is a whole server.
// Workers share nothing in memory: sessions live in the database, and live tallies reach every
// worker's browsers through PostgreSQL's LISTEN/NOTIFY, as they would across machines.
import cluster, { type Worker } from "node:cluster";

/** Which worker this is (0 .. count-1); worker 0 also runs the work on timers. */
export const WORKER_INDEX_ENV = "POTLUCK_WORKER_INDEX";
/** A worker that dies sooner than this after starting is failing to start, not crashing. */
const MIN_UPTIME_MS = 5_000;
const RESTART_DELAY_MS = 1_000;
/** Early deaths in a row after which the primary stops instead of restarting again. */
const MAX_EARLY_DEATHS = 3;

export function runWorkers(count: number, shutdownTimeoutMs: number): void {
  let stopping = false;
  let exitCode = 0;
  let earlyDeaths = 0;
  const workers = new Map<number, Worker>();

  const start = (index: number) => {
    const startedAt = Date.now();
    const worker = cluster.fork({ [WORKER_INDEX_ENV]: String(index) });
    workers.set(index, worker);
    worker.on("exit", (code, signal) => {
      workers.delete(index);
      if (stopping) {
        if (workers.size === 0) {
          console.log("[potluck] stopped");
          process.exit(exitCode);
        }
        return;
      }
      console.error(`[potluck] worker ${index} exited (${signal ?? `code ${code}`})`);
      // Only deaths in a row count: a worker that ran a while was not failing to start.
      if (Date.now() - startedAt >= MIN_UPTIME_MS) earlyDeaths = 0;
      else if (++earlyDeaths >= MAX_EARLY_DEATHS) {
        console.error("[potluck] workers keep failing to start; stopping");
        stop(1);
        return;
      }
      setTimeout(() => {
        if (!stopping) start(index);
      }, RESTART_DELAY_MS);
    });
  };

  const stop = (code: number) => {
    if (stopping) return;
    stopping = true;
    exitCode = code;
    for (const worker of workers.values()) worker.process.kill("SIGTERM");
    // Each worker stops itself within its own timeout; this one is a last resort.
    setTimeout(() => {
      console.error("[potluck] workers took too long to stop; exiting");
      process.exit(1);
    }, shutdownTimeoutMs + 2_000).unref();
    if (workers.size === 0) process.exit(exitCode);
  };

  for (let index = 0; index < count; index++) start(index);
  process.once("SIGTERM", () => {
    console.log("[potluck] SIGTERM: shutting down");
    stop(0);
  });
  process.once("SIGINT", () => {
    console.log("[potluck] SIGINT: shutting down");
    stop(0);
  });
}
