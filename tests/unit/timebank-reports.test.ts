import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { messageFor } from "../../app/domain/messages.js";
import {
  MAX_REPORT_DAYS,
  TOP_CATEGORIES,
  buildTimebankReport,
  chartBars,
  checkReportRange,
  reportCsvRows,
  type ExchangePosting,
  type ReportMember,
} from "../../app/domain/timebank/reports.js";
import { MixedPaymentSchema, NewTimebankSchema, SettingsSchema, checkSettings, settingsFromForm } from "../../app/domain/timebank/settings.js";

function messages(from: string | null, to: string | null) {
  return checkReportRange({ from, to }).errors.map((error) => [error.field, messageFor(error)]);
}

describe("report date range", () => {
  it("accepts a range of one day up to 366 days", () => {
    expect(checkReportRange({ from: "2026-11-01", to: "2026-11-01" }).range).toEqual({ from: "2026-11-01", to: "2026-11-01" });
    expect(checkReportRange({ from: " 2024-01-01 ", to: "2024-12-31" }).range).toEqual({ from: "2024-01-01", to: "2024-12-31" });
    expect(checkReportRange({ from: "2026-01-01", to: "2027-01-01" }).range).not.toBeNull();
  });

  it("says which date is missing or not real", () => {
    expect(messages("", "")).toEqual([["from", "Enter a start date"], ["to", "Enter an end date"]]);
    expect(messages(null, "2026-11-01")).toEqual([["from", "Enter a start date"]]);
    expect(messages("2026-02-30", "2026-11-01")).toEqual([["from", "Enter a real start date, like 2026-11-01"]]);
    expect(messages("2026-11-01", "1 Dec")).toEqual([["to", "Enter a real end date, like 2026-11-30"]]);
    expect(messages("2026-11-01", "2026-11-01T00:00:00")).toEqual([["to", "Enter a real end date, like 2026-11-30"]]);
  });

  it("refuses an end before the start and a range longer than the maximum", () => {
    expect(messages("2026-11-02", "2026-11-01")).toEqual([["to", "The end date must be on or after the start date"]]);
    expect(messages("2026-01-01", "2027-01-02")).toEqual([["to", `The date range can be ${MAX_REPORT_DAYS} days at most. Enter an end date closer to the start date`]]);
  });
});

const member = (memberId: number, name: string, extra: Partial<ReportMember> = {}): ReportMember => ({
  memberId, name, isOrganisation: false, joinedOn: "2026-10-01", status: "active", pledgeCentihoursPerWeek: null, exemptions: [], ...extra,
});

function exchange(exchangeId: number, date: string, category: string, parts: [number, bigint][]): ExchangePosting[] {
  return parts.map(([memberId, amountCentihours]) => ({ exchangeId, date, category, memberId, amountCentihours }));
}

