// Words for budget round errors: each code's English is in the catalogue (app/i18n/en/rounds.ts).
import type { ErrorValues } from "./errors.js";
import { formatPounds } from "./format.js";
import { phaseLabelOf } from "./rounds/phases.js";
import { t, tp } from "../i18n/translate.js";

type MessageFor = (values: ErrorValues) => string;

const pounds = (value: unknown) => formatPounds(BigInt(String(value)));

export const ROUND_MESSAGES: Record<string, MessageFor> = {
  round_phase_wrong: (v) => t("errors.round_phase_wrong", { phase: phaseLabelOf(v.phase) }),
  round_cannot_move: (v) => t("errors.round_cannot_move", { from: phaseLabelOf(v.from), to: phaseLabelOf(v.to) }),
  round_unreviewed_proposals: (v) => tp("errors.round_unreviewed_proposals", Number(v.count)),
  proposal_cost_lines_mismatch: (v) => t("errors.proposal_cost_lines_mismatch", { lines: pounds(v.linesMinor), cost: pounds(v.costMinor) }),
  proposal_coauthor_unknown: (v) => t("errors.proposal_coauthor_unknown", { email: String(v.email) }),
  voting_not_eligible_area: (v) => t("errors.voting_not_eligible_area", { area: String(v.area) }),
  voting_code_count: (v) => t("errors.voting_code_count", { maximum: String(v.maximum) }),
  ballot_too_few: (v) => t("errors.ballot_too_few", { minimum: String(v.minimum), chosen: String(v.chosen) }),
  ballot_too_many: (v) => t("errors.ballot_too_many", { maximum: String(v.maximum), chosen: String(v.chosen) }),
  ballot_over_budget: (v) => t("errors.ballot_over_budget", { total: pounds(v.totalMinor), budget: pounds(v.budgetMinor) }),
  ballot_points_over: (v) => t("errors.ballot_points_over", { given: String(v.given), total: String(v.total) }),
  ballot_points_under: (v) => t("errors.ballot_points_under", { given: String(v.given), total: String(v.total) }),
  ballot_rank_invalid: (v) => t("errors.ballot_rank_invalid", { maximum: String(v.maximum) }),
  ballot_rank_repeated: (v) => t("errors.ballot_rank_repeated", { rank: String(v.rank) }),
  ballot_rank_gap: (v) => t("errors.ballot_rank_gap", { missing: String(v.missing) }),
  paper_sheet_keyed: (v) => t("errors.paper_sheet_keyed", { sheet: String(v.sheet) }),
  paper_batch_mismatches: (v) => tp("errors.paper_batch_mismatches", Number(v.count)),
};
