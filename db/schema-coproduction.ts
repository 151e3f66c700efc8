// Co-production tables: teams, self-reflection, checklist, Working Together for Change.
// Merged into `Database` in schema.ts.
import type { ColumnType, Generated } from "kysely";

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;

export type PerspectiveColumn = "staff" | "resident" | "partner";
export type PrincipleColumn = "assets" | "valuing_work" | "reciprocity" | "social_networks";
export type ActionProgressColumn = "not_started" | "in_progress" | "done";

export interface CoproductionTeamTable {
  id: Generated<number>;
  organisation_id: number;
  name: string;
  created_by: number | null;
  created_at: CreatedAt;
}

export interface CoproductionMemberTable {
  id: Generated<number>;
  team_id: number;
  user_id: number;
  perspective: PerspectiveColumn;
  invited_by: number | null;
  invited_at: CreatedAt;
}

export interface ReflectionAssessmentTable {
  id: Generated<number>;
  team_id: number;
  title: string;
  /** YYYY-MM-DD */
  held_on: string;
  created_by: number | null;
  created_at: CreatedAt;
}

export interface ReflectionResponseTable {
  id: Generated<number>;
  assessment_id: number;
  user_id: number;
  perspective: PerspectiveColumn;
  submitted_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface ReflectionRatingTable {
  response_id: number;
  principle: PrincipleColumn;
  /** 1 = really haven't got this yet ... 4 = doing really well. */
  stage: number;
  evidence: string;
}

export interface ReflectionActionTable {
  id: Generated<number>;
  assessment_id: number;
  principle: PrincipleColumn;
  what: string;
  who: string;
  /** YYYY-MM-DD */
  due_on: string;
  progress: ColumnType<ActionProgressColumn, ActionProgressColumn | undefined, ActionProgressColumn>;
  created_by: number | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface ChecklistItemTable {
  id: Generated<number>;
  team_id: number;
  tip_number: number;
  in_place: boolean | null;
  next_step: ColumnType<string, string | undefined, string>;
  /** YYYY-MM-DD */
  due_on: string | null;
  owner: ColumnType<string, string | undefined, string>;
  action_done: ColumnType<boolean, boolean | undefined, boolean>;
  updated_by: number | null;
  updated_at: UpdatedAt;
}

export interface TogetherThemeTable {
  id: Generated<number>;
  team_id: number;
  name: string;
  created_at: CreatedAt;
}

export interface TogetherStatementTable {
  id: Generated<number>;
  team_id: number;
  kind: "working" | "not_working";
  body: string;
  attributed_to: string | null;
  theme_id: number | null;
  recorded_by: number | null;
  created_at: CreatedAt;
}

export interface TogetherMeasureTable {
  id: Generated<number>;
  team_id: number;
  theme_id: number | null;
  kind: "i" | "we";
  body: string;
  round_id: number | null;
  created_by: number | null;
  created_at: CreatedAt;
}

export interface TogetherReviewTable {
  id: Generated<number>;
  measure_id: number;
  /** YYYY-MM-DD */
  reviewed_on: string;
  outcome: "met" | "partly" | "not_met";
  evidence: string;
  reviewed_by: number | null;
  created_at: CreatedAt;
}

export interface CoproductionTables {
  coproduction_team: CoproductionTeamTable;
  coproduction_member: CoproductionMemberTable;
  reflection_assessment: ReflectionAssessmentTable;
  reflection_response: ReflectionResponseTable;
  reflection_rating: ReflectionRatingTable;
  reflection_action: ReflectionActionTable;
  checklist_item: ChecklistItemTable;
  together_theme: TogetherThemeTable;
  together_statement: TogetherStatementTable;
  together_measure: TogetherMeasureTable;
  together_review: TogetherReviewTable;
}
