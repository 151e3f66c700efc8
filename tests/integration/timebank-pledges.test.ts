import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DomainError } from "../../app/domain/errors.js";
import { recordOnBehalf } from "../../app/services/timebank/exchanges.server.js";
import { coordinatorDashboard, memberPledge, recordExemption } from "../../app/services/timebank/pledges.server.js";
import { requireTimebank } from "../../app/services/timebank/timebanks.server.js";
import { testDatabases } from "./databases.js";
import type { Handle } from "./ledger-fixtures.js";
import { TODAY, makeTimebank } from "./timebank-fixtures.js";

describe.each(testDatabases)("timebank pledges on $name", (database) => {
  let handle: Handle;
  beforeAll(async () => {
    handle = await database.open();
  });
  afterAll(async () => {
    await handle?.close();
  });

  it("shows a member's week against the pledge, lists who is behind, and respects exemptions", async () => {
    const { db } = handle;
    // Members join on TODAY (a Wednesday); the dashboard is read a week later.
    const tb = await makeTimebank(db, { gift: 0n, pledge: 500n });
    const keen = await tb.enrol("Kim Keen");
    const quiet = await tb.enrol("Quin Quiet");
    const poorly = await tb.enrol("Pam Poorly");
    const ownPledge = await tb.enrol("Oona Own", 200n);
    const nextWeek = "2026-12-02";
    await recordOnBehalf(db, tb.coordinator, tb.slug, { giverIds: [keen.memberId], receiverIds: [tb.organisationMemberId], centihours: 500n, date: "2026-11-26", category: "cleaning", description: "Cleaned the stairs" }, nextWeek);
    await recordOnBehalf(db, tb.coordinator, tb.slug, { giverIds: [ownPledge.memberId], receiverIds: [tb.organisationMemberId], centihours: 200n, date: "2026-11-27", category: "cooking", description: "Baked for the coffee morning" }, nextWeek);
    await expect(recordExemption(db, keen.user, tb.slug, { memberId: poorly.memberId, startsOn: TODAY, endsOn: "2026-12-10", reason: "In hospital" })).rejects.toMatchObject({ code: "timebank_not_coordinator" });
    await expect(recordExemption(db, tb.coordinator, tb.slug, { memberId: poorly.memberId, startsOn: "2026-12-10", endsOn: TODAY, reason: "In hospital" })).rejects.toMatchObject({ code: "timebank_exemption_order" });
    await recordExemption(db, tb.coordinator, tb.slug, { memberId: poorly.memberId, startsOn: TODAY, endsOn: "2026-12-10", reason: "In hospital" });

    const dashboard = await coordinatorDashboard(db, tb.coordinator, tb.slug, nextWeek);
    const standing = Object.fromEntries(dashboard.members.map((m) => [m.name, m.progress.standing]));
    expect(standing).toEqual({ "Kim Keen": "on_track", "Oona Own": "on_track", "Pam Poorly": "exempt", "Quin Quiet": "behind" });
    expect(dashboard.behind.map((m) => m.name)).toEqual(["Quin Quiet"]);
    // Joined on a Wednesday: five days of the first week, 5 hours a week -> 3.57 hours.
    expect(dashboard.behind[0]!.progress.arrearsCentihours).toBe(357n);
    await expect(coordinatorDashboard(db, keen.user, tb.slug, nextWeek)).rejects.toBeInstanceOf(DomainError);

    const timebank = await requireTimebank(db, tb.slug);
    const mine = await memberPledge(db, quiet.user, timebank, quiet.memberId, nextWeek);
    expect(mine!.progress.thisWeekExpectedCentihours).toBe(500n);
    await expect(memberPledge(db, quiet.user, timebank, keen.memberId, nextWeek)).rejects.toMatchObject({ code: "timebank_not_coordinator" });
  });
});
