// Budget rounds: rules, phases, proposals, debate, ballots (online, codes, paper) and receipts.
// Frozen once landed.
import { sql, type Kysely } from "kysely";

const statements = [
  sql`alter table budget_round
    add column theme text check (length(theme) <= 100),
    add column proposals_open_at timestamptz,
    add column review_starts_at timestamptz,
    add column voting_opens_at timestamptz,
    add column voting_closes_at timestamptz,
    add column results_at timestamptz,
    add column ballot_type text not null default 'approval'
      check (ballot_type in ('approval', 'knapsack', 'cumulative', 'ranked')),
    add column min_choices integer not null default 1 check (min_choices between 0 and 100),
    add column max_choices integer not null default 3 check (max_choices between 1 and 100),
    add column points_total integer not null default 10 check (points_total between 1 and 1000),
    add column counting_rule text not null default 'equal_shares' check (counting_rule in ('greedy', 'equal_shares')),
    add column tie_break_seed text not null default '' check (length(tie_break_seed) <= 64),
    add column live_counts text not null default 'public' check (live_counts in ('public', 'hidden')),
    add column allow_account_votes boolean not null default true,
    add column allow_code_votes boolean not null default true,
    add column allow_paper_votes boolean not null default true,
    add column area_only boolean not null default false,
    add column frozen_rules jsonb,
    add column frozen_rules_hash text,
    add column frozen_at timestamptz,
    add column created_by_user_id integer references app_user(id)`,
  sql`alter table budget_round add constraint budget_round_phase check (phase in ('draft', 'proposals', 'review', 'voting', 'closed'))`,
  sql`alter table budget_round add constraint budget_round_choices check (min_choices <= max_choices)`,
  // Once voting opens the rules are frozen: the database refuses any change to them, so the
  // published hash always describes the rules the votes were cast under.
  sql`create function budget_round_rules_frozen() returns trigger language plpgsql as $$
    begin
      if old.frozen_rules_hash is not null and (
        new.frozen_rules is distinct from old.frozen_rules or
        new.frozen_rules_hash is distinct from old.frozen_rules_hash or
        new.budget_minor is distinct from old.budget_minor or
        new.ballot_type is distinct from old.ballot_type or
        new.min_choices is distinct from old.min_choices or
        new.max_choices is distinct from old.max_choices or
        new.points_total is distinct from old.points_total or
        new.counting_rule is distinct from old.counting_rule or
        new.tie_break_seed is distinct from old.tie_break_seed or
        new.allow_account_votes is distinct from old.allow_account_votes or
        new.allow_code_votes is distinct from old.allow_code_votes or
        new.allow_paper_votes is distinct from old.allow_paper_votes or
        new.area_only is distinct from old.area_only or
        new.area is distinct from old.area
      ) then
        raise exception 'the rules of budget round % are frozen', old.id using errcode = 'P0002';
      end if;
      return new;
    end $$`,
  sql`create trigger budget_round_rules_frozen before update on budget_round
    for each row execute function budget_round_rules_frozen()`,
  sql`create table round_phase_change (
    id integer generated always as identity primary key,
    round_id integer not null references budget_round(id),
    from_phase text not null,
    to_phase text not null,
    at timestamptz not null default now(),
    by_user_id integer references app_user(id),
    reason text not null check (length(reason) <= 500)
  )`,
  sql`create table proposal (
    id integer generated always as identity primary key,
    round_id integer not null references budget_round(id),
    author_id integer not null references app_user(id),
    title text not null check (length(title) between 1 and 120),
    summary text not null check (length(summary) between 1 and 300),
    description text not null check (length(description) between 1 and 5000),
    cost_minor bigint not null check (cost_minor > 0),
    area text check (length(area) <= 100),
    theme text check (length(theme) <= 100),
    status text not null default 'submitted'
      check (status in ('submitted', 'withdrawn', 'feasible', 'not_feasible')),
    review_reason text check (length(review_reason) <= 2000),
    cost_adjustment_reason text check (length(cost_adjustment_reason) <= 2000),
    hidden_at timestamptz,
    hidden_reason text check (length(hidden_reason) <= 500),
    hidden_by_user_id integer references app_user(id),
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
  )`,
  sql`create index proposal_round on proposal (round_id, status)`,
  sql`create table proposal_cost_line (
    id integer generated always as identity primary key,
    proposal_id integer not null references proposal(id),
    position integer not null check (position between 1 and 20),
    description text not null check (length(description) between 1 and 200),
    amount_minor bigint not null check (amount_minor > 0),
    unique (proposal_id, position)
  )`,
  sql`create table proposal_coauthor (
    proposal_id integer not null references proposal(id),
    user_id integer not null references app_user(id),
    primary key (proposal_id, user_id)
  )`,
  sql`create table proposal_event (
    id integer generated always as identity primary key,
    proposal_id integer not null references proposal(id),
    at timestamptz not null default now(),
    actor_user_id integer references app_user(id),
    kind text not null check (length(kind) between 1 and 40),
    details jsonb not null default '{}'::jsonb
  )`,
  sql`create index proposal_event_proposal on proposal_event (proposal_id, id)`,
  sql`create table proposal_comment (
    id integer generated always as identity primary key,
    proposal_id integer not null references proposal(id),
    parent_id integer references proposal_comment(id),
    author_id integer not null references app_user(id),
    body text not null check (length(body) between 1 and 2000),
    created_at timestamptz not null default now(),
    hidden_at timestamptz,
    hidden_reason text check (length(hidden_reason) <= 500),
    hidden_by_user_id integer references app_user(id)
  )`,
  sql`create index proposal_comment_proposal on proposal_comment (proposal_id, id)`,
  sql`create table proposal_support (
    proposal_id integer not null references proposal(id),
    user_id integer not null references app_user(id),
    created_at timestamptz not null default now(),
    primary key (proposal_id, user_id)
  )`,
  sql`create table voting_code (
    id integer generated always as identity primary key,
    round_id integer not null references budget_round(id),
    code_hash text not null unique,
    batch_label text not null check (length(batch_label) between 1 and 100),
    created_by_user_id integer references app_user(id),
    created_at timestamptz not null default now(),
    used_at timestamptz
  )`,
  sql`create table paper_batch (
    id integer generated always as identity primary key,
    round_id integer not null references budget_round(id),
    label text not null check (length(label) between 1 and 100),
    double_keying boolean not null,
    status text not null default 'keying' check (status in ('keying', 'accepted')),
    created_by_user_id integer references app_user(id),
    created_at timestamptz not null default now(),
    accepted_at timestamptz,
    accepted_by_user_id integer references app_user(id),
    unique (round_id, label)
  )`,
  sql`create table paper_keying (
    id integer generated always as identity primary key,
    batch_id integer not null references paper_batch(id),
    pass integer not null check (pass in (1, 2)),
    sheet_number integer not null check (sheet_number between 1 and 100000),
    keyed_by_user_id integer not null references app_user(id),
    choices jsonb not null,
    keyed_at timestamptz not null default now(),
    unique (batch_id, pass, sheet_number)
  )`,
  sql`create table ballot (
    id integer generated always as identity primary key,
    round_id integer not null references budget_round(id),
    channel text not null check (channel in ('online', 'code', 'paper')),
    voter_user_id integer references app_user(id),
    voting_code_id integer references voting_code(id),
    paper_keying_id integer references paper_keying(id),
    receipt_hash text not null unique,
    choices jsonb not null,
    cast_at timestamptz not null default now(),
    superseded_at timestamptz,
    check ((channel = 'online') = (voter_user_id is not null)),
    check ((channel = 'code') = (voting_code_id is not null)),
    check ((channel = 'paper') = (paper_keying_id is not null))
  )`,
  // One live ballot per resident per round; a code or a paper sheet makes exactly one ballot.
  sql`create unique index ballot_one_live_per_voter on ballot (round_id, voter_user_id) where superseded_at is null and voter_user_id is not null`,
  sql`create unique index ballot_one_per_code on ballot (voting_code_id) where voting_code_id is not null`,
  sql`create unique index ballot_one_per_sheet on ballot (paper_keying_id) where paper_keying_id is not null`,
  sql`create index ballot_round_live on ballot (round_id) where superseded_at is null`,
  sql`create table ballot_choice (
    ballot_id integer not null references ballot(id),
    proposal_id integer not null references proposal(id),
    points integer not null check (points between 1 and 1000),
    rank integer check (rank between 1 and 100),
    primary key (ballot_id, proposal_id)
  )`,
  sql`create index ballot_choice_proposal on ballot_choice (proposal_id)`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await statement.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ["ballot_choice", "ballot", "paper_keying", "paper_batch", "voting_code", "proposal_support",
    "proposal_comment", "proposal_event", "proposal_coauthor", "proposal_cost_line", "proposal", "round_phase_change"]) {
    await sql`drop table if exists ${sql.table(table)} cascade`.execute(db);
  }
  await sql`drop trigger if exists budget_round_rules_frozen on budget_round`.execute(db);
  await sql`drop function if exists budget_round_rules_frozen()`.execute(db);
}
