// The Kysely `Database` type: one interface per table. Column types follow the value
// policy in db/client.ts (int8 -> bigint, numeric -> string, date -> "YYYY-MM-DD").
import type { ColumnType, Generated, Insertable, Selectable } from "kysely";
import type { CoproductionTables } from "./schema-coproduction.js";
import type { LedgerTables } from "./schema-ledger.js";
import type { MeetingTables } from "./schema-meetings.js";
import type { ResultsTables } from "./schema-results.js";
import type { BallotType, CountingRule, Phase, RoundTables } from "./schema-rounds.js";
import type { TimebankTables } from "./schema-timebank.js";

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Json = ColumnType<unknown, string, string>;

export type OrganisationKind = "council" | "hostel" | "community_centre";
export type Role = "resident" | "coordinator" | "officer" | "moderator" | "admin";
export type OneTimeTokenPurpose = "password_reset" | "account_setup";

export interface OrganisationTable {
  id: Generated<number>;
  slug: string;
  name: string;
  kind: OrganisationKind;
  created_at: CreatedAt;
}

export interface AppUserTable {
  id: Generated<number>;
  name: string;
  email: string;
  /** Lower-cased, trimmed email; unique. */
  email_normalised: string;
  area: string | null;
  password_hash: string | null;
  must_change_password: Generated<boolean>;
  large_print: Generated<boolean>;
  created_by_user_id: number | null;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface UserRoleTable {
  id: Generated<number>;
  user_id: number;
  role: Role;
  organisation_id: number | null;
  granted_by_user_id: number | null;
  granted_at: CreatedAt;
}

export interface SessionTable {
  id: Generated<number>;
  token_hash: string;
  user_id: number;
  created_at: CreatedAt;
  expires_at: ColumnType<Date, Date | string, never>;
  ip: string | null;
}

export interface OneTimeTokenTable {
  id: Generated<number>;
  token_hash: string;
  user_id: number;
  purpose: OneTimeTokenPurpose;
  created_at: CreatedAt;
  expires_at: ColumnType<Date, Date | string, never>;
  used_at: ColumnType<Date | null, never, Date | string>;
}

export interface SignInAttemptTable {
  id: Generated<number>;
  email_normalised: string;
  ip: string;
  succeeded: boolean;
  at: CreatedAt;
}

export interface AuditEventTable {
  id: Generated<bigint>;
  at: CreatedAt;
  actor_user_id: number | null;
  action: string;
  subject_type: string | null;
  subject_id: string | null;
  ip: string | null;
  details: Json;
}

export interface OutboxMessageTable {
  id: Generated<number>;
  to_address: string;
  subject: string;
  body_text: string;
  created_at: CreatedAt;
  sent_at: Date | null;
}

export interface BudgetRoundTable {
  id: Generated<number>;
  organisation_id: number;
  slug: string;
  title: string;
  description: string;
  area: string | null;
  budget_minor: ColumnType<bigint, bigint | string, bigint | string>;
  phase: ColumnType<Phase, Phase | undefined, Phase>;
  created_at: CreatedAt;
  theme: string | null;
  proposals_open_at: Date | null;
  review_starts_at: Date | null;
  voting_opens_at: Date | null;
  voting_closes_at: Date | null;
  results_at: Date | null;
  ballot_type: ColumnType<BallotType, BallotType | undefined, BallotType>;
  min_choices: ColumnType<number, number | undefined, number>;
  max_choices: ColumnType<number, number | undefined, number>;
  points_total: ColumnType<number, number | undefined, number>;
  counting_rule: ColumnType<CountingRule, CountingRule | undefined, CountingRule>;
  tie_break_seed: ColumnType<string, string | undefined, string>;
  live_counts: ColumnType<"public" | "hidden", "public" | "hidden" | undefined, "public" | "hidden">;
  allow_account_votes: ColumnType<boolean, boolean | undefined, boolean>;
  allow_code_votes: ColumnType<boolean, boolean | undefined, boolean>;
  allow_paper_votes: ColumnType<boolean, boolean | undefined, boolean>;
  area_only: ColumnType<boolean, boolean | undefined, boolean>;
  frozen_rules: Json | null;
  frozen_rules_hash: string | null;
  frozen_at: Date | null;
  created_by_user_id: number | null;
}

export interface Database extends LedgerTables, RoundTables, TimebankTables, ResultsTables, MeetingTables, CoproductionTables {
  organisation: OrganisationTable;
  app_user: AppUserTable;
  user_role: UserRoleTable;
  session: SessionTable;
  one_time_token: OneTimeTokenTable;
  sign_in_attempt: SignInAttemptTable;
  audit_event: AuditEventTable;
  outbox_message: OutboxMessageTable;
  budget_round: BudgetRoundTable;
}

export type Organisation = Selectable<OrganisationTable>;
export type AppUser = Selectable<AppUserTable>;
export type NewAppUser = Insertable<AppUserTable>;
export type UserRole = Selectable<UserRoleTable>;
export type AuditEvent = Selectable<AuditEventTable>;
export type BudgetRound = Selectable<BudgetRoundTable>;
