// Co-production teams: an organisation, or a team or project within it. Staff of the
// organisation (officers, coordinators) and administrators manage a team; people invited to
// it (residents, partners, other staff) take part and respond.
import type { Kysely } from "kysely";
import type { Database } from "../../../db/schema.js";
import { normaliseEmail } from "../../domain/account-rules.js";
import { TIP_COUNT } from "../../domain/coproduction/checklist.js";
import { isPerspective, type Perspective } from "../../domain/coproduction/reflection.js";
import { COPRODUCTION_LIMITS, checkText, collectErrors } from "../../domain/coproduction/rules.js";
import { DomainError } from "../../domain/errors.js";
import { hasRole } from "../../domain/roles.js";
import { t } from "../../i18n/translate.js";
import { recordAudit } from "../audit.server.js";
import type { Actor, CurrentUser } from "../current-user.js";
import { isUniqueViolation } from "../db-errors.js";

export type Db = Kysely<Database>;

/** Runs the work in a transaction, or in the caller's when it already is one (the demo seed). */
export async function inTransaction<T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T> {
  if (db.isTransaction) return work(db);
  return db.transaction().execute(work);
}

/** Staff roles that manage co-production for their own organisation. */
const STAFF_ROLES = ["officer", "coordinator"] as const;

export function isStaffOf(user: CurrentUser | null, organisationId: number): boolean {
  if (!user) return false;
  return hasRole(user.roles, "admin") || user.roles.some((g) => (STAFF_ROLES as readonly string[]).includes(g.role) && g.organisationId === organisationId);
}

/** True for anyone who can start co-production work somewhere (staff anywhere, or an admin). */
export function canStartTeams(user: CurrentUser | null): boolean {
  return !!user && (hasRole(user.roles, "admin") || user.roles.some((g) => (STAFF_ROLES as readonly string[]).includes(g.role) && g.organisationId !== null));
}

export function requireUserFrom(actor: Actor): CurrentUser {
  if (!actor.user) throw new DomainError("forbidden", { status: 403 });
  return actor.user;
}

export interface TeamAccess {
  team: { id: number; name: string; organisationId: number; organisationName: string };
  /** Staff of the organisation or an administrator: may manage the team's tools. */
  canManage: boolean;
  /** The viewer's perspective when they take part (invited, or staff), or null. */
  perspective: Perspective | null;
}

/** The team and what the viewer may do with it; 404 for an unknown team, 403 for outsiders. */
export async function teamAccess(db: Db, user: CurrentUser | null, teamId: number): Promise<TeamAccess> {
  const team = await db
    .selectFrom("coproduction_team")
    .innerJoin("organisation", "organisation.id", "coproduction_team.organisation_id")
    .select(["coproduction_team.id", "coproduction_team.name", "coproduction_team.organisation_id", "organisation.name as organisation_name"])
    .where("coproduction_team.id", "=", teamId)
    .executeTakeFirst();
  if (!team) throw new DomainError("coproduction_team_not_found", { status: 404 });
  if (!user) throw new DomainError("forbidden", { status: 403 });
  const canManage = isStaffOf(user, team.organisation_id);
  const member = await db.selectFrom("coproduction_member").select("perspective").where("team_id", "=", teamId).where("user_id", "=", user.id).executeTakeFirst();
  if (!canManage && !member) throw new DomainError("forbidden", { status: 403 });
  return {
    team: { id: team.id, name: team.name, organisationId: team.organisation_id, organisationName: team.organisation_name },
    canManage,
    perspective: member ? member.perspective : canManage ? "staff" : null,
  };
}

export async function requireManager(db: Db, actor: Actor, teamId: number): Promise<TeamAccess & { user: CurrentUser }> {
  const user = requireUserFrom(actor);
  const access = await teamAccess(db, user, teamId);
  if (!access.canManage) throw new DomainError("forbidden", { status: 403 });
  return { ...access, user };
}

/** Organisations the person may start co-production teams for. */
export async function organisationsFor(db: Db, user: CurrentUser): Promise<{ id: number; name: string }[]> {
  let query = db.selectFrom("organisation").select(["id", "name"]).orderBy("name").limit(COPRODUCTION_LIMITS.teamsPerPage);
  if (!hasRole(user.roles, "admin")) {
    const ids = user.roles.filter((g) => (STAFF_ROLES as readonly string[]).includes(g.role) && g.organisationId !== null).map((g) => g.organisationId!);
    if (ids.length === 0) return [];
    query = query.where("id", "in", ids);
  }
  return query.execute();
}

