// Working Together for Change: what is working and not working, in people's own words, grouped
// into themes; 'I' statements (what a person will experience) and 'We' statements (what the
// organisation commits to) as success measures, reviewed later with evidence.
import type { MessageKey } from "../../i18n/en.js";
import { t } from "../../i18n/translate.js";

export const STATEMENT_KINDS = ["working", "not_working"] as const;
export type StatementKind = (typeof STATEMENT_KINDS)[number];
export const STATEMENT_KIND_LABELS = { working: "coproduction.statementKind.working", not_working: "coproduction.statementKind.not_working" } as const satisfies Record<StatementKind, MessageKey>;

export function statementKindLabel(kind: StatementKind): string {
  return t(STATEMENT_KIND_LABELS[kind]);
}

export const MEASURE_KINDS = ["i", "we"] as const;
export type MeasureKind = (typeof MEASURE_KINDS)[number];
export const MEASURE_KIND_LABELS = { i: "coproduction.measureKind.i", we: "coproduction.measureKind.we" } as const satisfies Record<MeasureKind, MessageKey>;

export function measureKindLabel(kind: MeasureKind): string {
  return t(MEASURE_KIND_LABELS[kind]);
}

export const REVIEW_OUTCOMES = ["met", "partly", "not_met"] as const;
export type ReviewOutcome = (typeof REVIEW_OUTCOMES)[number];
export const REVIEW_OUTCOME_LABELS = { met: "coproduction.reviewOutcome.met", partly: "coproduction.reviewOutcome.partly", not_met: "coproduction.reviewOutcome.not_met" } as const satisfies Record<ReviewOutcome, MessageKey>;

export function reviewOutcomeLabel(outcome: ReviewOutcome): string {
  return t(REVIEW_OUTCOME_LABELS[outcome]);
}

export function isStatementKind(value: unknown): value is StatementKind {
  return typeof value === "string" && (STATEMENT_KINDS as readonly string[]).includes(value);
}
export function isMeasureKind(value: unknown): value is MeasureKind {
  return typeof value === "string" && (MEASURE_KINDS as readonly string[]).includes(value);
}
export function isReviewOutcome(value: unknown): value is ReviewOutcome {
  return typeof value === "string" && (REVIEW_OUTCOMES as readonly string[]).includes(value);
}

/** An 'I' statement is written in the first person, as the person would say it. */
export function looksLikeIStatement(text: string): boolean {
  return /^(I|I'm|I’m|I've|I’ve|I'll|I’ll|My|Me)\b/.test(text.trim());
}

/** A 'We' statement is the organisation speaking. */
export function looksLikeWeStatement(text: string): boolean {
  return /^(We|We're|We’re|We'll|We’ll|We've|We’ve|Our)\b/.test(text.trim());
}
