// Ballots and phase changes of a round exclude each other through an advisory lock on the
// round: ballots hold it shared, a phase change (or an edit) exclusively, so voting cannot close
// under a ballot being written. Not a row lock: thousands of voters share-locking one round row
// made PostgreSQL write a new multixact and dirty that row's page for every ballot.
import { sql, type Kysely } from "kysely";
import type { Database } from "../../../db/schema.js";

/** The first key of every round lock (an arbitrary constant: "rnd" + 1), the round id the second. */
const ROUND_LOCK_CLASS = 0x726e6401;

export async function holdRoundShared(trx: Kysely<Database>, roundId: number): Promise<void> {
  await sql`select pg_advisory_xact_lock_shared(${ROUND_LOCK_CLASS}::int, ${roundId}::int)`.execute(trx);
}

export async function holdRoundExclusive(trx: Kysely<Database>, roundId: number): Promise<void> {
  await sql`select pg_advisory_xact_lock(${ROUND_LOCK_CLASS}::int, ${roundId}::int)`.execute(trx);
}
