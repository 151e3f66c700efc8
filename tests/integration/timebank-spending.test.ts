import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isDomainError } from "../../app/domain/errors.js";
import { getBalances, openAccount } from "../../app/services/ledger/accounts.server.js";
import { postEntry } from "../../app/services/ledger/post.server.js";
import { verifyLedger } from "../../app/services/ledger/verify.server.js";
import {
  activityPoundsAccountCode,
  addPartner,
  addReward,
  donateToPot,
  grantFromPot,
  markRedemptionUsed,
  partnerAccountCode,
  partnerReport,
  settlePartner,
  payMixed,
  personalBudgetAccountCode,
  redeemReward,
  rewardParticipation,
} from "../../app/services/timebank/spending.server.js";
import { memberAccountCode, potAccountCode } from "../../app/services/timebank/timebanks.server.js";
import { testDatabases } from "./databases.js";
import { uniqueKey, type Handle } from "./ledger-fixtures.js";
import { makeTimebank } from "./timebank-fixtures.js";

async function balanceOf(db: Handle["db"], code: string): Promise<bigint> {
  return (await getBalances(db, [code])).get(code)!.balanceMinor;
}

async function entryCount(db: Handle["db"]): Promise<number> {
  return (await db.selectFrom("ledger_entry").select("id").execute()).length;
}

