// Timebank reports for a date range: pure checks and sums over what the ledger recorded for
// confirmed exchanges and for the community pot. Hours are bigint centihours throughout; the
// only numbers that are not exact are the pixel widths of chart bars.
import { t, tp } from "../../i18n/translate.js";
import { DomainError, assert } from "../errors.js";
import { dayNumber } from "./dates.js";
import { expectedCentihours, type DateRange } from "./pledge.js";

/** A year and a day: long enough for an annual report over a leap year, short enough to read. */
export const MAX_REPORT_DAYS = 366;
/** Categories shown as "top categories"; the rest are summed into one line. */
export const TOP_CATEGORIES = 8;
/** The most ledger postings one report reads; a bigger range is refused with advice. */
export const MAX_REPORT_POSTINGS = 100_000;
/** Grants from the pot listed one by one (with their reasons). */
export const MAX_REPORT_GRANTS_LISTED = 500;

export interface ReportRange {
  /** Inclusive, "YYYY-MM-DD". */
  from: string;
  /** Inclusive, "YYYY-MM-DD". */
  to: string;
}

function dayOrNull(value: string): number | null {
  try {
    return dayNumber(value);
  } catch {
    return null;
  }
}

/**
 * Checks a report's date range as typed. Returns every problem at once (one per field), each a
 * DomainError naming its field, so the page can show one error summary.
 */
export function checkReportRange(input: { from?: string | null; to?: string | null }): { range: ReportRange | null; errors: DomainError[] } {
  const from = (input.from ?? "").trim();
  const to = (input.to ?? "").trim();
  const errors: DomainError[] = [];
  let fromDay: number | null = null;
  let toDay: number | null = null;
  if (from === "") errors.push(new DomainError("timebank_report_from_missing", { field: "from" }));
  else if (from.length > 10 || (fromDay = dayOrNull(from)) === null) errors.push(new DomainError("timebank_report_from_invalid", { field: "from" }));
  if (to === "") errors.push(new DomainError("timebank_report_to_missing", { field: "to" }));
  else if (to.length > 10 || (toDay = dayOrNull(to)) === null) errors.push(new DomainError("timebank_report_to_invalid", { field: "to" }));
  if (fromDay !== null && toDay !== null) {
    if (toDay < fromDay) errors.push(new DomainError("timebank_report_order", { field: "to" }));
    else if (toDay - fromDay + 1 > MAX_REPORT_DAYS) errors.push(new DomainError("timebank_report_too_long", { values: { maximum: MAX_REPORT_DAYS }, field: "to" }));
  }
  return errors.length === 0 ? { range: { from, to }, errors } : { range: null, errors };
}

export function reportDays(range: ReportRange): number {
  return dayNumber(range.to) - dayNumber(range.from) + 1;
}

export interface ReportMember {
  memberId: number;
  name: string;
  isOrganisation: boolean;
  /** Null for someone who never became active. */
  joinedOn: string | null;
  status: "applied" | "active" | "left";
  /** The member's own pledge or else the timebank's; null or zero = no pledge. */
  pledgeCentihoursPerWeek: bigint | null;
  exemptions: readonly DateRange[];
}

/** One member's posting in a confirmed, unreversed exchange's entry: positive = gave, negative = received. */
export interface ExchangePosting {
  exchangeId: number;
  date: string;
  category: string;
  memberId: number;
  amountCentihours: bigint;
}

/** A posting to the community pot: a donation (into it) or a grant (out of it). */
export interface PotMovement {
  entryId: bigint;
  date: string;
  kind: "donation" | "grant";
  centihours: bigint;
  /** The member who gave or received. */
  memberId: number | null;
  reason: string;
}

export interface CategoryLine {
  category: string;
  exchangeCount: number;
  centihours: bigint;
}

export interface MemberActivity {
  memberId: number;
  name: string;
  isOrganisation: boolean;
  givenCentihours: bigint;
  receivedCentihours: bigint;
  exchangeCount: number;
}

export type ReciprocityGroup = "gave_and_received" | "gave_only" | "received_only";

export interface PledgeLine {
  memberId: number;
  name: string;
  pledgeCentihoursPerWeek: bigint;
  expectedCentihours: bigint;
  givenCentihours: bigint;
  met: boolean;
}

