// Words for every DomainError code, in the GOV.UK voice: say what happened and how to fix it.
// The words themselves live in the catalogue (app/i18n/en/*.ts) under "errors.<code>". A code
// whose words need no values is answered straight from the catalogue; the maps below hold only
// the codes whose words depend on the error's values (a phase's name, an amount, a unit).
import { en, type MessageKey } from "../i18n/en.js";
import { t } from "../i18n/translate.js";
import type { DomainError, ErrorValues } from "./errors.js";
import { MEETING_MESSAGES } from "./messages-meetings.js";
import { COPRODUCTION_MESSAGES } from "./messages-coproduction.js";
import { RESULTS_MESSAGES } from "./messages-results.js";
import { ROUND_MESSAGES } from "./messages-rounds.js";
import { TIMEBANK_MESSAGES } from "./messages-timebank.js";

type MessageFor = (values: ErrorValues) => string;

/** A value shown inside a message, written as a template literal would write it. */
const text = (value: unknown): string => String(value);

/** An example amount in the unit of the error: hours or pounds. */
const amountExample = (unit: unknown): string => (unit === "HOUR" ? "1.50" : "1250.50");

const MESSAGES: Record<string, MessageFor> = {
  ...ROUND_MESSAGES,
  ...RESULTS_MESSAGES,
  ...TIMEBANK_MESSAGES,
  ...MEETING_MESSAGES,
  ...COPRODUCTION_MESSAGES,
  sign_in_rate_limited: (v) => t("errors.sign_in_rate_limited", { minutes: text(v.minutes) }),
  unknown_role: (v) => t("errors.unknown_role", { role: text(v.role) }),
  ledger_amount_missing: (v) => t(v.unit === "HOUR" ? "errors.ledger_amount_missing.hours" : "errors.ledger_amount_missing.pounds"),
  ledger_amount_not_a_number: (v) => t("errors.ledger_amount_not_a_number", { example: amountExample(v.unit) }),
  ledger_amount_not_text: (v) => t("errors.ledger_amount_not_text", { example: amountExample(v.unit) }),
  ledger_amount_too_precise: (v) => t("errors.ledger_amount_too_precise", { scale: text(v.scale), example: amountExample(v.unit) }),
  ledger_amount_too_large: (v) => t("errors.ledger_amount_too_large", { maximum: text(v.maximum) }),
  ledger_account_code_invalid: (v) => t("errors.ledger_account_code_invalid", { maximum: text(v.maximum) }),
  ledger_account_name_invalid: (v) => t("errors.ledger_account_name_invalid", { maximum: text(v.maximum) }),
  ledger_bounds_exclude_balance: (v) => t("errors.ledger_bounds_exclude_balance", { accountCode: text(v.accountCode) }),
  ledger_unit_unknown: (v) => t("errors.ledger_unit_unknown", { unit: text(v.unit) }),
  ledger_idempotency_key_invalid: (v) => t("errors.ledger_idempotency_key_invalid", { maximum: text(v.maximum) }),
  ledger_memo_invalid: (v) => t("errors.ledger_memo_invalid", { maximum: text(v.maximum) }),
  ledger_created_by_invalid: (v) => t("errors.ledger_created_by_invalid", { maximum: text(v.maximum) }),
  ledger_metadata_invalid: (v) => t("errors.ledger_metadata_invalid", { maximumKeys: text(v.maximumKeys) }),
  ledger_entry_not_found: (v) => t("errors.ledger_entry_not_found", { entryId: text(v.entryId) }),
  ledger_posting_count: (v) => t("errors.ledger_posting_count", { minimum: text(v.minimum), maximum: text(v.maximum) }),
  ledger_account_repeated: (v) => t("errors.ledger_account_repeated", { accountCode: text(v.accountCode) }),
  ledger_unbalanced: (v) =>
    v.difference
      ? t("errors.ledger_unbalanced.difference", { unit: text(v.unit), difference: text(v.difference) })
      : t("errors.ledger_unbalanced", { unit: text(v.unit) }),
  ledger_account_not_found: (v) => t("errors.ledger_account_not_found", { accountCode: text(v.accountCode) }),
  ledger_account_exists: (v) => t("errors.ledger_account_exists", { accountCode: text(v.accountCode) }),
  ledger_unit_mismatch: (v) => t("errors.ledger_unit_mismatch", { accountCode: text(v.accountCode) }),
  ledger_below_minimum: (v) => t("errors.ledger_below_minimum", { accountCode: text(v.accountCode) }),
  ledger_above_maximum: (v) => t("errors.ledger_above_maximum", { accountCode: text(v.accountCode) }),
  ledger_idempotency_conflict: (v) =>
    t("errors.ledger_idempotency_conflict", { idempotencyKey: text(v.idempotencyKey), entryId: text(v.entryId) }),
  ledger_reversal_of_reversal: (v) => t("errors.ledger_reversal_of_reversal", { entryId: text(v.entryId) }),
  ledger_hold_not_found: (v) => t("errors.ledger_hold_not_found", { holdKey: text(v.holdKey) }),
  ledger_hold_exists: (v) => t("errors.ledger_hold_exists", { holdKey: text(v.holdKey) }),
  ledger_hold_exceeded: (v) =>
    t(v.unit === "HOUR" ? "errors.ledger_hold_exceeded.hours" : "errors.ledger_hold_exceeded.pounds", { held: text(v.held), holdKey: text(v.holdKey) }),
  ledger_hold_settled: (v) => t("errors.ledger_hold_settled", { holdKey: text(v.holdKey) }),
  ledger_page_size_invalid: (v) => t("errors.ledger_page_size_invalid", { maximum: text(v.maximum) }),
};

/** The catalogue key "errors.<code>" when it exists and needs no values. */
function plainKey(code: string): MessageKey | undefined {
  const key = `errors.${code}`;
  return key in en && !en[key as MessageKey].includes("{") ? (key as MessageKey) : undefined;
}

export function messageFor(error: Pick<DomainError, "code" | "values">): string {
  const make = MESSAGES[error.code];
  if (make) return make(error.values);
  const key = plainKey(error.code);
  return key ? en[key] : t("errors.unknown");
}

export function hasMessage(code: string): boolean {
  return code in MESSAGES || plainKey(code) !== undefined;
}

/** Every code's words, for the catalogue in app/i18n (all of Potluck's text reachable from one place). */
export const DOMAIN_MESSAGES: Readonly<Record<string, MessageFor>> = {
  ...Object.fromEntries(
    Object.keys(en)
      .filter((key) => /^errors\.[a-z0-9_]+$/.test(key) && plainKey(key.slice("errors.".length)) !== undefined)
      .map((key) => [key.slice("errors.".length), () => en[key as MessageKey]]),
  ),
  ...MESSAGES,
};
