// The built server with several processes (WEB_CONCURRENCY): it serves, replaces a worker that
// dies, stops cleanly on SIGTERM, and refuses to start with the embedded database. Needs the
// build (npm test builds first) and PostgreSQL.
import { spawnSync } from "node:child_process";
import http from "node:http";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/client.js";
import { REPO_ROOT, processTree, sleep, startServer, type RunningServer } from "../bench/tally.js";
import { testDatabases } from "./databases.js";

const postgres = testDatabases.find((d) => d.name === "postgres");

async function waitFor(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

describe.runIf(postgres)("the server with several processes", () => {
  let handle: DbHandle & { url?: string };
  let server: RunningServer;
  beforeAll(async () => {
    handle = await postgres!.open();
    server = await startServer(handle.url!, { WEB_CONCURRENCY: "2" });
  }, 90_000);
  afterAll(async () => {
    await server?.stop();
    await handle?.close();
  });

  /** A GET on a new connection each time, so no request rides on a connection a killed worker held. */
  const get = (pathname: string) =>
    new Promise<{ status: number; type: string }>((resolve, reject) => {
      const request = http.get({ host: "127.0.0.1", port: server.port, path: pathname, agent: false, timeout: 10_000 }, (response) => {
        response.resume();
        response.on("end", () => resolve({ status: response.statusCode ?? 0, type: response.headers["content-type"] ?? "" }));
      });
      request.on("timeout", () => request.destroy(new Error(`GET ${pathname} timed out`)));
      request.on("error", reject);
    });
  const workers = () => processTree(server.pid).slice(1);

  it("serves pages and public files from two worker processes under one primary", async () => {
    expect(workers()).toHaveLength(2);
    for (let i = 0; i < 6; i++) expect((await get("/rounds")).status).toBe(200);
    expect((await get("/healthz")).status).toBe(200);
    // Public files are found by their folder; a page named like a public folder is still the page.
    expect(await get("/styles/potluck.css")).toMatchObject({ status: 200, type: expect.stringContaining("text/css") });
    expect(await get("/favicon.svg")).toMatchObject({ status: 200, type: expect.stringContaining("image/svg+xml") });
    expect(await get("/easy-read/pot.svg")).toMatchObject({ status: 200, type: expect.stringContaining("image/svg+xml") });
    expect(await get("/easy-read")).toMatchObject({ status: 200, type: expect.stringContaining("text/html") });
    expect(await get("/easy-read/voting")).toMatchObject({ status: 200, type: expect.stringContaining("text/html") });
    expect((await get("/styles/no-such-file.css")).status).toBe(404);
  });

  it("replaces a worker that dies, while the other keeps serving", async () => {
    const [first, second] = workers();
    process.kill(first!, "SIGKILL");
    // Connections the dead worker held are lost; new ones go to the living worker once the
    // primary has seen the death.
    await waitFor("the primary to see the worker die", () => /worker \d exited \(SIGKILL\)/.test(server.logTail()));
    expect((await get("/healthz")).status).toBe(200);
    await waitFor("a new worker", () => workers().length === 2 && !workers().includes(first!));
    expect(workers()).toContain(second);
    expect((await get("/rounds")).status).toBe(200);
  }, 30_000);

  it("stops every process on SIGTERM", async () => {
    const all = processTree(server.pid);
    await server.stop();
    expect(server.logTail()).toMatch(/stopped/);
    expect(server.logTail()).not.toMatch(/took too long/);
    const alive = all.filter((pid) => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    });
    expect(alive).toEqual([]);
  }, 30_000);
});

describe("WEB_CONCURRENCY with the embedded database", () => {
  it("refuses to start, saying why", () => {
    const result = spawnSync(process.execPath, [path.join(REPO_ROOT, "dist/server/index.js")], {
      cwd: REPO_ROOT,
      env: { PATH: process.env.PATH ?? "", NODE_ENV: "production", WEB_CONCURRENCY: "2", PORT: "3999", SESSION_SECRET: "x".repeat(40) },
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("WEB_CONCURRENCY above 1 needs DATABASE_URL");
  });
});
