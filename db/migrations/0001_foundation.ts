// Frozen once landed: later changes go in a new migration.
import { sql, type Kysely } from "kysely";

// PGlite's query() runs one statement per call, so each statement is its own execute().
const statements = [
  sql`create table organisation (
    id integer generated always as identity primary key,
    slug text not null unique check (slug ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
    name text not null check (length(name) between 1 and 200),
    kind text not null check (kind in ('council', 'hostel', 'community_centre')),
    created_at timestamptz not null default now()
  )`,
  sql`create table app_user (
    id integer generated always as identity primary key,
    name text not null check (length(name) between 1 and 200),
    email text not null check (length(email) between 3 and 254),
    email_normalised text not null unique check (email_normalised = lower(email_normalised)),
    area text check (length(area) <= 100),
    password_hash text,
    must_change_password boolean not null default false,
    large_print boolean not null default false,
    created_by_user_id integer references app_user(id),
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
  )`,
  sql`create table user_role (
    id integer generated always as identity primary key,
    user_id integer not null references app_user(id),
    role text not null check (role in ('resident', 'coordinator', 'officer', 'moderator', 'admin')),
    organisation_id integer references organisation(id),
    granted_by_user_id integer references app_user(id),
    granted_at timestamptz not null default now()
  )`,
  sql`create unique index user_role_unique on user_role (user_id, role, coalesce(organisation_id, 0))`,
  sql`create table session (
    id integer generated always as identity primary key,
    token_hash text not null unique,
    user_id integer not null references app_user(id),
    created_at timestamptz not null default now(),
    expires_at timestamptz not null,
    ip text
  )`,
  sql`create index session_by_user on session (user_id)`,
  sql`create table one_time_token (
    id integer generated always as identity primary key,
    token_hash text not null unique,
    user_id integer not null references app_user(id),
    purpose text not null check (purpose in ('password_reset', 'account_setup')),
    created_at timestamptz not null default now(),
    expires_at timestamptz not null,
    used_at timestamptz
  )`,
  sql`create table sign_in_attempt (
    id integer generated always as identity primary key,
    email_normalised text not null,
    ip text not null,
    succeeded boolean not null,
    at timestamptz not null default now()
  )`,
  sql`create index sign_in_attempt_email on sign_in_attempt (email_normalised, at)`,
  sql`create index sign_in_attempt_ip on sign_in_attempt (ip, at)`,
  sql`create table audit_event (
    id bigint generated always as identity primary key,
    at timestamptz not null default now(),
    actor_user_id integer references app_user(id),
    action text not null check (length(action) between 1 and 100),
    subject_type text,
    subject_id text,
    ip text,
    details jsonb not null default '{}'::jsonb
  )`,
  sql`create index audit_event_subject on audit_event (subject_type, subject_id)`,
  // The audit trail is append-only: nobody, not even raw SQL, rewrites what happened.
  sql`create function refuse_change() returns trigger language plpgsql as $$
    begin
      raise exception '% on % is not allowed: the table is append-only', tg_op, tg_table_name
        using errcode = 'P0001';
    end $$`,
  sql`create trigger audit_event_append_only before update or delete on audit_event
    for each row execute function refuse_change()`,
  sql`create trigger audit_event_no_truncate before truncate on audit_event
    for each statement execute function refuse_change()`,
  sql`create table outbox_message (
    id integer generated always as identity primary key,
    to_address text not null,
    subject text not null,
    body_text text not null,
    created_at timestamptz not null default now(),
    sent_at timestamptz
  )`,
  sql`create table budget_round (
    id integer generated always as identity primary key,
    organisation_id integer not null references organisation(id),
    slug text not null unique check (slug ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
    title text not null check (length(title) between 1 and 200),
    description text not null default '' check (length(description) <= 5000),
    area text,
    budget_minor bigint not null check (budget_minor >= 0),
    phase text not null default 'draft',
    created_at timestamptz not null default now()
  )`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await statement.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ["budget_round", "outbox_message", "audit_event", "sign_in_attempt",
    "one_time_token", "session", "user_role", "app_user", "organisation"]) {
    await sql`drop table if exists ${sql.table(table)} cascade`.execute(db);
  }
  await sql`drop function if exists refuse_change()`.execute(db);
}
