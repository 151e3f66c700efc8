// Words for budget round errors: each code's English is in the catalogue (app/i18n/en/rounds.ts).
import type { ErrorValues } from "./errors.js";
import { formatPounds } from "./format.js";
import { PHASE_LABELS } from "./rounds/phases.js";
import { t, tp } from "../i18n/translate.js";

type MessageFor = (values: ErrorValues) => string;

const pounds = (value: unknown) => formatPounds(BigInt(String(value)));
const phase = (value: unknown) => PHASE_LABELS[value as keyof typeof PHASE_LABELS] ?? String(value);

export const ROUND_MESSAGES: Record<string, MessageFor> = {
  round_not_found: () => t("errors.round_not_found"),
  round_slug_taken: () => t("errors.round_slug_taken"),
  round_rules_frozen: () => t("errors.round_rules_frozen"),
  round_dates_out_of_order: () => t("errors.round_dates_out_of_order"),
  round_phase_wrong: (v) => t("errors.round_phase_wrong", { phase: phase(v.phase) }),
  round_cannot_move: (v) => t("errors.round_cannot_move", { from: phase(v.from), to: phase(v.to) }),
  round_no_feasible_projects: () => t("errors.round_no_feasible_projects"),
  round_unreviewed_proposals: (v) => tp("errors.round_unreviewed_proposals", Number(v.count)),
  round_choices_invalid: () => t("errors.round_choices_invalid"),
  proposals_closed: () => t("errors.proposals_closed"),
  proposal_not_found: () => t("errors.proposal_not_found"),
  proposal_not_editable: () => t("errors.proposal_not_editable"),
  proposal_not_author: () => t("errors.proposal_not_author"),
  proposal_cost_lines_mismatch: (v) => t("errors.proposal_cost_lines_mismatch", { lines: pounds(v.linesMinor), cost: pounds(v.costMinor) }),
  proposal_coauthor_unknown: (v) => t("errors.proposal_coauthor_unknown", { email: String(v.email) }),
  proposal_hidden: () => t("errors.proposal_hidden"),
  support_closed: () => t("errors.support_closed"),
  comment_reply_depth: () => t("errors.comment_reply_depth"),
  comment_not_found: () => t("errors.comment_not_found"),
  voting_closed: () => t("errors.voting_closed"),
  voting_not_eligible_area: (v) => t("errors.voting_not_eligible_area", { area: String(v.area) }),
  voting_accounts_not_allowed: () => t("errors.voting_accounts_not_allowed"),
  voting_codes_not_allowed: () => t("errors.voting_codes_not_allowed"),
  voting_paper_not_allowed: () => t("errors.voting_paper_not_allowed"),
  voting_code_invalid: () => t("errors.voting_code_invalid"),
  voting_code_used: () => t("errors.voting_code_used"),
  voting_code_count: (v) => t("errors.voting_code_count", { maximum: String(v.maximum) }),
  ballot_empty: () => t("errors.ballot_empty"),
  ballot_unknown_project: () => t("errors.ballot_unknown_project"),
  ballot_duplicate_project: () => t("errors.ballot_duplicate_project"),
  ballot_too_few: (v) => t("errors.ballot_too_few", { minimum: String(v.minimum), chosen: String(v.chosen) }),
  ballot_too_many: (v) => t("errors.ballot_too_many", { maximum: String(v.maximum), chosen: String(v.chosen) }),
  ballot_over_budget: (v) => t("errors.ballot_over_budget", { total: pounds(v.totalMinor), budget: pounds(v.budgetMinor) }),
  ballot_points_invalid: () => t("errors.ballot_points_invalid"),
  ballot_points_over: (v) => t("errors.ballot_points_over", { given: String(v.given), total: String(v.total) }),
  ballot_points_under: (v) => t("errors.ballot_points_under", { given: String(v.given), total: String(v.total) }),
  ballot_rank_invalid: (v) => t("errors.ballot_rank_invalid", { maximum: String(v.maximum) }),
  ballot_rank_repeated: (v) => t("errors.ballot_rank_repeated", { rank: String(v.rank) }),
  ballot_rank_gap: (v) => t("errors.ballot_rank_gap", { missing: String(v.missing) }),
  receipt_not_found: () => t("errors.receipt_not_found"),
  paper_batch_not_found: () => t("errors.paper_batch_not_found"),
  paper_batch_accepted: () => t("errors.paper_batch_accepted"),
  paper_batch_label_taken: () => t("errors.paper_batch_label_taken"),
  paper_sheet_keyed: (v) => t("errors.paper_sheet_keyed", { sheet: String(v.sheet) }),
  paper_second_keyer_same: () => t("errors.paper_second_keyer_same"),
  paper_batch_mismatches: (v) => tp("errors.paper_batch_mismatches", Number(v.count)),
  paper_batch_incomplete: () => t("errors.paper_batch_incomplete"),
  paper_batch_empty: () => t("errors.paper_batch_empty"),
  moderation_reason_missing: () => t("errors.moderation_reason_missing"),
};
