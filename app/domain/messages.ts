// Words for every DomainError code, in the GOV.UK voice: say what happened and how to fix it.
import type { DomainError, ErrorValues } from "./errors.js";
import { MEETING_MESSAGES } from "./messages-meetings.js";
import { COPRODUCTION_MESSAGES } from "./messages-coproduction.js";
import { RESULTS_MESSAGES } from "./messages-results.js";
import { ROUND_MESSAGES } from "./messages-rounds.js";
import { TIMEBANK_MESSAGES } from "./messages-timebank.js";

type MessageFor = (values: ErrorValues) => string;

const MESSAGES: Record<string, MessageFor> = {
  ...ROUND_MESSAGES,
  ...RESULTS_MESSAGES,
  ...TIMEBANK_MESSAGES,
  ...MEETING_MESSAGES,
  ...COPRODUCTION_MESSAGES,
  forbidden: () => "You do not have permission to do that",
  not_found: () => "Page not found",
  csrf_invalid: () => "Your form expired. Go back, refresh the page and try again",
  email_taken: () => "An account with this email address already exists. Sign in or reset your password",
  sign_in_failed: () => "Enter a correct email address and password",
  sign_in_rate_limited: (v) =>
    `Too many failed attempts to sign in. Wait ${v.minutes} minutes and try again, or reset your password`,
  link_not_valid: () => "This link has expired or has already been used. Ask for a new one",
  current_password_wrong: () => "Enter your current password correctly",
  password_unchanged: () => "Your new password must be different from your current password",
  unknown_role: (v) => `Select a role from the list (${String(v.role)} is not a role)`,
  unknown_organisation: () => "Select an organisation from the list",
  organisation_required: () => "Select the organisation this role belongs to",
  organisation_not_allowed: () => "This role is not held for an organisation. Select no organisation",
  organisation_kind_wrong: () => "This role cannot be held at that kind of organisation. Select another organisation",
  role_already_held: () => "The person already has this role",
  last_admin: () => "You cannot remove the last administrator",
  ledger_amount_missing: (v) => `Enter an amount in ${v.unit === "HOUR" ? "hours" : "pounds"}`,
  ledger_amount_not_a_number: (v) => `Enter the amount as a number, like ${v.unit === "HOUR" ? "1.50" : "1250.50"}`,
  ledger_amount_not_text: (v) => `Enter the amount as text, like "${v.unit === "HOUR" ? "1.50" : "1250.50"}" (amounts are never floating-point numbers)`,
  ledger_amount_too_precise: (v) => `Enter an amount with no more than ${v.scale} decimal places, like ${v.unit === "HOUR" ? "1.50" : "1250.50"}`,
  ledger_amount_zero: () => "Enter an amount greater than zero",
  ledger_amount_negative: () => "Enter an amount greater than zero, without a minus sign",
  ledger_amount_too_large: (v) => `Enter an amount no bigger than ${v.maximum}`,
  ledger_account_code_invalid: (v) =>
    `Enter an account code of up to ${v.maximum} characters using lower-case letters, numbers, dots, dashes and underscores, in parts separated by colons, like member:42:hours`,
  ledger_account_name_invalid: (v) => `Enter an account name of up to ${v.maximum} characters`,
  ledger_account_owner_invalid: () => "Give both the owner type and the owner, or neither",
  ledger_bounds_invalid: () => "The lowest balance must be zero or less, and the highest balance zero or more",
  ledger_bounds_exclude_balance: (v) => `The balance of ${v.accountCode} is already outside those limits. Choose limits that include it`,
  ledger_unit_unknown: (v) => `Select pounds (GBP) or hours (HOUR), not ${v.unit}`,
  ledger_idempotency_key_invalid: (v) => `The request key must be 1 to ${v.maximum} printable characters without spaces`,
  ledger_memo_invalid: (v) => `Enter a description of up to ${v.maximum} characters, on one line`,
  ledger_created_by_invalid: (v) => `Say who made the entry, in up to ${v.maximum} characters`,
  ledger_metadata_invalid: (v) => `Entry details must be up to ${v.maximumKeys} named text values`,
  ledger_kind_invalid: () => "The kind of entry must be a short lower-case word, like transfer",
  ledger_entry_not_found: (v) => `There is no ledger entry ${v.entryId}`,
  ledger_posting_count: (v) => `An entry needs between ${v.minimum} and ${v.maximum} postings`,
  ledger_account_repeated: (v) => `Account ${v.accountCode} appears more than once. Combine its amounts into one line`,
  ledger_unbalanced: (v) =>
    v.difference ? `The amounts in ${v.unit} must add up to zero (they are off by ${v.difference})` : `The amounts in ${v.unit} must add up to zero`,
  ledger_account_not_found: (v) => `There is no ledger account ${v.accountCode}`,
  ledger_account_exists: (v) => `Account ${v.accountCode} already exists with different details`,
  ledger_unit_mismatch: (v) => `Account ${v.accountCode} counts in a different unit. Check whether the amount is in pounds or hours`,
  ledger_below_minimum: (v) => `There is not enough in ${v.accountCode} for this. Enter a smaller amount`,
  ledger_above_maximum: (v) => `This would take ${v.accountCode} over its limit. Enter a smaller amount`,
  ledger_balance_limit: () => "This would take a balance past the largest amount the ledger can hold",
  ledger_idempotency_conflict: (v) =>
    `Request key ${v.idempotencyKey} was already used for a different entry (entry ${v.entryId}). Use a new key for a new request`,
  ledger_already_reversed: () => "This entry has already been reversed",
  ledger_reversal_of_reversal: (v) => `Entry ${v.entryId} is a reversal and cannot be reversed. Post the original entry again instead`,
  ledger_hold_key_invalid: () => "The hold reference must be up to 80 lower-case letters, numbers, dots, dashes and underscores",
  ledger_hold_not_found: (v) => `There is no hold ${v.holdKey}`,
  ledger_hold_exists: (v) => `Hold ${v.holdKey} already exists with different details`,
  ledger_hold_exceeded: (v) => `Only ${v.held} ${v.unit === "HOUR" ? "hours are" : "GBP is"} still held on ${v.holdKey}. Enter a smaller amount`,
  ledger_hold_settled: (v) => `Nothing is still held on ${v.holdKey}`,
  ledger_page_size_invalid: (v) => `Ask for between 1 and ${v.maximum} lines at a time`,
  ledger_checkpoint_busy: () => "Another checkpoint is being made. Try again in a moment",
};

export function messageFor(error: Pick<DomainError, "code" | "values">): string {
  const make = MESSAGES[error.code];
  return make ? make(error.values) : "Something went wrong. Try again";
}

export function hasMessage(code: string): boolean {
  return code in MESSAGES;
}

/** Every code's words, for the catalogue in app/i18n (all of Potluck's text reachable from one place). */
export const DOMAIN_MESSAGES: Readonly<Record<string, MessageFor>> = MESSAGES;
