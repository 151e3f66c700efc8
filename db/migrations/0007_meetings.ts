// Frozen once landed: later changes go in a new migration.
//
// Co-production meetings: who organises them, who signs up with which access requirements, who
// attended, and expenses claimed and paid on the day. Money and hours live only in the ledger;
// these rows point at the entries. The database refuses a paid claim without an entry and a
// declined or pending claim with one. Limits match app/domain/meetings/rules.ts.
import { sql, type Kysely } from "kysely";

// PGlite's query() runs one statement per call, so each statement is its own execute().
const statements = [
  sql`create table meeting (
    id integer generated always as identity primary key,
    organisation_id integer not null references organisation (id),
    round_id integer references budget_round (id),
    timebank_id integer references timebank (id),
    title text not null check (length(title) between 1 and 200),
    meeting_date date not null,
    start_time text not null check (start_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
    end_time text not null check (end_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
    venue_name text not null check (length(venue_name) between 1 and 200),
    venue_address text not null check (length(venue_address) between 1 and 500),
    step_free boolean not null default false,
    hearing_loop boolean not null default false,
    quiet_room boolean not null default false,
    near_public_transport boolean not null default false,
    access_notes text not null default '' check (length(access_notes) <= 1000),
    agenda text not null check (length(agenda) between 1 and 5000),
    involvement text not null check (involvement in ('informing', 'consultation', 'engagement', 'co_design', 'co_production')),
    credit_centihours bigint check (credit_centihours between 25 and 2400),
    involvement_payment_minor bigint check (involvement_payment_minor between 1 and 20000),
    created_by_user_id integer references app_user (id),
    created_at timestamptz not null default now(),
    constraint meeting_times_order check (start_time < end_time)
  )`,
  sql`create index meeting_by_date on meeting (meeting_date, start_time, id)`,
  sql`create index meeting_by_organisation on meeting (organisation_id, meeting_date)`,
  sql`create table meeting_signup (
    id integer generated always as identity primary key,
    meeting_id integer not null references meeting (id),
    user_id integer not null references app_user (id),
    status text not null check (status in ('signed_up', 'cancelled')),
    large_print boolean not null default false,
    easy_read boolean not null default false,
    bsl_interpreter boolean not null default false,
    hearing_loop boolean not null default false,
    step_free boolean not null default false,
    supporter_coming boolean not null default false,
    dietary_needs text not null default '' check (length(dietary_needs) <= 500),
    other_needs text not null default '' check (length(other_needs) <= 1000),
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint meeting_signup_once unique (meeting_id, user_id)
  )`,
  sql`create index meeting_signup_by_user on meeting_signup (user_id)`,
  sql`create table meeting_attendance (
    id integer generated always as identity primary key,
    meeting_id integer not null references meeting (id),
    user_id integer not null references app_user (id),
    walked_in boolean not null,
    credit_centihours bigint check (credit_centihours between 25 and 2400),
    credit_entry_id bigint references ledger_entry (id),
    payment_minor bigint check (payment_minor between 1 and 20000),
    payment_entry_id bigint references ledger_entry (id),
    payment_declined boolean not null default false,
    recorded_by_user_id integer references app_user (id),
    recorded_at timestamptz not null default now(),
    constraint meeting_attendance_once unique (meeting_id, user_id),
    constraint meeting_attendance_credit check ((credit_centihours is null) = (credit_entry_id is null)),
    constraint meeting_attendance_payment check ((payment_minor is null) = (payment_entry_id is null)),
    constraint meeting_attendance_declined check (not (payment_declined and payment_entry_id is not null))
  )`,
  sql`create index meeting_attendance_by_user on meeting_attendance (user_id)`,
  sql`create table meeting_expense_claim (
    id integer generated always as identity primary key,
    meeting_id integer not null references meeting (id),
    user_id integer not null references app_user (id),
    kind text not null check (kind in ('travel', 'childcare', 'care_cover')),
    amount_minor bigint not null check (amount_minor between 1 and 20000),
    description text not null default '' check (length(description) <= 200),
    choice text not null check (choice in ('pay', 'decline', 'donate')),
    charity_name text check (length(charity_name) between 1 and 200),
    status text not null default 'pending' check (status in ('pending', 'paid', 'donated', 'declined', 'rejected')),
    entry_id bigint unique references ledger_entry (id),
    decided_by_user_id integer references app_user (id),
    decided_at timestamptz,
    decided_on date,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint meeting_expense_claim_once unique (meeting_id, user_id, kind),
    constraint meeting_expense_claim_charity check ((choice = 'donate') = (charity_name is not null)),
    constraint meeting_expense_claim_entry check ((status in ('paid', 'donated')) = (entry_id is not null)),
    constraint meeting_expense_claim_outcome check (
      status in ('pending', 'rejected')
      or (status = 'paid' and choice = 'pay')
      or (status = 'donated' and choice = 'donate')
      or (status = 'declined' and choice = 'decline')),
    constraint meeting_expense_claim_decided check ((status = 'pending') = (decided_at is null))
  )`,
  sql`create index meeting_expense_claim_by_user on meeting_expense_claim (user_id, id)`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await statement.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ["meeting_expense_claim", "meeting_attendance", "meeting_signup", "meeting"]) {
    await sql`drop table if exists ${sql.table(table)} cascade`.execute(db);
  }
}
