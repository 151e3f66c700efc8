// Ballot statements whose plans stay good while a round's ballots grow. Frozen once landed.
//
// Why: PostgreSQL keeps the plans of plpgsql statements and of foreign key checks for the life
// of a connection, made from the table's statistics at the time. A round's first ballots are
// cast into an empty (or never analysed) ballot table, so the kept plans were made for a tiny
// table, and stayed until autovacuum next analysed it (a minute or more on a new database):
// - replacing a voter's ballot used the index of the round's live ballots, reading every live
//   ballot of the round to find the voter's one;
// - the check that a choice's ballot exists (the foreign key, and the trigger of 0012) read the
//   whole ballot table.
// Measured with auto_explain while 5,000 browsers watched: those statements were most of the
// database's work, and runs of the same benchmark differed by half depending on when
// autovacuum came by.
//
// Decision:
// - the index of a round's live ballots also holds the voter, so every plan that finds a
//   voter's live ballot seeks on both (the round's tally reads it by its first column);
// - a choice's ballot is checked by the trigger alone (the foreign key to ballot goes; ballots,
//   like rounds and proposals, can no longer be deleted or given a new id);
// - cast_ballot() and the two ballot triggers are planned for each call (plan_cache_mode =
//   force_custom_plan), so their plans follow the table's size as it grows. Each of their
//   statements is a few index lookups, so planning them costs little.
import { sql, type Kysely } from "kysely";

const statements = [
  sql`drop index ballot_round_live`,
  sql`create index ballot_live_by_round_voter on ballot (round_id, voter_user_id) where superseded_at is null`,
  sql`create trigger ballot_kept before delete or update of id on ballot
    for each row execute function refuse_delete_or_new_id()`,
  sql`alter table ballot_choice drop constraint ballot_choice_ballot_id_fkey`,
  sql`create or replace function ballot_choice_proposal_exists() returns trigger language plpgsql
    set plan_cache_mode = force_custom_plan as $$
    declare
      v_round_id integer;
    begin
      select round_id into v_round_id from ballot where id = new.ballot_id;
      if not found then
        raise exception 'insert or update on table "ballot_choice" violates foreign key constraint "ballot_choice_ballot_id_fkey"'
          using errcode = '23503', constraint = 'ballot_choice_ballot_id_fkey',
            detail = format('Key (ballot_id)=(%s) is not present in table "ballot".', new.ballot_id);
      end if;
      perform 1 from proposal where id = new.proposal_id and round_id = v_round_id;
      if not found then
        raise exception 'insert or update on table "ballot_choice" violates foreign key constraint "ballot_choice_proposal_id_fkey"'
          using errcode = '23503', constraint = 'ballot_choice_proposal_id_fkey',
            detail = format('Key (proposal_id)=(%s) is not a proposal of the round of ballot %s.', new.proposal_id, new.ballot_id);
      end if;
      return new;
    end $$`,
  sql`alter function ballot_round_exists() set plan_cache_mode = force_custom_plan`,
  sql`alter function cast_ballot(integer, text, text, integer, text, timestamptz, text, jsonb, integer[], integer[], integer[], boolean)
    set plan_cache_mode = force_custom_plan`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await statement.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter function cast_ballot(integer, text, text, integer, text, timestamptz, text, jsonb, integer[], integer[], integer[], boolean) reset plan_cache_mode`.execute(db);
  await sql`alter function ballot_round_exists() reset plan_cache_mode`.execute(db);
  await sql`alter table ballot_choice add constraint ballot_choice_ballot_id_fkey foreign key (ballot_id) references ballot(id)`.execute(db);
  await sql`drop trigger if exists ballot_kept on ballot`.execute(db);
  await sql`drop index if exists ballot_live_by_round_voter`.execute(db);
  await sql`create index ballot_round_live on ballot (round_id) where superseded_at is null`.execute(db);
}
