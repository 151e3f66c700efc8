// The live hub on a real websocket: a crowd subscribing together shares snapshots, each
// subscriber gets a state taken after it subscribed, changes are pushed coalesced, and a
// channel's states arrive in the order they were read.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { createDb, type DbHandle } from "../../db/client.js";
import { LiveHub } from "../../server/live.js";

const COALESCE_MS = 200;

describe("the live hub", () => {
  let handle: DbHandle;
  let server: http.Server;
  let hub: LiveHub;
  let port: number;
  /** What the provider's state is now; each snapshot reads it. */
  let version = 0;
  /** When set, the next snapshot is read at once but takes 300 ms to arrive, like a slow query. */
  let slowNextSnapshot = false;
  const snapshots: { channel: string; audience: string; at: number }[] = [];

  beforeAll(async () => {
    handle = await createDb({ dataDir: "memory://" });
    server = http.createServer();
    hub = new LiveHub(handle, { coalesceMs: COALESCE_MS });
    hub.provide("test:", {
      audienceOf: async (_channel, request) => (request.headers["x-audience"] === "officer" ? "officer" : "public"),
      snapshot: async (channel, audience) => {
        snapshots.push({ channel, audience, at: performance.now() });
        const read = version;
        if (slowNextSnapshot) {
          slowNextSnapshot = false;
          await new Promise((resolve) => setTimeout(resolve, 300));
        }
        return { version: read, audience };
      },
    });
    await hub.start(server);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await hub?.close();
    await new Promise<void>((resolve) => server?.close(() => resolve()));
    await handle?.close();
  });

  interface Client {
    socket: WebSocket;
    states: { version: number; audience: string }[];
    subscribedAt: number;
  }

  async function subscribe(channel: string, audience = "public"): Promise<Client> {
    const socket = new WebSocket(`ws://127.0.0.1:${port}/live`, { headers: { "x-audience": audience } });
    const client: Client = { socket, states: [], subscribedAt: 0 };
    socket.on("message", (data) => {
      const message = JSON.parse(String(data)) as { state?: { version: number; audience: string }; subscribed?: string };
      if (message.subscribed) client.subscribedAt = performance.now();
      if (message.state) client.states.push(message.state);
    });
    await new Promise<void>((resolve, reject) => {
      socket.once("open", () => resolve());
      socket.once("error", reject);
    });
    socket.send(JSON.stringify({ subscribe: channel }));
    return client;
  }

  async function until(what: string, check: () => boolean, timeoutMs = 5_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!check()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  it("answers a lone subscriber at once, and a crowd with one snapshot per audience per interval", async () => {
    const started = performance.now();
    const first = await subscribe("test:crowd");
    await until("the first state", () => first.states.length === 1);
    expect(performance.now() - started).toBeLessThan(COALESCE_MS);
    const before = snapshots.length;
    const crowd = await Promise.all([
      ...Array.from({ length: 40 }, () => subscribe("test:crowd")),
      ...Array.from({ length: 10 }, () => subscribe("test:crowd", "officer")),
    ]);
    await until("every first state", () => crowd.every((c) => c.states.length >= 1));
    const taken = snapshots.slice(before).filter((s) => s.channel === "test:crowd");
    // 50 subscribers, two audiences: a few batches at most, never one snapshot each.
    expect(taken.length).toBeGreaterThanOrEqual(2);
    expect(taken.length).toBeLessThanOrEqual(6);
    expect(crowd.slice(0, 40).every((c) => c.states[0]!.audience === "public")).toBe(true);
    expect(crowd.slice(40).every((c) => c.states[0]!.audience === "officer")).toBe(true);
    expect(hub.stats.firstStates).toBeGreaterThanOrEqual(2);
    for (const c of [first, ...crowd]) c.socket.close();
  });

  it("gives each subscriber a state taken after it subscribed, and pushes later changes", async () => {
    version = 1;
    const client = await subscribe("test:change");
    await until("the first state", () => client.states.length === 1);
    const firstSnapshot = snapshots.filter((s) => s.channel === "test:change").at(-1)!;
    expect(firstSnapshot.at).toBeGreaterThanOrEqual(client.subscribedAt - 50);
    expect(client.states[0]!.version).toBe(1);
    version = 2;
    await hub.publish("test:change", null);
    await until("the pushed change", () => client.states.some((s) => s.version === 2));
    client.socket.close();
  });

  it("sends a channel's states to each subscriber in the order they were read", async () => {
    version = 10;
    const first = await subscribe("test:order");
    await until("the first subscriber's state", () => first.states.length === 1);
    // The second subscriber waits for its first state (a crowd's interval) while a change is
    // pushed to both; whichever of the two snapshots is read first is the slow one.
    const second = await subscribe("test:order");
    await until("the second subscription", () => second.subscribedAt > 0);
    version = 11;
    slowNextSnapshot = true;
    const before = snapshots.length;
    await hub.publish("test:order", null);
    await until("a snapshot to be under way", () => snapshots.slice(before).some((s) => s.channel === "test:order"));
    version = 12;
    await until("the newest state", () => second.states.some((s) => s.version === 12) && first.states.some((s) => s.version >= 11), 5_000);
    await new Promise((resolve) => setTimeout(resolve, 400));
    const versions = second.states.map((s) => s.version);
    expect(versions, "states in the order they were read").toEqual([...versions].sort((a, b) => a - b));
    expect(versions.at(-1)).toBe(12);
    expect(first.states.map((s) => s.version)).toEqual([10, 11]);
    for (const client of [first, second]) client.socket.close();
  });

  it("sends nothing to a subscriber that left before its first state", async () => {
    const leaving = await subscribe("test:leave");
    leaving.socket.terminate();
    const staying = await subscribe("test:leave");
    await until("the staying subscriber's state", () => staying.states.length === 1);
    expect(leaving.states).toEqual([]);
    staying.socket.close();
  });
});
