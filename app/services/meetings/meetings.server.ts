// Creating meetings, the public list and page, and sign-ups with access requirements.
import { sql } from "kysely";
import type { InvolvementLevel } from "../../../db/schema-meetings.js";
import { DomainError } from "../../domain/errors.js";
import { toBigInt } from "../../domain/ledger/amount.js";
import { ACCESS_REQUIREMENTS, MEETING_LIMITS, checkInvolvementLevel, summariseSignUps, type AccessRequirements, type SignUpSummary } from "../../domain/meetings/rules.js";
import { addDays, todayInLondon } from "../../domain/timebank/dates.js";
import { hasRole } from "../../domain/roles.js";
import { recordAudit } from "../audit.server.js";
import type { Actor, CurrentUser } from "../current-user.js";
import { inTransaction } from "../ledger/db.server.js";
import { isOrganiserFor, requireOrganiserFor, type MeetingsDb } from "./access.server.js";

export interface MeetingInput {
  title: string;
  organisationId: number;
  roundId: number | null;
  timebankId: number | null;
  date: string;
  startTime: string;
  endTime: string;
  venueName: string;
  venueAddress: string;
  venue: { stepFree: boolean; hearingLoop: boolean; quietRoom: boolean; nearPublicTransport: boolean };
  accessNotes: string;
  agenda: string;
  involvement: string;
  creditCentihours: bigint | null;
  involvementPaymentMinor: bigint | null;
}

export interface Meeting {
  id: number;
  organisationId: number;
  organisationName: string;
  roundId: number | null;
  roundSlug: string | null;
  roundTitle: string | null;
  timebankId: number | null;
  timebankSlug: string | null;
  timebankName: string | null;
  title: string;
  date: string;
  startTime: string;
  endTime: string;
  venueName: string;
  venueAddress: string;
  venue: { stepFree: boolean; hearingLoop: boolean; quietRoom: boolean; nearPublicTransport: boolean };
  accessNotes: string;
  agenda: string;
  involvement: InvolvementLevel;
  creditCentihours: bigint | null;
  involvementPaymentMinor: bigint | null;
}

function meetingQuery(db: MeetingsDb) {
  return db
    .selectFrom("meeting as m")
    .innerJoin("organisation as o", "o.id", "m.organisation_id")
    .leftJoin("budget_round as r", "r.id", "m.round_id")
    .leftJoin("timebank as t", "t.id", "m.timebank_id")
    .select([
      "m.id", "m.organisation_id", "o.name as organisation_name", "m.round_id", "r.slug as round_slug", "r.title as round_title",
      "m.timebank_id", "t.slug as timebank_slug", "t.name as timebank_name", "m.title", "m.meeting_date", "m.start_time", "m.end_time",
      "m.venue_name", "m.venue_address", "m.step_free", "m.hearing_loop", "m.quiet_room", "m.near_public_transport", "m.access_notes",
      "m.agenda", "m.involvement", "m.credit_centihours", "m.involvement_payment_minor",
    ]);
}

type MeetingRow = Awaited<ReturnType<ReturnType<typeof meetingQuery>["executeTakeFirstOrThrow"]>>;

function meetingFromRow(row: MeetingRow): Meeting {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    roundId: row.round_id,
    roundSlug: row.round_slug,
    roundTitle: row.round_title,
    timebankId: row.timebank_id,
    timebankSlug: row.timebank_slug,
    timebankName: row.timebank_name,
    title: row.title,
    date: row.meeting_date,
    startTime: row.start_time,
    endTime: row.end_time,
    venueName: row.venue_name,
    venueAddress: row.venue_address,
    venue: { stepFree: row.step_free, hearingLoop: row.hearing_loop, quietRoom: row.quiet_room, nearPublicTransport: row.near_public_transport },
    accessNotes: row.access_notes,
    agenda: row.agenda,
    involvement: row.involvement,
    creditCentihours: row.credit_centihours === null ? null : toBigInt(row.credit_centihours),
    involvementPaymentMinor: row.involvement_payment_minor === null ? null : toBigInt(row.involvement_payment_minor),
  };
}

export async function requireMeeting(db: MeetingsDb, meetingId: number): Promise<Meeting> {
  if (!Number.isSafeInteger(meetingId) || meetingId <= 0) throw new DomainError("meeting_not_found", { status: 404 });
  const row = await meetingQuery(db).where("m.id", "=", meetingId).executeTakeFirst();
  if (!row) throw new DomainError("meeting_not_found", { status: 404 });
  return meetingFromRow(row);
}

