// Words for the meetings DomainError codes, in the GOV.UK voice: what happened, how to fix it.
// The English is in the catalogue (app/i18n/en/meetings.ts, keys "errors.<code>").
import { t } from "../i18n/translate.js";
import type { ErrorValues } from "./errors.js";

type MessageFor = (values: ErrorValues) => string;

export const MEETING_MESSAGES: Record<string, MessageFor> = {
  meeting_level_to_avoid: (v) => t("errors.meeting_level_to_avoid", { level: String(v.level) }),
  meeting_date_too_far: (v) => t("errors.meeting_date_too_far", { days: String(v.days) }),
  meeting_claim_over_maximum: (v) => t("errors.meeting_claim_over_maximum", { maximum: String(v.maximum) }),
  meeting_claim_duplicate: (v) => t("errors.meeting_claim_duplicate", { kind: String(v.kind).toLowerCase() }),
  meeting_claim_not_attended: (v) => t("errors.meeting_claim_not_attended", { name: String(v.name) }),
};
