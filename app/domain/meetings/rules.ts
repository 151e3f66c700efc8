// Co-production meetings: the ladder of participation, access requirements, expense claims and
// their limits. Pure rules, no I/O; the migration (db/migrations/0007_meetings.ts) checks the
// same limits again.
import type { ExpenseChoice, ExpenseKind, ExpenseStatus, InvolvementLevel } from "../../../db/schema-meetings.js";
import { DomainError } from "../errors.js";
import { displayAmount, parseAmountMinor } from "../ledger/amount.js";
import { isDomainError } from "../errors.js";
import type { MessageKey } from "../../i18n/en.js";
import { t, type MessageValues } from "../../i18n/translate.js";

/** A catalogue key whose words have no placeholders: a label, a hint, an explanation. */
export type LabelKey = { [K in MessageKey]: MessageValues<K> extends [] ? K : never }[MessageKey];

export const MEETING_LIMITS = {
  titleChars: 200,
  venueNameChars: 200,
  venueAddressChars: 500,
  accessNotesChars: 1000,
  agendaChars: 5000,
  dietaryChars: 500,
  otherNeedsChars: 1000,
  claimDescriptionChars: 200,
  charityNameChars: 200,
  amountChars: 12,
  /** The most one expense claim may be: £200. */
  maxClaimMinor: 20_000n,
  /** The most a payment for involvement may be per person per meeting: £200. */
  maxInvolvementPaymentMinor: 20_000n,
  /** Hours credit for attending one meeting: a day at most. */
  maxCreditCentihours: 2_400n,
  upcomingPageSize: 50,
  signUpsListed: 500,
  claimsListed: 500,
  /** How far ahead a meeting may be planned. */
  maxDaysAhead: 730,
} as const;

/** The ladder of participation, lowest rung first. The first two are what to avoid. Words: catalogue keys. */
export const LADDER: readonly { level: string; label: LabelKey; explanation: LabelKey; avoid: boolean }[] = [
  { level: "coercion", label: "meetings.ladder.coercion.label", explanation: "meetings.ladder.coercion.explanation", avoid: true },
  { level: "educating", label: "meetings.ladder.educating.label", explanation: "meetings.ladder.educating.explanation", avoid: true },
  { level: "informing", label: "meetings.ladder.informing.label", explanation: "meetings.ladder.informing.explanation", avoid: false },
  { level: "consultation", label: "meetings.ladder.consultation.label", explanation: "meetings.ladder.consultation.explanation", avoid: false },
  { level: "engagement", label: "meetings.ladder.engagement.label", explanation: "meetings.ladder.engagement.explanation", avoid: false },
  { level: "co_design", label: "meetings.ladder.coDesign.label", explanation: "meetings.ladder.coDesign.explanation", avoid: false },
  { level: "co_production", label: "meetings.ladder.coProduction.label", explanation: "meetings.ladder.coProduction.explanation", avoid: false },
];

export const MEETING_LEVELS: readonly InvolvementLevel[] = ["informing", "consultation", "engagement", "co_design", "co_production"];

export function isMeetingLevel(value: string): value is InvolvementLevel {
  return (MEETING_LEVELS as readonly string[]).includes(value);
}

export function ladderRung(level: string) {
  return LADDER.find((rung) => rung.level === level);
}

/** Refuses coercion and educating with a message that explains why; anything off the ladder too. */
export function checkInvolvementLevel(value: string): InvolvementLevel {
  const rung = ladderRung(value);
  if (rung?.avoid) throw new DomainError("meeting_level_to_avoid", { values: { level: t(rung.label) }, field: "involvement" });
  if (!isMeetingLevel(value)) throw new DomainError("meeting_level_missing", { field: "involvement" });
  return value;
}

