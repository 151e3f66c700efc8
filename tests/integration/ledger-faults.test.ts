// Faults on PostgreSQL: backends killed mid-transaction, and a commit whose reply never arrives.
import net from "node:net";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openAccount } from "../../app/services/ledger/accounts.server.js";
import { postEntry } from "../../app/services/ledger/post.server.js";
import { verifyLedger } from "../../app/services/ledger/verify.server.js";
import { postgresOnly } from "./databases.js";
import { createVictimDb, openFunded, transfer, uniqueKey, type Handle } from "./ledger-fixtures.js";

const LOAD_SECONDS = 3;


/**
 * A TCP proxy in front of PostgreSQL. Once armed, the next bytes the server sends are dropped
 * and both sides are cut: the server has done the work, the client never hears about it.
 */
async function startReplyDroppingProxy(target: URL) {
  let armed = false;
  let dropped = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    sockets.add(client);
    sockets.add(upstream);
    client.on("data", (chunk) => upstream.write(chunk));
    upstream.on("data", (chunk) => {
      if (armed) {
        armed = false;
        dropped++;
        client.destroy();
        upstream.destroy();
        return;
      }
      client.write(chunk);
    });
    const close = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on("error", close);
    upstream.on("error", close);
    client.on("close", close);
    upstream.on("close", close);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as net.AddressInfo).port;
  const url = new URL(target.toString());
  url.hostname = "127.0.0.1";
  url.port = String(port);
  return {
    url: url.toString(),
    arm() {
      armed = true;
    },
    get dropped() {
      return dropped;
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

describe.each(postgresOnly)("ledger faults on $name", (database) => {
  let handle: Handle;
  beforeAll(async () => {
    handle = await database.open();
  });
  afterAll(async () => {
    await handle?.close();
  });

  it("returns the original entry when a transaction's commit reply is lost and the request is retried", async () => {
    const { db } = handle;
    await openFunded(db, "lost:a", "20.00");
    await openAccount(db, { code: "lost:b", unit: "GBP", name: "Lost B" });
    const proxy = await startReplyDroppingProxy(new URL(handle.url!));
    const viaProxy = createVictimDb(proxy.url);
    try {
      const request = transfer("lost:a", "lost:b", "3.00", uniqueKey("lost"));
      let idBeforeCommit: bigint | undefined;
      const attempt = viaProxy.db.transaction().execute(async (trx) => {
        idBeforeCommit = (await postEntry(trx, request)).entryId;
        proxy.arm();
      });
      await expect(attempt).rejects.toThrow();
      expect(proxy.dropped).toBe(1);
      // The client cannot tell whether it committed; the retry settles it.
      const retry = await postEntry(db, request);
      expect(retry.outcome).toBe("replayed");
      expect(retry.entryId).toBe(idBeforeCommit);
      const b = await db.selectFrom("ledger_account").select("balance_minor").where("code", "=", "lost:b").executeTakeFirstOrThrow();
      expect(BigInt(b.balance_minor)).toBe(300n);
    } finally {
      await viaProxy.close().catch(() => undefined);
      await proxy.close();
    }
  });

  it("returns the original entry when a single-statement post loses its reply", async () => {
    const { db } = handle;
    await openFunded(db, "lost:c", "20.00");
    await openAccount(db, { code: "lost:d", unit: "GBP", name: "Lost D" });
    const proxy = await startReplyDroppingProxy(new URL(handle.url!));
    const viaProxy = createVictimDb(proxy.url);
    try {
      const request = transfer("lost:c", "lost:d", "4.00", uniqueKey("lost"));
      await sql`select 1`.execute(viaProxy.db);
      proxy.arm();
      await expect(postEntry(viaProxy.db, request)).rejects.toThrow();
      const retry = await postEntry(db, request);
      expect(retry.outcome).toBe("replayed");
      expect(await db.selectFrom("ledger_entry").select("id").where("idempotency_key", "=", request.idempotencyKey).execute()).toHaveLength(1);
      const d = await db.selectFrom("ledger_account").select("balance_minor").where("code", "=", "lost:d").executeTakeFirstOrThrow();
      expect(BigInt(d.balance_minor)).toBe(400n);
    } finally {
      await viaProxy.close().catch(() => undefined);
      await proxy.close();
    }
  });

  it(`leaves nothing half-written when backends are terminated mid-transaction under ${LOAD_SECONDS} s of load`, async () => {
    const { db } = handle;
    const codes = Array.from({ length: 20 }, (_, index) => `kill:${index}`);
    for (const code of codes) await openFunded(db, code, "500.00");
    const victimUrl = new URL(handle.url!);
    victimUrl.searchParams.set("application_name", "ledger-fault-victim");
    const victims = createVictimDb(victimUrl.toString());
    const deadline = Date.now() + LOAD_SECONDS * 1000;
    const committedPairs: string[] = [];
    let failures = 0;
    let killed = 0;
    const client = async () => {
      while (Date.now() < deadline) {
        const pair = uniqueKey("pair");
        const from = codes[Math.floor(Math.random() * codes.length)]!;
        const to = codes[(codes.indexOf(from) + 1 + Math.floor(Math.random() * (codes.length - 1))) % codes.length]!;
        try {
          // Two entries in one transaction, with a pause inside so kills land mid-transaction.
          await victims.db.transaction().execute(async (trx) => {
            await postEntry(trx, transfer(from, to, "1.00", `${pair}-first`));
            await sql`select pg_sleep(0.003)`.execute(trx);
            await postEntry(trx, transfer(to, from, "0.50", `${pair}-second`));
          });
          committedPairs.push(pair);
        } catch {
          failures++;
        }
      }
    };
    const killer = async () => {
      while (Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        const result = await sql<{ terminated: boolean }>`
          select pg_terminate_backend(pid) as terminated from pg_stat_activity
          where datname = current_database() and application_name = 'ledger-fault-victim'
            and state in ('active', 'idle in transaction')
          order by random() limit 1`.execute(db);
        killed += result.rows.filter((row) => row.terminated).length;
      }
    };
    await Promise.all([killer(), ...Array.from({ length: 6 }, client)]);
    await victims.close().catch(() => undefined);
    expect(killed).toBeGreaterThan(2);
    expect(failures).toBeGreaterThan(0);
    expect(committedPairs.length).toBeGreaterThan(5);
    // Every pair is all or nothing.
    const keys = await db.selectFrom("ledger_entry").select("idempotency_key").where("idempotency_key", "like", "pair-%").execute();
    const present = new Set(keys.map((row) => row.idempotency_key));
    for (const key of present) {
      const pair = key.replace(/-(first|second)$/, "");
      expect(present.has(`${pair}-first`) && present.has(`${pair}-second`)).toBe(true);
    }
    for (const pair of committedPairs) expect(present.has(`${pair}-first`)).toBe(true);
    const report = await verifyLedger(db);
    expect(report.violations).toEqual([]);
    console.info(`[ledger] faults: ${killed} backends terminated, ${failures} transactions lost, ${committedPairs.length} committed`);
  });
});