function checkText(value: string, maximum: number, field: string, missing: string): string {
  const text = value.trim();
  if (text.length === 0) throw new DomainError(missing, { field });
  if (text.length > maximum) throw new DomainError("timebank_text_too_long", { values: { maximum }, field });
  return text;
}

/** An organiser creates a meeting. Coercion and educating are refused as a meeting's level. */
export async function createMeeting(db: MeetingsDb, actor: Actor, input: MeetingInput, today: string = todayInLondon()): Promise<number> {
  const user = requireOrganiserFor(actor.user, input.organisationId);
  const involvement = checkInvolvementLevel(input.involvement);
  const title = checkText(input.title, MEETING_LIMITS.titleChars, "title", "meeting_title_missing");
  const venueName = checkText(input.venueName, MEETING_LIMITS.venueNameChars, "venueName", "meeting_venue_missing");
  const venueAddress = checkText(input.venueAddress, MEETING_LIMITS.venueAddressChars, "venueAddress", "meeting_venue_missing");
  const agenda = checkText(input.agenda, MEETING_LIMITS.agendaChars, "agenda", "meeting_agenda_missing");
  if (input.accessNotes.length > MEETING_LIMITS.accessNotesChars) throw new DomainError("timebank_text_too_long", { values: { maximum: MEETING_LIMITS.accessNotesChars }, field: "accessNotes" });
  if (input.date < today) throw new DomainError("meeting_date_in_past", { field: "date" });
  if (input.date > addDays(today, MEETING_LIMITS.maxDaysAhead)) throw new DomainError("meeting_date_too_far", { values: { days: MEETING_LIMITS.maxDaysAhead }, field: "date" });
  if (!(input.startTime < input.endTime)) throw new DomainError("meeting_times_order", { field: "endTime" });
  if (input.creditCentihours !== null && input.timebankId === null) throw new DomainError("meeting_credit_needs_timebank", { field: "timebankId" });
  if (input.creditCentihours !== null && (input.creditCentihours <= 0n || input.creditCentihours > MEETING_LIMITS.maxCreditCentihours)) {
    throw new DomainError("timebank_hours_too_large", { values: { maximum: "24" }, field: "creditHours" });
  }
  if (input.involvementPaymentMinor !== null && (input.involvementPaymentMinor <= 0n || input.involvementPaymentMinor > MEETING_LIMITS.maxInvolvementPaymentMinor)) {
    throw new DomainError("meeting_claim_over_maximum", { values: { maximum: "£200" }, field: "involvementPayment" });
  }
  return inTransaction(db, async (trx) => {
    if (input.roundId !== null) {
      const round = await trx.selectFrom("budget_round").select("id").where("id", "=", input.roundId).where("organisation_id", "=", input.organisationId).executeTakeFirst();
      if (!round) throw new DomainError("meeting_round_not_found", { field: "roundId" });
    }
    if (input.timebankId !== null) {
      const timebank = await trx.selectFrom("timebank").select("id").where("id", "=", input.timebankId).where("organisation_id", "=", input.organisationId).executeTakeFirst();
      if (!timebank) throw new DomainError("meeting_timebank_not_found", { field: "timebankId" });
    }
    const row = await trx
      .insertInto("meeting")
      .values({
        organisation_id: input.organisationId,
        round_id: input.roundId,
        timebank_id: input.timebankId,
        title,
        meeting_date: input.date,
        start_time: input.startTime,
        end_time: input.endTime,
        venue_name: venueName,
        venue_address: venueAddress,
        step_free: input.venue.stepFree,
        hearing_loop: input.venue.hearingLoop,
        quiet_room: input.venue.quietRoom,
        near_public_transport: input.venue.nearPublicTransport,
        access_notes: input.accessNotes.trim(),
        agenda,
        involvement,
        credit_centihours: input.creditCentihours,
        involvement_payment_minor: input.involvementPaymentMinor,
        created_by_user_id: user.id,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordAudit(trx, { actorUserId: user.id, action: "meeting.created", subjectType: "meeting", subjectId: row.id, ip: actor.ip, details: { organisationId: input.organisationId, date: input.date, involvement } });
    return row.id;
  });
}

export interface OrganiserChoices {
  organisations: { id: number; name: string }[];
  rounds: { id: number; title: string; organisationId: number }[];
  timebanks: { id: number; name: string; organisationId: number }[];
}

/** The organisations a person can organise meetings for, with their rounds and timebanks. */
export async function organiserChoices(db: MeetingsDb, user: CurrentUser): Promise<OrganiserChoices> {
  const isAdmin = hasRole(user.roles, "admin");
  const ids = user.roles.filter((g) => (g.role === "officer" || g.role === "coordinator") && g.organisationId !== null).map((g) => g.organisationId!);
  if (!isAdmin && ids.length === 0) return { organisations: [], rounds: [], timebanks: [] };
  let organisations = db.selectFrom("organisation").select(["id", "name"]).orderBy("name").limit(200);
  if (!isAdmin) organisations = organisations.where("id", "in", ids);
  const orgs = await organisations.execute();
  const orgIds = orgs.map((o) => o.id);
  if (orgIds.length === 0) return { organisations: [], rounds: [], timebanks: [] };
  const rounds = await db.selectFrom("budget_round").select(["id", "title", "organisation_id"]).where("organisation_id", "in", orgIds).orderBy("title").limit(200).execute();
  const timebanks = await db.selectFrom("timebank").select(["id", "name", "organisation_id"]).where("organisation_id", "in", orgIds).orderBy("name").limit(200).execute();
  return {
    organisations: orgs,
    rounds: rounds.map((r) => ({ id: r.id, title: r.title, organisationId: r.organisation_id })),
    timebanks: timebanks.map((t) => ({ id: t.id, name: t.name, organisationId: t.organisation_id })),
  };
}

export interface MeetingListItem {
  id: number;
  title: string;
  organisationName: string;
  date: string;
  startTime: string;
  endTime: string;
  venueName: string;
  involvement: InvolvementLevel;
  signedUp: number;
}

/** Meetings from today on, soonest first. Public. */
export async function listUpcomingMeetings(db: MeetingsDb, today: string = todayInLondon()): Promise<MeetingListItem[]> {
  const rows = await db
    .selectFrom("meeting as m")
    .innerJoin("organisation as o", "o.id", "m.organisation_id")
    .select([
      "m.id", "m.title", "o.name as organisation_name", "m.meeting_date", "m.start_time", "m.end_time", "m.venue_name", "m.involvement",
      (eb) => eb.selectFrom("meeting_signup as s").select(sql<string>`count(*)`.as("n")).whereRef("s.meeting_id", "=", "m.id").where("s.status", "=", "signed_up").as("signed_up"),
    ])
    .where("m.meeting_date", ">=", today)
    .orderBy("m.meeting_date")
    .orderBy("m.start_time")
    .orderBy("m.id")
    .limit(MEETING_LIMITS.upcomingPageSize)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    organisationName: row.organisation_name,
    date: row.meeting_date,
    startTime: row.start_time,
    endTime: row.end_time,
    venueName: row.venue_name,
    involvement: row.involvement,
    signedUp: Number(row.signed_up ?? 0),
  }));
}