describe.each(testDatabases)("timebank spending on $name", (database) => {
  let handle: Handle;
  beforeAll(async () => {
    handle = await database.open();
  });
  afterAll(async () => {
    await handle?.close();
  });

  it("redeems a partner's reward for a code that works once, even when marked used at the same moment", async () => {
    const { db } = handle;
    const tb = await makeTimebank(db, { gift: 300n, min: 0n });
    const member = await tb.enrol("Rae Redeemer");
    const partnerId = await addPartner(db, tb.coordinator, tb.slug, { name: "Harbour Cinema", sponsorMemberId: tb.organisationMemberId });
    const rewardId = await addReward(db, tb.coordinator, tb.slug, { partnerId, title: "One cinema ticket", priceCentihours: 200n });
    const { code } = await redeemReward(db, member.user, tb.slug, rewardId);
    expect(code).toMatch(/^[A-HJ-NP-Z2-9]{10}$/);
    expect(await balanceOf(db, memberAccountCode(tb.timebankId, member.memberId))).toBe(100n);
    expect(await balanceOf(db, partnerAccountCode(tb.timebankId, partnerId))).toBe(200n);

    // Too few hours: a specific message, nothing posted.
    const before = await entryCount(db);
    await expect(redeemReward(db, member.user, tb.slug, rewardId)).rejects.toMatchObject({ code: "timebank_too_few_hours", values: { needed: "2 hours", available: "1 hour" } });
    expect(await entryCount(db)).toBe(before);
    expect(await db.selectFrom("timebank_redemption").select("id").execute()).toHaveLength(1);

    await expect(markRedemptionUsed(db, member.user, tb.slug, code)).rejects.toMatchObject({ code: "timebank_not_coordinator" });
    const attempts = await Promise.allSettled(Array.from({ length: 10 }, () => markRedemptionUsed(db, tb.coordinator, tb.slug, code.toLowerCase())));
    expect(attempts.filter((attempt) => attempt.status === "fulfilled")).toHaveLength(1);
    const refusals = attempts.filter((attempt): attempt is PromiseRejectedResult => attempt.status === "rejected");
    expect(refusals).toHaveLength(9);
    expect(refusals.every((refusal) => isDomainError(refusal.reason) && refusal.reason.code === "timebank_code_used")).toBe(true);
    await expect(markRedemptionUsed(db, tb.coordinator, tb.slug, "NOTACODE00")).rejects.toMatchObject({ code: "timebank_code_invalid" });

    // Settling moves the used redemptions' hours from the partner to the sponsoring organisation, once.
    expect((await partnerReport(db, tb.coordinator, tb.slug))[0]).toMatchObject({ name: "Harbour Cinema", redeemedCount: 1, usedCount: 1, toSettleCentihours: 200n, settledCentihours: 0n });
    const settled = await settlePartner(db, tb.coordinator, tb.slug, partnerId);
    expect(settled.centihours).toBe(200n);
    expect(await balanceOf(db, partnerAccountCode(tb.timebankId, partnerId))).toBe(0n);
    expect(await balanceOf(db, memberAccountCode(tb.timebankId, tb.organisationMemberId))).toBe(200n);
    expect(await settlePartner(db, tb.coordinator, tb.slug, partnerId)).toEqual({ entryId: null, centihours: 0n });
    expect((await partnerReport(db, tb.coordinator, tb.slug))[0]).toMatchObject({ toSettleCentihours: 0n, settledCentihours: 200n });
  });

  it("members donate to the community pot and coordinators grant from it with a reason", async () => {
    const { db } = handle;
    const tb = await makeTimebank(db, { gift: 500n });
    const donor = await tb.enrol("Dot Donor");
    const needy = await tb.enrol("Ned Needs");
    await donateToPot(db, donor.user, tb.slug, 300n, uniqueKey());
    expect(await balanceOf(db, potAccountCode(tb.timebankId))).toBe(300n);
    await expect(grantFromPot(db, donor.user, tb.slug, { memberId: needy.memberId, centihours: 100n, reason: "Recovering from an operation", requestKey: uniqueKey() })).rejects.toMatchObject({ code: "timebank_not_coordinator" });
    const entryId = await grantFromPot(db, tb.coordinator, tb.slug, { memberId: needy.memberId, centihours: 200n, reason: "Recovering from an operation", requestKey: uniqueKey() });
    const entry = await db.selectFrom("ledger_entry").select(["memo", "metadata"]).where("id", "=", entryId).executeTakeFirstOrThrow();
    expect(entry.memo).toBe("Grant from the community pot to Ned Needs: Recovering from an operation");
    expect(entry.metadata.reason).toBe("Recovering from an operation");
    expect(await balanceOf(db, memberAccountCode(tb.timebankId, needy.memberId))).toBe(700n);
    await expect(grantFromPot(db, tb.coordinator, tb.slug, { memberId: needy.memberId, centihours: 200n, reason: "More help", requestKey: uniqueKey() })).rejects.toMatchObject({
      code: "timebank_pot_too_small",
      values: { available: "1 hour" },
    });
  });

  it("a mixed payment in pounds and hours is all or nothing, with a fault injected between the two units", async () => {
    const { db } = handle;
    const tb = await makeTimebank(db, { gift: 200n, min: 0n });
    const learner = await tb.enrol("Lou Learner");
    const budget = personalBudgetAccountCode(tb.timebankId, learner.memberId);
    await openAccount(db, { code: "test:council:budgets", unit: "GBP", name: "Council personal budgets" });
    await openAccount(db, { code: budget, unit: "GBP", name: "Lou's personal budget", minBalance: "0" });
    await postEntry(db, { idempotencyKey: uniqueKey(), kind: "funding", createdBy: "test", postings: [{ accountCode: "test:council:budgets", unit: "GBP", amount: "-50.00" }, { accountCode: budget, unit: "GBP", amount: "50.00" }] });
    const course = { memberId: learner.memberId, description: "Sewing course", poundsMinor: 1000n, centihours: 100n };

    const before = await entryCount(db);
    await expect(
      payMixed(db, tb.coordinator, tb.slug, { ...course, requestKey: uniqueKey() }, async () => {
        throw new Error("injected fault between the pounds and the hours");
      }),
    ).rejects.toThrow("injected fault");
    expect(await entryCount(db)).toBe(before);
    expect(await balanceOf(db, budget)).toBe(5000n);
    expect(await balanceOf(db, memberAccountCode(tb.timebankId, learner.memberId))).toBe(200n);

    // The hours part refused by the ledger (too few hours): the pounds part is not kept either.
    await expect(payMixed(db, tb.coordinator, tb.slug, { ...course, centihours: 300n, requestKey: uniqueKey() })).rejects.toMatchObject({ code: "ledger_below_minimum" });
    expect(await entryCount(db)).toBe(before);
    expect(await balanceOf(db, budget)).toBe(5000n);

    await payMixed(db, tb.coordinator, tb.slug, { ...course, requestKey: uniqueKey() });
    expect(await balanceOf(db, budget)).toBe(4000n);
    expect(await balanceOf(db, activityPoundsAccountCode(tb.timebankId))).toBe(1000n);
    expect(await balanceOf(db, memberAccountCode(tb.timebankId, learner.memberId))).toBe(100n);
    expect(await entryCount(db)).toBe(before + 2);
  });

  it("rewards attendance at a public meeting with hours from a sponsor organisation", async () => {
    const { db } = handle;
    const tb = await makeTimebank(db, { gift: 0n });
    const people = await Promise.all(["Ann", "Bob"].map((name) => tb.enrol(`${name} Attender`)));
    await rewardParticipation(db, tb.coordinator, tb.slug, { sponsorMemberId: tb.organisationMemberId, memberIds: people.map((p) => p.memberId), centihours: 100n, occasion: "Northfield budget round public meeting", requestKey: uniqueKey() });
    expect(await balanceOf(db, memberAccountCode(tb.timebankId, people[0]!.memberId))).toBe(100n);
    expect(await balanceOf(db, memberAccountCode(tb.timebankId, tb.organisationMemberId))).toBe(-200n);
    await expect(
      rewardParticipation(db, tb.coordinator, tb.slug, { sponsorMemberId: people[0]!.memberId, memberIds: [people[1]!.memberId], centihours: 100n, occasion: "x", requestKey: uniqueKey() }),
    ).rejects.toMatchObject({ code: "timebank_member_not_found" });
    expect((await verifyLedger(db)).ok).toBe(true);
  });
});
