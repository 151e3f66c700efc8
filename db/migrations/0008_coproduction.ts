// Co-production tools: teams with invited participants, the self-reflection tool (four
// principles rated at four stages, action plans), the thirteen-tip checklist, and Working
// Together for Change (statements, themes, 'I'/'We' success measures and their reviews).
// Frozen once landed.
import { sql, type Kysely } from "kysely";

const statements = [
  sql`create table coproduction_team (
    id integer generated always as identity primary key,
    organisation_id integer not null references organisation(id),
    name text not null check (length(name) between 1 and 120),
    created_by integer references app_user(id),
    created_at timestamptz not null default now()
  )`,
  sql`create unique index coproduction_team_name on coproduction_team (organisation_id, lower(name))`,
  sql`create table coproduction_member (
    id integer generated always as identity primary key,
    team_id integer not null references coproduction_team(id),
    user_id integer not null references app_user(id),
    perspective text not null check (perspective in ('staff', 'resident', 'partner')),
    invited_by integer references app_user(id),
    invited_at timestamptz not null default now(),
    unique (team_id, user_id)
  )`,
  sql`create index coproduction_member_user on coproduction_member (user_id)`,
  sql`create table reflection_assessment (
    id integer generated always as identity primary key,
    team_id integer not null references coproduction_team(id),
    title text not null check (length(title) between 1 and 120),
    held_on date not null,
    created_by integer references app_user(id),
    created_at timestamptz not null default now()
  )`,
  sql`create index reflection_assessment_team on reflection_assessment (team_id, held_on, id)`,
  sql`create table reflection_response (
    id integer generated always as identity primary key,
    assessment_id integer not null references reflection_assessment(id),
    user_id integer not null references app_user(id),
    perspective text not null check (perspective in ('staff', 'resident', 'partner')),
    submitted_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    unique (assessment_id, user_id)
  )`,
  sql`create table reflection_rating (
    response_id integer not null references reflection_response(id) on delete cascade,
    principle text not null check (principle in ('assets', 'valuing_work', 'reciprocity', 'social_networks')),
    stage smallint not null check (stage between 1 and 4),
    evidence text not null check (length(evidence) between 1 and 2000),
    primary key (response_id, principle)
  )`,
  sql`create table reflection_action (
    id integer generated always as identity primary key,
    assessment_id integer not null references reflection_assessment(id),
    principle text not null check (principle in ('assets', 'valuing_work', 'reciprocity', 'social_networks')),
    what text not null check (length(what) between 1 and 500),
    who text not null check (length(who) between 1 and 120),
    due_on date not null,
    progress text not null default 'not_started' check (progress in ('not_started', 'in_progress', 'done')),
    created_by integer references app_user(id),
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
  )`,
  sql`create index reflection_action_assessment on reflection_action (assessment_id, principle, id)`,
  sql`create table checklist_item (
    id integer generated always as identity primary key,
    team_id integer not null references coproduction_team(id),
    tip_number smallint not null check (tip_number between 1 and 13),
    in_place boolean,
    next_step text not null default '' check (length(next_step) <= 1000),
    due_on date,
    owner text not null default '' check (length(owner) <= 120),
    action_done boolean not null default false,
    updated_by integer references app_user(id),
    updated_at timestamptz not null default now(),
    unique (team_id, tip_number),
    check (next_step = '' or (due_on is not null and owner <> ''))
  )`,
  sql`create table together_theme (
    id integer generated always as identity primary key,
    team_id integer not null references coproduction_team(id),
    name text not null check (length(name) between 1 and 120),
    created_at timestamptz not null default now()
  )`,
  sql`create unique index together_theme_name on together_theme (team_id, lower(name))`,
  sql`create table together_statement (
    id integer generated always as identity primary key,
    team_id integer not null references coproduction_team(id),
    kind text not null check (kind in ('working', 'not_working')),
    body text not null check (length(body) between 1 and 1000),
    attributed_to text check (length(attributed_to) between 1 and 120),
    theme_id integer references together_theme(id),
    recorded_by integer references app_user(id),
    created_at timestamptz not null default now()
  )`,
  sql`create index together_statement_team on together_statement (team_id, id)`,
  sql`create table together_measure (
    id integer generated always as identity primary key,
    team_id integer not null references coproduction_team(id),
    theme_id integer references together_theme(id),
    kind text not null check (kind in ('i', 'we')),
    body text not null check (length(body) between 1 and 500),
    round_id integer references budget_round(id),
    created_by integer references app_user(id),
    created_at timestamptz not null default now()
  )`,
  sql`create index together_measure_team on together_measure (team_id, id)`,
  sql`create table together_review (
    id integer generated always as identity primary key,
    measure_id integer not null references together_measure(id),
    reviewed_on date not null,
    outcome text not null check (outcome in ('met', 'partly', 'not_met')),
    evidence text not null check (length(evidence) between 1 and 2000),
    reviewed_by integer references app_user(id),
    created_at timestamptz not null default now()
  )`,
  sql`create index together_review_measure on together_review (measure_id, reviewed_on, id)`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await statement.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    "together_review",
    "together_measure",
    "together_statement",
    "together_theme",
    "checklist_item",
    "reflection_action",
    "reflection_rating",
    "reflection_response",
    "reflection_assessment",
    "coproduction_member",
    "coproduction_team",
  ]) {
    await sql`drop table if exists ${sql.table(table)} cascade`.execute(db);
  }
}
