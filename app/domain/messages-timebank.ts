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
  timebank_member_not_active: (v) =>
    v.name === undefined || v.name === null ? t("errors.timebank_member_not_active.someone") : t("errors.timebank_member_not_active", { name: text(v.name) }),
  timebank_hours_too_large: (v) => t("errors.timebank_hours_too_large", { maximum: text(v.maximum) }),
  timebank_group_too_big: (v) => t("errors.timebank_group_too_big", { maximum: text(v.maximum) }),
  timebank_exchange_wrong_status: wrongStatus,
  timebank_limit_below: (v) =>
    v.mostPossible === formatHours(0n)
      ? t("errors.timebank_limit_below.nothingLeft", limitValues(v))
      : t("errors.timebank_limit_below", { ...limitValues(v), mostPossible: text(v.mostPossible) }),
  timebank_limit_above: (v) =>
    v.mostPossible === formatHours(0n)
      ? t("errors.timebank_limit_above.noRoom", limitValues(v))
      : t("errors.timebank_limit_above", { ...limitValues(v), mostPossible: text(v.mostPossible) }),
  timebank_text_too_long: (v) => t("errors.timebank_text_too_long", { maximum: text(v.maximum) }),
  timebank_exemption_too_long: (v) => t("errors.timebank_exemption_too_long", { maximum: text(v.maximum) }),
  timebank_dispute_too_late: (v) => t("errors.timebank_dispute_too_late", { days: text(v.days) }),
  timebank_too_few_hours: (v) => t("errors.timebank_too_few_hours", { needed: text(v.needed), available: text(v.available) }),
  timebank_pot_too_small: (v) => t("errors.timebank_pot_too_small", { available: text(v.available) }),
  timebank_report_too_long: (v) => t("errors.timebank_report_too_long", { maximum: text(v.maximum) }),
  timebank_limits_exclude_balances: (v) =>
    tp("errors.timebank_limits_exclude_balances", Number(v.count), { name: text(v.name), balance: text(v.balance) }),
  timebank_leave_negative: (v) => t("errors.timebank_leave_negative", { balance: text(v.balance) }),
  timebank_budget_too_small: (v) => t("errors.timebank_budget_too_small", { available: text(v.available) }),
  timebank_member_too_few_hours: (v) => t("errors.timebank_member_too_few_hours", { needed: text(v.needed), available: text(v.available) }),
  timebank_pounds_too_large: (v) => t("errors.timebank_pounds_too_large", { maximum: text(v.maximum) }),
};
