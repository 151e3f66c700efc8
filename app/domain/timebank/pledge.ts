// Pledges: hours a week each member means to give (the hostel's 5 hours). Pure arithmetic on
// calendar days and centihours. A week's expectation is spread evenly over its seven days, so
// an exemption (illness, a court date, a new baby) or joining mid-week removes exactly the days
// it covers. Rounding is always down: a member is never expected to give more than the pledge.
import { assert } from "../errors.js";
import { addDays, dayNumber, weekStartOf } from "./dates.js";

export interface DateRange {
  /** Inclusive. */
  startsOn: string;
  /** Inclusive. */
  endsOn: string;
}

export interface GivenHours {
  date: string;
  centihours: bigint;
}

/** A year of exemptions at most per range; longer ones are refused where they are recorded. */
export const MAX_EXEMPTION_DAYS = 366;
/** A week has 168 hours; a pledge cannot ask more. */
export const MAX_PLEDGE_CENTIHOURS_PER_WEEK = 16_800n;

/** Days in [from, to] (inclusive) that no exemption covers; 0 when to is before from. */
export function countExpectedDays(from: string, to: string, exemptions: readonly DateRange[]): number {
  const first = dayNumber(from);
  const last = dayNumber(to);
  if (last < first) return 0;
  // Merge the exemptions that touch the period, then subtract their covered days.
  const clipped = exemptions
    .map((range) => [Math.max(first, dayNumber(range.startsOn)), Math.min(last, dayNumber(range.endsOn))] as const)
    .filter(([start, end]) => start <= end)
    .sort((a, b) => a[0] - b[0]);
  let covered = 0;
  let reach = first - 1;
  for (const [start, end] of clipped) {
    const from_ = Math.max(start, reach + 1);
    if (end >= from_) {
      covered += end - from_ + 1;
      reach = end;
    }
  }
  const days = last - first + 1 - covered;
  assert(days >= 0 && days <= last - first + 1, "expected days lie inside the period");
  return days;
}

/** The hours expected over [from, to]: the weekly pledge times the unexempted days over seven, rounded down. */
export function expectedCentihours(pledgePerWeek: bigint, from: string, to: string, exemptions: readonly DateRange[]): bigint {
  assert(pledgePerWeek >= 0n && pledgePerWeek <= MAX_PLEDGE_CENTIHOURS_PER_WEEK, "a pledge lies inside its limits");
  const days = countExpectedDays(from, to, exemptions);
  return (pledgePerWeek * BigInt(days)) / 7n;
}

export type PledgeStanding = "no_pledge" | "exempt" | "behind" | "on_track" | "ahead";

export interface PledgeProgress {
  pledgePerWeekCentihours: bigint;
  weekStartsOn: string;
  weekEndsOn: string;
  /** This week's expectation after exemptions and the joining date. */
  thisWeekExpectedCentihours: bigint;
  thisWeekGivenCentihours: bigint;
  /** Still to give this week to meet it (0 when met). */
  thisWeekRemainingCentihours: bigint;
  /** Since joining, up to the end of this week. */
  totalExpectedCentihours: bigint;
  totalGivenCentihours: bigint;
  /** Hours short in weeks that have ended, less anything given this week beyond this week's expectation. */
  arrearsCentihours: bigint;
  /** True when an exemption covers today. */
  exemptToday: boolean;
  standing: PledgeStanding;
}

/**
 * Where a member stands against their pledge on `today`. Hours given in earlier weeks beyond the
 * pledge make up for weeks that fell short. Hours given before joining do not count.
 */
export function pledgeProgress(input: {
  pledgePerWeekCentihours: bigint | null;
  joinedOn: string;
  today: string;
  exemptions: readonly DateRange[];
  given: readonly GivenHours[];
}): PledgeProgress {
  const pledge = input.pledgePerWeekCentihours ?? 0n;
  const weekStartsOn = weekStartOf(input.today);
  const weekEndsOn = addDays(weekStartsOn, 6);
  const joined = dayNumber(input.joinedOn);
  const weekStart = dayNumber(weekStartsOn);
  const weekEnd = dayNumber(weekEndsOn);
  const thisWeekFrom = joined > weekStart ? input.joinedOn : weekStartsOn;
  const thisWeekExpected = expectedCentihours(pledge, thisWeekFrom, weekEndsOn, input.exemptions);
  const pastExpected = joined < weekStart ? expectedCentihours(pledge, input.joinedOn, addDays(weekStartsOn, -1), input.exemptions) : 0n;
  let thisWeekGiven = 0n;
  let pastGiven = 0n;
  for (const given of input.given) {
    assert(given.centihours >= 0n, "given hours are not negative");
    const day = dayNumber(given.date);
    if (day < joined || day > weekEnd) continue;
    if (day >= weekStart) thisWeekGiven += given.centihours;
    else pastGiven += given.centihours;
  }
  // This week's shortfall does not count yet (the week is not over), but anything given beyond
  // this week's expectation already pays off earlier weeks.
  const surplusThisWeek = thisWeekGiven > thisWeekExpected ? thisWeekGiven - thisWeekExpected : 0n;
  const arrears = pastExpected > pastGiven + surplusThisWeek ? pastExpected - pastGiven - surplusThisWeek : 0n;
  const today = dayNumber(input.today);
  const exemptToday = input.exemptions.some((range) => dayNumber(range.startsOn) <= today && today <= dayNumber(range.endsOn));
  const totalExpected = pastExpected + thisWeekExpected;
  const totalGiven = pastGiven + thisWeekGiven;
  let standing: PledgeStanding;
  // Someone exempt today (in hospital, with a new baby) is never chased, whatever came before.
  if (input.pledgePerWeekCentihours === null || pledge === 0n) standing = "no_pledge";
  else if (exemptToday) standing = "exempt";
  else if (arrears > 0n) standing = "behind";
  else if (totalGiven > totalExpected) standing = "ahead";
  else standing = "on_track";
  return {
    pledgePerWeekCentihours: pledge,
    weekStartsOn,
    weekEndsOn,
    thisWeekExpectedCentihours: thisWeekExpected,
    thisWeekGivenCentihours: thisWeekGiven,
    thisWeekRemainingCentihours: thisWeekExpected > thisWeekGiven ? thisWeekExpected - thisWeekGiven : 0n,
    totalExpectedCentihours: totalExpected,
    totalGivenCentihours: totalGiven,
    arrearsCentihours: arrears,
    exemptToday,
    standing,
  };
}