export interface SignUpInput {
  requirements: AccessRequirements;
  dietaryNeeds: string;
  otherNeeds: string;
}

export interface MySignUp extends SignUpInput {
  status: "signed_up" | "cancelled";
}

function requirementsFromRow(row: Record<string, unknown>): AccessRequirements {
  return Object.fromEntries(ACCESS_REQUIREMENTS.map((r) => [r.key, row[r.column] === true])) as AccessRequirements;
}

export async function signUpOf(db: MeetingsDb, meetingId: number, userId: number): Promise<MySignUp | null> {
  const row = await db.selectFrom("meeting_signup").selectAll().where("meeting_id", "=", meetingId).where("user_id", "=", userId).executeTakeFirst();
  if (!row) return null;
  return { status: row.status, requirements: requirementsFromRow(row), dietaryNeeds: row.dietary_needs, otherNeeds: row.other_needs };
}

/** A signed-in person signs up (or changes their sign-up) with their access requirements. */
export async function signUp(db: MeetingsDb, actor: Actor, meetingId: number, input: SignUpInput, today: string = todayInLondon()): Promise<void> {
  const user = actor.user;
  if (!user) throw new DomainError("forbidden", { status: 403 });
  const meeting = await requireMeeting(db, meetingId);
  if (meeting.date < today) throw new DomainError("meeting_is_over", { status: 409 });
  if (input.dietaryNeeds.length > MEETING_LIMITS.dietaryChars) throw new DomainError("timebank_text_too_long", { values: { maximum: MEETING_LIMITS.dietaryChars }, field: "dietaryNeeds" });
  if (input.otherNeeds.length > MEETING_LIMITS.otherNeedsChars) throw new DomainError("timebank_text_too_long", { values: { maximum: MEETING_LIMITS.otherNeedsChars }, field: "otherNeeds" });
  const values = {
    status: "signed_up" as const,
    large_print: input.requirements.largePrint,
    easy_read: input.requirements.easyRead,
    bsl_interpreter: input.requirements.bslInterpreter,
    hearing_loop: input.requirements.hearingLoop,
    step_free: input.requirements.stepFree,
    supporter_coming: input.requirements.supporterComing,
    dietary_needs: input.dietaryNeeds.trim(),
    other_needs: input.otherNeeds.trim(),
  };
  await db
    .insertInto("meeting_signup")
    .values({ meeting_id: meetingId, user_id: user.id, ...values })
    .onConflict((conflict) => conflict.columns(["meeting_id", "user_id"]).doUpdateSet({ ...values, updated_at: new Date() }))
    .execute();
}

