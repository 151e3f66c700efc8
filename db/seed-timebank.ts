// The timebank demo: Harbour House Women's Hostel's timebank, where every resident pledges 5
// hours a week (jobs around the hostel, childcare, community work), and the community timebank
// at Millbrook Community Centre. Dates are relative to the day the demo is seeded, so the week
// views always have something to show.
import type { Kysely } from "kysely";
import type { Database } from "./schema.js";
import { addDays, todayInLondon, weekStartOf } from "../app/domain/timebank/dates.js";
import type { CurrentUser } from "../app/services/current-user.js";
import { recordAsGiver, recordOnBehalf } from "../app/services/timebank/exchanges.server.js";
import { addPartner, addReward, donateToPot } from "../app/services/timebank/spending.server.js";
import { enrolPerson } from "../app/services/timebank/members.server.js";
import { recordExemption } from "../app/services/timebank/pledges.server.js";
import { createTimebank } from "../app/services/timebank/timebanks.server.js";

export const HOSTEL_TIMEBANK_SLUG = "harbour-house";
export const COMMUNITY_TIMEBANK_SLUG = "millbrook";

const HOSTEL_MEMBERS: { email: string; offers: string; wants: string; availability: string; accessNeeds?: string }[] = [
  { email: "amelia.clarke@example.org", offers: "Cooking for the shared kitchen, reading with children", wants: "Help with forms and letters", availability: "Weekday mornings" },
  { email: "aisha.khan@example.org", offers: "Childcare in the hostel playroom", wants: "English conversation practice", availability: "Afternoons" },
  { email: "chloe.evans@example.org", offers: "Gardening, tidying the courtyard", wants: "Childcare while at college", availability: "Evenings and weekends" },
  { email: "sophie.walker@example.org", offers: "Hair cutting, sewing repairs", wants: "Lifts to appointments", availability: "Weekends", accessNeeds: "Step-free access please" },
  { email: "zainab.hussain@example.org", offers: "Arabic and Urdu interpreting", wants: "Help with a new baby", availability: "By arrangement" },
  { email: "megan.davies@example.org", offers: "Computer help, CVs", wants: "Childcare", availability: "Weekday afternoons" },
];

const COMMUNITY_MEMBERS: { email: string; offers: string; wants: string; availability: string }[] = [
  { email: "oliver.bennett@example.org", offers: "Bike repairs, DIY", wants: "Gardening help", availability: "Saturdays" },
  { email: "mohammed.ali@example.org", offers: "Lifts in my car, shopping", wants: "Computer help", availability: "Weekday evenings" },
  { email: "hannah.lewis@example.org", offers: "Gardening, dog walking", wants: "Company for my mum", availability: "Mornings" },
  { email: "george.wilson@example.org", offers: "Befriending, chess", wants: "Lifts to the hospital", availability: "Any day" },
  { email: "megan.davies@example.org", offers: "Computer help, CVs", wants: "Bike repairs", availability: "Weekday afternoons" },
];

async function coordinatorOf(trx: Kysely<Database>, email: string, organisationId: number): Promise<CurrentUser> {
  const user = await trx.selectFrom("app_user").select(["id", "name", "email", "area"]).where("email_normalised", "=", email).executeTakeFirstOrThrow();
  return {
    ...user,
    mustChangePassword: false,
    largePrint: false,
    roles: [
      { role: "resident", organisationId: null },
      { role: "coordinator", organisationId },
    ],
  };
}

async function userByEmail(trx: Kysely<Database>, email: string): Promise<CurrentUser> {
  const user = await trx.selectFrom("app_user").select(["id", "name", "email", "area"]).where("email_normalised", "=", email).executeTakeFirstOrThrow();
  return { ...user, mustChangePassword: false, largePrint: false, roles: [{ role: "resident", organisationId: null }] };
}

