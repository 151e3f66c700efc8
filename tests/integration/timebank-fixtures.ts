// Helpers shared by the timebank integration tests: an organisation with a coordinator, a
// timebank, and people enrolled in it.
import { randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.js";
import type { CurrentUser } from "../../app/services/current-user.js";
import { enrolPerson } from "../../app/services/timebank/members.server.js";
import { createTimebank } from "../../app/services/timebank/timebanks.server.js";

export const TODAY = "2026-11-25";

const EMPTY_PROFILE = { skillsOffered: "", skillsWanted: "", availability: "", area: "", accessNeeds: "" };

function suffix(): string {
  return randomBytes(4).toString("hex");
}

export async function makePerson(db: Kysely<Database>, name: string): Promise<CurrentUser & { email: string }> {
  const email = `${name.toLowerCase().replace(/[^a-z]/g, "")}.${suffix()}@example.org`;
  const row = await db
    .insertInto("app_user")
    .values({ name, email, email_normalised: email, area: null, password_hash: null })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db.insertInto("user_role").values({ user_id: row.id, role: "resident", organisation_id: null }).execute();
  return { id: row.id, name, email, area: null, mustChangePassword: false, largePrint: false, roles: [{ role: "resident", organisationId: null }] };
}

export interface TestTimebank {
  slug: string;
  timebankId: number;
  organisationId: number;
  organisationMemberId: number;
  coordinator: CurrentUser;
  enrol(name: string, pledge?: bigint | null): Promise<{ user: CurrentUser & { email: string }; memberId: number }>;
}

export async function makeTimebank(
  db: Kysely<Database>,
  options: { gift?: bigint; min?: bigint; max?: bigint; pledge?: bigint | null } = {},
): Promise<TestTimebank> {
  const slug = `tb-${suffix()}`;
  const organisation = await db
    .insertInto("organisation")
    .values({ slug: `org-${slug}`, name: `Hostel ${slug}`, kind: "hostel" })
    .returning("id")
    .executeTakeFirstOrThrow();
  const coordinatorPerson = await makePerson(db, "Grace Coordinator");
  await db.insertInto("user_role").values({ user_id: coordinatorPerson.id, role: "coordinator", organisation_id: organisation.id }).execute();
  const coordinator: CurrentUser = { ...coordinatorPerson, roles: [...coordinatorPerson.roles, { role: "coordinator", organisationId: organisation.id }] };
  const { timebankId, organisationMemberId } = await createTimebank(
    db,
    {
      organisationId: organisation.id,
      slug,
      name: `Timebank ${slug}`,
      joiningGiftCentihours: options.gift ?? 200n,
      minBalanceCentihours: options.min ?? -1000n,
      maxBalanceCentihours: options.max ?? 10000n,
      pledgeCentihoursPerWeek: options.pledge ?? null,
    },
    TODAY,
  );
  return {
    slug,
    timebankId,
    organisationId: organisation.id,
    organisationMemberId,
    coordinator,
    async enrol(name, pledge = null) {
      const user = await makePerson(db, name);
      const memberId = await enrolPerson(db, coordinator, slug, { email: user.email, profile: EMPTY_PROFILE, pledgeCentihoursPerWeek: pledge }, TODAY);
      return { user, memberId };
    },
  };
}
