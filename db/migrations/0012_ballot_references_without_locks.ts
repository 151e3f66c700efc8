// A ballot's round and its choices' proposals are checked by triggers instead of foreign keys.
// Frozen once landed.
//
// Why: a foreign key check locks the referenced row (FOR KEY SHARE) until commit. Every ballot
// of a round references the same round row and the same few proposals, so with ballots arriving
// together each check found the row already locked by other ballots and PostgreSQL wrote a new
// multixact (the list of lockers) into the row: measured, about one per ballot, and a quarter of
// the database's work per ballot. The lock only guards against the parent row being deleted or
// its key changed while the child is written; rounds and proposals are never deleted (they are
// withdrawn, hidden or closed) and their ids never change, which the triggers below now make
// the database refuse. With the parent rows fixed for good, checking that they exist needs no
// lock. The checks keep the foreign key's SQLSTATE (23503) and constraint names.
//
// The choice check is also stricter than the foreign key was: a choice's proposal must belong to
// the ballot's round.
import { sql, type Kysely } from "kysely";

const statements = [
  sql`create function refuse_delete_or_new_id() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' or new.id is distinct from old.id then
        raise exception '% of % % is not allowed: ballots refer to it for good', lower(tg_op), tg_table_name, old.id
          using errcode = 'P0001';
      end if;
      return new;
    end $$`,
  sql`create trigger budget_round_kept before delete or update of id on budget_round
    for each row execute function refuse_delete_or_new_id()`,
  sql`create trigger proposal_kept before delete or update of id on proposal
    for each row execute function refuse_delete_or_new_id()`,
  sql`alter table ballot drop constraint ballot_round_id_fkey`,
  sql`alter table ballot_choice drop constraint ballot_choice_proposal_id_fkey`,
  sql`create function ballot_round_exists() returns trigger language plpgsql as $$
    begin
      perform 1 from budget_round where id = new.round_id;
      if not found then
        raise exception 'insert or update on table "ballot" violates foreign key constraint "ballot_round_id_fkey"'
          using errcode = '23503', constraint = 'ballot_round_id_fkey', detail = format('Key (round_id)=(%s) is not present in table "budget_round".', new.round_id);
      end if;
      return new;
    end $$`,
  sql`create trigger ballot_round_exists before insert or update of round_id on ballot
    for each row execute function ballot_round_exists()`,
  sql`create function ballot_choice_proposal_exists() returns trigger language plpgsql as $$
    begin
      perform 1 from ballot b join proposal p on p.round_id = b.round_id where b.id = new.ballot_id and p.id = new.proposal_id;
      if not found then
        raise exception 'insert or update on table "ballot_choice" violates foreign key constraint "ballot_choice_proposal_id_fkey"'
          using errcode = '23503', constraint = 'ballot_choice_proposal_id_fkey',
            detail = format('Key (proposal_id)=(%s) is not a proposal of the round of ballot %s.', new.proposal_id, new.ballot_id);
      end if;
      return new;
    end $$`,
  sql`create trigger ballot_choice_proposal_exists before insert or update of ballot_id, proposal_id on ballot_choice
    for each row execute function ballot_choice_proposal_exists()`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await statement.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger if exists ballot_choice_proposal_exists on ballot_choice`.execute(db);
  await sql`drop function if exists ballot_choice_proposal_exists()`.execute(db);
  await sql`drop trigger if exists ballot_round_exists on ballot`.execute(db);
  await sql`drop function if exists ballot_round_exists()`.execute(db);
  await sql`alter table ballot_choice add constraint ballot_choice_proposal_id_fkey foreign key (proposal_id) references proposal(id)`.execute(db);
  await sql`alter table ballot add constraint ballot_round_id_fkey foreign key (round_id) references budget_round(id)`.execute(db);
  await sql`drop trigger if exists proposal_kept on proposal`.execute(db);
  await sql`drop trigger if exists budget_round_kept on budget_round`.execute(db);
  await sql`drop function if exists refuse_delete_or_new_id()`.execute(db);
}
