// Ballot statements keep their plans and the plans always use indexes. Frozen once landed.
//
// Why: 0013 made cast_ballot() and the two ballot triggers plan every statement on every call,
// so that a plan made while a round's ballot table was empty (a sequential scan is cheapest on
// an empty table) could not be kept while the table grew. Planning each call cost a quarter of
// the database's work per ballot. Every statement in them is a lookup by an index, by design,
// so the same guarantee comes cheaper by not letting the planner choose a sequential scan
// there: the plans PostgreSQL keeps per connection are index plans from the first call, and
// are made once.
//
// Measured, 20,000 ballots from 48 callers on a 2-CPU machine, the same run: 0.66-0.79 ms of
// database CPU per ballot, against 1.02 with planning on every call; rows of the ballot table
// read by sequential scans: none, against 4.7 million when plans are kept without this.
import { sql, type Kysely } from "kysely";

const functions = [
  "cast_ballot(integer, text, text, integer, text, timestamptz, text, jsonb, integer[], integer[], integer[], boolean)",
  "ballot_round_exists()",
  "ballot_choice_proposal_exists()",
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const fn of functions) {
    await sql.raw(`alter function ${fn} reset plan_cache_mode`).execute(db);
    await sql.raw(`alter function ${fn} set enable_seqscan = off`).execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const fn of functions) {
    await sql.raw(`alter function ${fn} reset enable_seqscan`).execute(db);
    await sql.raw(`alter function ${fn} set plan_cache_mode = force_custom_plan`).execute(db);
  }
}
