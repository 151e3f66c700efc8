// The date range of a timebank report, read from the address (?from=&to=). With neither given,
// the last four weeks up to today.
import { messageFor } from "../../domain/messages";
import { addDays, todayInLondon } from "../../domain/timebank/dates";
import { checkReportRange, type ReportRange } from "../../domain/timebank/reports";

export interface RangeFromUrl {
  values: { from: string; to: string };
  range: ReportRange | null;
  errors: { field: string; message: string }[];
}

export function reportRangeFrom(url: URL, today = todayInLondon()): RangeFromUrl {
  const given = url.searchParams.has("from") || url.searchParams.has("to");
  const from = given ? (url.searchParams.get("from") ?? "").slice(0, 20) : addDays(today, -27);
  const to = given ? (url.searchParams.get("to") ?? "").slice(0, 20) : today;
  const checked = checkReportRange({ from, to });
  return {
    values: { from, to },
    range: checked.range,
    errors: checked.errors.map((error) => ({ field: error.field ?? "from", message: messageFor(error) })),
  };
}