export async function cancelSignUp(db: MeetingsDb, actor: Actor, meetingId: number, today: string = todayInLondon()): Promise<void> {
  const user = actor.user;
  if (!user) throw new DomainError("forbidden", { status: 403 });
  const meeting = await requireMeeting(db, meetingId);
  if (meeting.date < today) throw new DomainError("meeting_is_over", { status: 409 });
  const updated = await db
    .updateTable("meeting_signup")
    .set({ status: "cancelled", updated_at: new Date() })
    .where("meeting_id", "=", meetingId)
    .where("user_id", "=", user.id)
    .where("status", "=", "signed_up")
    .returning("id")
    .executeTakeFirst();
  if (!updated) throw new DomainError("meeting_not_signed_up", { status: 409 });
}

export interface OrganiserSignUp {
  userId: number;
  name: string;
  email: string;
  requirements: AccessRequirements;
  dietaryNeeds: string;
  otherNeeds: string;
  attended: boolean;
}

export interface OrganiserView {
  meeting: Meeting;
  summary: SignUpSummary;
  signUps: OrganiserSignUp[];
  attendance: { userId: number; name: string; walkedIn: boolean; creditCentihours: bigint | null; paymentMinor: bigint | null; paymentDeclined: boolean }[];
}

/** What an organiser sees before (and on the day of) the meeting: the summary of needs and the list. */
export async function organiserView(db: MeetingsDb, actor: Actor, meetingId: number): Promise<OrganiserView> {
  const meeting = await requireMeeting(db, meetingId);
  requireOrganiserFor(actor.user, meeting.organisationId);
  const rows = await db
    .selectFrom("meeting_signup as s")
    .innerJoin("app_user as u", "u.id", "s.user_id")
    .leftJoin("meeting_attendance as a", (join) => join.onRef("a.meeting_id", "=", "s.meeting_id").onRef("a.user_id", "=", "s.user_id"))
    .selectAll("s")
    .select(["u.name", "u.email", "a.id as attendance_id"])
    .where("s.meeting_id", "=", meetingId)
    .where("s.status", "=", "signed_up")
    .orderBy("u.name")
    .limit(MEETING_LIMITS.signUpsListed)
    .execute();
  const signUps = rows.map((row) => ({
    userId: row.user_id,
    name: row.name,
    email: row.email,
    requirements: requirementsFromRow(row),
    dietaryNeeds: row.dietary_needs,
    otherNeeds: row.other_needs,
    attended: row.attendance_id !== null,
  }));
  const attendance = await db
    .selectFrom("meeting_attendance as a")
    .innerJoin("app_user as u", "u.id", "a.user_id")
    .select(["a.user_id", "u.name", "a.walked_in", "a.credit_centihours", "a.payment_minor", "a.payment_declined"])
    .where("a.meeting_id", "=", meetingId)
    .orderBy("u.name")
    .limit(MEETING_LIMITS.signUpsListed)
    .execute();
  return {
    meeting,
    summary: summariseSignUps(signUps),
    signUps,
    attendance: attendance.map((a) => ({
      userId: a.user_id,
      name: a.name,
      walkedIn: a.walked_in,
      creditCentihours: a.credit_centihours === null ? null : toBigInt(a.credit_centihours),
      paymentMinor: a.payment_minor === null ? null : toBigInt(a.payment_minor),
      paymentDeclined: a.payment_declined,
    })),
  };
}

export { isOrganiserFor };

/** Whether the organiser recorded this person as attending the meeting. */
export async function hasAttended(db: MeetingsDb, meetingId: number, userId: number): Promise<boolean> {
  const row = await db.selectFrom("meeting_attendance").select("id").where("meeting_id", "=", meetingId).where("user_id", "=", userId).executeTakeFirst();
  return row !== undefined;
}
