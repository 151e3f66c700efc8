// Budget round tables. Merged into `Database` in schema.ts; budget_round itself lives there.
import type { ColumnType, Generated } from "kysely";

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Json = ColumnType<unknown, string, string>;
type Minor = ColumnType<bigint, bigint | string, bigint | string>;

export type Phase = "draft" | "proposals" | "review" | "voting" | "closed";
export type BallotType = "approval" | "knapsack" | "cumulative" | "ranked";
export type CountingRule = "greedy" | "equal_shares";
export type ProposalStatus = "submitted" | "withdrawn" | "feasible" | "not_feasible";
export type BallotChannel = "online" | "code" | "paper";

export interface RoundPhaseChangeTable {
  id: Generated<number>;
  round_id: number;
  from_phase: Phase;
  to_phase: Phase;
  at: CreatedAt;
  by_user_id: number | null;
  reason: string;
}

export interface ProposalTable {
  id: Generated<number>;
  round_id: number;
  author_id: number;
  title: string;
  summary: string;
  description: string;
  cost_minor: Minor;
  area: string | null;
  theme: string | null;
  status: Generated<ProposalStatus>;
  review_reason: string | null;
  cost_adjustment_reason: string | null;
  hidden_at: Date | null;
  hidden_reason: string | null;
  hidden_by_user_id: number | null;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface ProposalCostLineTable {
  id: Generated<number>;
  proposal_id: number;
  position: number;
  description: string;
  amount_minor: Minor;
}

export interface ProposalCoauthorTable {
  proposal_id: number;
  user_id: number;
}

export interface ProposalEventTable {
  id: Generated<number>;
  proposal_id: number;
  at: CreatedAt;
  actor_user_id: number | null;
  kind: string;
  details: Json;
}

export interface ProposalCommentTable {
  id: Generated<number>;
  proposal_id: number;
  parent_id: number | null;
  author_id: number;
  body: string;
  created_at: CreatedAt;
  hidden_at: Date | null;
  hidden_reason: string | null;
  hidden_by_user_id: number | null;
}

export interface ProposalSupportTable {
  proposal_id: number;
  user_id: number;
  created_at: CreatedAt;
}

export interface VotingCodeTable {
  id: Generated<number>;
  round_id: number;
  code_hash: string;
  batch_label: string;
  created_by_user_id: number | null;
  created_at: CreatedAt;
  used_at: Date | null;
}

export interface PaperBatchTable {
  id: Generated<number>;
  round_id: number;
  label: string;
  double_keying: boolean;
  status: Generated<"keying" | "accepted">;
  created_by_user_id: number | null;
  created_at: CreatedAt;
  accepted_at: Date | null;
  accepted_by_user_id: number | null;
}

export interface PaperKeyingTable {
  id: Generated<number>;
  batch_id: number;
  pass: 1 | 2;
  sheet_number: number;
  keyed_by_user_id: number;
  choices: Json;
  keyed_at: CreatedAt;
}

export interface BallotTable {
  id: Generated<number>;
  round_id: number;
  channel: BallotChannel;
  voter_user_id: number | null;
  voting_code_id: number | null;
  paper_keying_id: number | null;
  receipt_hash: string;
  choices: Json;
  cast_at: CreatedAt;
  superseded_at: Date | null;
}

export interface BallotChoiceTable {
  ballot_id: number;
  proposal_id: number;
  points: number;
  rank: number | null;
}

export interface RoundTables {
  round_phase_change: RoundPhaseChangeTable;
  proposal: ProposalTable;
  proposal_cost_line: ProposalCostLineTable;
  proposal_coauthor: ProposalCoauthorTable;
  proposal_event: ProposalEventTable;
  proposal_comment: ProposalCommentTable;
  proposal_support: ProposalSupportTable;
  voting_code: VotingCodeTable;
  paper_batch: PaperBatchTable;
  paper_keying: PaperKeyingTable;
  ballot: BallotTable;
  ballot_choice: BallotChoiceTable;
}