/** Access requirements a person can ask for; `label` is a catalogue key. */
export const ACCESS_REQUIREMENTS = [
  { key: "largePrint", column: "large_print", label: "meetings.accessRequirement.largePrint" },
  { key: "easyRead", column: "easy_read", label: "meetings.accessRequirement.easyRead" },
  { key: "bslInterpreter", column: "bsl_interpreter", label: "meetings.accessRequirement.bslInterpreter" },
  { key: "hearingLoop", column: "hearing_loop", label: "meetings.accessRequirement.hearingLoop" },
  { key: "stepFree", column: "step_free", label: "meetings.accessRequirement.stepFree" },
  { key: "supporterComing", column: "supporter_coming", label: "meetings.accessRequirement.supporterComing" },
] as const;

export type AccessRequirementKey = (typeof ACCESS_REQUIREMENTS)[number]["key"];
export type AccessRequirements = Record<AccessRequirementKey, boolean>;

/** Accessibility at a venue; `label` is a catalogue key. */
export const VENUE_FEATURES = [
  { key: "stepFree", label: "meetings.venueFeature.stepFree" },
  { key: "hearingLoop", label: "meetings.venueFeature.hearingLoop" },
  { key: "quietRoom", label: "meetings.venueFeature.quietRoom" },
  { key: "nearPublicTransport", label: "meetings.venueFeature.nearPublicTransport" },
] as const;

/** Kinds of expense claim; `label` and `hint` are catalogue keys. */
export const EXPENSE_KINDS: readonly { kind: ExpenseKind; label: LabelKey; hint: LabelKey }[] = [
  { kind: "travel", label: "meetings.expenseKind.travel.label", hint: "meetings.expenseKind.travel.hint" },
  { kind: "childcare", label: "meetings.expenseKind.childcare.label", hint: "meetings.expenseKind.childcare.hint" },
  { kind: "care_cover", label: "meetings.expenseKind.careCover.label", hint: "meetings.expenseKind.careCover.hint" },
];

export function isExpenseKind(value: string): value is ExpenseKind {
  return EXPENSE_KINDS.some((k) => k.kind === value);
}

export function expenseKindLabel(kind: string): string {
  const found = EXPENSE_KINDS.find((k) => k.kind === kind);
  return found ? t(found.label) : kind;
}

/** What a person wants done with a claim; `label` is a catalogue key. */
export const EXPENSE_CHOICES: readonly { choice: ExpenseChoice; label: LabelKey }[] = [
  { choice: "pay", label: "meetings.expenseChoice.pay" },
  { choice: "decline", label: "meetings.expenseChoice.decline" },
  { choice: "donate", label: "meetings.expenseChoice.donate" },
];

export function isExpenseChoice(value: string): value is ExpenseChoice {
  return EXPENSE_CHOICES.some((c) => c.choice === value);
}

const AMOUNT_CODES: Record<string, string> = {
  ledger_amount_missing: "meeting_claim_amount_missing",
  ledger_amount_not_a_number: "meeting_claim_amount_not_a_number",
  ledger_amount_not_text: "meeting_claim_amount_not_a_number",
  ledger_amount_too_precise: "meeting_claim_amount_not_a_number",
  ledger_amount_zero: "meeting_claim_amount_zero",
  ledger_amount_negative: "meeting_claim_amount_zero",
  ledger_amount_too_large: "meeting_claim_over_maximum",
};

/** Pounds and pence as typed ("4.60", "£4.60") into pence, at most `maximumMinor`. */
export function parsePoundsMinor(input: unknown, field: string, maximumMinor: bigint): bigint {
  const values = { maximum: displayAmount(maximumMinor, "GBP") };
  if (typeof input === "string" && input.trim().length > MEETING_LIMITS.amountChars) {
    throw new DomainError("meeting_claim_amount_not_a_number", { values, field });
  }
  let minor: bigint;
  try {
    minor = parseAmountMinor(typeof input === "string" ? input.trim() : input, "GBP", { field });
  } catch (error) {
    if (isDomainError(error) && AMOUNT_CODES[error.code]) throw new DomainError(AMOUNT_CODES[error.code]!, { values, field });
    throw error;
  }
  if (minor > maximumMinor) throw new DomainError("meeting_claim_over_maximum", { values, field });
  return minor;
}

