import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { STATEMENT_LINES, fullMemberStatement, memberStatement, statementCursor } from "../../app/services/timebank/statements.server.js";
import { getAccount } from "../../app/services/ledger/accounts.server.js";
import { verifyLedger } from "../../app/services/ledger/verify.server.js";
import { createTimebankAs, leaveTimebank, removeMember, setMemberPledge, updateTimebankSettings } from "../../app/services/timebank/admin.server.js";
import { recordAsGiver, recordOnBehalf } from "../../app/services/timebank/exchanges.server.js";
import { enrolPerson } from "../../app/services/timebank/members.server.js";
import { donateToPot, personalBudgetAccountCode } from "../../app/services/timebank/spending.server.js";
import { budgetFundsAccountCode, fundPersonalBudget, personalBudget, recordMixedPayment } from "../../app/services/timebank/budgets.server.js";
import { bankAccountCode, memberAccountCode, potAccountCode, requireTimebank } from "../../app/services/timebank/timebanks.server.js";
import { testDatabases } from "./databases.js";
import { uniqueKey, type Handle } from "./ledger-fixtures.js";
import { TODAY, makePerson, makeTimebank } from "./timebank-fixtures.js";

const settings = { joiningGiftCentihours: 200n, minBalanceCentihours: -1000n, maxBalanceCentihours: 10000n, pledgeCentihoursPerWeek: null };

