import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DomainError } from "../../app/domain/errors.js";
import { messageFor } from "../../app/domain/messages.js";
import { getBalances } from "../../app/services/ledger/accounts.server.js";
import { verifyLedger } from "../../app/services/ledger/verify.server.js";
import {
  agreeExchange,
  cancelExchange,
  confirmExchange,
  markDone,
  recordAsGiver,
  recordOnBehalf,
} from "../../app/services/timebank/exchanges.server.js";
import { applyToJoin, approveApplication, enrolPerson } from "../../app/services/timebank/members.server.js";
import { bankAccountCode, memberAccountCode } from "../../app/services/timebank/timebanks.server.js";
import { testDatabases } from "./databases.js";
import type { Handle } from "./ledger-fixtures.js";
import { TODAY, makePerson, makeTimebank } from "./timebank-fixtures.js";

const details = { date: TODAY, category: "childcare", description: "Looked after two children for the afternoon" };

async function expectDomainError(promise: Promise<unknown>, code: string): Promise<DomainError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe(code);
  expect(messageFor(error as DomainError)).not.toBe("Something went wrong. Try again");
  return error as DomainError;
}

async function entryCount(db: Handle["db"], exchangeId: number): Promise<number> {
  const rows = await db.selectFrom("ledger_entry").select("id").where("idempotency_key", "=", `timebank:exchange:${exchangeId}`).execute();
  return rows.length;
}

async function balance(db: Handle["db"], timebankId: number, memberId: number): Promise<bigint> {
  return (await getBalances(db, [memberAccountCode(timebankId, memberId)])).get(memberAccountCode(timebankId, memberId))!.balanceMinor;
}

