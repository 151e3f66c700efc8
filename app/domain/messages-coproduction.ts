// Words for the co-production tools' errors: self-reflection, checklist, Working Together for Change.
import type { ErrorValues } from "./errors.js";

type MessageFor = (values: ErrorValues) => string;

const upperFirst = (text: unknown) => {
  const s = String(text);
  return s.charAt(0).toUpperCase() + s.slice(1);
};

export const COPRODUCTION_MESSAGES: Record<string, MessageFor> = {
  coproduction_text_missing: (v) => `Enter ${v.label}`,
  coproduction_text_too_long: (v) => `${upperFirst(v.label)} must be ${v.maximum} characters or fewer`,
  coproduction_text_invalid: (v) => `${upperFirst(v.label)} must not contain special control characters`,
  coproduction_date_missing: (v) => `Enter ${v.label}, like 2027-03-31`,
  coproduction_date_invalid: (v) => `Enter ${v.label} as a real date, like 2027-03-31`,
  coproduction_team_not_found: () => "There is no such co-production team",
  coproduction_organisation_not_staff: () => "Select an organisation you work for",
  coproduction_team_name_taken: () => "The organisation already has a team with this name. Choose another name",
  coproduction_person_not_found: () => "There is no Potluck account with this email address. Add the person first, then invite them",
  coproduction_already_member: () => "This person is already part of the team. Change their perspective by removing and inviting them again",
  coproduction_perspective_invalid: () => "Select whether they take part as staff, a resident or a partner",
  coproduction_team_full: (v) => `A team can have up to ${v.maximum} people`,
  reflection_not_found: () => "There is no such self-reflection",
  reflection_stage_invalid: (v) => `Select a stage for ${v.principle}: really haven't got this yet, got the basics, getting there or doing really well`,
  reflection_principle_invalid: () => "Select one of the four principles",
  reflection_not_invited: () => "Only people invited to this team, and its organisation's staff, can fill in its self-reflection",
  reflection_too_many: (v) => `A team can have up to ${v.maximum} self-reflections`,
  reflection_action_not_found: () => "There is no such action",
  reflection_progress_invalid: () => "Select the progress: not started, in progress or done",
  reflection_too_many_actions: (v) => `A principle can have up to ${v.maximum} actions`,
  checklist_tip_unknown: (v) => `There is no top tip number ${v.tipNumber}`,
  checklist_answer_invalid: (v) => `Select yes or no for tip ${v.tipNumber}`,
  checklist_action_needs_date: (v) => `Enter by which date the action for tip ${v.tipNumber} will be done, like 2027-03-31`,
  checklist_action_needs_owner: (v) => `Enter who owns the action for tip ${v.tipNumber}`,
  checklist_action_missing: (v) => `Enter what you need to do now for tip ${v.tipNumber}, or clear its date and owner`,
  together_kind_invalid: () => "Select whether this is working or not working",
  together_measure_kind_invalid: () => "Select an 'I' statement or a 'We' statement",
  together_i_statement_wording: () => "Write an 'I' statement as the person would say it, starting with I or My, like \"I know who to call when I need help\"",
  together_we_statement_wording: () => "Write a 'We' statement as the organisation's promise, starting with We or Our, like \"We will reply to every message within two working days\"",
  together_theme_not_found: () => "Select one of the team's themes",
  together_statement_not_found: () => "There is no such statement",
  together_measure_not_found: () => "There is no such success measure",
  together_round_not_found: () => "Select one of the organisation's budget rounds",
  together_outcome_invalid: () => "Select whether the measure was met, partly met or not met",
  together_theme_taken: () => "The team already has a theme with this name",
  together_limit: (v) => `A team can have up to ${v.maximum} of these`,
};
