// The live hub: browsers subscribe to channels over one websocket at /live; any app instance
// publishes a change with pg_notify; every instance LISTENs, coalesces changes per channel
// (at most one push per channel per interval) and sends each subscriber the latest state.
// A slow client never builds a queue: while its socket buffer is full it is skipped, and it
// gets the newest state on the next push.
import type { Server as HttpServer, IncomingMessage } from "node:http";
import { sql } from "kysely";
import { WebSocketServer, type WebSocket } from "ws";
import type { DbHandle } from "../db/client.js";

export const LIVE_PATH = "/live";
export const NOTIFY_CHANNEL = "potluck_live";
const CHANNEL_PATTERN = /^[a-z]+:[a-z0-9:-]{1,60}$/;
const MAX_SUBSCRIPTIONS_PER_SOCKET = 20;
const MAX_MESSAGE_BYTES = 1024;
const SLOW_CLIENT_BUFFER_BYTES = 256 * 1024;
const NOTIFY_PAYLOAD_MAX_BYTES = 7000;

export interface Subscriber {
  socket: WebSocket;
  request: IncomingMessage;
}

/** Builds the message a subscriber receives for a channel, or null to send nothing. */
export type SnapshotProvider = (channel: string, subscriber: Subscriber, lastPayload: unknown) => Promise<unknown | null>;

export interface LiveHubOptions {
  coalesceMs: number;
}

export class LiveHub {
  private readonly subscriptions = new Map<string, Set<Subscriber>>();
  private readonly pending = new Map<string, unknown>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly providers: { prefix: string; provide: SnapshotProvider }[] = [];
  private wss: WebSocketServer | null = null;
  private unlisten: (() => Promise<void>) | null = null;
  private closed = false;

  constructor(private readonly handle: DbHandle, private readonly options: LiveHubOptions) {}

  /** Registers how the state of channels starting with `prefix` is built. */
  provide(prefix: string, provide: SnapshotProvider): void {
    this.providers.push({ prefix, provide });
  }

  async start(server: HttpServer): Promise<void> {
    this.unlisten = await this.handle.listen(NOTIFY_CHANNEL, (payload) => this.onNotify(payload));
    this.wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
    server.on("upgrade", (request, socket, head) => {
      const path = (request.url ?? "").split("?")[0];
      if (path !== LIVE_PATH || this.closed) {
        socket.destroy();
        return;
      }
      this.wss!.handleUpgrade(request, socket, head, (ws) => this.accept(ws, request));
    });
  }

  /** Publishes through the database so every instance (and this one) hears it. */
  async publish(channel: string, payload: unknown): Promise<void> {
    if (!CHANNEL_PATTERN.test(channel)) throw new Error(`invalid live channel: ${channel}`);
    const message = JSON.stringify({ channel, payload });
    if (Buffer.byteLength(message) > NOTIFY_PAYLOAD_MAX_BYTES) throw new Error("live payload too large");
    await sql`select pg_notify(${NOTIFY_CHANNEL}, ${message})`.execute(this.handle.db);
  }

  subscriberCount(channel?: string): number {
    if (channel) return this.subscriptions.get(channel)?.size ?? 0;
    let total = 0;
    for (const set of this.subscriptions.values()) total += set.size;
    return total;
  }

  private accept(ws: WebSocket, request: IncomingMessage): void {
    const subscriber: Subscriber = { socket: ws, request };
    const mine = new Set<string>();
    ws.on("message", (data) => {
      let message: unknown;
      try {
        message = JSON.parse(String(data));
      } catch {
        ws.send(JSON.stringify({ error: "Messages must be JSON" }));
        return;
      }
      const channel = (message as { subscribe?: unknown }).subscribe;
      if (typeof channel !== "string" || !CHANNEL_PATTERN.test(channel)) {
        ws.send(JSON.stringify({ error: "Send {\"subscribe\": \"<channel>\"}" }));
        return;
      }
      if (mine.size >= MAX_SUBSCRIPTIONS_PER_SOCKET) {
        ws.send(JSON.stringify({ error: "Too many subscriptions" }));
        return;
      }
      mine.add(channel);
      let set = this.subscriptions.get(channel);
      if (!set) this.subscriptions.set(channel, (set = new Set()));
      set.add(subscriber);
      ws.send(JSON.stringify({ subscribed: channel }));
      // Send the current state straight away, so a page is never stale after connecting.
      void this.sendTo(channel, subscriber, this.pending.get(channel) ?? null);
    });
    ws.on("close", () => {
      for (const channel of mine) {
        const set = this.subscriptions.get(channel);
        set?.delete(subscriber);
        if (set && set.size === 0) this.subscriptions.delete(channel);
      }
    });
    ws.on("error", () => ws.terminate());
  }

  private onNotify(raw: string): void {
    let parsed: { channel?: unknown; payload?: unknown };
    try {
      parsed = JSON.parse(raw) as typeof parsed;
    } catch {
      return;
    }
    if (typeof parsed.channel !== "string") return;
    const channel = parsed.channel;
    this.pending.set(channel, parsed.payload);
    if (this.timers.has(channel) || this.closed) return;
    this.timers.set(
      channel,
      setTimeout(() => {
        this.timers.delete(channel);
        void this.flush(channel);
      }, this.options.coalesceMs),
    );
  }

  private async flush(channel: string): Promise<void> {
    const subscribers = this.subscriptions.get(channel);
    const payload = this.pending.get(channel);
    if (!subscribers) return;
    await Promise.all([...subscribers].map((subscriber) => this.sendTo(channel, subscriber, payload)));
  }

  private async sendTo(channel: string, subscriber: Subscriber, payload: unknown): Promise<void> {
    const { socket } = subscriber;
    if (socket.readyState !== socket.OPEN || socket.bufferedAmount > SLOW_CLIENT_BUFFER_BYTES) return;
    const provider = this.providers.find((p) => channel.startsWith(p.prefix));
    let state: unknown = payload;
    try {
      if (provider) state = await provider.provide(channel, subscriber, payload);
    } catch (error) {
      console.error(`[live] snapshot for ${channel} failed:`, (error as Error).message);
      return;
    }
    if (state === null || state === undefined) return;
    socket.send(JSON.stringify({ channel, state }));
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    if (this.wss) {
      for (const client of this.wss.clients) client.close(1001, "server shutting down");
      await new Promise<void>((resolve) => this.wss!.close(() => resolve()));
      for (const client of this.wss.clients) client.terminate();
    }
    if (this.unlisten) await this.unlisten();
  }
}