describe.each(testDatabases)("timebank exchanges on $name", (database) => {
  let handle: Handle;
  beforeAll(async () => {
    handle = await database.open();
  });
  afterAll(async () => {
    await handle?.close();
  });

  it("enrols a member with the joining gift from the timebank's account, and approves an application", async () => {
    const { db } = handle;
    const tb = await makeTimebank(db, { gift: 300n });
    const ann = await tb.enrol("Ann Member");
    expect(await balance(db, tb.timebankId, ann.memberId)).toBe(300n);
    const bank = (await getBalances(db, [bankAccountCode(tb.timebankId)])).get(bankAccountCode(tb.timebankId))!;
    expect(bank.balanceMinor).toBe(-300n);

    const applicant = await makePerson(db, "Bea Applicant");
    const memberId = await applyToJoin(db, applicant, tb.slug, { skillsOffered: "Sewing", skillsWanted: "", availability: "Weekends", area: "Riverside", accessNeeds: "" });
    await expectDomainError(applyToJoin(db, applicant, tb.slug, { skillsOffered: "", skillsWanted: "", availability: "", area: "", accessNeeds: "" }), "timebank_already_applied");
    await expectDomainError(approveApplication(db, applicant, tb.slug, memberId, TODAY), "timebank_not_coordinator");
    await approveApplication(db, tb.coordinator, tb.slug, memberId, TODAY);
    expect(await balance(db, tb.timebankId, memberId)).toBe(300n);
    await expectDomainError(approveApplication(db, tb.coordinator, tb.slug, memberId, TODAY), "timebank_application_not_found");
    await expectDomainError(
      enrolPerson(db, tb.coordinator, tb.slug, { email: applicant.email, profile: { skillsOffered: "", skillsWanted: "", availability: "", area: "", accessNeeds: "" } }, TODAY),
      "timebank_already_member",
    );
  });

  it("a zero joining gift opens the account and posts nothing", async () => {
    const { db } = handle;
    const tb = await makeTimebank(db, { gift: 0n });
    const ann = await tb.enrol("Ann Nogift");
    expect(await balance(db, tb.timebankId, ann.memberId)).toBe(0n);
    expect(await db.selectFrom("ledger_entry").select("id").where("idempotency_key", "=", `timebank:gift:${ann.memberId}`).execute()).toHaveLength(0);
  });

  it("confirming an exchange posts exactly one entry; a second confirmation posts nothing", async () => {
    const { db } = handle;
    const tb = await makeTimebank(db, { gift: 0n });
    const giver = await tb.enrol("Gina Giver");
    const receiver = await tb.enrol("Rosa Receiver");
    const id = await recordAsGiver(db, giver.user, tb.slug, { ...details, receiverId: receiver.memberId, centihours: 150n }, TODAY);
    expect(await entryCount(db, id)).toBe(0);
    await expectDomainError(confirmExchange(db, giver.user, tb.slug, id), "timebank_only_receiver");
    expect(await confirmExchange(db, receiver.user, tb.slug, id)).toBe("confirmed");
    expect(await confirmExchange(db, receiver.user, tb.slug, id)).toBe("already_confirmed");
    expect(await entryCount(db, id)).toBe(1);
    expect(await balance(db, tb.timebankId, giver.memberId)).toBe(150n);
    expect(await balance(db, tb.timebankId, receiver.memberId)).toBe(-150n);
  });

  it("two confirmations at the same moment post once", async () => {
    const { db } = handle;
    const tb = await makeTimebank(db, { gift: 0n });
    const giver = await tb.enrol("Gail Giver");
    const receiver = await tb.enrol("Rhea Receiver");
    const id = await recordAsGiver(db, giver.user, tb.slug, { ...details, receiverId: receiver.memberId, centihours: 100n }, TODAY);
    const outcomes = await Promise.all([
      confirmExchange(db, receiver.user, tb.slug, id),
      confirmExchange(db, receiver.user, tb.slug, id),
      confirmExchange(db, tb.coordinator, tb.slug, id),
    ]);
    expect(outcomes.filter((outcome) => outcome === "confirmed")).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome === "already_confirmed")).toHaveLength(2);
    expect(await entryCount(db, id)).toBe(1);
    expect(await balance(db, tb.timebankId, giver.memberId)).toBe(100n);
  });

  it("agree, then done by the giver, then confirmed by the receiver; cancelled exchanges post nothing", async () => {
    const { db } = handle;
    const tb = await makeTimebank(db, { gift: 0n });
    const giver = await tb.enrol("Ada Agree");
    const receiver = await tb.enrol("Rita Agree");
    const id = await agreeExchange(db, receiver.user, tb.slug, { ...details, giverId: giver.memberId, receiverId: receiver.memberId, centihours: 200n }, TODAY);
    await expectDomainError(confirmExchange(db, receiver.user, tb.slug, id), "timebank_exchange_wrong_status");
    await expectDomainError(markDone(db, receiver.user, tb.slug, id), "timebank_only_giver");
    await markDone(db, giver.user, tb.slug, id);
    expect(await confirmExchange(db, receiver.user, tb.slug, id)).toBe("confirmed");
    expect(await balance(db, tb.timebankId, giver.memberId)).toBe(200n);

    const other = await recordAsGiver(db, giver.user, tb.slug, { ...details, receiverId: receiver.memberId, centihours: 100n }, TODAY);
    await cancelExchange(db, receiver.user, tb.slug, other);
    await expectDomainError(confirmExchange(db, receiver.user, tb.slug, other), "timebank_exchange_wrong_status");
    expect(await entryCount(db, other)).toBe(0);
  });

  it("a coordinator records an exchange on behalf of both, posted at once", async () => {
    const { db } = handle;
    const tb = await makeTimebank(db, { gift: 0n });
    const giver = await tb.enrol("Olive Offline");
    const receiver = await tb.enrol("Pat Offline");
    await expectDomainError(
      recordOnBehalf(db, giver.user, tb.slug, { ...details, giverIds: [giver.memberId], receiverIds: [receiver.memberId], centihours: 100n }, TODAY),
      "timebank_not_coordinator",
    );
    const { exchangeId } = await recordOnBehalf(db, tb.coordinator, tb.slug, { ...details, giverIds: [giver.memberId], receiverIds: [receiver.memberId], centihours: 275n }, TODAY);
    expect(await entryCount(db, exchangeId)).toBe(1);
    expect(await balance(db, tb.timebankId, giver.memberId)).toBe(275n);
    expect(await balance(db, tb.timebankId, receiver.memberId)).toBe(-275n);
    const row = await db.selectFrom("timebank_exchange").select(["status", "recorded_on_behalf"]).where("id", "=", exchangeId).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: "confirmed", recorded_on_behalf: true });
  });

  it("refuses an exchange past a credit limit, saying whose limit and by how much, and posts nothing", async () => {
    const { db } = handle;
    const tb = await makeTimebank(db, { gift: 0n, min: -1000n, max: 10000n });
    const giver = await tb.enrol("Lola Limit");
    const receiver = await tb.enrol("Mia Limit");
    await recordOnBehalf(db, tb.coordinator, tb.slug, { ...details, giverIds: [giver.memberId], receiverIds: [receiver.memberId], centihours: 800n }, TODAY);
    const id = await recordAsGiver(db, giver.user, tb.slug, { ...details, receiverId: receiver.memberId, centihours: 300n }, TODAY);
    const error = await expectDomainError(confirmExchange(db, receiver.user, tb.slug, id), "timebank_limit_below");
    expect(error.values.overByCentihours).toBe(100n);
    expect(messageFor(error)).toBe(
      "Mia Limit cannot spend 3 hours: their balance is -8 hours and this timebank's lowest allowed balance is -10 hours, so this would take them 1 hour below the limit. Record 2 hours or fewer",
    );
    expect(await entryCount(db, id)).toBe(0);
    expect(await balance(db, tb.timebankId, receiver.memberId)).toBe(-800n);
    const row = await db.selectFrom("timebank_exchange").select("status").where("id", "=", id).executeTakeFirstOrThrow();
    expect(row.status).toBe("done");
    const direct = await expectDomainError(
      recordOnBehalf(db, tb.coordinator, tb.slug, { ...details, giverIds: [giver.memberId], receiverIds: [receiver.memberId], centihours: 400n }, TODAY),
      "timebank_limit_below",
    );
    expect(direct.values.overByCentihours).toBe(200n);
    expect(await db.selectFrom("timebank_exchange").select("id").where("status", "=", "confirmed").where("timebank_id", "=", tb.timebankId).execute()).toHaveLength(1);
  });

  it("refuses a receiver going over the upper limit too", async () => {
    const { db } = handle;
    const tb = await makeTimebank(db, { gift: 0n, min: -1000n, max: 500n });
    const giver = await tb.enrol("Una Upper");
    const receiver = await tb.enrol("Vic Upper");
    await recordOnBehalf(db, tb.coordinator, tb.slug, { ...details, giverIds: [giver.memberId], receiverIds: [receiver.memberId], centihours: 400n }, TODAY);
    const error = await expectDomainError(
      recordOnBehalf(db, tb.coordinator, tb.slug, { ...details, giverIds: [giver.memberId], receiverIds: [receiver.memberId], centihours: 200n }, TODAY),
      "timebank_limit_above",
    );
    expect(error.values.overBy).toBe("1 hour");
    expect(error.values.mostPossible).toBe("1 hour");
  });

  it("a group exchange (a class, and a clean-up day for the organisation) posts one balanced entry", async () => {
    const { db } = handle;
    const tb = await makeTimebank(db, { gift: 0n });
    const teacher = await tb.enrol("Tess Teacher");
    const pupils = await Promise.all(["Pia", "Quinn", "Ruth"].map((name) => tb.enrol(`${name} Pupil`)));
    const { entryId } = await recordOnBehalf(
      db,
      tb.coordinator,
      tb.slug,
      { ...details, category: "learning", description: "English conversation class", giverIds: [teacher.memberId], receiverIds: pupils.map((p) => p.memberId), centihours: 200n },
      TODAY,
    );
    const postings = await db.selectFrom("ledger_posting").select(["amount_minor"]).where("entry_id", "=", entryId).execute();
    expect(postings).toHaveLength(4);
    expect(postings.reduce((sum, posting) => sum + BigInt(posting.amount_minor), 0n)).toBe(0n);
    expect(await balance(db, tb.timebankId, teacher.memberId)).toBe(200n);
    expect(await Promise.all(pupils.map((p) => balance(db, tb.timebankId, p.memberId)))).toEqual([-67n, -67n, -66n]);

    const cleaners = await Promise.all(["Sal", "Tia"].map((name) => tb.enrol(`${name} Cleaner`)));
    const cleanUp = await recordOnBehalf(
      db,
      tb.coordinator,
      tb.slug,
      { ...details, category: "community", description: "Clean-up day", giverIds: cleaners.map((c) => c.memberId), receiverIds: [tb.organisationMemberId], centihours: 300n },
      TODAY,
    );
    const cleanPostings = await db.selectFrom("ledger_posting").select(["amount_minor"]).where("entry_id", "=", cleanUp.entryId).execute();
    expect(cleanPostings.map((posting) => BigInt(posting.amount_minor)).sort()).toEqual([-600n, 300n, 300n]);
    expect(await balance(db, tb.timebankId, tb.organisationMemberId)).toBe(-600n);
    await expectDomainError(
      recordOnBehalf(db, tb.coordinator, tb.slug, { ...details, giverIds: cleaners.map((c) => c.memberId), receiverIds: pupils.map((p) => p.memberId), centihours: 100n }, TODAY),
      "timebank_group_shape",
    );
    expect((await verifyLedger(db)).ok).toBe(true);
  });

  it("refuses bad input with a specific message and posts nothing", async () => {
    const { db } = handle;
    const tb = await makeTimebank(db, { gift: 0n });
    const other = await makeTimebank(db, { gift: 0n });
    const giver = await tb.enrol("Wyn Bad");
    const receiver = await tb.enrol("Xia Bad");
    const stranger = await other.enrol("Yve Elsewhere");
    const before = await db.selectFrom("ledger_entry").select(sql<bigint>`count(*)`.as("n")).executeTakeFirstOrThrow();
    await expectDomainError(recordAsGiver(db, giver.user, tb.slug, { ...details, receiverId: giver.memberId, centihours: 100n }, TODAY), "timebank_exchange_with_self");
    await expectDomainError(recordAsGiver(db, giver.user, tb.slug, { ...details, receiverId: stranger.memberId, centihours: 100n }, TODAY), "timebank_member_not_found");
    await expectDomainError(recordAsGiver(db, stranger.user, tb.slug, { ...details, receiverId: receiver.memberId, centihours: 100n }, TODAY), "timebank_not_member");
    await expectDomainError(recordAsGiver(db, giver.user, tb.slug, { ...details, date: "2026-12-25", receiverId: receiver.memberId, centihours: 100n }, TODAY), "timebank_date_in_future");
    await expectDomainError(
      recordOnBehalf(db, tb.coordinator, tb.slug, { ...details, giverIds: [giver.memberId], receiverIds: [giver.memberId], centihours: 100n }, TODAY),
      "timebank_exchange_with_self",
    );
    await db.insertInto("timebank_block").values({ blocker_member_id: receiver.memberId, blocked_member_id: giver.memberId }).execute();
    await expectDomainError(recordAsGiver(db, giver.user, tb.slug, { ...details, receiverId: receiver.memberId, centihours: 100n }, TODAY), "timebank_blocked");
    const after = await db.selectFrom("ledger_entry").select(sql<bigint>`count(*)`.as("n")).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });
});
