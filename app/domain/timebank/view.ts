// Turning timebank values into the words and numbers a page shows. Pure: loaders call these so
// no bigint has to travel to the browser as JSON.
import type { MessageKey } from "../../i18n/en.js";
import { t } from "../../i18n/translate.js";
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
  let sentence: string;
  if (progress.standing === "no_pledge") {
    sentence = you ? t("timebank.pledge.noPledge.you", { given: formatHours(given) }) : t("timebank.pledge.noPledge.someoneElse", { name: who, given: formatHours(given) });
  } else if (progress.exemptToday) {
    sentence = you ? t("timebank.pledge.exempt.you", { given: formatHours(given) }) : t("timebank.pledge.exempt.someoneElse", { name: who, given: formatHours(given) });
  } else if (given >= expected) {
    const values = { given: formatHours(given), pledge: formatHours(progress.pledgePerWeekCentihours) };
    sentence = you ? t("timebank.pledge.met.you", values) : t("timebank.pledge.met.someoneElse", { ...values, name: who });
  } else {
    const values = { given: formatHoursNumber(given), expected: formatHours(expected), remaining: formatHours(progress.thisWeekRemainingCentihours) };
    sentence = you ? t("timebank.pledge.toGo.you", values) : t("timebank.pledge.toGo.someoneElse", { ...values, name: who });
  }
  return {
    hasPledge: progress.standing !== "no_pledge",
    pledge: formatHours(progress.pledgePerWeekCentihours),
    weekStartsOn: progress.weekStartsOn,
    weekEndsOn: progress.weekEndsOn,
    weekLabel: t("timebank.pledge.week", { start: longDate(progress.weekStartsOn), end: longDate(progress.weekEndsOn) }),
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

/** The catalogue key for each exchange status. */
export const STATUS_LABEL_KEYS: Record<string, Extract<MessageKey, `timebank.status.${string}`>> = {
  agreed: "timebank.status.agreed",
  done: "timebank.status.done",
  confirmed: "timebank.status.confirmed",
  cancelled: "timebank.status.cancelled",
};

/** An exchange's status in words; a reversed exchange says so whatever its status. */
export function statusLabel(status: string, reversed = false): string {
  if (reversed) return t("timebank.status.reversed");
  const key = STATUS_LABEL_KEYS[status];
  return key ? t(key) : status;
}

export { formatHours, longDate, shortDate };
