// Expenses paid on the day. A participant claims travel, childcare or care cover (one claim of
// each type per meeting, at most £200) and says what they want: to be paid, not to be paid, or
// for it to go to a named charity. The organiser approves on the spot; a paid or donated claim
// is ONE balanced ledger entry from the organisation's account, posted in the same transaction
// that marks the claim decided. Approving twice pays once.
import type { ExpenseChoice, ExpenseKind, ExpenseStatus } from "../../../db/schema-meetings.js";
import { DomainError } from "../../domain/errors.js";
import { displayAmount, formatMinor, toBigInt } from "../../domain/ledger/amount.js";
import { MEETING_LIMITS, checkClaimAmountMinor, claimOutcome, expenseKindLabel, isExpenseChoice, isExpenseKind } from "../../domain/meetings/rules.js";
import { memoText } from "../../domain/timebank/exchange.js";
import { todayInLondon } from "../../domain/timebank/dates.js";
import { t } from "../../i18n/translate.js";
import { recordAudit } from "../audit.server.js";
import type { Actor, CurrentUser } from "../current-user.js";
import { getAccount } from "../ledger/accounts.server.js";
import { inTransaction } from "../ledger/db.server.js";
import { postEntry } from "../ledger/post.server.js";
import { getStatement, type StatementLine } from "../ledger/reports.server.js";
import { openCharityAccount, openOrganisationAccount, openPersonAccount, personInvolvementAccount, requireOrganiserFor, tellPerson, type MeetingsDb } from "./access.server.js";
import { requireMeeting } from "./meetings.server.js";

export interface ClaimInput {
  kind: string;
  amountMinor: bigint;
  description: string;
  choice: string;
  charityName: string;
}

export interface Claim {
  id: number;
  meetingId: number;
  userId: number;
  name: string;
  kind: ExpenseKind;
  amountMinor: bigint;
  description: string;
  choice: ExpenseChoice;
  charityName: string | null;
  status: ExpenseStatus;
  entryId: bigint | null;
  decidedOn: string | null;
  attended: boolean;
}

/** A signed-in person who signed up for or attended the meeting claims an expense. */
export async function claimExpense(db: MeetingsDb, actor: Actor, meetingId: number, input: ClaimInput): Promise<number> {
  const user = actor.user;
  if (!user) throw new DomainError("forbidden", { status: 403 });
  if (!isExpenseKind(input.kind)) throw new DomainError("meeting_claim_kind_missing", { field: "kind" });
  const amountMinor = checkClaimAmountMinor(input.amountMinor);
  if (!isExpenseChoice(input.choice)) throw new DomainError("meeting_claim_choice_missing", { field: "choice" });
  const description = memoText(input.description);
  if (description.length > MEETING_LIMITS.claimDescriptionChars) throw new DomainError("timebank_text_too_long", { values: { maximum: MEETING_LIMITS.claimDescriptionChars }, field: "description" });
  const charityName = input.choice === "donate" ? memoText(input.charityName) : "";
  if (input.choice === "donate" && charityName.length === 0) throw new DomainError("meeting_claim_charity_missing", { field: "charityName" });
  if (charityName.length > MEETING_LIMITS.charityNameChars) throw new DomainError("timebank_text_too_long", { values: { maximum: MEETING_LIMITS.charityNameChars }, field: "charityName" });
  const meeting = await requireMeeting(db, meetingId);
  const kind = input.kind;
  return inTransaction(db, async (trx) => {
    const signedUp = await trx.selectFrom("meeting_signup").select("id").where("meeting_id", "=", meetingId).where("user_id", "=", user.id).where("status", "=", "signed_up").executeTakeFirst();
    const attended = await trx.selectFrom("meeting_attendance").select("id").where("meeting_id", "=", meetingId).where("user_id", "=", user.id).executeTakeFirst();
    if (!signedUp && !attended) throw new DomainError("meeting_claim_not_attending", { status: 409 });
    const duplicate = await trx.selectFrom("meeting_expense_claim").select("id").where("meeting_id", "=", meetingId).where("user_id", "=", user.id).where("kind", "=", kind).executeTakeFirst();
    if (duplicate) throw new DomainError("meeting_claim_duplicate", { values: { kind: expenseKindLabel(kind) }, field: "kind", status: 409 });
    // The unique constraint settles two claims sent at once: the second inserts nothing.
    const row = await trx
      .insertInto("meeting_expense_claim")
      .values({ meeting_id: meetingId, user_id: user.id, kind, amount_minor: amountMinor, description, choice: input.choice as ExpenseChoice, charity_name: input.choice === "donate" ? charityName : null })
      .onConflict((conflict) => conflict.columns(["meeting_id", "user_id", "kind"]).doNothing())
      .returning("id")
      .executeTakeFirst();
    if (!row) throw new DomainError("meeting_claim_duplicate", { values: { kind: expenseKindLabel(kind) }, field: "kind", status: 409 });
    await recordAudit(trx, { actorUserId: user.id, action: "meeting.expense_claimed", subjectType: "meeting", subjectId: meeting.id, ip: actor.ip, details: { claimId: row.id, kind, amount: formatMinor(amountMinor, "GBP"), choice: input.choice } });
    return row.id;
  });
}