export interface TimebankReport {
  range: ReportRange;
  days: number;
  exchangeCount: number;
  /** Every hour given in the range (the sum of the givers' postings; receivers' sum is the same). */
  hoursExchangedCentihours: bigint;
  /** People (not organisations) who gave or received in the range. */
  activePeople: number;
  activeOrganisations: number;
  reciprocity: Record<ReciprocityGroup, number>;
  /** People who took part, by name: what each gave and received. */
  people: MemberActivity[];
  /** Top categories by hours, then the rest summed as "others" when there are more. */
  categories: CategoryLine[];
  othersCategory: CategoryLine | null;
  /** Every organisation member, active in the range or not. */
  organisations: MemberActivity[];
  pot: {
    donationCount: number;
    donatedCentihours: bigint;
    grantCount: number;
    grantedCentihours: bigint;
    grants: { entryId: bigint; date: string; memberName: string; centihours: bigint; reason: string }[];
  };
  pledges: {
    /** Days of the range that have happened (pledges are not expected of the future). */
    throughDate: string | null;
    membersWithPledge: number;
    met: number;
    notMet: number;
    expectedCentihours: bigint;
    givenCentihours: bigint;
    lines: PledgeLine[];
  };
}

function later(a: string, b: string): string {
  return a > b ? a : b;
}

function earlier(a: string, b: string): string {
  return a < b ? a : b;
}

function byHoursThenName<T extends { name: string }>(hours: (row: T) => bigint) {
  return (a: T, b: T) => {
    const difference = hours(b) - hours(a);
    if (difference !== 0n) return difference > 0n ? 1 : -1;
    return a.name.localeCompare(b.name, "en-GB");
  };
}

/**
 * Builds the report from the ledger's postings for confirmed, unreversed exchanges dated in the
 * range, the pot's postings made in the range, and the members. `today` limits pledge
 * expectations to days that have happened.
 */
