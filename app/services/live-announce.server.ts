// Announces changes to live channels after the change has committed, batched per process.
//
// Why not pg_notify inside the transaction: PostgreSQL serialises the commits of notifying
// transactions (a database-wide lock is held from the notify until the commit is flushed to
// disk), so with a notify in every ballot each voter's commit waited for the previous one's
// disk flush. Announcing after commit keeps ballots' commits parallel; one notify statement per
// batch window carries every channel that changed in it. The cost: if the process dies between
// a commit and its announcement, open pages miss that one push and catch up on the next (pages
// always render the current counts when loaded).
import { sql, type Kysely } from "kysely";
import type { Database } from "../../db/schema.js";

export const LIVE_NOTIFY_CHANNEL = "potluck_live";
/** How long changes gather before one notify carries them all. */
export const ANNOUNCE_BATCH_MS = 5;
const MAX_CHANNELS_PER_NOTIFY = 200;

interface Pending {
  channels: Set<string>;
  timer: NodeJS.Timeout;
  done: Promise<void>;
  resolve: () => void;
}

const pendingByDb = new WeakMap<Kysely<Database>, Pending>();

async function flush(db: Kysely<Database>, pending: Pending): Promise<void> {
  pendingByDb.delete(db);
  const messages = [...pending.channels].slice(0, MAX_CHANNELS_PER_NOTIFY).map((channel) => JSON.stringify({ channel, payload: null }));
  try {
    await sql`select pg_notify(${LIVE_NOTIFY_CHANNEL}, m) from unnest(${messages}::text[]) as m`.execute(db);
  } catch (error) {
    // The change itself has committed; a missed push is caught up by the next one.
    console.error("[live] announcing a change failed:", (error as Error).message);
  } finally {
    pending.resolve();
  }
}

/**
 * Call with the database (not a transaction) after the change has committed. The promise
 * settles when the announcement has been sent; callers need not wait for it.
 */
export function announceCommitted(db: Kysely<Database>, channel: string): Promise<void> {
  let pending = pendingByDb.get(db);
  if (!pending) {
    let resolve!: () => void;
    const done = new Promise<void>((r) => (resolve = r));
    const created: Pending = { channels: new Set(), timer: undefined as unknown as NodeJS.Timeout, done, resolve };
    created.timer = setTimeout(() => void flush(db, created), ANNOUNCE_BATCH_MS);
    pendingByDb.set(db, created);
    pending = created;
  }
  pending.channels.add(channel);
  return pending.done;
}
