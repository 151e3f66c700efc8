// Rules shared by the co-production tools: limits, text and date checks, and what "overdue" means.
import { DomainError } from "../errors.js";

export const COPRODUCTION_LIMITS = {
  teamName: 120,
  title: 120,
  evidence: 2000,
  actionWhat: 500,
  actionWho: 120,
  checklistNextStep: 1000,
  owner: 120,
  statement: 1000,
  attribution: 120,
  themeName: 120,
  measure: 500,
  reviewEvidence: 2000,
  /** Page sizes and counts: nothing grows without bound on one page. */
  teamsPerPage: 100,
  membersPerTeam: 200,
  assessmentsPerTeam: 100,
  respondentsShown: 50,
  actionsPerPrinciple: 30,
  statementsPerTeam: 500,
  themesPerTeam: 50,
  measuresPerTeam: 200,
  overdueShown: 100,
} as const;

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const CONTROL_CHARACTERS = /[\u0000-\u0009\u000b-\u001f\u007f]/;

/** A calendar day as "YYYY-MM-DD" (a real date between 2000 and 2100), or null when empty and allowed. */
export function checkDate(text: string | null | undefined, field: string, label: string, required: boolean): string | null {
  const trimmed = (text ?? "").trim();
  if (trimmed.length === 0) {
    if (required) throw new DomainError("coproduction_date_missing", { values: { label }, field });
    return null;
  }
  const date = new Date(`${trimmed}T00:00:00Z`);
  if (!DATE_PATTERN.test(trimmed) || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== trimmed || trimmed < "2000-01-01" || trimmed > "2100-12-31") {
    throw new DomainError("coproduction_date_invalid", { values: { label }, field });
  }
  return trimmed;
}

/** Trimmed text within its limit; required text may not be empty. Line breaks are kept. */
export function checkText(text: string | null | undefined, field: string, label: string, maximum: number, required: boolean): string {
  const trimmed = (text ?? "").replace(/\r\n/g, "\n").trim();
  if (required && trimmed.length === 0) throw new DomainError("coproduction_text_missing", { values: { label }, field });
  if (trimmed.length > maximum) throw new DomainError("coproduction_text_too_long", { values: { label, maximum }, field });
  if (CONTROL_CHARACTERS.test(trimmed)) throw new DomainError("coproduction_text_invalid", { values: { label }, field });
  return trimmed;
}

/** Today's date in the UK, as "YYYY-MM-DD" (dates in co-production plans are UK calendar days). */
export function ukToday(now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${get("year")}-${get("month")}-${get("day")}`;
}

/**
 * An action is overdue when it has a date, the date is before today (an action due today is
 * not yet overdue), and it is not done.
 */
export function isOverdue(action: { dueOn: string | null; done: boolean }, today: string): boolean {
  return action.dueOn !== null && !action.done && action.dueOn < today;
}

/** Whole days between two calendar days (b - a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

export function formatDay(day: string): string {
  return new Date(`${day}T00:00:00Z`).toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
}

/**
 * Several problems with one form at once. It is a DomainError (the first problem's code and
 * field), so anything that shows one error still works; pages list every problem.
 */
export class DomainErrorList extends DomainError {
  readonly errors: readonly DomainError[];
  constructor(errors: readonly DomainError[]) {
    const first = errors[0]!;
    super(first.code, { values: first.values, field: first.field, status: first.status });
    this.errors = errors;
  }
}

/** Runs each check, collecting DomainErrors; throws them together when any failed. */
export function collectErrors<T extends Record<string, () => unknown>>(checks: T): { [K in keyof T]: ReturnType<T[K]> } {
  const errors: DomainError[] = [];
  const out: Record<string, unknown> = {};
  for (const [key, check] of Object.entries(checks)) {
    try {
      out[key] = check();
    } catch (error) {
      if (error instanceof DomainError) errors.push(...(error instanceof DomainErrorList ? error.errors : [error]));
      else throw error;
    }
  }
  if (errors.length > 0) throw new DomainErrorList(errors);
  return out as { [K in keyof T]: ReturnType<T[K]> };
}
