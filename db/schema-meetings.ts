// Co-production meetings, sign-ups, attendance and expense claims. Merged into `Database` in schema.ts.
import type { ColumnType, Generated } from "kysely";

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
type Int8 = ColumnType<bigint, bigint | string, bigint | string>;
type NullableInt8 = ColumnType<bigint | null, bigint | string | null | undefined, bigint | string | null>;

export type InvolvementLevel = "informing" | "consultation" | "engagement" | "co_design" | "co_production";
export type SignUpStatus = "signed_up" | "cancelled";
export type ExpenseKind = "travel" | "childcare" | "care_cover";
export type ExpenseChoice = "pay" | "decline" | "donate";
export type ExpenseStatus = "pending" | "paid" | "donated" | "declined" | "rejected";

export interface MeetingTable {
  id: Generated<number>;
  organisation_id: number;
  round_id: number | null;
  timebank_id: number | null;
  title: string;
  /** YYYY-MM-DD, a calendar day in the UK. */
  meeting_date: string;
  /** HH:MM, UK local time. */
  start_time: string;
  end_time: string;
  venue_name: string;
  venue_address: string;
  step_free: ColumnType<boolean, boolean | undefined, boolean>;
  hearing_loop: ColumnType<boolean, boolean | undefined, boolean>;
  quiet_room: ColumnType<boolean, boolean | undefined, boolean>;
  near_public_transport: ColumnType<boolean, boolean | undefined, boolean>;
  access_notes: ColumnType<string, string | undefined, string>;
  agenda: string;
  involvement: InvolvementLevel;
  credit_centihours: NullableInt8;
  involvement_payment_minor: NullableInt8;
  created_by_user_id: number | null;
  created_at: CreatedAt;
}

export interface MeetingSignupTable {
  id: Generated<number>;
  meeting_id: number;
  user_id: number;
  status: SignUpStatus;
  large_print: ColumnType<boolean, boolean | undefined, boolean>;
  easy_read: ColumnType<boolean, boolean | undefined, boolean>;
  bsl_interpreter: ColumnType<boolean, boolean | undefined, boolean>;
  hearing_loop: ColumnType<boolean, boolean | undefined, boolean>;
  step_free: ColumnType<boolean, boolean | undefined, boolean>;
  supporter_coming: ColumnType<boolean, boolean | undefined, boolean>;
  dietary_needs: ColumnType<string, string | undefined, string>;
  other_needs: ColumnType<string, string | undefined, string>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface MeetingAttendanceTable {
  id: Generated<number>;
  meeting_id: number;
  user_id: number;
  walked_in: boolean;
  credit_centihours: NullableInt8;
  credit_entry_id: NullableInt8;
  payment_minor: NullableInt8;
  payment_entry_id: NullableInt8;
  payment_declined: ColumnType<boolean, boolean | undefined, boolean>;
  recorded_by_user_id: number | null;
  recorded_at: CreatedAt;
}

export interface MeetingExpenseClaimTable {
  id: Generated<number>;
  meeting_id: number;
  user_id: number;
  kind: ExpenseKind;
  amount_minor: Int8;
  description: ColumnType<string, string | undefined, string>;
  choice: ExpenseChoice;
  charity_name: string | null;
  status: ColumnType<ExpenseStatus, ExpenseStatus | undefined, ExpenseStatus>;
  entry_id: NullableInt8;
  decided_by_user_id: number | null;
  decided_at: Date | null;
  /** YYYY-MM-DD: the UK day the claim was paid, donated or declined. */
  decided_on: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface MeetingTables {
  meeting: MeetingTable;
  meeting_signup: MeetingSignupTable;
  meeting_attendance: MeetingAttendanceTable;
  meeting_expense_claim: MeetingExpenseClaimTable;
}