describe("report figures", () => {
  const members = [
    member(1, "Hostel", { isOrganisation: true, joinedOn: "2026-09-01" }),
    member(2, "Ann", { pledgeCentihoursPerWeek: 500n }),
    member(3, "Bea", { pledgeCentihoursPerWeek: 500n, exemptions: [{ startsOn: "2026-11-02", endsOn: "2026-11-08" }] }),
    member(4, "Cat"),
    member(5, "Dee", { isOrganisation: true }),
  ];
  const postings = [
    // Ann looks after Cat's children for 2 hours.
    ...exchange(10, "2026-11-02", "childcare", [[2, 200n], [4, -200n]]),
    // A class: Bea teaches Ann and Cat for 1.5 hours (0.75 each).
    ...exchange(11, "2026-11-05", "learning", [[3, 150n], [2, -75n], [4, -75n]]),
    // A clean-up day for the hostel: Ann and Cat give 3 hours each.
    ...exchange(12, "2026-11-07", "cleaning", [[2, 300n], [4, 300n], [1, -600n]]),
  ];
  const report = buildTimebankReport({
    range: { from: "2026-11-02", to: "2026-11-15" },
    today: "2026-11-08",
    members,
    postings,
    pot: [
      { entryId: 20n, date: "2026-11-03", kind: "donation", centihours: 100n, memberId: 2, reason: "" },
      { entryId: 21n, date: "2026-11-04", kind: "grant", centihours: 50n, memberId: 4, reason: "Help after a flood" },
    ],
  });

  it("adds up hours exchanged from the givers' postings, exactly", () => {
    expect(report.exchangeCount).toBe(3);
    expect(report.hoursExchangedCentihours).toBe(950n);
    expect(report.days).toBe(14);
  });

  it("counts active people and organisations, and who gave, received or both", () => {
    expect(report.activePeople).toBe(3);
    expect(report.activeOrganisations).toBe(1);
    // Ann and Cat gave and received; Bea only gave.
    expect(report.reciprocity).toEqual({ gave_and_received: 2, gave_only: 1, received_only: 0 });
    expect(report.people.map((p) => [p.name, p.givenCentihours, p.receivedCentihours, p.exchangeCount])).toEqual([
      ["Ann", 500n, 75n, 3],
      ["Cat", 300n, 275n, 3],
      ["Bea", 150n, 0n, 1],
    ]);
  });

  it("ranks categories by hours and lists every organisation, active or not", () => {
    expect(report.categories.map((c) => [c.category, c.centihours, c.exchangeCount])).toEqual([["cleaning", 600n, 1], ["childcare", 200n, 1], ["learning", 150n, 1]]);
    expect(report.othersCategory).toBeNull();
    expect(report.organisations.map((o) => [o.name, o.givenCentihours, o.receivedCentihours])).toEqual([["Hostel", 0n, 600n], ["Dee", 0n, 0n]]);
  });

  it("sums the pot's donations and lists grants with their reasons", () => {
    expect(report.pot).toMatchObject({ donationCount: 1, donatedCentihours: 100n, grantCount: 1, grantedCentihours: 50n });
    expect(report.pot.grants).toEqual([{ entryId: 21n, date: "2026-11-04", memberName: "Cat", centihours: 50n, reason: "Help after a flood" }]);
  });

  it("checks pledges over the days that have happened, after exemptions", () => {
    // Through 8 November: 7 days, 5 hours a week. Bea was exempt all 7 days.
    expect(report.pledges.throughDate).toBe("2026-11-08");
    expect(report.pledges.lines.map((l) => [l.name, l.expectedCentihours, l.givenCentihours, l.met])).toEqual([
      ["Ann", 500n, 500n, true],
      ["Bea", 0n, 150n, true],
    ]);
    expect(report.pledges).toMatchObject({ membersWithPledge: 2, met: 2, notMet: 0 });
  });

  it("puts members behind on their pledge first", () => {
    const behind = buildTimebankReport({ range: { from: "2026-11-02", to: "2026-11-08" }, today: "2026-11-20", members, postings: postings.filter((p) => p.exchangeId === 11), pot: [] });
    expect(behind.pledges.lines.map((l) => [l.name, l.met])).toEqual([["Ann", false], ["Bea", true]]);
    expect(behind.pledges.notMet).toBe(1);
  });

  it("expects nothing of a range that has not started", () => {
    const future = buildTimebankReport({ range: { from: "2026-12-01", to: "2026-12-31" }, today: "2026-11-20", members, postings: [], pot: [] });
    expect(future.pledges).toMatchObject({ throughDate: null, membersWithPledge: 0 });
    expect(future.hoursExchangedCentihours).toBe(0n);
  });

  it(`shows the top ${TOP_CATEGORIES} categories and sums the rest`, () => {
    const many = Array.from({ length: TOP_CATEGORIES + 2 }, (_, index) => exchange(100 + index, "2026-11-03", `c${index}`, [[2, BigInt(25 * (index + 1))], [4, BigInt(-25 * (index + 1))]])).flat();
    const result = buildTimebankReport({ range: { from: "2026-11-01", to: "2026-11-30" }, today: "2026-11-30", members, postings: many, pot: [] });
    expect(result.categories).toHaveLength(TOP_CATEGORIES);
    expect(result.categories[0]!.category).toBe(`c${TOP_CATEGORIES + 1}`);
    expect(result.othersCategory).toEqual({ category: "others", exchangeCount: 2, centihours: 25n + 50n });
  });

  it("always balances: hours given equal hours received for any set of exchanges", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 1, max: 96 }), fc.constantFrom(2, 3, 4), fc.constantFrom(1, 2, 3, 4)), { maxLength: 40 }), (rows) => {
        const list = rows.filter(([, giver, receiver]) => giver !== receiver).flatMap(([quarters, giver, receiver], index) =>
          exchange(index + 1, "2026-11-10", "other", [[giver, BigInt(quarters * 25)], [receiver, BigInt(-quarters * 25)]]));
        const result = buildTimebankReport({ range: { from: "2026-11-01", to: "2026-11-30" }, today: "2026-11-30", members, postings: list, pot: [] });
        const given = [...result.people, ...result.organisations].reduce((sum, p) => sum + p.givenCentihours, 0n);
        const received = [...result.people, ...result.organisations].reduce((sum, p) => sum + p.receivedCentihours, 0n);
        expect(given).toBe(result.hoursExchangedCentihours);
        expect(received).toBe(result.hoursExchangedCentihours);
      }),
    );
  });

  it("writes CSV rows with hours as decimal text", () => {
    expect(reportCsvRows(report, "summary", (c) => c)).toContainEqual(["hours_exchanged", "9.50"]);
    expect(reportCsvRows(report, "categories", (c) => c.toUpperCase())[1]).toEqual(["CLEANING", "6.00", "1"]);
    expect(reportCsvRows(report, "pot", (c) => c)[2]).toEqual(["2026-11-04", "grant", "Cat", "0.50", "Help after a flood"]);
    expect(reportCsvRows(report, "pledges", (c) => c)[1]).toEqual(["Ann", "5.00", "5.00", "5.00", "yes"]);
  });
});

