// Words for the co-production tools' errors: self-reflection, checklist, Working Together for Change.
// The English lives in the catalogue (app/i18n/en/coproduction.ts, keys "errors.<code>").
import { t } from "../i18n/translate.js";
import type { ErrorValues } from "./errors.js";

type MessageFor = (values: ErrorValues) => string;

const upperFirst = (text: unknown) => {
  const s = String(text);
  return s.charAt(0).toUpperCase() + s.slice(1);
};

export const COPRODUCTION_MESSAGES: Record<string, MessageFor> = {
  coproduction_text_missing: (v) => t("errors.coproduction_text_missing", { label: String(v.label) }),
  coproduction_text_too_long: (v) => t("errors.coproduction_text_too_long", { label: upperFirst(v.label), maximum: String(v.maximum) }),
  coproduction_text_invalid: (v) => t("errors.coproduction_text_invalid", { label: upperFirst(v.label) }),
  coproduction_date_missing: (v) => t("errors.coproduction_date_missing", { label: String(v.label) }),
  coproduction_date_invalid: (v) => t("errors.coproduction_date_invalid", { label: String(v.label) }),
  coproduction_team_full: (v) => t("errors.coproduction_team_full", { maximum: String(v.maximum) }),
  reflection_stage_invalid: (v) => t("errors.reflection_stage_invalid", { principle: String(v.principle) }),
  reflection_too_many: (v) => t("errors.reflection_too_many", { maximum: String(v.maximum) }),
  reflection_too_many_actions: (v) => t("errors.reflection_too_many_actions", { maximum: String(v.maximum) }),
  checklist_tip_unknown: (v) => t("errors.checklist_tip_unknown", { tipNumber: String(v.tipNumber) }),
  checklist_answer_invalid: (v) => t("errors.checklist_answer_invalid", { tipNumber: String(v.tipNumber) }),
  checklist_action_needs_date: (v) => t("errors.checklist_action_needs_date", { tipNumber: String(v.tipNumber) }),
  checklist_action_needs_owner: (v) => t("errors.checklist_action_needs_owner", { tipNumber: String(v.tipNumber) }),
  checklist_action_missing: (v) => t("errors.checklist_action_missing", { tipNumber: String(v.tipNumber) }),
  together_limit: (v) => t("errors.together_limit", { maximum: String(v.maximum) }),
};
