// Runs integration tests on both databases Potluck supports: embedded PGlite (in memory) and,
// when DATABASE_URL is set, a fresh PostgreSQL database made for the test file and dropped after.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { createDb, type DbHandle } from "../../db/client.js";
import { migrateToLatest } from "../../db/migrate.js";

export interface TestDatabase {
  name: "pglite" | "postgres";
  /** Creates a migrated, empty database. Call close() on the handle when done. */
  open(): Promise<DbHandle & { url?: string }>;
}

async function adminQuery(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

const pglite: TestDatabase = {
  name: "pglite",
  async open() {
    const handle = await createDb({ dataDir: "memory://" });
    await migrateToLatest(handle.db);
    return handle;
  },
};

const postgres: TestDatabase = {
  name: "postgres",
  async open() {
    const baseUrl = process.env.DATABASE_URL!;
    const database = `potluck_test_${randomBytes(6).toString("hex")}`;
    await adminQuery(baseUrl, `create database ${database}`);
    const url = withDatabase(baseUrl, database);
    const handle = await createDb({ databaseUrl: url, poolMax: 20 });
    await migrateToLatest(handle.db);
    return {
      ...handle,
      url,
      async close() {
        await handle.close();
        await adminQuery(baseUrl, `drop database if exists ${database} with (force)`);
      },
    };
  },
};

/** The databases to run on: PGlite always; PostgreSQL when DATABASE_URL is set. */
export const testDatabases: TestDatabase[] = process.env.DATABASE_URL ? [pglite, postgres] : [pglite];

/** PostgreSQL only (for concurrency and fault tests PGlite's single connection cannot show). */
export const postgresOnly: TestDatabase[] = process.env.DATABASE_URL ? [postgres] : [];

if (process.env.CI && !process.env.DATABASE_URL) {
  throw new Error("DATABASE_URL must be set in CI: integration tests must also run on PostgreSQL");
}
