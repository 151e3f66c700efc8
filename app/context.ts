// What the server hands every loader and action. Created once per request in server/index.ts.
import type { Db } from "../db/client.js";
import type { CurrentUser } from "./services/current-user.js";

export interface LivePublisher {
  /** Tells every app instance that something on a channel changed. */
  publish(channel: string, payload: unknown): Promise<void>;
}

export interface AppConfig {
  isProduction: boolean;
  /** Public base URL used in links sent by email, e.g. https://potluck.example.org */
  appUrl: string;
  /** Print the outbox to the server log (development and demos). */
  logOutbox: boolean;
}

export interface PotluckContext {
  db: Db;
  live: LivePublisher;
  config: AppConfig;
  cspNonce: string;
  csrfToken: string;
  clientIp: string;
  currentUser: CurrentUser | null;
  /** The raw session token from the cookie, so sign-out can end exactly this session. */
  sessionToken: string | null;
}

declare module "@remix-run/server-runtime" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AppLoadContext extends PotluckContext {}
}
