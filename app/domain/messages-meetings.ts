// Words for the meetings DomainError codes, in the GOV.UK voice: what happened, how to fix it.
// The English is in the catalogue (app/i18n/en/meetings.ts, keys "errors.<code>").
import { t } from "../i18n/translate.js";
import type { ErrorValues } from "./errors.js";

type MessageFor = (values: ErrorValues) => string;

export const MEETING_MESSAGES: Record<string, MessageFor> = {
  meeting_not_found: () => t("errors.meeting_not_found"),
  meeting_not_organiser: () => t("errors.meeting_not_organiser"),
  meeting_level_missing: () => t("errors.meeting_level_missing"),
  meeting_level_to_avoid: (v) => t("errors.meeting_level_to_avoid", { level: String(v.level) }),
  meeting_date_in_past: () => t("errors.meeting_date_in_past"),
  meeting_date_too_far: (v) => t("errors.meeting_date_too_far", { days: String(v.days) }),
  meeting_round_not_found: () => t("errors.meeting_round_not_found"),
  meeting_timebank_not_found: () => t("errors.meeting_timebank_not_found"),
  meeting_credit_needs_timebank: () => t("errors.meeting_credit_needs_timebank"),
  meeting_is_over: () => t("errors.meeting_is_over"),
  meeting_not_signed_up: () => t("errors.meeting_not_signed_up"),
  meeting_person_not_found: () => t("errors.meeting_person_not_found"),
  meeting_not_started: () => t("errors.meeting_not_started"),
  meeting_not_coordinator: () => t("errors.meeting_not_coordinator"),
  meeting_claim_kind_missing: () => t("errors.meeting_claim_kind_missing"),
  meeting_claim_amount_missing: () => t("errors.meeting_claim_amount_missing"),
  meeting_claim_amount_not_a_number: () => t("errors.meeting_claim_amount_not_a_number"),
  meeting_claim_amount_zero: () => t("errors.meeting_claim_amount_zero"),
  meeting_claim_over_maximum: (v) => t("errors.meeting_claim_over_maximum", { maximum: String(v.maximum) }),
  meeting_claim_duplicate: (v) => t("errors.meeting_claim_duplicate", { kind: String(v.kind).toLowerCase() }),
  meeting_claim_charity_missing: () => t("errors.meeting_claim_charity_missing"),
  meeting_claim_not_attending: () => t("errors.meeting_claim_not_attending"),
  meeting_claim_not_found: () => t("errors.meeting_claim_not_found"),
  meeting_claim_decided: () => t("errors.meeting_claim_decided"),
  meeting_claim_choice_missing: () => t("errors.meeting_claim_choice_missing"),
  meeting_title_missing: () => t("errors.meeting_title_missing"),
  meeting_venue_missing: () => t("errors.meeting_venue_missing"),
  meeting_agenda_missing: () => t("errors.meeting_agenda_missing"),
  meeting_times_order: () => t("errors.meeting_times_order"),
  meeting_claim_not_attended: (v) => t("errors.meeting_claim_not_attended", { name: String(v.name) }),
};