describe.each(testDatabases)("timebank statements, settings and leaving on $name", (database) => {
  let handle: Handle;
  beforeAll(async () => {
    handle = await database.open();
  });
  afterAll(async () => {
    await handle?.close();
  });

  it("pages a long statement newest first without gaps or repeats, and the CSV has every line", async () => {
    const { db } = handle;
    const tb = await makeTimebank(db, { gift: 2000n });
    const member = await tb.enrol("Pat Pages");
    // The joining gift plus 120 small donations: 121 lines.
    for (let index = 0; index < 120; index++) await donateToPot(db, member.user, tb.slug, 1n, uniqueKey());
    const first = await memberStatement(db, member.user, tb.slug, member.memberId);
    expect(first.lines).toHaveLength(STATEMENT_LINES);
    expect(first.isNewest).toBe(true);
    expect(first.balanceCentihours).toBe(1880n);
    expect(first.lines[0]!.balanceAfterMinor).toBe(1880n);
    expect(first.olderBefore).not.toBeNull();
    const second = await memberStatement(db, member.user, tb.slug, member.memberId, statementCursor(first.olderBefore));
    expect(second.isNewest).toBe(false);
    expect(second.lines).toHaveLength(21);
    expect(second.olderBefore).toBeNull();
    expect(second.lines[20]!.kind).toBe("timebank_joining_gift");
    // The pages join up: the older page starts where the newer one ended.
    expect(second.lines[0]!.balanceAfterMinor).toBe(first.lines[STATEMENT_LINES - 1]!.balanceAfterMinor - first.lines[STATEMENT_LINES - 1]!.amountMinor);
    const versions = [...first.lines, ...second.lines].map((line) => line.accountVersion);
    expect(new Set(versions).size).toBe(121);

    const full = await fullMemberStatement(db, member.user, tb.slug, member.memberId);
    expect(full.complete).toBe(true);
    expect(full.lines.map((line) => line.accountVersion)).toEqual(versions);

    const other = await tb.enrol("Nosy Neighbour");
    await expect(fullMemberStatement(db, other.user, tb.slug, member.memberId)).rejects.toMatchObject({ code: "timebank_not_coordinator" });
    expect(statementCursor("abc")).toBeNull();
    expect(statementCursor("0")).toBeNull();
  });

  it("changes settings and applies new credit limits to every member's ledger bounds, refusing limits that exclude a balance", async () => {
    const { db } = handle;
    const tb = await makeTimebank(db, { gift: 200n, min: -1000n, max: 10000n });
    const spender = await tb.enrol("Sam Spender");
    const saver = await tb.enrol("Sue Saver");
    await recordOnBehalf(db, tb.coordinator, tb.slug, { giverIds: [saver.memberId], receiverIds: [spender.memberId], centihours: 800n, date: TODAY, category: "repairs", description: "Fixed the door" }, TODAY);
    // Sam is at -6 hours, Sue at +10.
    await expect(updateTimebankSettings(db, spender.user, tb.slug, { ...settings, minBalanceCentihours: -500n })).rejects.toMatchObject({ code: "timebank_not_coordinator" });
    await expect(updateTimebankSettings(db, tb.coordinator, tb.slug, { ...settings, minBalanceCentihours: -500n })).rejects.toMatchObject({
      code: "timebank_limits_exclude_balances", field: "below", values: { count: 1, name: "Sam Spender", balance: "-6 hours" },
    });
    await expect(updateTimebankSettings(db, tb.coordinator, tb.slug, { ...settings, maxBalanceCentihours: 900n })).rejects.toMatchObject({ code: "timebank_limits_exclude_balances", field: "above" });
    await expect(updateTimebankSettings(db, tb.coordinator, tb.slug, { ...settings, joiningGiftCentihours: 300n, maxBalanceCentihours: 200n })).rejects.toMatchObject({ code: "timebank_settings_gift_over_limit" });
    // Nothing changed.
    expect((await getAccount(db, memberAccountCode(tb.timebankId, spender.memberId)))!.minBalanceMinor).toBe(-1000n);

    await updateTimebankSettings(db, tb.coordinator, tb.slug, { joiningGiftCentihours: 0n, minBalanceCentihours: -600n, maxBalanceCentihours: 5000n, pledgeCentihoursPerWeek: 500n });
    const timebank = await requireTimebank(db, tb.slug);
    expect(timebank).toMatchObject({ joiningGiftCentihours: 0n, minBalanceCentihours: -600n, maxBalanceCentihours: 5000n, pledgeCentihoursPerWeek: 500n });
    expect(await getAccount(db, memberAccountCode(tb.timebankId, spender.memberId))).toMatchObject({ minBalanceMinor: -600n, maxBalanceMinor: 5000n });
    expect(await getAccount(db, memberAccountCode(tb.timebankId, tb.organisationMemberId))).toMatchObject({ minBalanceMinor: null, maxBalanceMinor: 5000n });
    // The ledger now holds Sam at -6: another quarter hour is refused with the new limit.
    await expect(recordOnBehalf(db, tb.coordinator, tb.slug, { giverIds: [saver.memberId], receiverIds: [spender.memberId], centihours: 25n, date: TODAY, category: "repairs", description: "A bit more" }, TODAY)).rejects.toMatchObject({ code: "timebank_limit_below" });
    // New members join with no gift.
    const newcomer = await tb.enrol("Nia Newcomer");
    expect((await getAccount(db, memberAccountCode(tb.timebankId, newcomer.memberId)))!.balanceMinor).toBe(0n);

    await setMemberPledge(db, tb.coordinator, tb.slug, newcomer.memberId, 200n);
    expect((await db.selectFrom("timebank_member").select("pledge_centihours_per_week").where("id", "=", newcomer.memberId).executeTakeFirstOrThrow()).pledge_centihours_per_week?.toString()).toBe("200");
    await expect(setMemberPledge(db, newcomer.user, tb.slug, newcomer.memberId, 0n)).rejects.toMatchObject({ code: "timebank_not_coordinator" });
    await expect(setMemberPledge(db, tb.coordinator, tb.slug, tb.organisationMemberId, 0n)).rejects.toMatchObject({ code: "timebank_member_not_found" });
    expect((await verifyLedger(db)).ok).toBe(true);
  });

  it("creates a timebank for an organisation the person coordinates, or any as an admin", async () => {
    const { db } = handle;
    const tb = await makeTimebank(db);
    const slug = `new-${tb.slug}`;
    const input = { ...settings, organisationId: tb.organisationId, slug, name: "Second timebank", description: "" };
    const outsider = await makePerson(db, "Olly Outsider");
    await expect(createTimebankAs(db, outsider, input)).rejects.toMatchObject({ code: "timebank_not_coordinator" });
    const other = await db.insertInto("organisation").values({ slug: `other-${tb.slug}`, name: "Another centre", kind: "community_centre" }).returning("id").executeTakeFirstOrThrow();
    await expect(createTimebankAs(db, tb.coordinator, { ...input, organisationId: other.id })).rejects.toMatchObject({ code: "timebank_not_organisation_coordinator" });
    await createTimebankAs(db, tb.coordinator, input);
    await expect(createTimebankAs(db, tb.coordinator, input)).rejects.toMatchObject({ code: "timebank_slug_taken", field: "slug" });
    const admin = { ...outsider, roles: [...outsider.roles, { role: "admin" as const, organisationId: null }] };
    await createTimebankAs(db, admin, { ...input, organisationId: other.id, slug: `${slug}-2` });
    expect((await requireTimebank(db, `${slug}-2`)).organisationName).toBe("Another centre");
    expect(await getAccount(db, potAccountCode((await requireTimebank(db, slug)).id))).toBeDefined();
  });

  it("lets a member leave, giving positive hours to the pot; a negative balance is settled by a coordinator", async () => {
    const { db } = handle;
    const tb = await makeTimebank(db, { gift: 300n });
    const leaver = await tb.enrol("Lee Leaver");
    const debtor = await tb.enrol("Dot Debtor");
    const keeper = await tb.enrol("Kay Keeper");
    await recordOnBehalf(db, tb.coordinator, tb.slug, { giverIds: [leaver.memberId], receiverIds: [debtor.memberId], centihours: 500n, date: TODAY, category: "childcare", description: "Childcare" }, TODAY);
    // An exchange waiting for Lee's confirmation is cancelled when Lee leaves.
    const waiting = await recordAsGiver(db, keeper.user, tb.slug, { receiverId: leaver.memberId, centihours: 100n, date: TODAY, category: "company", description: "Coffee" }, TODAY);

    await expect(leaveTimebank(db, leaver.user, tb.slug, undefined)).rejects.toMatchObject({ code: "timebank_leave_choice_missing" });
    const left = await leaveTimebank(db, leaver.user, tb.slug, "donate");
    expect(left.donatedCentihours).toBe(800n);
    expect((await getAccount(db, memberAccountCode(tb.timebankId, leaver.memberId)))!.balanceMinor).toBe(0n);
    expect((await getAccount(db, potAccountCode(tb.timebankId)))!.balanceMinor).toBe(800n);
    expect((await db.selectFrom("timebank_member").select("status").where("id", "=", leaver.memberId).executeTakeFirstOrThrow()).status).toBe("left");
    expect((await db.selectFrom("timebank_exchange").select("status").where("id", "=", waiting).executeTakeFirstOrThrow()).status).toBe("cancelled");
    await expect(leaveTimebank(db, leaver.user, tb.slug, "donate")).rejects.toMatchObject({ code: "timebank_not_member" });

    // Dot is at -2 hours: refused, nothing changes; a coordinator writes it off from the timebank's account.
    await expect(leaveTimebank(db, debtor.user, tb.slug, "keep")).rejects.toMatchObject({ code: "timebank_leave_negative", values: { balance: "-2 hours" } });
    expect((await db.selectFrom("timebank_member").select("status").where("id", "=", debtor.memberId).executeTakeFirstOrThrow()).status).toBe("active");
    await expect(removeMember(db, debtor.user, tb.slug, debtor.memberId, "Moved out")).rejects.toMatchObject({ code: "timebank_not_coordinator" });
    await expect(removeMember(db, tb.coordinator, tb.slug, debtor.memberId, "  ")).rejects.toMatchObject({ code: "timebank_reason_missing" });
    const bankBefore = (await getAccount(db, bankAccountCode(tb.timebankId)))!.balanceMinor;
    expect((await removeMember(db, tb.coordinator, tb.slug, debtor.memberId, "Moved to her own flat")).settledCentihours).toBe(-200n);
    expect((await getAccount(db, memberAccountCode(tb.timebankId, debtor.memberId)))!.balanceMinor).toBe(0n);
    expect((await getAccount(db, bankAccountCode(tb.timebankId)))!.balanceMinor).toBe(bankBefore - 200n);

    // Keeping hours: they stay on the account, and are there on coming back.
    await leaveTimebank(db, keeper.user, tb.slug, "keep");
    expect((await getAccount(db, memberAccountCode(tb.timebankId, keeper.memberId)))!.balanceMinor).toBe(300n);
    await enrolPerson(db, tb.coordinator, tb.slug, { email: keeper.user.email, profile: { skillsOffered: "", skillsWanted: "", availability: "", area: "", accessNeeds: "" } }, TODAY);
    expect((await getAccount(db, memberAccountCode(tb.timebankId, keeper.memberId)))!.balanceMinor).toBe(300n);
    expect((await verifyLedger(db)).ok).toBe(true);
  });

  it("tops up a personal budget and records a mixed payment, with refusals a coordinator can act on", async () => {
    const { db } = handle;
    const tb = await makeTimebank(db, { gift: 200n, min: 0n });
    const learner = await tb.enrol("Lou Learner");
    const course = { memberId: learner.memberId, description: "Sewing course", poundsMinor: 1000n, centihours: 100n };
    await expect(recordMixedPayment(db, tb.coordinator, tb.slug, { ...course, requestKey: uniqueKey() })).rejects.toMatchObject({ code: "timebank_budget_missing" });
    expect((await personalBudget(db, learner.user, tb.slug, learner.memberId)).balancePence).toBeNull();
    await expect(fundPersonalBudget(db, learner.user, tb.slug, { memberId: learner.memberId, pence: 5000n, requestKey: uniqueKey() })).rejects.toMatchObject({ code: "timebank_not_coordinator" });
    const key = uniqueKey();
    await fundPersonalBudget(db, tb.coordinator, tb.slug, { memberId: learner.memberId, pence: 1500n, requestKey: key });
    // The same form sent twice posts once.
    await fundPersonalBudget(db, tb.coordinator, tb.slug, { memberId: learner.memberId, pence: 1500n, requestKey: key });
    expect((await getAccount(db, personalBudgetAccountCode(tb.timebankId, learner.memberId)))!.balanceMinor).toBe(1500n);
    expect((await getAccount(db, budgetFundsAccountCode(tb.timebankId)))!.balanceMinor).toBe(-1500n);

    await expect(recordMixedPayment(db, tb.coordinator, tb.slug, { ...course, poundsMinor: 2000n, requestKey: uniqueKey() })).rejects.toMatchObject({ code: "timebank_budget_too_small", values: { available: "£15" } });
    await expect(recordMixedPayment(db, tb.coordinator, tb.slug, { ...course, centihours: 300n, requestKey: uniqueKey() })).rejects.toMatchObject({ code: "timebank_member_too_few_hours", values: { needed: "3 hours", available: "2 hours" } });
    expect((await getAccount(db, personalBudgetAccountCode(tb.timebankId, learner.memberId)))!.balanceMinor).toBe(1500n);
    await recordMixedPayment(db, tb.coordinator, tb.slug, { ...course, requestKey: uniqueKey() });
    const budget = await personalBudget(db, learner.user, tb.slug, learner.memberId);
    expect(budget.balancePence).toBe(500n);
    expect(budget.hoursCentihours).toBe(100n);
    expect(budget.lines.map((line) => line.amountMinor)).toEqual([-1000n, 1500n]);
    const other = await tb.enrol("Nell Nosy");
    await expect(personalBudget(db, other.user, tb.slug, learner.memberId)).rejects.toMatchObject({ code: "timebank_not_coordinator" });
    expect((await verifyLedger(db)).ok).toBe(true);
  });
});