// Calendar days as "YYYY-MM-DD" text (the database's date values, see db/client.ts) and whole
// day numbers; no time zone ever touches a calendar day. Weeks start on Monday (UK custom).
import { DomainError, assert } from "../errors.js";

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MILLISECONDS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 for a valid calendar date; throws a DomainError otherwise. */
export function dayNumber(date: string, field = "date"): number {
  const match = DATE_PATTERN.exec(date);
  if (!match) throw new DomainError("timebank_date_invalid", { field });
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const milliseconds = Date.UTC(year, month - 1, day);
  const check = new Date(milliseconds);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || year < 2000 || year > 2100) {
    throw new DomainError("timebank_date_invalid", { field });
  }
  return milliseconds / MILLISECONDS_PER_DAY;
}

export function dateOfDayNumber(day: number): string {
  assert(Number.isSafeInteger(day), "a day number is a whole number");
  return new Date(day * MILLISECONDS_PER_DAY).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return dateOfDayNumber(dayNumber(date) + days);
}

/** The Monday of the week holding `date`. */
export function weekStartOf(date: string): string {
  const day = dayNumber(date);
  // 1970-01-01 was a Thursday: (day + 3) mod 7 is 0 on Mondays.
  const offset = (((day + 3) % 7) + 7) % 7;
  return dateOfDayNumber(day - offset);
}

/** Today's date in the UK, where every timebank in Potluck is. */
export function todayInLondon(now: Date = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London", year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

/** "Monday 23 November 2026" */
export function longDate(date: string): string {
  return new Intl.DateTimeFormat("en-GB", { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(
    new Date(dayNumber(date) * MILLISECONDS_PER_DAY),
  );
}

/** "23 Nov 2026" */
export function shortDate(date: string): string {
  return new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(
    new Date(dayNumber(date) * MILLISECONDS_PER_DAY),
  );
}
