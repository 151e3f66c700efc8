import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "../../app/services/current-user.js";
import { getBalances } from "../../app/services/ledger/accounts.server.js";
import { verifyLedger } from "../../app/services/ledger/verify.server.js";
import { charityDonationsAccount, organisationInvolvementAccount, personInvolvementAccount } from "../../app/services/meetings/access.server.js";
import { recordAttendance } from "../../app/services/meetings/attendance.server.js";
import { approveClaim, claimExpense, myPayments, rejectClaim } from "../../app/services/meetings/expenses.server.js";
import { cancelSignUp, createMeeting, listUpcomingMeetings, organiserView, signUp, type MeetingInput } from "../../app/services/meetings/meetings.server.js";
import { memberAccountCode } from "../../app/services/timebank/timebanks.server.js";
import { testDatabases } from "./databases.js";
import type { Handle } from "./ledger-fixtures.js";
import { TODAY, makePerson, makeTimebank, type TestTimebank } from "./timebank-fixtures.js";

const NO_NEEDS = { largePrint: false, easyRead: false, bslInterpreter: false, hearingLoop: false, stepFree: false, supporterComing: false };

function meetingInput(tb: TestTimebank, overrides: Partial<MeetingInput> = {}): MeetingInput {
  return {
    title: "Steering group",
    organisationId: tb.organisationId,
    roundId: null,
    timebankId: tb.timebankId,
    date: TODAY,
    startTime: "18:00",
    endTime: "20:00",
    venueName: "Harbour House common room",
    venueAddress: "1 Quay Street",
    venue: { stepFree: true, hearingLoop: true, quietRoom: false, nearPublicTransport: true },
    accessNotes: "",
    agenda: "Welcome; what is working; what is not working",
    involvement: "co_production",
    creditCentihours: 100n,
    involvementPaymentMinor: null,
    ...overrides,
  };
}

const as = (user: CurrentUser) => ({ user, ip: "127.0.0.1" });

