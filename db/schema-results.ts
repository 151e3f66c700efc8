// Results, notifications and delivery tables. Merged into `Database` in schema.ts.
import type { ColumnType, Generated } from "kysely";
import type { CountingRule } from "./schema-rounds.js";

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Json = ColumnType<unknown, string, string>;

export type DeliveryStatus = "not_started" | "in_progress" | "delivered" | "cancelled";

export interface RoundResultTable {
  id: Generated<number>;
  round_id: number;
  rule: CountingRule;
  utility: "cost" | "approval";
  /** The tie-break in words, as stated on the results page. */
  tie_break: string;
  computed_at: ColumnType<Date, Date | string | undefined, Date | string>;
  computed_by: number | null;
  published_at: Date | null;
  published_by: number | null;
  ballot_count: number;
  /** sha256 over the canonical list of live ballots the count used. */
  ballots_hash: string;
  /** The round's frozen rules hash, copied so the result names the rules it counted under. */
  rules_hash: string;
  result: Json;
}

export interface NotificationTable {
  id: Generated<number>;
  user_id: number;
  kind: string;
  subject: string;
  body: string;
  link: string | null;
  created_at: CreatedAt;
  read_at: Date | null;
}

export interface ProjectDeliveryUpdateTable {
  id: Generated<number>;
  round_id: number;
  proposal_id: number;
  status: DeliveryStatus;
  note: string;
  /** YYYY-MM-DD */
  happened_on: string;
  recorded_at: CreatedAt;
  recorded_by: number | null;
}

export interface ResultsTables {
  round_result: RoundResultTable;
  notification: NotificationTable;
  project_delivery_update: ProjectDeliveryUpdateTable;
}