describe("chart bars", () => {
  it("scales bars to the largest exact value with integer arithmetic", () => {
    expect(chartBars([{ label: "a", value: 3n, valueText: "3" }, { label: "b", value: 1n, valueText: "1" }, { label: "c", value: 0n, valueText: "0" }], 300).map((b) => b.width)).toEqual([300, 100, 0]);
    expect(chartBars([{ label: "a", value: 0n, valueText: "0" }], 300)[0]!.width).toBe(0);
  });
});

describe("timebank settings forms", () => {
  it("reads limits as positive hours and turns them into signed centihours", () => {
    const form = SettingsSchema.safeParse({ gift: "2", below: "10", above: "100", pledge: "" });
    expect(form.success).toBe(true);
    expect(settingsFromForm(form.data!)).toEqual({ joiningGiftCentihours: 200n, minBalanceCentihours: -1000n, maxBalanceCentihours: 10000n, pledgeCentihoursPerWeek: null });
    const zero = SettingsSchema.safeParse({ gift: "0", below: "0", above: "5", pledge: "5" });
    expect(settingsFromForm(zero.data!)).toMatchObject({ joiningGiftCentihours: 0n, minBalanceCentihours: 0n, pledgeCentihoursPerWeek: 500n });
  });

  it("says what is wrong with a setting", () => {
    const issues = (values: Record<string, string>) => SettingsSchema.safeParse(values).error?.issues.map((issue) => [issue.path[0], issue.message]);
    expect(issues({ gift: "", below: "1.3", above: "100" })).toEqual([
      ["gift", "Enter the hours a new member starts with, or 0"],
      ["below", "Enter hours in quarter hours, like 0.25, 0.5, 0.75 or 1.25"],
    ]);
    expect(issues({ gift: "21", below: "10", above: "100" })).toEqual([["gift", "Enter 20 hours or fewer"]]);
    expect(() => checkSettings({ joiningGiftCentihours: 500n, minBalanceCentihours: 0n, maxBalanceCentihours: 400n, pledgeCentihoursPerWeek: null })).toThrow(
      expect.objectContaining({ code: "timebank_settings_gift_over_limit", field: "gift" }),
    );
  });

  it("reads pounds exactly and refuses more than the limit", () => {
    expect(MixedPaymentSchema.parse({ description: "Course", pounds: "£12.50", hours: "1" })).toEqual({ description: "Course", pounds: 1250n, hours: 100n });
    expect(MixedPaymentSchema.safeParse({ description: "Course", pounds: "10001", hours: "1" }).error?.issues[0]?.message).toBe("Enter £10,000 or less");
    expect(MixedPaymentSchema.safeParse({ description: "Course", pounds: "1.234", hours: "1" }).success).toBe(false);
  });

  it("refuses a web address that is taken by the page for starting a timebank", () => {
    const base = { organisationId: "1", name: "New", gift: "0", below: "0", above: "10" };
    expect(NewTimebankSchema.safeParse({ ...base, slug: "new" }).success).toBe(false);
    expect(NewTimebankSchema.safeParse({ ...base, slug: "Bad Slug" }).success).toBe(false);
    expect(NewTimebankSchema.safeParse({ ...base, slug: "riverside" }).success).toBe(true);
  });
});