export async function seedTimebankDemo(trx: Kysely<Database>, ids: { organisationIds: Map<string, number> }): Promise<void> {
  const today = todayInLondon();
  const joined = addDays(weekStartOf(today), -14);
  const hostelId = ids.organisationIds.get("harbour-house")!;
  const centreId = ids.organisationIds.get("millbrook-centre")!;

  // Harbour House: 5 hours a week, 2 hours to start, down to -10 and up to +100.
  const hostel = await createTimebank(
    trx,
    {
      organisationId: hostelId,
      slug: HOSTEL_TIMEBANK_SLUG,
      name: "Harbour House Timebank",
      description: "Residents give 5 hours a week to jobs around the hostel and in the community, and spend hours on childcare and local services.",
      joiningGiftCentihours: 200n,
      minBalanceCentihours: -1000n,
      maxBalanceCentihours: 10000n,
      pledgeCentihoursPerWeek: 500n,
    },
    joined,
  );
  const grace = await coordinatorOf(trx, "coordinator@harbourhouse.example.org", hostelId);
  const hostelMembers = new Map<string, number>();
  for (const member of HOSTEL_MEMBERS) {
    const memberId = await enrolPerson(
      trx,
      grace,
      HOSTEL_TIMEBANK_SLUG,
      { email: member.email, profile: { skillsOffered: member.offers, skillsWanted: member.wants, availability: member.availability, area: "Harbour House", accessNeeds: member.accessNeeds ?? "" } },
      joined,
    );
    hostelMembers.set(member.email, memberId);
  }
  const m = (email: string) => hostelMembers.get(email)!;
  const hostelOrg = hostel.organisationMemberId;
  const weekStart = weekStartOf(today);
  // Dated from the start of this week backwards, so the two finished weeks are always complete.
  const before = (giverIds: number[], receiverIds: number[], hours: bigint, daysBeforeThisWeek: number, category: string, description: string) =>
    recordOnBehalf(trx, grace, HOSTEL_TIMEBANK_SLUG, { giverIds, receiverIds, centihours: hours, date: addDays(weekStart, -daysBeforeThisWeek), category, description }, today);
  const amelia = m("amelia.clarke@example.org");
  const aisha = m("aisha.khan@example.org");
  const chloe = m("chloe.evans@example.org");
  const sophie = m("sophie.walker@example.org");
  const zainab = m("zainab.hussain@example.org");
  const megan = m("megan.davies@example.org");
  // Two finished weeks: Amelia, Aisha and Megan gave their 10 hours; Chloe and Sophie gave less.
  await before([zainab], [hostelOrg], 100n, 12, "admin", "Interpreted at a residents' meeting");
  await before([amelia], [megan], 200n, 12, "learning", "Read with Megan's children");
  await before([sophie], [aisha], 300n, 13, "other", "Haircuts");
  await before([aisha], [chloe], 300n, 11, "childcare", "Looked after Chloe's two children while she was at college");
  await before([amelia], [hostelOrg], 300n, 10, "cooking", "Cooked for the hostel's drop-in lunch");
  await before([chloe], [hostelOrg], 400n, 9, "gardening", "Planted the courtyard beds");
  await before([megan], [sophie], 200n, 9, "admin", "Helped write a CV");
  await before([aisha], [hostelOrg], 450n, 8, "childcare", "Ran the playroom during the residents' meeting");
  await before([megan], [hostelOrg], 400n, 7, "admin", "Sorted the hostel office computer");
  await before([sophie], [amelia], 200n, 6, "repairs", "Sewing repairs");
  await before([aisha], [megan], 250n, 5, "childcare", "Childcare in the playroom during a job interview");
  await before([chloe, sophie, megan], [hostelOrg], 200n, 4, "gardening", "Courtyard clean-up day");
  await before([amelia], [hostelOrg], 500n, 3, "cooking", "Cooked the Sunday meal for the hostel");
  await before([megan], [amelia, sophie], 200n, 2, "learning", "Computer class: email and online forms");
  // This week.
  await recordOnBehalf(trx, grace, HOSTEL_TIMEBANK_SLUG, { giverIds: [amelia], receiverIds: [hostelOrg], centihours: 250n, date: today, category: "cooking", description: "Cooked lunch for the drop-in" }, today);
  // Waiting for Chloe to confirm.
  await recordAsGiver(
    trx,
    await userByEmail(trx, "aisha.khan@example.org"),
    HOSTEL_TIMEBANK_SLUG,
    { receiverId: chloe, centihours: 200n, date: today, category: "childcare", description: "Childcare after school" },
    today,
  );
  await recordExemption(trx, grace, HOSTEL_TIMEBANK_SLUG, {
    memberId: zainab,
    startsOn: addDays(weekStart, -10),
    endsOn: addDays(today, 60),
    reason: "New baby",
  });

  // The cinema takes hours: a ticket for 2 hours, sponsored by the hostel.
  const cinema = await addPartner(trx, grace, HOSTEL_TIMEBANK_SLUG, { name: "Harbour Cinema", description: "The community cinema on Quay Street", sponsorMemberId: hostelOrg });
  await addReward(trx, grace, HOSTEL_TIMEBANK_SLUG, { partnerId: cinema, title: "One cinema ticket", priceCentihours: 200n });
  await addReward(trx, grace, HOSTEL_TIMEBANK_SLUG, { partnerId: cinema, title: "Popcorn and a drink", priceCentihours: 50n });
  await donateToPot(trx, await userByEmail(trx, "amelia.clarke@example.org"), HOSTEL_TIMEBANK_SLUG, 100n, "demo");

  // Millbrook: a community timebank with no pledge and one hour to start.
  await createTimebank(
    trx,
    {
      organisationId: centreId,
      slug: COMMUNITY_TIMEBANK_SLUG,
      name: "Millbrook Community Timebank",
      description: "Neighbours in Millbrook swapping help: lifts, gardening, repairs, company. Run from Millbrook Community Centre.",
      joiningGiftCentihours: 100n,
      minBalanceCentihours: -1000n,
      maxBalanceCentihours: 10000n,
      pledgeCentihoursPerWeek: null,
    },
    joined,
  );
  const tom = await coordinatorOf(trx, "coordinator@millbrook.example.org", centreId);
  const community = new Map<string, number>();
  for (const member of COMMUNITY_MEMBERS) {
    const memberId = await enrolPerson(
      trx,
      tom,
      COMMUNITY_TIMEBANK_SLUG,
      { email: member.email, profile: { skillsOffered: member.offers, skillsWanted: member.wants, availability: member.availability, area: "Millbrook", accessNeeds: "" } },
      joined,
    );
    community.set(member.email, memberId);
  }
  const c = (email: string) => community.get(email)!;
  await recordOnBehalf(trx, tom, COMMUNITY_TIMEBANK_SLUG, { giverIds: [c("mohammed.ali@example.org")], receiverIds: [c("george.wilson@example.org")], centihours: 150n, date: addDays(today, -6), category: "transport", description: "Lift to the hospital and back" }, today);
  await recordOnBehalf(trx, tom, COMMUNITY_TIMEBANK_SLUG, { giverIds: [c("hannah.lewis@example.org")], receiverIds: [c("oliver.bennett@example.org")], centihours: 200n, date: addDays(today, -4), category: "gardening", description: "Weeded and planted the front garden" }, today);
  await recordOnBehalf(trx, tom, COMMUNITY_TIMEBANK_SLUG, { giverIds: [c("megan.davies@example.org")], receiverIds: [c("mohammed.ali@example.org")], centihours: 100n, date: addDays(today, -2), category: "admin", description: "Set up a new phone and email" }, today);
}
