// Words for the timebank's DomainError codes, in the GOV.UK voice: what happened, how to fix it.
import type { MessageKey } from "../i18n/en.js";
import { t, tp } from "../i18n/translate.js";
import type { ErrorValues } from "./errors.js";
import { formatHours } from "./timebank/hours.js";

type MessageFor = (values: ErrorValues) => string;

/** A value as a template literal would show it. */
const text = (value: unknown) => String(value);

/** What could not be done to the exchange (the service names it), as a whole sentence. */
const WRONG_STATUS_KEYS: Record<string, Extract<MessageKey, `errors.timebank_exchange_wrong_status.${string}`>> = {
  confirmed: "errors.timebank_exchange_wrong_status.confirm",
  "marked as done": "errors.timebank_exchange_wrong_status.markDone",
  cancelled: "errors.timebank_exchange_wrong_status.cancel",
  disputed: "errors.timebank_exchange_wrong_status.dispute",
};

const EXCHANGE_STATE_KEYS: Record<string, Extract<MessageKey, `errors.timebank_exchange_state.${string}`>> = {
  agreed: "errors.timebank_exchange_state.agreed",
  done: "errors.timebank_exchange_state.done",
  confirmed: "errors.timebank_exchange_state.confirmed",
  cancelled: "errors.timebank_exchange_state.cancelled",
};

function wrongStatus(v: ErrorValues): string {
  const stateKey = EXCHANGE_STATE_KEYS[text(v.status)];
  const status = stateKey ? t(stateKey) : text(v.status);
  const key = WRONG_STATUS_KEYS[text(v.action)];
  if (key) return t(key, { status });
  return t("errors.timebank_exchange_wrong_status", { status, action: text(v.action) });
}

function limitValues(v: ErrorValues) {
  return { name: text(v.name), hours: text(v.hours), balance: text(v.balance), limit: text(v.limit), overBy: text(v.overBy) };
}

