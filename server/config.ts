// Every setting comes from the environment, read here and nowhere else in the server.
import { sessionSecretFromEnv } from "../app/http/cookies.server.js";

export type DemoSeedMode = "auto" | "on" | "off";

export interface ServerConfig {
  port: number;
  host: string;
  isProduction: boolean;
  sessionSecret: string;
  appUrl: string;
  trustProxy: string | false;
  demoSeed: DemoSeedMode;
  liveCoalesceMs: number;
  logOutbox: boolean;
  /** Processes serving requests (node:cluster); above 1 only with PostgreSQL. */
  workers: number;
}

function intFrom(name: string, raw: string | undefined, fallback: number, min: number, max: number): number {
  if (raw === undefined || raw === "") return fallback;
  const value = Number.parseInt(raw, 10);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const isProduction = env.NODE_ENV === "production";
  const port = intFrom("PORT", env.PORT, 3000, 1, 65535);
  const demoSeed = (env.POTLUCK_DEMO_SEED ?? "auto") as DemoSeedMode;
  if (!["auto", "on", "off"].includes(demoSeed)) throw new Error("POTLUCK_DEMO_SEED must be auto, on or off");
  return {
    port,
    host: env.HOST ?? "0.0.0.0",
    isProduction,
    sessionSecret: sessionSecretFromEnv(env),
    appUrl: (env.APP_URL ?? `http://localhost:${port}`).replace(/\/$/, ""),
    trustProxy: env.TRUST_PROXY ? env.TRUST_PROXY : false,
    demoSeed,
    liveCoalesceMs: intFrom("LIVE_COALESCE_MS", env.LIVE_COALESCE_MS, 250, 10, 10_000),
    logOutbox: env.POTLUCK_LOG_OUTBOX ? env.POTLUCK_LOG_OUTBOX === "on" : !isProduction,
    workers: intFrom("WEB_CONCURRENCY", env.WEB_CONCURRENCY, 1, 1, 64),
  };
}