describe.each(testDatabases)("meetings and expenses paid on the day on $name", (database) => {
  let handle: Handle;
  beforeAll(async () => {
    handle = await database.open();
  });
  afterAll(async () => {
    await handle?.close();
  });

  async function entries(code: string) {
    const db = handle.db;
    return db
      .selectFrom("ledger_posting as p")
      .innerJoin("ledger_account as a", "a.id", "p.account_id")
      .select(["p.entry_id", "p.amount_minor"])
      .where("a.code", "=", code)
      .execute();
  }

  async function entryCount(): Promise<number> {
    return (await handle.db.selectFrom("ledger_entry").select("id").execute()).length;
  }

  /** A meeting today, a resident signed up and recorded as attending. */
  async function attendedMeeting(overrides: Partial<MeetingInput> = {}) {
    const db = handle.db;
    const tb = await makeTimebank(db);
    const meetingId = await createMeeting(db, as(tb.coordinator), meetingInput(tb, overrides), TODAY);
    const resident = await makePerson(db, "Rosa Resident");
    await signUp(db, as(resident), meetingId, { requirements: NO_NEEDS, dietaryNeeds: "", otherNeeds: "" }, TODAY);
    await recordAttendance(db, as(tb.coordinator), meetingId, { userId: resident.id }, {}, TODAY);
    return { tb, meetingId, resident };
  }

  it("pays an expense on the day as exactly one balanced entry from the organisation to the participant", async () => {
    const db = handle.db;
    const { tb, meetingId, resident } = await attendedMeeting();
    const claimId = await claimExpense(db, as(resident), meetingId, { kind: "travel", amountMinor: 460n, description: "Bus fare", choice: "pay", charityName: "" });
    const before = await entryCount();
    const result = await approveClaim(db, as(tb.coordinator), meetingId, claimId, TODAY);
    expect(result).toMatchObject({ status: "paid", created: true });
    expect(await entryCount()).toBe(before + 1);
    const postings = await db.selectFrom("ledger_posting").select(["amount_minor", "unit"]).where("entry_id", "=", result.entryId!).execute();
    expect(postings).toHaveLength(2);
    expect(postings.reduce((sum, p) => sum + BigInt(p.amount_minor), 0n)).toBe(0n);
    expect(postings.every((p) => p.unit === "GBP")).toBe(true);
    const balances = await getBalances(db, [personInvolvementAccount(resident.id), organisationInvolvementAccount(tb.organisationId)]);
    expect(balances.get(personInvolvementAccount(resident.id))!.balanceMinor).toBe(460n);
    expect(balances.get(organisationInvolvementAccount(tb.organisationId))!.balanceMinor).toBe(-460n);
    const mine = await myPayments(db, resident);
    expect(mine.claims[0]!.outcome).toBe("Paid £4.60 on 25 November 2026");
    expect(mine.receivedMinor).toBe(460n);
    // Everyone told what happened: a message in their account and an email.
    const note = await db.selectFrom("notification").select(["body"]).where("user_id", "=", resident.id).where("kind", "=", "meeting_expense").executeTakeFirstOrThrow();
    expect(note.body).toContain("Paid £4.60 on 25 November 2026");
    expect(await db.selectFrom("outbox_message").select("id").where("to_address", "=", resident.email).execute()).toHaveLength(2);
    const audit = await db.selectFrom("audit_event").select("action").where("subject_type", "=", "meeting").where("subject_id", "=", String(meetingId)).execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(["meeting.created", "meeting.attendance_recorded", "meeting.expense_claimed", "meeting.expense_approved"]));
    expect((await verifyLedger(db)).ok).toBe(true);
  });

  it("records a declined claim and posts nothing", async () => {
    const db = handle.db;
    const { tb, meetingId, resident } = await attendedMeeting();
    const claimId = await claimExpense(db, as(resident), meetingId, { kind: "childcare", amountMinor: 1500n, description: "", choice: "decline", charityName: "" });
    const before = await entryCount();
    const result = await approveClaim(db, as(tb.coordinator), meetingId, claimId, TODAY);
    expect(result).toMatchObject({ status: "declined", entryId: null });
    expect(await entryCount()).toBe(before);
    expect(await entries(personInvolvementAccount(resident.id))).toHaveLength(0);
    const claim = await db.selectFrom("meeting_expense_claim").select(["status", "decided_on", "entry_id"]).where("id", "=", claimId).executeTakeFirstOrThrow();
    expect(claim).toEqual({ status: "declined", decided_on: TODAY, entry_id: null });
    expect((await myPayments(db, resident)).claims[0]!.outcome).toBe("You chose not to be paid £15.00. Recorded on 25 November 2026, nothing paid");
  });

  it("posts a donated claim to the charity-donations account, not to the participant", async () => {
    const db = handle.db;
    const { tb, meetingId, resident } = await attendedMeeting();
    const claimId = await claimExpense(db, as(resident), meetingId, { kind: "care_cover", amountMinor: 2000n, description: "", choice: "donate", charityName: "Northfield Food Bank" });
    const result = await approveClaim(db, as(tb.coordinator), meetingId, claimId, TODAY);
    expect(result.status).toBe("donated");
    const charity = await entries(charityDonationsAccount(tb.organisationId));
    expect(charity).toEqual([{ entry_id: result.entryId, amount_minor: 2000n }]);
    expect(await entries(personInvolvementAccount(resident.id))).toHaveLength(0);
    const entry = await db.selectFrom("ledger_entry").select(["metadata", "kind"]).where("id", "=", result.entryId!).executeTakeFirstOrThrow();
    expect(entry.kind).toBe("meeting_expense_donated");
    expect(entry.metadata).toMatchObject({ charity: "Northfield Food Bank", claim: String(claimId) });
    expect((await myPayments(db, resident)).claims[0]!.outcome).toBe("£20.00 given to Northfield Food Bank on 25 November 2026");
  });

  it("refuses a second claim of the same type for one meeting, and writes nothing", async () => {
    const db = handle.db;
    const { meetingId, resident } = await attendedMeeting();
    await claimExpense(db, as(resident), meetingId, { kind: "travel", amountMinor: 460n, description: "", choice: "pay", charityName: "" });
    await expect(claimExpense(db, as(resident), meetingId, { kind: "travel", amountMinor: 300n, description: "", choice: "pay", charityName: "" })).rejects.toMatchObject({ code: "meeting_claim_duplicate", field: "kind" });
    // Another type is a separate claim.
    await claimExpense(db, as(resident), meetingId, { kind: "childcare", amountMinor: 1000n, description: "", choice: "pay", charityName: "" });
    expect(await db.selectFrom("meeting_expense_claim").select("id").where("meeting_id", "=", meetingId).execute()).toHaveLength(2);
  });

  it("refuses a claim over the maximum, of nothing, or to a charity with no name", async () => {
    const db = handle.db;
    const { meetingId, resident } = await attendedMeeting();
    await expect(claimExpense(db, as(resident), meetingId, { kind: "travel", amountMinor: 20001n, description: "", choice: "pay", charityName: "" })).rejects.toMatchObject({ code: "meeting_claim_over_maximum", values: { maximum: "£200.00" } });
    await expect(claimExpense(db, as(resident), meetingId, { kind: "travel", amountMinor: 0n, description: "", choice: "pay", charityName: "" })).rejects.toMatchObject({ code: "meeting_claim_amount_zero" });
    await expect(claimExpense(db, as(resident), meetingId, { kind: "travel", amountMinor: 500n, description: "", choice: "donate", charityName: " " })).rejects.toMatchObject({ code: "meeting_claim_charity_missing" });
    await expect(claimExpense(db, as(resident), meetingId, { kind: "taxi", amountMinor: 500n, description: "", choice: "pay", charityName: "" })).rejects.toMatchObject({ code: "meeting_claim_kind_missing" });
    expect(await db.selectFrom("meeting_expense_claim").select("id").where("meeting_id", "=", meetingId).execute()).toHaveLength(0);
    // Exactly the maximum is allowed.
    await claimExpense(db, as(resident), meetingId, { kind: "travel", amountMinor: 20000n, description: "", choice: "pay", charityName: "" });
  });

  it("pays once when a claim is approved twice", async () => {
    const db = handle.db;
    const { tb, meetingId, resident } = await attendedMeeting();
    const claimId = await claimExpense(db, as(resident), meetingId, { kind: "travel", amountMinor: 460n, description: "", choice: "pay", charityName: "" });
    const [first, second] = database.name === "postgres"
      ? await Promise.all([approveClaim(db, as(tb.coordinator), meetingId, claimId, TODAY), approveClaim(db, as(tb.coordinator), meetingId, claimId, TODAY)])
      : [await approveClaim(db, as(tb.coordinator), meetingId, claimId, TODAY), await approveClaim(db, as(tb.coordinator), meetingId, claimId, TODAY)];
    expect([first!.created, second!.created].sort()).toEqual([false, true]);
    expect(first!.entryId).toBe(second!.entryId);
    expect(await entries(personInvolvementAccount(resident.id))).toHaveLength(1);
    expect((await getBalances(db, [personInvolvementAccount(resident.id)])).get(personInvolvementAccount(resident.id))!.balanceMinor).toBe(460n);
    // Rejecting after approval changes nothing either.
    expect(await rejectClaim(db, as(tb.coordinator), meetingId, claimId, TODAY)).toMatchObject({ status: "paid", created: false });
  });

  it("lets only organisers of the meeting's organisation approve", async () => {
    const db = handle.db;
    const { meetingId, resident } = await attendedMeeting();
    const claimId = await claimExpense(db, as(resident), meetingId, { kind: "travel", amountMinor: 460n, description: "", choice: "pay", charityName: "" });
    const other = await makeTimebank(db);
    await expect(approveClaim(db, as(other.coordinator), meetingId, claimId, TODAY)).rejects.toMatchObject({ code: "meeting_not_organiser", status: 403 });
    await expect(approveClaim(db, as(resident), meetingId, claimId, TODAY)).rejects.toMatchObject({ code: "meeting_not_organiser", status: 403 });
    await expect(approveClaim(db, { user: null, ip: null }, meetingId, claimId, TODAY)).rejects.toMatchObject({ code: "meeting_not_organiser" });
    expect(await entries(personInvolvementAccount(resident.id))).toHaveLength(0);
    const admin = await makePerson(db, "Ada Admin");
    const result = await approveClaim(db, as({ ...admin, roles: [{ role: "admin", organisationId: null }] }), meetingId, claimId, TODAY);
    expect(result.status).toBe("paid");
  });

  it("does not approve a claim before the person is recorded as attending", async () => {
    const db = handle.db;
    const tb = await makeTimebank(db);
    const meetingId = await createMeeting(db, as(tb.coordinator), meetingInput(tb), TODAY);
    const resident = await makePerson(db, "Sam Signed");
    await signUp(db, as(resident), meetingId, { requirements: NO_NEEDS, dietaryNeeds: "", otherNeeds: "" }, TODAY);
    const claimId = await claimExpense(db, as(resident), meetingId, { kind: "travel", amountMinor: 460n, description: "", choice: "pay", charityName: "" });
    await expect(approveClaim(db, as(tb.coordinator), meetingId, claimId, TODAY)).rejects.toMatchObject({ code: "meeting_claim_not_attended" });
    const stranger = await makePerson(db, "Stan Stranger");
    await expect(claimExpense(db, as(stranger), meetingId, { kind: "travel", amountMinor: 460n, description: "", choice: "pay", charityName: "" })).rejects.toMatchObject({ code: "meeting_claim_not_attending" });
  });

  it("records attendance once: an hour credit for a timebank member, a payment for involvement, and nothing more the second time", async () => {
    const db = handle.db;
    const tb = await makeTimebank(db);
    const meetingId = await createMeeting(db, as(tb.coordinator), meetingInput(tb, { involvementPaymentMinor: 1000n }), TODAY);
    const member = await tb.enrol("Mia Member");
    const walkIn = await makePerson(db, "Wally Walkin");
    await signUp(db, as(member.user), meetingId, { requirements: NO_NEEDS, dietaryNeeds: "", otherNeeds: "" }, TODAY);
    const memberAccount = memberAccountCode(tb.timebankId, member.memberId);
    const before = (await getBalances(db, [memberAccount])).get(memberAccount)!.balanceMinor;

    const first = await recordAttendance(db, as(tb.coordinator), meetingId, { userId: member.user.id }, {}, TODAY);
    expect(first).toMatchObject({ created: true, walkedIn: false, creditCentihours: 100n, paymentMinor: 1000n });
    const again = await recordAttendance(db, as(tb.coordinator), meetingId, { userId: member.user.id }, {}, TODAY);
    expect(again).toMatchObject({ created: false, creditEntryId: first.creditEntryId, paymentEntryId: first.paymentEntryId });
    expect((await getBalances(db, [memberAccount])).get(memberAccount)!.balanceMinor).toBe(before + 100n);
    expect(await entries(personInvolvementAccount(member.user.id))).toHaveLength(1);

    // Someone who walked in, picked by email, not a member: paid but no hours; they may decline the payment.
    const walked = await recordAttendance(db, as(tb.coordinator), meetingId, { email: walkIn.email.toUpperCase() }, { declinePayment: true }, TODAY);
    expect(walked).toMatchObject({ created: true, walkedIn: true, creditCentihours: null, noCreditReason: "not_member", paymentMinor: null, paymentEntryId: null });
    expect(await entries(personInvolvementAccount(walkIn.id))).toHaveLength(0);
    await expect(recordAttendance(db, as(tb.coordinator), meetingId, { email: "nobody@example.org" }, {}, TODAY)).rejects.toMatchObject({ code: "meeting_person_not_found", field: "email" });
    await expect(recordAttendance(db, as(member.user), meetingId, { userId: walkIn.id }, {}, TODAY)).rejects.toMatchObject({ code: "meeting_not_organiser" });
    expect((await verifyLedger(db)).ok).toBe(true);
  });

  it("refuses coercion and educating as a meeting's level, and organisers of other organisations", async () => {
    const db = handle.db;
    const tb = await makeTimebank(db);
    await expect(createMeeting(db, as(tb.coordinator), meetingInput(tb, { involvement: "coercion" }), TODAY)).rejects.toMatchObject({ code: "meeting_level_to_avoid", field: "involvement", values: { level: "Coercion" } });
    await expect(createMeeting(db, as(tb.coordinator), meetingInput(tb, { involvement: "educating" }), TODAY)).rejects.toMatchObject({ code: "meeting_level_to_avoid" });
    await expect(createMeeting(db, as(tb.coordinator), meetingInput(tb, { date: "2026-11-24" }), TODAY)).rejects.toMatchObject({ code: "meeting_date_in_past" });
    await expect(createMeeting(db, as(tb.coordinator), meetingInput(tb, { timebankId: null }), TODAY)).rejects.toMatchObject({ code: "meeting_credit_needs_timebank" });
    const other = await makeTimebank(db);
    await expect(createMeeting(db, as(other.coordinator), meetingInput(tb), TODAY)).rejects.toMatchObject({ code: "meeting_not_organiser" });
    await expect(createMeeting(db, as(tb.coordinator), meetingInput(tb, { timebankId: other.timebankId }), TODAY)).rejects.toMatchObject({ code: "meeting_timebank_not_found" });
    expect(await db.selectFrom("meeting").select("id").where("organisation_id", "in", [tb.organisationId, other.organisationId]).execute()).toHaveLength(0);
  });

  it("summarises sign-ups' access requirements for the organiser, and lets people change or cancel", async () => {
    const db = handle.db;
    const tb = await makeTimebank(db);
    const meetingId = await createMeeting(db, as(tb.coordinator), meetingInput(tb, { date: "2026-12-03" }), TODAY);
    const ann = await makePerson(db, "Ann Access");
    const bob = await makePerson(db, "Bob Bsl");
    const cat = await makePerson(db, "Cat Cancel");
    await signUp(db, as(ann), meetingId, { requirements: { ...NO_NEEDS, largePrint: true, supporterComing: true }, dietaryNeeds: "Vegetarian", otherNeeds: "" }, TODAY);
    await signUp(db, as(bob), meetingId, { requirements: { ...NO_NEEDS, bslInterpreter: true, largePrint: true }, dietaryNeeds: "", otherNeeds: "Seat near the interpreter" }, TODAY);
    await signUp(db, as(cat), meetingId, { requirements: { ...NO_NEEDS, stepFree: true }, dietaryNeeds: "Halal", otherNeeds: "" }, TODAY);
    // Ann changes her sign-up; Cat cancels.
    await signUp(db, as(ann), meetingId, { requirements: { ...NO_NEEDS, largePrint: true, easyRead: true, supporterComing: true }, dietaryNeeds: "Vegetarian", otherNeeds: "" }, TODAY);
    await cancelSignUp(db, as(cat), meetingId, TODAY);
    await expect(cancelSignUp(db, as(cat), meetingId, TODAY)).rejects.toMatchObject({ code: "meeting_not_signed_up" });
    const view = await organiserView(db, as(tb.coordinator), meetingId);
    expect(view.summary.signedUp).toBe(2);
    const count = (key: string) => view.summary.counts.find((c) => c.key === key)!.count;
    expect([count("largePrint"), count("easyRead"), count("bslInterpreter"), count("stepFree"), count("supporterComing")]).toEqual([2, 1, 1, 0, 1]);
    expect(view.summary.supportersComing).toBe(1);
    expect(view.summary.dietaryNotes).toEqual([{ name: "Ann Access", note: "Vegetarian" }]);
    expect(view.signUps.map((s) => s.name)).toEqual(["Ann Access", "Bob Bsl"]);
    await expect(organiserView(db, as(ann), meetingId)).rejects.toMatchObject({ code: "meeting_not_organiser" });
    const upcoming = await listUpcomingMeetings(db, TODAY);
    expect(upcoming.find((m) => m.id === meetingId)).toMatchObject({ signedUp: 2, involvement: "co_production" });
    // Attendance cannot be recorded before the day.
    await expect(recordAttendance(db, as(tb.coordinator), meetingId, { userId: ann.id }, {}, TODAY)).rejects.toMatchObject({ code: "meeting_not_started" });
  });
});
