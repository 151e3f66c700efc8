// One place decides how the database is reached and how its values become JavaScript values.
// DATABASE_URL set -> a pg Pool against PostgreSQL; unset -> embedded PGlite (Postgres in WASM).
import { PGlite, types as pgliteTypes } from "@electric-sql/pglite";
import { Kysely, PostgresDialect, sql } from "kysely";
import { PGliteDialect } from "kysely-pglite-dialect";
import pg from "pg";
import type { Database } from "./schema.js";

export type Db = Kysely<Database>;

export type Driver = "pg" | "pglite";

export interface DbHandle {
  db: Db;
  driver: Driver;
  /** Subscribe to NOTIFY on a channel; resolves to an unsubscribe function. */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  /** Answers true only when the database answers a trivial query. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export interface CreateDbOptions {
  /** postgres:// URL; when absent the embedded database is used. */
  databaseUrl?: string | undefined;
  /** PGlite data directory, or "memory://" for a throwaway in-memory database. */
  dataDir?: string | undefined;
  poolMax?: number | undefined;
}

// Value policy, identical on both drivers:
// - int8 (bigint, count(*)) -> JavaScript bigint, so ledger amounts never lose precision;
// - numeric stays a string (decimal.js parses it where arithmetic is needed);
// - date stays an ISO "YYYY-MM-DD" string, so no driver applies a time zone to a calendar day.
const INT8_OID = 20;
const NUMERIC_OID = 1700;
const DATE_OID = 1082;

const parseInt8 = (value: string) => BigInt(value);
const keepText = (value: string) => value;

function pgTypeParsers(): pg.CustomTypesConfig {
  return {
    getTypeParser: ((oid: number, format?: string) => {
      if (oid === INT8_OID) return parseInt8;
      if (oid === NUMERIC_OID || oid === DATE_OID) return keepText;
      return pg.types.getTypeParser(oid, format as "text");
    }) as pg.CustomTypesConfig["getTypeParser"],
  };
}

const pgliteParsers = {
  [pgliteTypes.INT8]: parseInt8,
  [pgliteTypes.NUMERIC]: keepText,
  [pgliteTypes.DATE]: keepText,
};

export const DEFAULT_DATA_DIR = "./data";
const POOL_MAX_LIMIT = 100;

export async function createDb(options: CreateDbOptions): Promise<DbHandle> {
  if (options.databaseUrl) return createPgDb(options.databaseUrl, options.poolMax ?? 10);
  return createPgliteDb(options.dataDir ?? DEFAULT_DATA_DIR);
}

function createPgDb(databaseUrl: string, poolMax: number): DbHandle {
  if (!(poolMax >= 1 && poolMax <= POOL_MAX_LIMIT)) {
    throw new Error(`DATABASE_POOL_MAX must be between 1 and ${POOL_MAX_LIMIT}`);
  }
  const pool = new pg.Pool({ connectionString: databaseUrl, max: poolMax, types: pgTypeParsers() });
  // An idle client that loses its connection must not crash the process.
  pool.on("error", (error) => console.error("[db] idle client error:", error.message));
  // A backend can also die while a client is checked out between statements of a transaction;
  // without a listener that error would crash the process. The query in flight still fails.
  pool.on("connect", (client) => {
    client.on("error", (error) => console.error("[db] client error:", error.message));
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const listeners: pg.Client[] = [];
  return {
    db,
    driver: "pg",
    async listen(channel, onPayload) {
      // LISTEN needs a connection of its own that stays open, outside the pool.
      const client = new pg.Client({ connectionString: databaseUrl, types: pgTypeParsers() });
      client.on("error", (error) => console.error("[db] listener error:", error.message));
      await client.connect();
      client.on("notification", (message) => {
        if (message.channel === channel) onPayload(message.payload ?? "");
      });
      await client.query(`LISTEN ${quoteIdentifier(channel)}`);
      listeners.push(client);
      return async () => {
        const index = listeners.indexOf(client);
        if (index >= 0) listeners.splice(index, 1);
        await client.end().catch(() => undefined);
      };
    },
    ping: () => pingDb(db),
    async close() {
      await Promise.all(listeners.splice(0).map((client) => client.end().catch(() => undefined)));
      await db.destroy();
    },
  };
}

async function createPgliteDb(dataDir: string): Promise<DbHandle> {
  // Always pass the directory as a string ("memory://" included): PGlite.create(undefined, options)
  // silently ignores the options, and with them the value policy above.
  const pglite = await PGlite.create(dataDir, { parsers: pgliteParsers });
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  return {
    db,
    driver: "pglite",
    async listen(channel, onPayload) {
      const unsubscribe = await pglite.listen(channel, onPayload);
      return async () => {
        if (!pglite.closed) await unsubscribe();
      };
    },
    ping: () => pingDb(db),
    async close() {
      // The dialect closes PGlite when Kysely is destroyed; a second close would throw.
      await db.destroy();
      if (!pglite.closed) await pglite.close();
    },
  };
}

async function pingDb(db: Db): Promise<boolean> {
  try {
    const result = await sql<{ ok: number }>`select 1 as ok`.execute(db);
    return result.rows[0]?.ok === 1;
  } catch {
    return false;
  }
}

function quoteIdentifier(name: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`invalid channel name: ${name}`);
  return `"${name}"`;
}

/** Reads the connection settings from the environment (the only place that does). */
export function dbOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): CreateDbOptions {
  const poolMax = env.DATABASE_POOL_MAX ? Number.parseInt(env.DATABASE_POOL_MAX, 10) : undefined;
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.POTLUCK_DATA_DIR || DEFAULT_DATA_DIR,
    poolMax,
  };
}
