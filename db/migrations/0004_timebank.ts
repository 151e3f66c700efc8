// Frozen once landed: later changes go in a new migration.
//
// Timebanks. Hours themselves live only in the ledger (unit HOUR, hundredths of an hour): these
// tables hold who belongs where, what was agreed, pledges and exemptions, listings, disputes
// and partners. Each member (a person or an organisation) has one ledger account whose bounds
// are the timebank's credit limits, so the database refuses an exchange past a limit.
// Limits match app/domain/timebank/*.ts.
import { sql, type Kysely } from "kysely";

// PGlite's query() runs one statement per call, so each statement is its own execute().
const statements = [
  sql`create table timebank (
    id integer generated always as identity primary key,
    organisation_id integer not null references organisation (id),
    slug text not null unique check (slug ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
    name text not null check (length(name) between 1 and 200),
    description text not null default '' check (length(description) <= 2000),
    joining_gift_centihours bigint not null default 0 check (joining_gift_centihours between 0 and 2000),
    min_balance_centihours bigint not null check (min_balance_centihours between -100000 and 0),
    max_balance_centihours bigint not null check (max_balance_centihours between 0 and 1000000),
    pledge_centihours_per_week bigint check (pledge_centihours_per_week between 0 and 16800),
    created_at timestamptz not null default now()
  )`,
  sql`create table timebank_member (
    id integer generated always as identity primary key,
    timebank_id integer not null references timebank (id),
    user_id integer references app_user (id),
    organisation_id integer references organisation (id),
    status text not null check (status in ('applied', 'active', 'left')),
    skills_offered text not null default '' check (length(skills_offered) <= 1000),
    skills_wanted text not null default '' check (length(skills_wanted) <= 1000),
    availability text not null default '' check (length(availability) <= 500),
    area text not null default '' check (length(area) <= 100),
    access_needs text not null default '' check (length(access_needs) <= 1000),
    pledge_centihours_per_week bigint check (pledge_centihours_per_week between 0 and 16800),
    joined_on date,
    applied_at timestamptz not null default now(),
    approved_by_user_id integer references app_user (id),
    constraint timebank_member_one_kind check ((user_id is null) <> (organisation_id is null)),
    constraint timebank_member_active_joined check (status = 'applied' or joined_on is not null)
  )`,
  sql`create unique index timebank_member_person on timebank_member (timebank_id, user_id) where user_id is not null`,
  sql`create unique index timebank_member_organisation on timebank_member (timebank_id, organisation_id) where organisation_id is not null`,
  sql`create index timebank_member_by_user on timebank_member (user_id)`,
  sql`create table timebank_exemption (
    id integer generated always as identity primary key,
    member_id integer not null references timebank_member (id),
    starts_on date not null,
    ends_on date not null,
    reason text not null check (length(reason) between 1 and 200),
    recorded_by_user_id integer not null references app_user (id),
    created_at timestamptz not null default now(),
    constraint timebank_exemption_order check (starts_on <= ends_on and ends_on - starts_on <= 366)
  )`,
  sql`create index timebank_exemption_by_member on timebank_exemption (member_id, starts_on)`,
  sql`create table timebank_listing (
    id integer generated always as identity primary key,
    timebank_id integer not null references timebank (id),
    member_id integer not null references timebank_member (id),
    kind text not null check (kind in ('offer', 'request')),
    category text not null check (length(category) between 1 and 40),
    title text not null check (length(title) between 1 and 120),
    description text not null default '' check (length(description) <= 2000),
    status text not null default 'open' check (status in ('open', 'closed')),
    created_at timestamptz not null default now()
  )`,
  sql`create index timebank_listing_open on timebank_listing (timebank_id, status, created_at)`,
  sql`create table timebank_exchange (
    id integer generated always as identity primary key,
    timebank_id integer not null references timebank (id),
    status text not null check (status in ('agreed', 'done', 'confirmed', 'cancelled')),
    description text not null check (length(description) between 1 and 500),
    category text not null default 'other' check (length(category) between 1 and 40),
    exchange_date date not null,
    listing_id integer references timebank_listing (id),
    created_by_user_id integer not null references app_user (id),
    recorded_on_behalf boolean not null default false,
    created_at timestamptz not null default now(),
    confirmed_at timestamptz,
    confirmed_by_user_id integer references app_user (id),
    entry_id bigint references ledger_entry (id),
    reversal_entry_id bigint references ledger_entry (id),
    constraint timebank_exchange_entry_once unique (entry_id),
    constraint timebank_exchange_confirmed_posted check ((status = 'confirmed') = (entry_id is not null)),
    constraint timebank_exchange_reversed_after check (reversal_entry_id is null or entry_id is not null)
  )`,
  sql`create index timebank_exchange_by_timebank on timebank_exchange (timebank_id, exchange_date)`,
  // One row per side per member: a member cannot be on both sides of one exchange.
  sql`create table timebank_exchange_party (
    exchange_id integer not null references timebank_exchange (id),
    member_id integer not null references timebank_member (id),
    side text not null check (side in ('giver', 'receiver')),
    centihours bigint not null check (centihours between 1 and 120000),
    primary key (exchange_id, member_id)
  )`,
  sql`create index timebank_exchange_party_by_member on timebank_exchange_party (member_id)`,
  sql`create table timebank_dispute (
    id integer generated always as identity primary key,
    exchange_id integer not null unique references timebank_exchange (id),
    raised_by_member_id integer not null references timebank_member (id),
    reason text not null check (length(reason) between 1 and 500),
    raised_at timestamptz not null default now(),
    outcome text check (outcome in ('reversed', 'stands')),
    resolution_reason text check (length(resolution_reason) between 1 and 500),
    resolved_by_user_id integer references app_user (id),
    resolved_at timestamptz,
    constraint timebank_dispute_resolved check ((outcome is null) = (resolved_at is null)
      and (outcome is null) = (resolution_reason is null))
  )`,
  sql`create table timebank_block (
    blocker_member_id integer not null references timebank_member (id),
    blocked_member_id integer not null references timebank_member (id),
    created_at timestamptz not null default now(),
    primary key (blocker_member_id, blocked_member_id),
    constraint timebank_block_not_self check (blocker_member_id <> blocked_member_id)
  )`,
  // Partners (a cinema, a leisure centre) accept hours for rewards; an organisation member of
  // the timebank sponsors them and settles with them outside Potluck.
  sql`create table timebank_partner (
    id integer generated always as identity primary key,
    timebank_id integer not null references timebank (id),
    name text not null check (length(name) between 1 and 200),
    description text not null default '' check (length(description) <= 1000),
    sponsor_member_id integer not null references timebank_member (id),
    contact_user_id integer references app_user (id),
    created_at timestamptz not null default now()
  )`,
  sql`create table timebank_reward (
    id integer generated always as identity primary key,
    partner_id integer not null references timebank_partner (id),
    title text not null check (length(title) between 1 and 120),
    price_centihours bigint not null check (price_centihours between 25 and 10000 and price_centihours % 25 = 0),
    active boolean not null default true
  )`,
  // A redemption is paid when it is made (its entry) and used once: used_at is set by one
  // conditional UPDATE, so two people marking the same code at once cannot both succeed.
  sql`create table timebank_redemption (
    id integer generated always as identity primary key,
    reward_id integer not null references timebank_reward (id),
    member_id integer not null references timebank_member (id),
    code text not null unique check (code ~ '^[A-HJ-NP-Z2-9]{10}$'),
    centihours bigint not null check (centihours between 25 and 10000),
    entry_id bigint not null unique references ledger_entry (id),
    created_at timestamptz not null default now(),
    used_at timestamptz,
    used_by_user_id integer references app_user (id),
    settled_entry_id bigint references ledger_entry (id),
    constraint timebank_redemption_used check ((used_at is null) = (used_by_user_id is null)),
    constraint timebank_redemption_settled_after_use check (settled_entry_id is null or used_at is not null)
  )`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await statement.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ["timebank_redemption", "timebank_reward", "timebank_partner", "timebank_block", "timebank_dispute", "timebank_exchange_party", "timebank_exchange",
    "timebank_listing", "timebank_exemption", "timebank_member", "timebank"]) {
    await sql`drop table if exists ${sql.table(table)} cascade`.execute(db);
  }
}