export interface DecisionResult {
  claimId: number;
  status: ExpenseStatus;
  entryId: bigint | null;
  /** False when the claim had already been decided: nothing new was written or paid. */
  created: boolean;
}

/**
 * The organiser approves a claim on the spot. What happens follows the participant's choice:
 * paid to them, given to the named charity (the entry goes to the charity-donations account), or
 * declined (recorded, nothing posted). Only organisers of the meeting's organisation may approve.
 */
export async function approveClaim(db: MeetingsDb, actor: Actor, meetingId: number, claimId: number, today: string = todayInLondon()): Promise<DecisionResult> {
  return decide(db, actor, meetingId, claimId, "approve", today);
}

/** The organiser does not approve a claim (for example, it was not for this meeting). Nothing is paid. */
export async function rejectClaim(db: MeetingsDb, actor: Actor, meetingId: number, claimId: number, today: string = todayInLondon()): Promise<DecisionResult> {
  return decide(db, actor, meetingId, claimId, "reject", today);
}

async function decide(db: MeetingsDb, actor: Actor, meetingId: number, claimId: number, action: "approve" | "reject", today: string): Promise<DecisionResult> {
  const meeting = await requireMeeting(db, meetingId);
  const organiser = requireOrganiserFor(actor.user, meeting.organisationId);
  return inTransaction(db, async (trx) => {
    const claim = await trx
      .selectFrom("meeting_expense_claim as c")
      .innerJoin("app_user as u", "u.id", "c.user_id")
      .selectAll("c")
      .select("u.name")
      .where("c.id", "=", claimId)
      .where("c.meeting_id", "=", meetingId)
      .forUpdate("c")
      .executeTakeFirst();
    if (!claim) throw new DomainError("meeting_claim_not_found", { status: 404 });
    if (claim.status !== "pending") {
      return { claimId, status: claim.status, entryId: claim.entry_id === null ? null : toBigInt(claim.entry_id), created: false };
    }
    const amountMinor = toBigInt(claim.amount_minor);
    let status: ExpenseStatus;
    let entryId: bigint | null = null;
    if (action === "reject") {
      status = "rejected";
    } else {
      const attended = await trx.selectFrom("meeting_attendance").select("id").where("meeting_id", "=", meetingId).where("user_id", "=", claim.user_id).executeTakeFirst();
      if (!attended) throw new DomainError("meeting_claim_not_attended", { values: { name: claim.name }, status: 409 });
      if (claim.choice === "decline") {
        status = "declined";
      } else {
        const from = await openOrganisationAccount(trx, meeting.organisationId);
        const to = claim.choice === "pay" ? await openPersonAccount(trx, claim.user_id) : await openCharityAccount(trx, meeting.organisationId);
        const amount = formatMinor(amountMinor, "GBP");
        const label = expenseKindLabel(claim.kind).toLowerCase();
        const posted = await postEntry(trx, {
          idempotencyKey: `meeting:claim:${claimId}`,
          kind: claim.choice === "pay" ? "meeting_expense_paid" : "meeting_expense_donated",
          memo: memoText(
            claim.choice === "pay"
              ? t("meetings.ledger.memo.expensePaid", { kind: expenseKindLabel(claim.kind), title: meeting.title })
              : claim.charity_name !== null
                ? t("meetings.ledger.memo.expenseDonated", { kind: expenseKindLabel(claim.kind), charity: claim.charity_name, title: meeting.title })
                : t("meetings.ledger.memo.expenseDonatedToCharity", { kind: expenseKindLabel(claim.kind), title: meeting.title }),
          ),
          metadata: {
            meeting: String(meetingId),
            claim: String(claimId),
            person: String(claim.user_id),
            expense: label,
            paid_on: today,
            ...(claim.charity_name ? { charity: claim.charity_name.slice(0, 200) } : {}),
          },
          createdBy: `user:${organiser.id}`,
          postings: [
            { accountCode: from.code, unit: "GBP", amount: `-${amount}` },
            { accountCode: to.code, unit: "GBP", amount },
          ],
        });
        entryId = posted.entryId;
        status = claim.choice === "pay" ? "paid" : "donated";
      }
    }
    await trx
      .updateTable("meeting_expense_claim")
      .set({ status, entry_id: entryId, decided_by_user_id: organiser.id, decided_at: new Date(), decided_on: today, updated_at: new Date() })
      .where("id", "=", claimId)
      .where("status", "=", "pending")
      .execute();
    await recordAudit(trx, {
      actorUserId: organiser.id,
      action: action === "approve" ? "meeting.expense_approved" : "meeting.expense_rejected",
      subjectType: "meeting",
      subjectId: meetingId,
      ip: actor.ip,
      details: { claimId, personId: claim.user_id, status, amount: formatMinor(amountMinor, "GBP"), entryId: entryId?.toString() ?? null },
    });
    const outcome = claimOutcome({ status, amountMinor, decidedOn: today, charityName: claim.charity_name });
    await tellPerson(trx, claim.user_id, {
      kind: "meeting_expense",
      subject: t("meetings.message.claim.subject", { kind: expenseKindLabel(claim.kind).toLowerCase(), title: meeting.title }).slice(0, 200),
      body: claim.description
        ? t("meetings.message.claim.bodyWithDescription", { outcome, kind: expenseKindLabel(claim.kind), amount: displayAmount(amountMinor, "GBP"), description: claim.description })
        : t("meetings.message.claim.body", { outcome, kind: expenseKindLabel(claim.kind), amount: displayAmount(amountMinor, "GBP") }),
      link: "/meetings/payments",
    });
    return { claimId, status, entryId, created: true };
  });
}

