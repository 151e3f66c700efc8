// The live hub: browsers subscribe to channels over one websocket at /live; any app instance
// publishes a change with pg_notify; every instance LISTENs, coalesces changes per channel
// (at most one push per channel per interval) and sends each subscriber the latest state.
// A slow client never builds a queue: while its socket buffer is full it is skipped, and it
// gets the newest state on the next push.
import type { Server as HttpServer, IncomingMessage } from "node:http";
import { sql } from "kysely";
import { WebSocketServer, type WebSocket } from "ws";
import type { DbHandle } from "../db/client.js";
import { LIVE_NOTIFY_CHANNEL } from "../app/services/live-announce.server.js";

export const LIVE_PATH = "/live";
const CHANNEL_PATTERN = /^[a-z]+:[a-z0-9:-]{1,60}$/;
const MAX_SUBSCRIPTIONS_PER_SOCKET = 20;
const MAX_MESSAGE_BYTES = 1024;
const SLOW_CLIENT_BUFFER_BYTES = 256 * 1024;
const NOTIFY_PAYLOAD_MAX_BYTES = 7000;

/** Browsers send cookies with websocket upgrades from any site; only our own pages may connect. */
function sameOrigin(request: IncomingMessage): boolean {
  const origin = request.headers.origin;
  if (!origin) return true; // not a browser: no ambient cookies to abuse
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}

export interface Subscriber {
  socket: WebSocket;
  request: IncomingMessage;
}

/**
 * How a family of channels (e.g. "round:") is served: which audience a subscriber belongs to
 * (null refuses the subscription), and the state an audience sees. A snapshot is built once
 * per audience per push, however many browsers watch.
 */
export interface ChannelProvider {
  audienceOf(channel: string, request: IncomingMessage): Promise<string | null>;
  snapshot(channel: string, audience: string): Promise<unknown>;
}

export interface LiveHubOptions {
  coalesceMs: number;
}

export interface LiveStats {
  pushes: number;
  /** Batches of first states sent to new subscribers. */
  firstStates: number;
  snapshots: number;
  skippedSlow: number;
}

export class LiveHub {
  /** channel -> subscriber -> audience */
  private readonly subscriptions = new Map<string, Map<Subscriber, string>>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** When each channel's last push started (performance.now()), for the interval between pushes. */
  private readonly lastPushAt = new Map<string, number>();
  /**
   * New subscribers waiting for their first state. A crowd arriving together (a meeting
   * opening the tally page) shares one snapshot per audience per interval instead of costing
   * one each; a quiet channel still answers at once.
   */
  private readonly awaitingFirstState = new Map<string, Set<Subscriber>>();
  private readonly firstStateTimers = new Map<string, NodeJS.Timeout>();
  private readonly lastFirstStateAt = new Map<string, number>();
  /**
   * Per channel, the snapshot-and-send work under way; the next waits for it. So a channel's
   * states reach every subscriber in the order they were read: a first state read alongside a
   * push could otherwise overtake it, and a quiet page would keep the older state until the
   * next change.
   */
  private readonly inProgress = new Map<string, Promise<void>>();
  private readonly providers: { prefix: string; provider: ChannelProvider }[] = [];
  private wss: WebSocketServer | null = null;
  private unlisten: (() => Promise<void>) | null = null;
  private closed = false;
  readonly stats: LiveStats = { pushes: 0, firstStates: 0, snapshots: 0, skippedSlow: 0 };

  constructor(private readonly handle: DbHandle, private readonly options: LiveHubOptions) {}

  provide(prefix: string, provider: ChannelProvider): void {
    this.providers.push({ prefix, provider });
  }

