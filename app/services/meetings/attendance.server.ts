// Recording who attended. Attending can earn hours (through the timebank's participation reward,
// when the meeting is linked to a timebank and the person is an active member) and a payment for
// involvement (one ledger entry from the organisation's account). Recording twice pays once.
import { normaliseEmail } from "../../domain/account-rules.js";
import { DomainError, isDomainError } from "../../domain/errors.js";
import { displayAmount, formatMinor, toBigInt } from "../../domain/ledger/amount.js";
import { memoText } from "../../domain/timebank/exchange.js";
import { formatHours } from "../../domain/timebank/hours.js";
import { todayInLondon } from "../../domain/timebank/dates.js";
import { t } from "../../i18n/translate.js";
import { recordAudit } from "../audit.server.js";
import type { Actor } from "../current-user.js";
import { inTransaction } from "../ledger/db.server.js";
import { postEntry } from "../ledger/post.server.js";
import { rewardParticipation } from "../timebank/spending.server.js";
import { membershipOf } from "../timebank/timebanks.server.js";
import { openOrganisationAccount, openPersonAccount, requireOrganiserFor, tellPerson, type MeetingsDb } from "./access.server.js";
import { requireMeeting } from "./meetings.server.js";

export interface AttendanceResult {
  userId: number;
  name: string;
  /** False when this person's attendance was already recorded: nothing new was written or paid. */
  created: boolean;
  walkedIn: boolean;
  creditCentihours: bigint | null;
  creditEntryId: bigint | null;
  paymentMinor: bigint | null;
  paymentEntryId: bigint | null;
  /** Why no hours were given, when the meeting offers them. */
  noCreditReason: "not_member" | null;
}

/**
 * Records that a person attended: someone who signed up (by id) or who walked in (by email).
 * `declinePayment`: the person said they do not want the payment for involvement.
 */