export const TIMEBANK_MESSAGES: Record<string, MessageFor> = {
  timebank_not_found: () => t("errors.timebank_not_found"),
  timebank_not_coordinator: () => t("errors.timebank_not_coordinator"),
  timebank_not_member: () => t("errors.timebank_not_member"),
  timebank_already_member: () => t("errors.timebank_already_member"),
  timebank_already_applied: () => t("errors.timebank_already_applied"),
  timebank_person_not_found: () => t("errors.timebank_person_not_found"),
  timebank_member_not_found: () => t("errors.timebank_member_not_found"),
  timebank_member_not_active: (v) =>
    v.name === undefined || v.name === null ? t("errors.timebank_member_not_active.someone") : t("errors.timebank_member_not_active", { name: text(v.name) }),
  timebank_application_not_found: () => t("errors.timebank_application_not_found"),
  timebank_hours_missing: () => t("errors.timebank_hours_missing"),
  timebank_hours_not_a_number: () => t("errors.timebank_hours_not_a_number"),
  timebank_hours_zero: () => t("errors.timebank_hours_zero"),
  timebank_hours_negative: () => t("errors.timebank_hours_negative"),
  timebank_hours_too_large: (v) => t("errors.timebank_hours_too_large", { maximum: text(v.maximum) }),
  timebank_hours_not_quarter: () => t("errors.timebank_hours_not_quarter"),
  timebank_date_invalid: () => t("errors.timebank_date_invalid"),
  timebank_date_in_future: () => t("errors.timebank_date_in_future"),
  timebank_date_too_old: () => t("errors.timebank_date_too_old"),
  timebank_giver_missing: () => t("errors.timebank_giver_missing"),
  timebank_receiver_missing: () => t("errors.timebank_receiver_missing"),
  timebank_group_shape: () => t("errors.timebank_group_shape"),
  timebank_group_too_big: (v) => t("errors.timebank_group_too_big", { maximum: text(v.maximum) }),
  timebank_exchange_with_self: () => t("errors.timebank_exchange_with_self"),
  timebank_member_repeated: () => t("errors.timebank_member_repeated"),
  timebank_share_too_small: () => t("errors.timebank_share_too_small"),
  timebank_blocked: () => t("errors.timebank_blocked"),
  timebank_exchange_not_found: () => t("errors.timebank_exchange_not_found"),
  timebank_exchange_not_yours: () => t("errors.timebank_exchange_not_yours"),
  timebank_exchange_wrong_status: wrongStatus,
  timebank_only_giver: () => t("errors.timebank_only_giver"),
  timebank_only_receiver: () => t("errors.timebank_only_receiver"),
  timebank_limit_below: (v) =>
    v.mostPossible === formatHours(0n)
      ? t("errors.timebank_limit_below.nothingLeft", limitValues(v))
      : t("errors.timebank_limit_below", { ...limitValues(v), mostPossible: text(v.mostPossible) }),
  timebank_limit_above: (v) =>
    v.mostPossible === formatHours(0n)
      ? t("errors.timebank_limit_above.noRoom", limitValues(v))
      : t("errors.timebank_limit_above", { ...limitValues(v), mostPossible: text(v.mostPossible) }),
  timebank_text_too_long: (v) => t("errors.timebank_text_too_long", { maximum: text(v.maximum) }),
  timebank_exemption_order: () => t("errors.timebank_exemption_order"),
  timebank_exemption_too_long: (v) => t("errors.timebank_exemption_too_long", { maximum: text(v.maximum) }),
  timebank_dispute_too_late: (v) => t("errors.timebank_dispute_too_late", { days: text(v.days) }),
  timebank_dispute_exists: () => t("errors.timebank_dispute_exists"),
  timebank_dispute_not_found: () => t("errors.timebank_dispute_not_found"),
  timebank_listing_not_found: () => t("errors.timebank_listing_not_found"),
  timebank_too_few_hours: (v) => t("errors.timebank_too_few_hours", { needed: text(v.needed), available: text(v.available) }),
  timebank_pot_too_small: (v) => t("errors.timebank_pot_too_small", { available: text(v.available) }),
  timebank_reason_missing: () => t("errors.timebank_reason_missing"),
  timebank_partner_not_found: () => t("errors.timebank_partner_not_found"),
  timebank_reward_not_found: () => t("errors.timebank_reward_not_found"),
  timebank_code_invalid: () => t("errors.timebank_code_invalid"),
  timebank_code_used: () => t("errors.timebank_code_used"),
  timebank_listing_own: () => t("errors.timebank_listing_own"),
  timebank_report_from_missing: () => t("errors.timebank_report_from_missing"),
  timebank_report_from_invalid: () => t("errors.timebank_report_from_invalid"),
  timebank_report_to_missing: () => t("errors.timebank_report_to_missing"),
  timebank_report_to_invalid: () => t("errors.timebank_report_to_invalid"),
  timebank_report_order: () => t("errors.timebank_report_order"),
  timebank_report_too_long: (v) => t("errors.timebank_report_too_long", { maximum: text(v.maximum) }),
  timebank_report_too_big: () => t("errors.timebank_report_too_big"),
  timebank_settings_below_invalid: () => t("errors.timebank_settings_below_invalid"),
  timebank_settings_above_invalid: () => t("errors.timebank_settings_above_invalid"),
  timebank_settings_gift_invalid: () => t("errors.timebank_settings_gift_invalid"),
  timebank_settings_gift_over_limit: () => t("errors.timebank_settings_gift_over_limit"),
  timebank_settings_pledge_invalid: () => t("errors.timebank_settings_pledge_invalid"),
  timebank_limits_exclude_balances: (v) =>
    tp("errors.timebank_limits_exclude_balances", Number(v.count), { name: text(v.name), balance: text(v.balance) }),
  timebank_slug_taken: () => t("errors.timebank_slug_taken"),
  timebank_not_organisation_coordinator: () => t("errors.timebank_not_organisation_coordinator"),
  timebank_leave_negative: (v) => t("errors.timebank_leave_negative", { balance: text(v.balance) }),
  timebank_leave_choice_missing: () => t("errors.timebank_leave_choice_missing"),
  timebank_not_a_person: () => t("errors.timebank_not_a_person"),
  timebank_budget_missing: () => t("errors.timebank_budget_missing"),
  timebank_budget_too_small: (v) => t("errors.timebank_budget_too_small", { available: text(v.available) }),
  timebank_member_too_few_hours: (v) => t("errors.timebank_member_too_few_hours", { needed: text(v.needed), available: text(v.available) }),
  timebank_pounds_invalid: () => t("errors.timebank_pounds_invalid"),
  timebank_pounds_too_large: (v) => t("errors.timebank_pounds_too_large", { maximum: text(v.maximum) }),
};