/** An amount already in pence, checked against the claim rules (services call this). */
export function checkClaimAmountMinor(amountMinor: bigint): bigint {
  const values = { maximum: displayAmount(MEETING_LIMITS.maxClaimMinor, "GBP") };
  if (typeof amountMinor !== "bigint" || amountMinor <= 0n) throw new DomainError("meeting_claim_amount_zero", { values, field: "amount" });
  if (amountMinor > MEETING_LIMITS.maxClaimMinor) throw new DomainError("meeting_claim_over_maximum", { values, field: "amount" });
  return amountMinor;
}

export interface SignUpForSummary {
  requirements: AccessRequirements;
  dietaryNeeds: string;
  otherNeeds: string;
  name: string;
}

export interface SignUpSummary {
  signedUp: number;
  counts: { key: AccessRequirementKey; label: string; count: number }[];
  supportersComing: number;
  /** Dietary needs in people's own words, with whose they are. */
  dietaryNotes: { name: string; note: string }[];
  otherNotes: { name: string; note: string }[];
}

/** The organiser's summary before a meeting: how many need each thing, and people's own notes. */
export function summariseSignUps(signUps: readonly SignUpForSummary[]): SignUpSummary {
  return {
    signedUp: signUps.length,
    counts: ACCESS_REQUIREMENTS.map((r) => ({ key: r.key, label: t(r.label), count: signUps.filter((s) => s.requirements[r.key]).length })),
    supportersComing: signUps.filter((s) => s.requirements.supporterComing).length,
    dietaryNotes: signUps.filter((s) => s.dietaryNeeds.trim() !== "").map((s) => ({ name: s.name, note: s.dietaryNeeds })),
    otherNotes: signUps.filter((s) => s.otherNeeds.trim() !== "").map((s) => ({ name: s.name, note: s.otherNeeds })),
  };
}

/**
 * What happened to a claim, in words the person reads: "Paid £4.60 on 25 November 2026". The
 * organiser reads a declined claim as "Chose not to be paid ..." rather than "You chose ...".
 */
export function claimOutcome(
  claim: { status: ExpenseStatus; amountMinor: bigint; decidedOn: string | null; charityName: string | null },
  reader: "person" | "organiser" = "person",
): string {
  const amount = displayAmount(claim.amountMinor, "GBP");
  const date = claim.decidedOn ? longDay(claim.decidedOn) : null;
  switch (claim.status) {
    case "pending":
      return t("meetings.claimOutcome.pending", { amount });
    case "paid":
      return date ? t("meetings.claimOutcome.paidOn", { amount, date }) : t("meetings.claimOutcome.paid", { amount });
    case "donated":
      if (claim.charityName === null) return date ? t("meetings.claimOutcome.donatedToCharityOn", { amount, date }) : t("meetings.claimOutcome.donatedToCharity", { amount });
      return date ? t("meetings.claimOutcome.donatedOn", { amount, charity: claim.charityName, date }) : t("meetings.claimOutcome.donated", { amount, charity: claim.charityName });
    case "declined":
      if (reader === "organiser") return date ? t("meetings.claimOutcome.declinedOn.organiser", { amount, date }) : t("meetings.claimOutcome.declined.organiser", { amount });
      return date ? t("meetings.claimOutcome.declinedOn", { amount, date }) : t("meetings.claimOutcome.declined", { amount });
    case "rejected":
      return date ? t("meetings.claimOutcome.rejectedOn", { date }) : t("meetings.claimOutcome.rejected");
  }
}

/** "2026-11-25" -> "25 November 2026" (a calendar day, no time zone). */
export function longDay(date: string): string {
  const [year, month, day] = date.split("-").map(Number);
  return new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(Date.UTC(year!, month! - 1, day!)));
}

/** "2026-11-25" -> "Wednesday 25 November 2026". */
export function meetingDay(date: string): string {
  const [year, month, day] = date.split("-").map(Number);
  return new Intl.DateTimeFormat("en-GB", { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(Date.UTC(year!, month! - 1, day!)));
}
