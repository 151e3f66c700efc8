// Words for budget round errors.
import type { ErrorValues } from "./errors.js";
import { formatPounds } from "./format.js";
import { PHASE_LABELS } from "./rounds/phases.js";

type MessageFor = (values: ErrorValues) => string;

const pounds = (value: unknown) => formatPounds(BigInt(String(value)));
const phase = (value: unknown) => PHASE_LABELS[value as keyof typeof PHASE_LABELS] ?? String(value);

export const ROUND_MESSAGES: Record<string, MessageFor> = {
  round_not_found: () => "There is no budget round at this address",
  round_slug_taken: () => "Another round already uses this web address. Enter a different short name",
  round_rules_frozen: () => "Voting has opened, so the rules of this round can no longer change",
  round_dates_out_of_order: () => "Dates must follow the order of the stages: proposals, review, voting opens, voting closes",
  round_phase_wrong: (v) => `You cannot do this now: the round is at the stage "${phase(v.phase)}"`,
  round_cannot_move: (v) => `The round cannot move from "${phase(v.from)}" to "${phase(v.to)}"`,
  round_no_feasible_projects: () => "Voting cannot open: no proposal has been reviewed as feasible",
  round_unreviewed_proposals: (v) => `Voting cannot open: ${v.count} proposal${v.count === 1 ? " has" : "s have"} not been reviewed`,
  round_choices_invalid: () => "The least number of choices must not be more than the most",
  proposals_closed: () => "Proposals can only be made while the round is open for proposals",
  proposal_not_found: () => "There is no proposal at this address",
  proposal_not_editable: () => "This proposal can no longer be changed: review has started",
  proposal_not_author: () => "Only the authors of a proposal can change or withdraw it",
  proposal_cost_lines_mismatch: (v) => `The cost lines add up to ${pounds(v.linesMinor)}, but the estimated cost is ${pounds(v.costMinor)}. Make them match`,
  proposal_coauthor_unknown: (v) => `No one with the email address ${v.email} has an account. Check the address or leave them out`,
  proposal_hidden: () => "This proposal has been hidden by a moderator",
  support_closed: () => "Proposals can only be supported while the round is open for proposals",
  comment_reply_depth: () => "You can reply to a comment, but not to a reply",
  comment_not_found: () => "There is no comment here",
  voting_closed: () => "Voting is not open for this round",
  voting_not_eligible_area: (v) => `This round is only for people who live in ${v.area}. Your account says you live somewhere else`,
  voting_accounts_not_allowed: () => "This round does not take votes from accounts. Use the voting code you were given",
  voting_codes_not_allowed: () => "This round does not take votes with voting codes",
  voting_paper_not_allowed: () => "This round does not take paper ballots",
  voting_code_invalid: () => "Enter the voting code exactly as it is printed, like ABCD-EFGH-JKLM",
  voting_code_used: () => "This voting code has already been used. Each code works once",
  voting_code_count: (v) => `Enter a number of codes from 1 to ${v.maximum}`,
  ballot_empty: () => "Choose at least one project",
  ballot_unknown_project: () => "Choose projects from the list on this ballot",
  ballot_duplicate_project: () => "Choose each project only once",
  ballot_too_few: (v) => `Choose at least ${v.minimum} projects. You have chosen ${v.chosen}`,
  ballot_too_many: (v) => `Choose no more than ${v.maximum} projects. You have chosen ${v.chosen}`,
  ballot_over_budget: (v) => `You have chosen projects costing ${pounds(v.totalMinor)}; the budget is ${pounds(v.budgetMinor)}. Remove a project`,
  ballot_points_invalid: () => "Give each project a whole number of points, or leave it blank",
  ballot_points_over: (v) => `You have given ${v.given} points; you have ${v.total} to spread. Take some away`,
  ballot_points_under: (v) => `You have given ${v.given} points; give all ${v.total}`,
  ballot_rank_invalid: (v) => `Number your choices from 1 to ${v.maximum}, or leave a project blank`,
  ballot_rank_repeated: (v) => `You have given more than one project the number ${v.rank}. Give each number once`,
  ballot_rank_gap: (v) => `Your choices must be numbered 1, 2, 3 and so on without gaps: number ${v.missing} is missing`,
  receipt_not_found: () => "No counted ballot has this receipt code. Check the code, or ask the council",
  paper_batch_not_found: () => "There is no batch of paper ballots here",
  paper_batch_accepted: () => "This batch has already been accepted and counted",
  paper_batch_label_taken: () => "Another batch in this round has this name. Enter a different name",
  paper_sheet_keyed: (v) => `Sheet ${v.sheet} has already been keyed in this pass`,
  paper_second_keyer_same: () => "The second keying must be done by a different officer",
  paper_batch_mismatches: (v) => `The two keyings differ on ${v.count} sheet${v.count === 1 ? "" : "s"}. Reconcile them before accepting the batch`,
  paper_batch_incomplete: () => "Key the batch a second time before accepting it",
  paper_batch_empty: () => "Key at least one sheet before accepting the batch",
  moderation_reason_missing: () => "Enter the reason, which everyone will see",
};