export async function createTeam(db: Db, actor: Actor, input: { organisationId: number; name: string }): Promise<number> {
  const user = requireUserFrom(actor);
  if (!isStaffOf(user, input.organisationId)) throw new DomainError("coproduction_organisation_not_staff", { field: "organisationId" });
  const name = checkText(input.name, "name", t("coproduction.field.teamName"), COPRODUCTION_LIMITS.teamName, true);
  try {
    return await inTransaction(db, async (trx) => {
      const organisation = await trx.selectFrom("organisation").select("id").where("id", "=", input.organisationId).executeTakeFirst();
      if (!organisation) throw new DomainError("coproduction_organisation_not_staff", { field: "organisationId" });
      const team = await trx.insertInto("coproduction_team").values({ organisation_id: input.organisationId, name, created_by: user.id }).returning("id").executeTakeFirstOrThrow();
      // The checklist exists from the start: thirteen unanswered tips.
      await trx
        .insertInto("checklist_item")
        .values(Array.from({ length: TIP_COUNT }, (_, i) => ({ team_id: team.id, tip_number: i + 1, in_place: null, due_on: null, updated_by: user.id })))
        .execute();
      await recordAudit(trx, { actorUserId: user.id, action: "coproduction.team_created", subjectType: "coproduction_team", subjectId: team.id, ip: actor.ip, details: { name, organisationId: input.organisationId } });
      return team.id;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError("coproduction_team_name_taken", { field: "name", status: 409 });
    throw error;
  }
}

export async function inviteMember(db: Db, actor: Actor, teamId: number, input: { email: string; perspective: string }): Promise<number> {
  try {
    return await inTransaction(db, async (trx) => {
      const { user } = await requireManager(trx, actor, teamId);
      const checked = collectErrors({
        email: () => normaliseEmail(checkText(input.email, "email", t("coproduction.field.memberEmail"), 254, true)),
        perspective: () => {
          if (!isPerspective(input.perspective)) throw new DomainError("coproduction_perspective_invalid", { field: "perspective" });
          return input.perspective;
        },
      });
      const { email, perspective } = checked;
      const person = await trx.selectFrom("app_user").select("id").where("email_normalised", "=", email).executeTakeFirst();
      if (!person) throw new DomainError("coproduction_person_not_found", { field: "email" });
      const existing = await trx.selectFrom("coproduction_member").select("id").where("team_id", "=", teamId).where("user_id", "=", person.id).executeTakeFirst();
      if (existing) throw new DomainError("coproduction_already_member", { field: "email", status: 409 });
      const count = await trx.selectFrom("coproduction_member").select((eb) => eb.fn.countAll<string>().as("n")).where("team_id", "=", teamId).executeTakeFirstOrThrow();
      if (Number(count.n) >= COPRODUCTION_LIMITS.membersPerTeam) throw new DomainError("coproduction_team_full", { values: { maximum: COPRODUCTION_LIMITS.membersPerTeam }, field: "email" });
      const row = await trx.insertInto("coproduction_member").values({ team_id: teamId, user_id: person.id, perspective, invited_by: user.id }).returning("id").executeTakeFirstOrThrow();
      await recordAudit(trx, { actorUserId: user.id, action: "coproduction.member_invited", subjectType: "coproduction_team", subjectId: teamId, ip: actor.ip, details: { userId: person.id, perspective } });
      return row.id;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError("coproduction_already_member", { field: "email", status: 409 });
    throw error;
  }
}

export interface TeamListing {
  id: number;
  name: string;
  organisationName: string;
  canManage: boolean;
  perspective: Perspective | null;
}

/** Teams the person manages (as staff) or takes part in, by name. */
export async function teamsFor(db: Db, user: CurrentUser): Promise<TeamListing[]> {
  const isAdmin = hasRole(user.roles, "admin");
  const staffOrgs = user.roles.filter((g) => (STAFF_ROLES as readonly string[]).includes(g.role) && g.organisationId !== null).map((g) => g.organisationId!);
  const rows = await db
    .selectFrom("coproduction_team")
    .innerJoin("organisation", "organisation.id", "coproduction_team.organisation_id")
    .leftJoin("coproduction_member", (join) => join.onRef("coproduction_member.team_id", "=", "coproduction_team.id").on("coproduction_member.user_id", "=", user.id))
    .select(["coproduction_team.id", "coproduction_team.name", "coproduction_team.organisation_id", "organisation.name as organisation_name", "coproduction_member.perspective"])
    .where((eb) => {
      const ors = [eb("coproduction_member.user_id", "=", user.id)];
      if (staffOrgs.length > 0) ors.push(eb("coproduction_team.organisation_id", "in", staffOrgs));
      return isAdmin ? eb.lit(true) : eb.or(ors);
    })
    .orderBy("organisation.name")
    .orderBy("coproduction_team.name")
    .limit(COPRODUCTION_LIMITS.teamsPerPage)
    .execute();
  return rows.map((r) => {
    const canManage = isStaffOf(user, r.organisation_id);
    return { id: r.id, name: r.name, organisationName: r.organisation_name, canManage, perspective: r.perspective ?? (canManage ? "staff" : null) };
  });
}

export async function teamMembers(db: Db, teamId: number): Promise<{ userId: number; name: string; perspective: Perspective }[]> {
  const rows = await db
    .selectFrom("coproduction_member")
    .innerJoin("app_user", "app_user.id", "coproduction_member.user_id")
    .select(["app_user.id", "app_user.name", "coproduction_member.perspective"])
    .where("coproduction_member.team_id", "=", teamId)
    .orderBy("app_user.name")
    .limit(COPRODUCTION_LIMITS.membersPerTeam)
    .execute();
  return rows.map((r) => ({ userId: r.id, name: r.name, perspective: r.perspective }));
}