function claimFromRow(row: {
  id: number; meeting_id: number; user_id: number; name: string; kind: ExpenseKind; amount_minor: bigint; description: string; choice: ExpenseChoice;
  charity_name: string | null; status: ExpenseStatus; entry_id: bigint | null; decided_on: string | null; attendance_id: number | null;
}): Claim {
  return {
    id: row.id,
    meetingId: row.meeting_id,
    userId: row.user_id,
    name: row.name,
    kind: row.kind,
    amountMinor: toBigInt(row.amount_minor),
    description: row.description,
    choice: row.choice,
    charityName: row.charity_name,
    status: row.status,
    entryId: row.entry_id === null ? null : toBigInt(row.entry_id),
    decidedOn: row.decided_on,
    attended: row.attendance_id !== null,
  };
}

function claimsQuery(db: MeetingsDb) {
  return db
    .selectFrom("meeting_expense_claim as c")
    .innerJoin("app_user as u", "u.id", "c.user_id")
    .leftJoin("meeting_attendance as a", (join) => join.onRef("a.meeting_id", "=", "c.meeting_id").onRef("a.user_id", "=", "c.user_id"))
    .select(["c.id", "c.meeting_id", "c.user_id", "u.name", "c.kind", "c.amount_minor", "c.description", "c.choice", "c.charity_name", "c.status", "c.entry_id", "c.decided_on", "a.id as attendance_id"]);
}

/** Every claim for a meeting, oldest first. Organisers only. */
export async function claimsForMeeting(db: MeetingsDb, actor: Actor, meetingId: number): Promise<Claim[]> {
  const meeting = await requireMeeting(db, meetingId);
  requireOrganiserFor(actor.user, meeting.organisationId);
  const rows = await claimsQuery(db).where("c.meeting_id", "=", meetingId).orderBy("c.id").limit(MEETING_LIMITS.claimsListed).execute();
  return rows.map(claimFromRow);
}

export async function myClaimsFor(db: MeetingsDb, user: CurrentUser, meetingId: number): Promise<Claim[]> {
  const rows = await claimsQuery(db).where("c.meeting_id", "=", meetingId).where("c.user_id", "=", user.id).orderBy("c.id").limit(10).execute();
  return rows.map(claimFromRow);
}

export interface MyPayments {
  claims: (Claim & { meetingTitle: string; outcome: string })[];
  attendance: { meetingId: number; meetingTitle: string; date: string; creditCentihours: bigint | null; paymentMinor: bigint | null; paymentDeclined: boolean }[];
  /** Everything paid to this person, read from their ledger account. */
  receivedMinor: bigint;
  accountCode: string;
  /** The ledger statement of the person's account, newest first (the latest 50 lines). */
  statement: StatementLine[];
}

/** A person's own claims, attendance rewards and the total paid to them, from the ledger. */
export async function myPayments(db: MeetingsDb, user: CurrentUser): Promise<MyPayments> {
  const rows = await claimsQuery(db)
    .innerJoin("meeting as m", "m.id", "c.meeting_id")
    .select("m.title as meeting_title")
    .where("c.user_id", "=", user.id)
    .orderBy("c.id", "desc")
    .limit(MEETING_LIMITS.claimsListed)
    .execute();
  const attendance = await db
    .selectFrom("meeting_attendance as a")
    .innerJoin("meeting as m", "m.id", "a.meeting_id")
    .select(["a.meeting_id", "m.title", "m.meeting_date", "a.credit_centihours", "a.payment_minor", "a.payment_declined"])
    .where("a.user_id", "=", user.id)
    .orderBy("m.meeting_date", "desc")
    .limit(MEETING_LIMITS.claimsListed)
    .execute();
  const account = await getAccount(db, personInvolvementAccount(user.id));
  return {
    claims: rows.map((row) => {
      const claim = claimFromRow(row);
      return { ...claim, meetingTitle: row.meeting_title, outcome: claimOutcome(claim) };
    }),
    attendance: attendance.map((a) => ({
      meetingId: a.meeting_id,
      meetingTitle: a.title,
      date: a.meeting_date,
      creditCentihours: a.credit_centihours === null ? null : toBigInt(a.credit_centihours),
      paymentMinor: a.payment_minor === null ? null : toBigInt(a.payment_minor),
      paymentDeclined: a.payment_declined,
    })),
    receivedMinor: account?.balanceMinor ?? 0n,
    accountCode: personInvolvementAccount(user.id),
    statement: account ? (await getStatement(db, { accountCode: account.code, pageSize: 50 })).lines : [],
  };
}