export function buildTimebankReport(input: {
  range: ReportRange;
  today: string;
  members: readonly ReportMember[];
  postings: readonly ExchangePosting[];
  pot: readonly PotMovement[];
}): TimebankReport {
  const { range } = input;
  const fromDay = dayNumber(range.from);
  const toDay = dayNumber(range.to);
  assert(fromDay <= toDay && toDay - fromDay + 1 <= MAX_REPORT_DAYS, "the range was checked");
  const members = new Map(input.members.map((member) => [member.memberId, member]));

  const activity = new Map<number, MemberActivity & { exchanges: Set<number> }>();
  const categories = new Map<string, { exchanges: Set<number>; centihours: bigint }>();
  const exchanges = new Set<number>();
  let given = 0n;
  let received = 0n;
  for (const posting of input.postings) {
    const day = dayNumber(posting.date);
    assert(day >= fromDay && day <= toDay, "postings lie inside the range");
    assert(posting.amountCentihours !== 0n, "a posting moves hours");
    const member = members.get(posting.memberId);
    assert(member !== undefined, "every posting belongs to a known member");
    exchanges.add(posting.exchangeId);
    let line = activity.get(posting.memberId);
    if (!line) {
      line = { memberId: member.memberId, name: member.name, isOrganisation: member.isOrganisation, givenCentihours: 0n, receivedCentihours: 0n, exchangeCount: 0, exchanges: new Set() };
      activity.set(posting.memberId, line);
    }
    line.exchanges.add(posting.exchangeId);
    if (posting.amountCentihours > 0n) {
      line.givenCentihours += posting.amountCentihours;
      given += posting.amountCentihours;
      const category = categories.get(posting.category) ?? { exchanges: new Set<number>(), centihours: 0n };
      category.exchanges.add(posting.exchangeId);
      category.centihours += posting.amountCentihours;
      categories.set(posting.category, category);
    } else {
      line.receivedCentihours -= posting.amountCentihours;
      received -= posting.amountCentihours;
    }
  }
  // Every exchange entry balances, so what was given is what was received.
  assert(given === received, "hours given equal hours received");

  const lines = [...activity.values()].map(({ exchanges: set, ...rest }) => ({ ...rest, exchangeCount: set.size }));
  const people = lines.filter((line) => !line.isOrganisation).sort(byHoursThenName((row) => row.givenCentihours + row.receivedCentihours));
  const reciprocity: Record<ReciprocityGroup, number> = { gave_and_received: 0, gave_only: 0, received_only: 0 };
  for (const person of people) {
    if (person.givenCentihours > 0n && person.receivedCentihours > 0n) reciprocity.gave_and_received++;
    else if (person.givenCentihours > 0n) reciprocity.gave_only++;
    else reciprocity.received_only++;
  }

  const allCategories = [...categories.entries()]
    .map(([category, value]) => ({ category, name: category, exchangeCount: value.exchanges.size, centihours: value.centihours }))
    .sort(byHoursThenName((row) => row.centihours))
    .map(({ name: _name, ...rest }) => rest);
  const top = allCategories.slice(0, TOP_CATEGORIES);
  const rest = allCategories.slice(TOP_CATEGORIES);
  const othersCategory = rest.length === 0
    ? null
    : { category: "others", exchangeCount: rest.reduce((sum, row) => sum + row.exchangeCount, 0), centihours: rest.reduce((sum, row) => sum + row.centihours, 0n) };

  const organisations = input.members
    .filter((member) => member.isOrganisation)
    .map((member) => {
      const line = lines.find((row) => row.memberId === member.memberId);
      return line ?? { memberId: member.memberId, name: member.name, isOrganisation: true, givenCentihours: 0n, receivedCentihours: 0n, exchangeCount: 0 };
    })
    .sort(byHoursThenName((row) => row.givenCentihours + row.receivedCentihours));

  let donated = 0n;
  let granted = 0n;
  let donationCount = 0;
  const grants: TimebankReport["pot"]["grants"] = [];
  for (const movement of input.pot) {
    const day = dayNumber(movement.date);
    assert(day >= fromDay && day <= toDay, "pot movements lie inside the range");
    assert(movement.centihours > 0n, "a pot movement moves hours");
    if (movement.kind === "donation") {
      donated += movement.centihours;
      donationCount++;
    } else {
      granted += movement.centihours;
      grants.push({
        entryId: movement.entryId,
        date: movement.date,
        memberName: movement.memberId === null ? "" : (members.get(movement.memberId)?.name ?? ""),
        centihours: movement.centihours,
        reason: movement.reason,
      });
    }
  }
  grants.sort((a, b) => (a.date === b.date ? (a.entryId < b.entryId ? -1 : 1) : a.date < b.date ? -1 : 1));

  // Pledges: what each person with a pledge was expected to give over the days of the range
  // that have happened since they joined, after exemptions, against what they gave.
  const through = earlier(range.to, input.today);
  const pledgeLines: PledgeLine[] = [];
  if (through >= range.from) {
    for (const member of input.members) {
      if (member.isOrganisation || member.status !== "active" || member.joinedOn === null) continue;
      const pledge = member.pledgeCentihoursPerWeek ?? 0n;
      if (pledge === 0n) continue;
      const start = later(range.from, member.joinedOn);
      if (start > through) continue;
      const expected = expectedCentihours(pledge, start, through, member.exemptions);
      const mine = input.postings
        .filter((posting) => posting.memberId === member.memberId && posting.amountCentihours > 0n && posting.date >= start && posting.date <= through)
        .reduce((sum, posting) => sum + posting.amountCentihours, 0n);
      pledgeLines.push({ memberId: member.memberId, name: member.name, pledgeCentihoursPerWeek: pledge, expectedCentihours: expected, givenCentihours: mine, met: mine >= expected });
    }
  }
  pledgeLines.sort((a, b) => (a.met === b.met ? a.name.localeCompare(b.name, "en-GB") : a.met ? 1 : -1));
  const met = pledgeLines.filter((line) => line.met).length;

  return {
    range,
    days: toDay - fromDay + 1,
    exchangeCount: exchanges.size,
    hoursExchangedCentihours: given,
    activePeople: people.length,
    activeOrganisations: lines.filter((line) => line.isOrganisation).length,
    reciprocity,
    people,
    categories: top,
    othersCategory,
    organisations,
    pot: { donationCount, donatedCentihours: donated, grantCount: grants.length, grantedCentihours: granted, grants: grants.slice(0, MAX_REPORT_GRANTS_LISTED) },
    pledges: {
      throughDate: through >= range.from ? through : null,
      membersWithPledge: pledgeLines.length,
      met,
      notMet: pledgeLines.length - met,
      expectedCentihours: pledgeLines.reduce((sum, line) => sum + line.expectedCentihours, 0n),
      givenCentihours: pledgeLines.reduce((sum, line) => sum + line.givenCentihours, 0n),
      lines: pledgeLines,
    },
  };
}

export interface ChartBar {
  label: string;
  /** The exact figure in words, printed next to the bar. */
  valueText: string;
  /** Bar length in chart units (0..maximumWidth), from integer arithmetic on the exact figures. */
  width: number;
}

/** Bar widths proportional to exact bigint values; the longest bar is `maximumWidth`. */
export function chartBars(rows: readonly { label: string; value: bigint; valueText: string }[], maximumWidth: number): ChartBar[] {
  assert(Number.isInteger(maximumWidth) && maximumWidth > 0 && maximumWidth <= 10_000, "a chart has a sensible width");
  const largest = rows.reduce((max, row) => (row.value > max ? row.value : max), 0n);
  return rows.map((row) => {
    assert(row.value >= 0n, "bars are not negative");
    return { label: row.label, valueText: row.valueText, width: largest === 0n ? 0 : Number((row.value * BigInt(maximumWidth)) / largest) };
  });
}

export const REPORT_CSV_SECTIONS = ["summary", "people", "categories", "organisations", "pot", "pledges"] as const;
export type ReportCsvSection = (typeof REPORT_CSV_SECTIONS)[number];

export function isReportCsvSection(value: string | null): value is ReportCsvSection {
  return value !== null && (REPORT_CSV_SECTIONS as readonly string[]).includes(value);
}

