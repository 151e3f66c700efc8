// Co-production meetings: the ladder of participation, access requirements, expense claims and
// their limits. Pure rules, no I/O; the migration (db/migrations/0007_meetings.ts) checks the
// same limits again.
import type { ExpenseChoice, ExpenseKind, ExpenseStatus, InvolvementLevel } from "../../../db/schema-meetings.js";
import { DomainError } from "../errors.js";
import { displayAmount, parseAmountMinor } from "../ledger/amount.js";
import { isDomainError } from "../errors.js";

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

/** The ladder of participation, lowest rung first. The first two are what to avoid. */
export const LADDER: readonly { level: string; label: string; explanation: string; avoid: boolean }[] = [
  { level: "coercion", label: "Coercion", explanation: "People are made to attend or agree, with no real say. Avoid this.", avoid: true },
  { level: "educating", label: "Educating", explanation: "People are told what is good for them and expected to go along with it. Avoid this.", avoid: true },
  { level: "informing", label: "Informing", explanation: "We tell you about decisions and plans. You can ask questions, but the decision is already made.", avoid: false },
  { level: "consultation", label: "Consultation", explanation: "We ask for your views before we decide. We will tell you what we did with them.", avoid: false },
  { level: "engagement", label: "Engagement", explanation: "You work with us on the question and your views shape the options, but we still make the final decision.", avoid: false },
  { level: "co_design", label: "Co-design", explanation: "We design the service or project together with you, as equal partners, from the start.", avoid: false },
  { level: "co_production", label: "Co-production", explanation: "We share power: we design, decide and deliver it together, and your time and knowledge are valued equally.", avoid: false },
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
  if (rung?.avoid) throw new DomainError("meeting_level_to_avoid", { values: { level: rung.label }, field: "involvement" });
  if (!isMeetingLevel(value)) throw new DomainError("meeting_level_missing", { field: "involvement" });
  return value;
}

export const ACCESS_REQUIREMENTS = [
  { key: "largePrint", column: "large_print", label: "Large print" },
  { key: "easyRead", column: "easy_read", label: "Easy Read" },
  { key: "bslInterpreter", column: "bsl_interpreter", label: "British Sign Language (BSL) interpreter" },
  { key: "hearingLoop", column: "hearing_loop", label: "Hearing loop" },
  { key: "stepFree", column: "step_free", label: "Step-free access" },
  { key: "supporterComing", column: "supporter_coming", label: "A carer or supporter is coming with me" },
] as const;

export type AccessRequirementKey = (typeof ACCESS_REQUIREMENTS)[number]["key"];
export type AccessRequirements = Record<AccessRequirementKey, boolean>;

export const VENUE_FEATURES = [
  { key: "stepFree", label: "Step-free access" },
  { key: "hearingLoop", label: "Hearing loop" },
  { key: "quietRoom", label: "Quiet room" },
  { key: "nearPublicTransport", label: "Near public transport" },
] as const;

export const EXPENSE_KINDS: readonly { kind: ExpenseKind; label: string; hint: string }[] = [
  { kind: "travel", label: "Travel", hint: "Bus or train fare, taxi if you need one, mileage" },
  { kind: "childcare", label: "Childcare", hint: "Someone looking after your children while you were here" },
  { kind: "care_cover", label: "Care cover", hint: "Someone caring for a person you look after while you were here" },
];

export function isExpenseKind(value: string): value is ExpenseKind {
  return EXPENSE_KINDS.some((k) => k.kind === value);
}

export function expenseKindLabel(kind: string): string {
  return EXPENSE_KINDS.find((k) => k.kind === kind)?.label ?? kind;
}

export const EXPENSE_CHOICES: readonly { choice: ExpenseChoice; label: string }[] = [
  { choice: "pay", label: "Pay me" },
  { choice: "decline", label: "I do not want to be paid" },
  { choice: "donate", label: "Give it to a charity instead" },
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
    counts: ACCESS_REQUIREMENTS.map((r) => ({ key: r.key, label: r.label, count: signUps.filter((s) => s.requirements[r.key]).length })),
    supportersComing: signUps.filter((s) => s.requirements.supporterComing).length,
    dietaryNotes: signUps.filter((s) => s.dietaryNeeds.trim() !== "").map((s) => ({ name: s.name, note: s.dietaryNeeds })),
    otherNotes: signUps.filter((s) => s.otherNeeds.trim() !== "").map((s) => ({ name: s.name, note: s.otherNeeds })),
  };
}

/** What happened to a claim, in words the person reads: "Paid £4.60 on 25 November 2026". */
export function claimOutcome(claim: { status: ExpenseStatus; amountMinor: bigint; decidedOn: string | null; charityName: string | null }): string {
  const amount = displayAmount(claim.amountMinor, "GBP");
  const on = claim.decidedOn ? ` on ${longDay(claim.decidedOn)}` : "";
  switch (claim.status) {
    case "pending":
      return `Waiting for the organiser to approve ${amount}`;
    case "paid":
      return `Paid ${amount}${on}`;
    case "donated":
      return `${amount} given to ${claim.charityName ?? "charity"}${on}`;
    case "declined":
      return `You chose not to be paid ${amount}. Recorded${on}, nothing paid`;
    case "rejected":
      return `Not approved${on}. Nothing paid`;
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
