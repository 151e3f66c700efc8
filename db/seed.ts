// The demo: a council running a budget round, a women's hostel and a community centre with
// their coordinators, and twenty residents. Every demo account uses DEMO_PASSWORD.
import { sql, type Kysely } from "kysely";
import type { Database, OrganisationKind, Role } from "./schema.js";
import { hashPassword } from "../app/services/passwords.server.js";
import { normaliseEmail } from "../app/domain/account-rules.js";
import { seedTimebankDemo } from "./seed-timebank.js";
import { seedRoundsDemo } from "./seed-rounds.js";
import { seedMeetingsDemo } from "./seed-meetings.js";
import { seedCoproductionDemo } from "./seed-coproduction.js";

export const DEMO_PASSWORD = "potluck-demo-2026";

interface DemoPerson {
  name: string;
  email: string;
  area: string | null;
  roles: { role: Role; organisation: string | null }[];
}

const ORGANISATIONS: { slug: string; name: string; kind: OrganisationKind }[] = [
  { slug: "northfield-council", name: "Northfield Borough Council", kind: "council" },
  { slug: "harbour-house", name: "Harbour House Women's Hostel", kind: "hostel" },
  { slug: "millbrook-centre", name: "Millbrook Community Centre", kind: "community_centre" },
];

const STAFF: DemoPerson[] = [
  { name: "Priya Shah", email: "admin@potluck.example.org", area: null, roles: [{ role: "admin", organisation: null }] },
  { name: "Daniel Okafor", email: "officer@northfield.example.org", area: null, roles: [{ role: "officer", organisation: "northfield-council" }] },
  { name: "Fiona MacLeod", email: "moderator@northfield.example.org", area: null, roles: [{ role: "moderator", organisation: "northfield-council" }] },
  { name: "Grace Adeyemi", email: "coordinator@harbourhouse.example.org", area: null, roles: [{ role: "coordinator", organisation: "harbour-house" }] },
  { name: "Tom Hughes", email: "coordinator@millbrook.example.org", area: null, roles: [{ role: "coordinator", organisation: "millbrook-centre" }] },
];

const RESIDENT_NAMES: [string, string][] = [
  ["Amelia Clarke", "North Ward"], ["Oliver Bennett", "North Ward"], ["Aisha Khan", "Riverside"],
  ["Harry Thompson", "Riverside"], ["Chloe Evans", "Millbrook"], ["Mohammed Ali", "Millbrook"],
  ["Sophie Walker", "North Ward"], ["Jack Robinson", "Old Town"], ["Emily Wright", "Old Town"],
  ["Callum Fraser", "Riverside"], ["Megan Davies", "Millbrook"], ["Kwame Mensah", "North Ward"],
  ["Jessica Patel", "Old Town"], ["Liam O'Connor", "Riverside"], ["Hannah Lewis", "Millbrook"],
  ["Rhys Morgan", "Old Town"], ["Zainab Hussain", "North Ward"], ["Ellie Turner", "Riverside"],
  ["George Wilson", "Millbrook"], ["Bethany Hall", "Old Town"],
];

export function demoResidents(): DemoPerson[] {
  return RESIDENT_NAMES.map(([name, area]) => ({
    name,
    email: `${name.toLowerCase().replace(/[^a-z ]/g, "").replace(/ /g, ".")}@example.org`,
    area,
    roles: [{ role: "resident" as Role, organisation: null }],
  }));
}

export function demoPeople(): DemoPerson[] {
  return [...STAFF, ...demoResidents()];
}

export async function isEmpty(db: Kysely<Database>): Promise<boolean> {
  const row = await db.selectFrom("organisation").select(sql<bigint>`count(*)`.as("n")).executeTakeFirstOrThrow();
  return Number(row.n) === 0;
}

export async function seedDemo(db: Kysely<Database>): Promise<{ people: number }> {
  // One hash for every demo account: the password is public anyway, and start-up stays quick.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const people = demoPeople();
  await db.transaction().execute(async (trx) => {
    const organisationIds = new Map<string, number>();
    for (const organisation of ORGANISATIONS) {
      const row = await trx.insertInto("organisation").values(organisation).returning("id").executeTakeFirstOrThrow();
      organisationIds.set(organisation.slug, row.id);
    }
    for (const person of people) {
      const user = await trx
        .insertInto("app_user")
        .values({
          name: person.name,
          email: person.email,
          email_normalised: normaliseEmail(person.email),
          area: person.area,
          password_hash: passwordHash,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      const roles = person.roles.some((r) => r.role === "resident")
        ? person.roles
        : [{ role: "resident" as Role, organisation: null }, ...person.roles];
      for (const grant of roles) {
        await trx
          .insertInto("user_role")
          .values({
            user_id: user.id,
            role: grant.role,
            organisation_id: grant.organisation ? organisationIds.get(grant.organisation)! : null,
          })
          .execute();
      }
    }
    const residentIds = (
      await trx.selectFrom("app_user").select("id").where("email", "like", "%@example.org").where("email", "not like", "%@%.example.org").orderBy("id").execute()
    ).map((row) => row.id);
    const officer = await trx.selectFrom("app_user").select("id").where("email", "=", "officer@northfield.example.org").executeTakeFirstOrThrow();
    await seedRoundsDemo(trx, { councilId: organisationIds.get("northfield-council")!, officerId: officer.id, residentIds });
    await seedTimebankDemo(trx, { organisationIds });
    await seedMeetingsDemo(trx, { organisationIds });
    await seedCoproductionDemo(trx, { organisationIds });
    await trx
      .insertInto("audit_event")
      .values({ actor_user_id: null, action: "demo.seeded", details: JSON.stringify({ people: people.length }) })
      .execute();
  });
  return { people: people.length };
}