/** Hours as decimal text for spreadsheets: 250n -> "2.50" (never a float). */
function hoursCell(centihours: bigint): string {
  const negative = centihours < 0n;
  const abs = negative ? -centihours : centihours;
  return `${negative ? "-" : ""}${abs / 100n}.${(abs % 100n).toString().padStart(2, "0")}`;
}

/** One section of the report as rows of text cells, header first. `categoryLabel` names categories. */
export function reportCsvRows(report: TimebankReport, section: ReportCsvSection, categoryLabel: (value: string) => string): string[][] {
  switch (section) {
    case "summary":
      return [
        [t("timebankAdmin.reports.csv.measure"), t("timebankAdmin.reports.csv.value")],
        [t("timebankAdmin.reports.csv.from"), report.range.from],
        [t("timebankAdmin.reports.csv.to"), report.range.to],
        [t("timebankAdmin.reports.csv.exchanges"), String(report.exchangeCount)],
        [t("timebankAdmin.reports.csv.hoursExchanged"), hoursCell(report.hoursExchangedCentihours)],
        [t("timebankAdmin.reports.csv.activePeople"), String(report.activePeople)],
        [t("timebankAdmin.reports.csv.activeOrganisations"), String(report.activeOrganisations)],
        [t("timebankAdmin.reports.csv.gaveAndReceived"), String(report.reciprocity.gave_and_received)],
        [t("timebankAdmin.reports.csv.gaveOnly"), String(report.reciprocity.gave_only)],
        [t("timebankAdmin.reports.csv.receivedOnly"), String(report.reciprocity.received_only)],
        [t("timebankAdmin.reports.csv.donatedToPot"), hoursCell(report.pot.donatedCentihours)],
        [t("timebankAdmin.reports.csv.grantedFromPot"), hoursCell(report.pot.grantedCentihours)],
        [t("timebankAdmin.reports.csv.membersWithPledge"), String(report.pledges.membersWithPledge)],
        [t("timebankAdmin.reports.csv.pledgesMet"), String(report.pledges.met)],
        [t("timebankAdmin.reports.csv.pledgesNotMet"), String(report.pledges.notMet)],
      ];
    case "people":
      return [
        [t("timebankAdmin.reports.csv.member"), t("timebankAdmin.reports.csv.hoursGiven"), t("timebankAdmin.reports.csv.hoursReceived"), t("timebankAdmin.reports.csv.exchanges")],
        ...report.people.map((p) => [p.name, hoursCell(p.givenCentihours), hoursCell(p.receivedCentihours), String(p.exchangeCount)]),
      ];
    case "categories":
      return [
        [t("timebankAdmin.reports.csv.category"), t("timebankAdmin.reports.csv.hours"), t("timebankAdmin.reports.csv.exchanges")],
        ...[...report.categories, ...(report.othersCategory ? [report.othersCategory] : [])].map((c) => [
          c.category === "others" ? t("timebankAdmin.reports.otherCategories") : categoryLabel(c.category),
          hoursCell(c.centihours),
          String(c.exchangeCount),
        ]),
      ];
    case "organisations":
      return [
        [t("timebankAdmin.reports.csv.organisation"), t("timebankAdmin.reports.csv.hoursGiven"), t("timebankAdmin.reports.csv.hoursReceived"), t("timebankAdmin.reports.csv.exchanges")],
        ...report.organisations.map((o) => [o.name, hoursCell(o.givenCentihours), hoursCell(o.receivedCentihours), String(o.exchangeCount)]),
      ];
    case "pot":
      return [
        [t("timebankAdmin.reports.csv.date"), t("timebankAdmin.reports.csv.movement"), t("timebankAdmin.reports.csv.member"), t("timebankAdmin.reports.csv.hours"), t("timebankAdmin.reports.csv.reason")],
        ["", t("timebankAdmin.reports.csv.donationsInTotal"), tp("timebankAdmin.reports.csv.donationCount", report.pot.donationCount), hoursCell(report.pot.donatedCentihours), ""],
        ...report.pot.grants.map((g) => [g.date, t("timebankAdmin.reports.csv.grant"), g.memberName, hoursCell(g.centihours), g.reason]),
      ];
    case "pledges":
      return [
        [t("timebankAdmin.reports.csv.member"), t("timebankAdmin.reports.csv.pledgeHoursPerWeek"), t("timebankAdmin.reports.csv.hoursExpected"), t("timebankAdmin.reports.csv.hoursGiven"), t("timebankAdmin.reports.csv.met")],
        ...report.pledges.lines.map((l) => [l.name, hoursCell(l.pledgeCentihoursPerWeek), hoursCell(l.expectedCentihours), hoursCell(l.givenCentihours), l.met ? t("timebankAdmin.reports.csv.yes") : t("timebankAdmin.reports.csv.no")]),
      ];
  }
}
