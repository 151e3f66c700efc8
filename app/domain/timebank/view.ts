// Turning timebank values into the words and numbers a page shows. Pure: loaders call these so
// no bigint has to travel to the browser as JSON.
import { longDate, shortDate } from "./dates.js";
import { formatHours, formatHoursNumber } from "./hours.js";
import type { PledgeProgress } from "./pledge.js";

export interface PledgeView {
  hasPledge: boolean;
  pledge: string;
  weekStartsOn: string;
  weekEndsOn: string;
  weekLabel: string;
  thisWeekExpected: string;
  thisWeekGiven: string;
  thisWeekRemaining: string;
  totalExpected: string;
  totalGiven: string;
  arrears: string;
  hasArrears: boolean;
  exemptToday: boolean;
  standing: PledgeProgress["standing"];
  /** Given this week as a whole percentage of this week's expectation, capped at 100, for the bar. */
  percentOfWeek: number;
  /** One sentence for the member, in a kind voice. */
  sentence: string;
}

export function pledgeView(progress: PledgeProgress, who: "you" | string): PledgeView {
  const expected = progress.thisWeekExpectedCentihours;
  const given = progress.thisWeekGivenCentihours;
  // Whole-number percentage with integer arithmetic; only the bar's width uses it.
  const percent = expected === 0n ? (given > 0n ? 100 : 0) : Number(given >= expected ? 100n : (given * 100n) / expected);
  const you = who === "you";
  const subject = you ? "You have" : `${who} has`;
  let sentence: string;
  if (progress.standing === "no_pledge") sentence = `${subject} given ${formatHours(given)} this week.`;
  else if (progress.exemptToday) sentence = `${you ? "You are" : `${who} is`} not expected to give time at the moment. ${subject} given ${formatHours(given)} this week.`;
  else if (given >= expected) sentence = `${subject} given ${formatHours(given)} this week: the ${formatHours(progress.pledgePerWeekCentihours)} pledge is met. Thank you.`;
  else sentence = `${subject} given ${formatHoursNumber(given)} of ${formatHours(expected)} this week. ${formatHours(progress.thisWeekRemainingCentihours)} to go.`;
  return {
    hasPledge: progress.standing !== "no_pledge",
    pledge: formatHours(progress.pledgePerWeekCentihours),
    weekStartsOn: progress.weekStartsOn,
    weekEndsOn: progress.weekEndsOn,
    weekLabel: `${longDate(progress.weekStartsOn)} to ${longDate(progress.weekEndsOn)}`,
    thisWeekExpected: formatHours(expected),
    thisWeekGiven: formatHours(given),
    thisWeekRemaining: formatHours(progress.thisWeekRemainingCentihours),
    totalExpected: formatHours(progress.totalExpectedCentihours),
    totalGiven: formatHours(progress.totalGivenCentihours),
    arrears: formatHours(progress.arrearsCentihours),
    hasArrears: progress.arrearsCentihours > 0n,
    exemptToday: progress.exemptToday,
    standing: progress.standing,
    percentOfWeek: percent,
    sentence,
  };
}

export const STATUS_LABELS: Record<string, string> = {
  agreed: "Agreed",
  done: "Waiting for confirmation",
  confirmed: "Confirmed",
  cancelled: "Cancelled",
};

export { formatHours, longDate, shortDate };
