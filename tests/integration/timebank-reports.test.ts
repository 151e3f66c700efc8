import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, todayInLondon } from "../../app/domain/timebank/dates.js";
import { raiseDispute, resolveDispute } from "../../app/services/timebank/disputes.server.js";
import { recordAsGiver, recordOnBehalf } from "../../app/services/timebank/exchanges.server.js";
import { recordExemption } from "../../app/services/timebank/pledges.server.js";
import { timebankReport } from "../../app/services/timebank/reports.server.js";
import { donateToPot, grantFromPot } from "../../app/services/timebank/spending.server.js";
import { testDatabases } from "./databases.js";
import { uniqueKey, type Handle } from "./ledger-fixtures.js";
import { makeTimebank } from "./timebank-fixtures.js";

// Members join on 2026-11-25 (TODAY in the fixtures); the exchanges are recorded as of the 29th.
const RECORDED_ON = "2026-11-29";

describe.each(testDatabases)("timebank reports on $name", (database) => {
  let handle: Handle;
  beforeAll(async () => {
    handle = await database.open();
  });
  afterAll(async () => {
    await handle?.close();
  });

  it("reports a known set of exchanges exactly, leaving out reversed, unconfirmed and out-of-range ones", async () => {
    const { db } = handle;
    const tb = await makeTimebank(db, { gift: 200n, pledge: 500n });
    const ann = await tb.enrol("Ann Able");
    const bea = await tb.enrol("Bea Busy");
    const cat = await tb.enrol("Cat Carer");
    const record = (giverIds: number[], receiverIds: number[], centihours: bigint, date: string, category: string) =>
      recordOnBehalf(db, tb.coordinator, tb.slug, { giverIds, receiverIds, centihours, date, category, description: `${category} on ${date}` }, RECORDED_ON);
    await record([ann.memberId], [cat.memberId], 200n, "2026-11-25", "childcare");
    // A class: Bea teaches Ann and Cat for 1.5 hours; each pays 0.75.
    await record([bea.memberId], [ann.memberId, cat.memberId], 150n, "2026-11-26", "learning");
    // A clean-up day: Ann and Cat give the hostel 3 hours each.
    await record([ann.memberId, cat.memberId], [tb.organisationMemberId], 300n, "2026-11-27", "cleaning");
    // Disputed and reversed: left out.
    const disputed = await record([ann.memberId], [bea.memberId], 100n, "2026-11-28", "repairs");
    await raiseDispute(db, bea.user, tb.slug, disputed.exchangeId, "This never happened");
    await resolveDispute(db, tb.coordinator, tb.slug, disputed.exchangeId, { outcome: "reversed", reason: "Recorded by mistake" });
    // Waiting for confirmation, and outside the range: left out.
    await recordAsGiver(db, cat.user, tb.slug, { receiverId: bea.memberId, centihours: 100n, date: "2026-11-28", category: "company", description: "Coffee and a chat" }, RECORDED_ON);
    await record([bea.memberId], [ann.memberId], 400n, "2026-11-29", "cooking");
    // Cat is exempt from the pledge on two of the four days.
    await recordExemption(db, tb.coordinator, tb.slug, { memberId: cat.memberId, startsOn: "2026-11-25", endsOn: "2026-11-26", reason: "Court date" });

    const { report } = await timebankReport(db, tb.coordinator, tb.slug, { from: "2026-11-25", to: "2026-11-28" }, RECORDED_ON);
    expect(report.exchangeCount).toBe(3);
    expect(report.hoursExchangedCentihours).toBe(950n);
    expect(report.activePeople).toBe(3);
    expect(report.activeOrganisations).toBe(1);
    expect(report.reciprocity).toEqual({ gave_and_received: 2, gave_only: 1, received_only: 0 });
    expect(report.people.map((p) => [p.name, p.givenCentihours, p.receivedCentihours])).toEqual([
      ["Ann Able", 500n, 75n],
      ["Cat Carer", 300n, 275n],
      ["Bea Busy", 150n, 0n],
    ]);
    expect(report.categories.map((c) => [c.category, c.centihours])).toEqual([["cleaning", 600n], ["childcare", 200n], ["learning", 150n]]);
    expect(report.organisations.map((o) => [o.memberId, o.givenCentihours, o.receivedCentihours, o.exchangeCount])).toEqual([[tb.organisationMemberId, 0n, 600n, 1]]);
    // Four days of a 5-hour week: 2.85 hours expected (rounded down); Cat only two days: 1.42.
    expect(report.pledges.lines.map((l) => [l.name, l.expectedCentihours, l.givenCentihours, l.met])).toEqual([
      ["Bea Busy", 285n, 150n, false],
      ["Ann Able", 285n, 500n, true],
      ["Cat Carer", 142n, 300n, true],
    ]);

    // The day after: only the exchange dated then.
    const next = await timebankReport(db, tb.coordinator, tb.slug, { from: "2026-11-29", to: "2026-11-29" }, RECORDED_ON);
    expect(next.report.hoursExchangedCentihours).toBe(400n);
    expect(next.report.reciprocity).toEqual({ gave_and_received: 0, gave_only: 1, received_only: 1 });

    // Only coordinators see reports.
    await expect(timebankReport(db, ann.user, tb.slug, { from: "2026-11-25", to: "2026-11-28" })).rejects.toMatchObject({ code: "timebank_not_coordinator" });
  });

  it("reports the pot's donations and grants with their reasons on the day they were posted", async () => {
    const { db } = handle;
    const tb = await makeTimebank(db, { gift: 300n });
    const giver = await tb.enrol("Gil Giver");
    const helped = await tb.enrol("Hal Helped");
    await donateToPot(db, giver.user, tb.slug, 200n, uniqueKey());
    await donateToPot(db, giver.user, tb.slug, 50n, uniqueKey());
    await grantFromPot(db, tb.coordinator, tb.slug, { memberId: helped.memberId, centihours: 150n, reason: "Recovering from an operation", requestKey: uniqueKey() });
    const today = todayInLondon();
    const { report } = await timebankReport(db, tb.coordinator, tb.slug, { from: addDays(today, -1), to: today });
    expect(report.pot).toMatchObject({ donationCount: 2, donatedCentihours: 250n, grantCount: 1, grantedCentihours: 150n });
    expect(report.pot.grants.map((g) => [g.memberName, g.centihours, g.reason])).toEqual([["Hal Helped", 150n, "Recovering from an operation"]]);
    const before = await timebankReport(db, tb.coordinator, tb.slug, { from: addDays(today, -30), to: addDays(today, -1) });
    expect(before.report.pot).toMatchObject({ donationCount: 0, grantCount: 0, grantedCentihours: 0n });
  });
});
