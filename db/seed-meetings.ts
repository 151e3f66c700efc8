// The meetings demo: one upcoming co-design workshop at Millbrook Community Centre, a week after
// the demo is seeded, linked to the Millbrook timebank (an hour's credit for members who come),
// with two residents signed up and their access requirements.
import type { Kysely } from "kysely";
import type { Database } from "./schema.js";
import { addDays, todayInLondon } from "../app/domain/timebank/dates.js";
import type { CurrentUser } from "../app/services/current-user.js";
import { createMeeting, signUp } from "../app/services/meetings/meetings.server.js";

async function person(trx: Kysely<Database>, email: string, roles: CurrentUser["roles"]): Promise<CurrentUser> {
  const user = await trx.selectFrom("app_user").select(["id", "name", "email", "area"]).where("email_normalised", "=", email).executeTakeFirstOrThrow();
  return { ...user, mustChangePassword: false, largePrint: false, roles };
}

export async function seedMeetingsDemo(trx: Kysely<Database>, ids: { organisationIds: Map<string, number> }): Promise<void> {
  const today = todayInLondon();
  const centreId = ids.organisationIds.get("millbrook-centre")!;
  const timebank = await trx.selectFrom("timebank").select("id").where("slug", "=", "millbrook").executeTakeFirstOrThrow();
  const tom = await person(trx, "coordinator@millbrook.example.org", [{ role: "resident", organisationId: null }, { role: "coordinator", organisationId: centreId }]);
  const meetingId = await createMeeting(
    trx,
    { user: tom, ip: null },
    {
      title: "Designing the new community garden",
      organisationId: centreId,
      roundId: null,
      timebankId: timebank.id,
      date: addDays(today, 7),
      startTime: "18:00",
      endTime: "20:00",
      venueName: "Millbrook Community Centre, main hall",
      venueAddress: "12 Mill Lane, Millbrook",
      venue: { stepFree: true, hearingLoop: true, quietRoom: true, nearPublicTransport: true },
      accessNotes: "The 14 and 27 buses stop outside. The quiet room is next to the main hall.",
      agenda: "Welcome and introductions\nWhat residents want from the garden\nDesigning the layout together in small groups\nWho will look after it, and how the timebank can help\nWhat happens next",
      involvement: "co_design",
      creditCentihours: 100n,
      involvementPaymentMinor: null,
    },
    today,
  );
  const none = { largePrint: false, easyRead: false, bslInterpreter: false, hearingLoop: false, stepFree: false, supporterComing: false };
  const oliver = await person(trx, "oliver.bennett@example.org", [{ role: "resident", organisationId: null }]);
  await signUp(trx, { user: oliver, ip: null }, meetingId, { requirements: { ...none, largePrint: true, supporterComing: true }, dietaryNeeds: "Vegetarian", otherNeeds: "" }, today);
  const mohammed = await person(trx, "mohammed.ali@example.org", [{ role: "resident", organisationId: null }]);
  await signUp(trx, { user: mohammed, ip: null }, meetingId, { requirements: { ...none, stepFree: true }, dietaryNeeds: "Halal", otherNeeds: "I can offer lifts to two other people" }, today);
}