  async start(server: HttpServer): Promise<void> {
    this.unlisten = await this.handle.listen(LIVE_NOTIFY_CHANNEL, (payload) => this.onNotify(payload));
    this.wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
    server.on("upgrade", (request, socket, head) => {
      const path = (request.url ?? "").split("?")[0];
      if (path !== LIVE_PATH || this.closed || !sameOrigin(request)) {
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
    await sql`select pg_notify(${LIVE_NOTIFY_CHANNEL}, ${message})`.execute(this.handle.db);
  }

  subscriberCount(channel?: string): number {
    if (channel) return this.subscriptions.get(channel)?.size ?? 0;
    let total = 0;
    for (const set of this.subscriptions.values()) total += set.size;
    return total;
  }

  private providerFor(channel: string): ChannelProvider | undefined {
    return this.providers.find((p) => channel.startsWith(p.prefix))?.provider;
  }

  private accept(ws: WebSocket, request: IncomingMessage): void {
    const subscriber: Subscriber = { socket: ws, request };
    const mine = new Set<string>();
    ws.on("message", (data) => void this.onMessage(subscriber, mine, String(data)));
    ws.on("close", () => {
      for (const channel of mine) {
        const set = this.subscriptions.get(channel);
        set?.delete(subscriber);
        this.awaitingFirstState.get(channel)?.delete(subscriber);
        if (set && set.size === 0) {
          this.subscriptions.delete(channel);
          this.lastPushAt.delete(channel);
          this.lastFirstStateAt.delete(channel);
        }
      }
    });
    ws.on("error", () => ws.terminate());
  }

  private async onMessage(subscriber: Subscriber, mine: Set<string>, text: string): Promise<void> {
    const ws = subscriber.socket;
    let channel: unknown;
    try {
      channel = (JSON.parse(text) as { subscribe?: unknown }).subscribe;
    } catch {
      // i18n-exempt: a protocol reply for the page's script, never shown to people
      ws.send(JSON.stringify({ error: "Messages must be JSON" }));
      return;
    }
    const provider = typeof channel === "string" && CHANNEL_PATTERN.test(channel) ? this.providerFor(channel) : undefined;
    if (typeof channel !== "string" || !provider) {
      // i18n-exempt: a protocol reply for the page's script, never shown to people
      ws.send(JSON.stringify({ error: 'Send {"subscribe": "<channel>"} with a known channel' }));
      return;
    }
    if (mine.size >= MAX_SUBSCRIPTIONS_PER_SOCKET) {
      // i18n-exempt: a protocol reply for the page's script, never shown to people
      ws.send(JSON.stringify({ error: "Too many subscriptions" }));
      return;
    }
    let audience: string | null;
    try {
      audience = await provider.audienceOf(channel, subscriber.request);
    } catch {
      audience = null;
    }
    if (audience === null) {
      // i18n-exempt: a protocol reply for the page's script, never shown to people
      ws.send(JSON.stringify({ error: "You cannot follow this channel" }));
      return;
    }
    mine.add(channel);
    let subscribers = this.subscriptions.get(channel);
    if (!subscribers) this.subscriptions.set(channel, (subscribers = new Map()));
    subscribers.set(subscriber, audience);
    ws.send(JSON.stringify({ subscribed: channel }));
    // The current state soon after subscribing (at once on a quiet channel), so a page is never
    // stale after connecting. The snapshot is taken after the subscription is registered, so a
    // change committed after it reaches this subscriber through the next push.
    this.queueFirstState(channel, subscriber);
  }

  private queueFirstState(channel: string, subscriber: Subscriber): void {
    let waiting = this.awaitingFirstState.get(channel);
    if (!waiting) this.awaitingFirstState.set(channel, (waiting = new Set()));
    waiting.add(subscriber);
    if (this.closed) return;
    this.runCoalesced(channel, this.firstStateTimers, this.lastFirstStateAt, () => this.serially(channel, () => this.sendFirstStates(channel)));
  }

  /**
   * Leading edge: runs `work` at once on a quiet channel, and at most once per interval on a busy
   * one, a later run gathering everything since the last. Nothing to do while one is waiting.
   */
  private runCoalesced(channel: string, timers: Map<string, NodeJS.Timeout>, lastRunAt: Map<string, number>, work: () => Promise<void>): void {
    if (timers.has(channel)) return;
    const sinceLastMs = performance.now() - (lastRunAt.get(channel) ?? -Infinity);
    const waitMs = Math.max(0, this.options.coalesceMs - sinceLastMs);
    timers.set(
      channel,
      setTimeout(() => {
        timers.delete(channel);
        lastRunAt.set(channel, performance.now());
        void work();
      }, waitMs),
    );
  }

  private serially(channel: string, work: () => Promise<void>): Promise<void> {
    const previous = this.inProgress.get(channel) ?? Promise.resolve();
    const run: Promise<void> = previous
      .then(work)
      .catch((error: Error) => console.error(`[live] sending ${channel} failed:`, error.message))
      .finally(() => {
        if (this.inProgress.get(channel) === run) this.inProgress.delete(channel);
      });
    this.inProgress.set(channel, run);
    return run;
  }

  private async sendFirstStates(channel: string): Promise<void> {
    const waiting = this.awaitingFirstState.get(channel);
    this.awaitingFirstState.delete(channel);
    const subscribers = this.subscriptions.get(channel);
    const provider = this.providerFor(channel);
    if (!waiting || !subscribers || !provider) return;
    // Those gone before their first state have no audience any more, and are left out.
    const stillHere = [...waiting].flatMap((subscriber): [Subscriber, string][] => {
      const audience = subscribers.get(subscriber);
      return audience === undefined ? [] : [[subscriber, audience]];
    });
    await this.sendToAudiences(provider, channel, stillHere);
    this.stats.firstStates++;
  }

  private onNotify(raw: string): void {
    let parsed: { channel?: unknown };
    try {
      parsed = JSON.parse(raw) as typeof parsed;
    } catch {
      return;
    }
    if (typeof parsed.channel !== "string") return;
    const channel = parsed.channel;
    if (this.closed || !this.subscriptions.has(channel)) return;
    this.runCoalesced(channel, this.timers, this.lastPushAt, () => this.serially(channel, () => this.flush(channel)));
  }

  private async snapshotFor(provider: ChannelProvider, channel: string, audience: string): Promise<unknown | null> {
    try {
      this.stats.snapshots++;
      return await provider.snapshot(channel, audience);
    } catch (error) {
      console.error(`[live] snapshot for ${channel} failed:`, (error as Error).message);
      return null;
    }
  }

  private async flush(channel: string): Promise<void> {
    const subscribers = this.subscriptions.get(channel);
    const provider = this.providerFor(channel);
    if (!subscribers || !provider) return;
    await this.sendToAudiences(provider, channel, subscribers);
    this.stats.pushes++;
  }

  /** One snapshot per audience, the same message to each of its subscribers. */
  private async sendToAudiences(provider: ChannelProvider, channel: string, subscribers: Iterable<[Subscriber, string]>): Promise<void> {
    const byAudience = new Map<string, Subscriber[]>();
    for (const [subscriber, audience] of subscribers) {
      const list = byAudience.get(audience) ?? [];
      list.push(subscriber);
      byAudience.set(audience, list);
    }
    for (const [audience, list] of byAudience) {
      const state = await this.snapshotFor(provider, channel, audience);
      if (state === null) continue;
      const message = JSON.stringify({ channel, state });
      for (const subscriber of list) this.send(subscriber, message);
    }
  }

  private send(subscriber: Subscriber, message: string): void {
    const { socket } = subscriber;
    if (socket.readyState !== socket.OPEN) return;
    // A slow client is skipped rather than queued: it gets the newest state on the next push.
    if (socket.bufferedAmount > SLOW_CLIENT_BUFFER_BYTES) {
      this.stats.skippedSlow++;
      return;
    }
    socket.send(message);
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const timer of [...this.timers.values(), ...this.firstStateTimers.values()]) clearTimeout(timer);
    this.timers.clear();
    this.firstStateTimers.clear();
    if (this.wss) {
      // i18n-exempt: a websocket close reason, read by the page's script
      for (const client of this.wss.clients) client.close(1001, "server shutting down");
      await new Promise<void>((resolve) => this.wss!.close(() => resolve()));
      for (const client of this.wss.clients) client.terminate();
    }
    if (this.unlisten) await this.unlisten();
  }
}
