// Counting results, "You said, we did" notifications and delivery monitoring. Frozen once landed.
import { sql, type Kysely } from "kysely";

const statements = [
  sql`create table round_result (
    id integer generated always as identity primary key,
    round_id integer not null unique references budget_round(id),
    rule text not null check (rule in ('greedy', 'equal_shares')),
    utility text not null check (utility in ('cost', 'approval')),
    tie_break text not null check (length(tie_break) between 1 and 1000),
    computed_at timestamptz not null default now(),
    computed_by integer references app_user(id),
    published_at timestamptz,
    published_by integer references app_user(id),
    ballot_count integer not null check (ballot_count >= 0),
    ballots_hash text not null check (ballots_hash ~ '^[0-9a-f]{64}$'),
    rules_hash text not null check (rules_hash ~ '^[0-9a-f]{64}$'),
    result jsonb not null
  )`,
  // A published result is the public record: the database refuses to change or remove it, so
  // the page, the downloads and the ledger commitments always describe the same count.
  sql`create function round_result_published_frozen() returns trigger language plpgsql as $$
    begin
      if old.published_at is not null then
        raise exception 'the result of budget round % is published and cannot change', old.round_id using errcode = 'P0003';
      end if;
      if tg_op = 'DELETE' then return old; end if;
      return new;
    end $$`,
  sql`create trigger round_result_published_frozen before update or delete on round_result
    for each row execute function round_result_published_frozen()`,
  sql`create table notification (
    id integer generated always as identity primary key,
    user_id integer not null references app_user(id),
    kind text not null check (length(kind) between 1 and 40),
    subject text not null check (length(subject) between 1 and 200),
    body text not null check (length(body) between 1 and 10000),
    link text check (length(link) <= 500),
    created_at timestamptz not null default now(),
    read_at timestamptz
  )`,
  sql`create index notification_user on notification (user_id, id)`,
  sql`create table project_delivery_update (
    id integer generated always as identity primary key,
    round_id integer not null references budget_round(id),
    proposal_id integer not null references proposal(id),
    status text not null check (status in ('not_started', 'in_progress', 'delivered', 'cancelled')),
    note text not null check (length(note) <= 2000),
    happened_on date not null,
    recorded_at timestamptz not null default now(),
    recorded_by integer references app_user(id)
  )`,
  sql`create index project_delivery_update_round on project_delivery_update (round_id, proposal_id, id)`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await statement.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ["project_delivery_update", "notification", "round_result"]) {
    await sql`drop table if exists ${sql.table(table)} cascade`.execute(db);
  }
  await sql`drop function if exists round_result_published_frozen()`.execute(db);
}