export async function recordAttendance(
  db: MeetingsDb,
  actor: Actor,
  meetingId: number,
  who: { userId: number } | { email: string },
  options: { declinePayment?: boolean } = {},
  today: string = todayInLondon(),
): Promise<AttendanceResult> {
  const meeting = await requireMeeting(db, meetingId);
  const organiser = requireOrganiserFor(actor.user, meeting.organisationId);
  if (meeting.date > today) throw new DomainError("meeting_not_started", { status: 409 });
  const person =
    "userId" in who
      ? await db.selectFrom("app_user").select(["id", "name"]).where("id", "=", who.userId).executeTakeFirst()
      : await db.selectFrom("app_user").select(["id", "name"]).where("email_normalised", "=", normaliseEmail(who.email).slice(0, 254)).executeTakeFirst();
  if (!person) throw new DomainError("meeting_person_not_found", { field: "email" });
  try {
    return await inTransaction(db, async (trx) => {
      // One recording at a time per meeting, so a double click cannot pay twice.
      await trx.selectFrom("meeting").select("id").where("id", "=", meetingId).forUpdate().executeTakeFirstOrThrow();
      const existing = await trx.selectFrom("meeting_attendance").selectAll().where("meeting_id", "=", meetingId).where("user_id", "=", person.id).executeTakeFirst();
      if (existing) {
        return {
          userId: person.id,
          name: person.name,
          created: false,
          walkedIn: existing.walked_in,
          creditCentihours: existing.credit_centihours === null ? null : toBigInt(existing.credit_centihours),
          creditEntryId: existing.credit_entry_id === null ? null : toBigInt(existing.credit_entry_id),
          paymentMinor: existing.payment_minor === null ? null : toBigInt(existing.payment_minor),
          paymentEntryId: existing.payment_entry_id === null ? null : toBigInt(existing.payment_entry_id),
          noCreditReason: null,
        };
      }
      const signUp = await trx.selectFrom("meeting_signup").select("id").where("meeting_id", "=", meetingId).where("user_id", "=", person.id).where("status", "=", "signed_up").executeTakeFirst();
      const walkedIn = !signUp;

      let creditCentihours: bigint | null = null;
      let creditEntryId: bigint | null = null;
      let noCreditReason: AttendanceResult["noCreditReason"] = null;
      if (meeting.creditCentihours !== null && meeting.timebankId !== null && meeting.timebankSlug !== null) {
        const membership = await membershipOf(trx, meeting.timebankId, person.id);
        if (membership?.status === "active") {
          const sponsor = await trx.selectFrom("timebank_member").select("id").where("timebank_id", "=", meeting.timebankId).where("organisation_id", "=", meeting.organisationId).executeTakeFirstOrThrow();
          creditEntryId = await rewardParticipation(trx, organiser, meeting.timebankSlug, {
            sponsorMemberId: sponsor.id,
            memberIds: [membership.memberId],
            centihours: meeting.creditCentihours,
            occasion: memoText(meeting.title),
            requestKey: `meeting-${meetingId}-person-${person.id}`,
          });
          creditCentihours = meeting.creditCentihours;
        } else {
          noCreditReason = "not_member";
        }
      }

      let paymentMinor: bigint | null = null;
      let paymentEntryId: bigint | null = null;
      const declined = meeting.involvementPaymentMinor !== null && options.declinePayment === true;
      if (meeting.involvementPaymentMinor !== null && !declined) {
        const from = await openOrganisationAccount(trx, meeting.organisationId);
        const to = await openPersonAccount(trx, person.id);
        const amount = formatMinor(meeting.involvementPaymentMinor, "GBP");
        const posted = await postEntry(trx, {
          idempotencyKey: `meeting:${meetingId}:involvement:${person.id}`, // i18n-exempt: ledger idempotency key
          kind: "meeting_involvement_payment",
          memo: memoText(t("meetings.ledger.memo.involvementPayment", { title: meeting.title })),
          metadata: { meeting: String(meetingId), person: String(person.id), paid_on: today },
          createdBy: `user:${organiser.id}`,
          postings: [
            { accountCode: from.code, unit: "GBP", amount: `-${amount}` },
            { accountCode: to.code, unit: "GBP", amount },
          ],
        });
        paymentMinor = meeting.involvementPaymentMinor;
        paymentEntryId = posted.entryId;
      }

      await trx
        .insertInto("meeting_attendance")
        .values({
          meeting_id: meetingId,
          user_id: person.id,
          walked_in: walkedIn,
          credit_centihours: creditCentihours,
          credit_entry_id: creditEntryId,
          payment_minor: paymentMinor,
          payment_entry_id: paymentEntryId,
          payment_declined: declined,
          recorded_by_user_id: organiser.id,
        })
        .execute();
      await recordAudit(trx, {
        actorUserId: organiser.id,
        action: "meeting.attendance_recorded",
        subjectType: "meeting",
        subjectId: meetingId,
        ip: actor.ip,
        details: { personId: person.id, walkedIn, creditEntryId: creditEntryId?.toString() ?? null, paymentEntryId: paymentEntryId?.toString() ?? null, paymentDeclined: declined },
      });
      // One sentence each, separated by spaces.
      const thanks = [t("meetings.message.attended.thanks", { title: meeting.title })];
      if (creditCentihours !== null) {
        const hours = formatHours(creditCentihours);
        thanks.push(meeting.timebankName !== null ? t("meetings.message.attended.earned", { hours, timebank: meeting.timebankName }) : t("meetings.message.attended.earnedInTheTimebank", { hours }));
      }
      if (paymentMinor !== null) thanks.push(t("meetings.message.attended.paid", { amount: displayAmount(paymentMinor, "GBP") }));
      if (declined) thanks.push(t("meetings.message.attended.declined"));
      await tellPerson(trx, person.id, { kind: "meeting_attended", subject: t("meetings.message.attended.subject", { title: meeting.title }).slice(0, 200), body: thanks.join(" "), link: `/meetings/${meetingId}` });
      return { userId: person.id, name: person.name, created: true, walkedIn, creditCentihours, creditEntryId, paymentMinor, paymentEntryId, noCreditReason };
    });
  } catch (error) {
    if (isDomainError(error) && error.code === "timebank_not_coordinator") throw new DomainError("meeting_not_coordinator", { status: 409 });
    throw error;
  }
}
