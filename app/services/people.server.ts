// People and roles as an administrator sees them.
import { sql, type Kysely } from "kysely";
import type { Database, Role } from "../../db/schema.js";
import { DomainError } from "../domain/errors.js";
import { canAssignRoles, canCreateAccountsForOthers, checkRoleGrant, isRole } from "../domain/roles.js";
import { recordAudit } from "./audit.server.js";
import type { Actor, CurrentUser } from "./current-user.js";
import { isUniqueViolation } from "./db-errors.js";

export const PEOPLE_PAGE_SIZE = 25;
const SEARCH_MAX_CHARS = 100;

function requireAdmin(actor: CurrentUser | null): asserts actor is CurrentUser {
  if (!actor || !canAssignRoles(actor.roles)) throw new DomainError("forbidden", { status: 403 });
}

/** Role changes come from an administrator, or from the operator's command line. */
function requireRoleManager(actor: Actor): number | null {
  if (actor.system) return null;
  requireAdmin(actor.user);
  return actor.user.id;
}

export async function listPeople(
  db: Kysely<Database>,
  actor: CurrentUser | null,
  options: { search?: string; page: number },
) {
  if (!actor || !(canAssignRoles(actor.roles) || canCreateAccountsForOthers(actor.roles))) {
    throw new DomainError("forbidden", { status: 403 });
  }
  const page = Math.max(1, Math.min(options.page, 10_000));
  const search = (options.search ?? "").trim().slice(0, SEARCH_MAX_CHARS);
  let query = db.selectFrom("app_user");
  if (search) {
    const pattern = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) => eb.or([eb("name", "ilike", pattern), eb("email", "ilike", pattern)]));
  }
  const [rows, total] = await Promise.all([
    query
      .select(["id", "name", "email", "area", "must_change_password", "created_at"])
      .orderBy("name")
      .orderBy("id")
      .limit(PEOPLE_PAGE_SIZE)
      .offset((page - 1) * PEOPLE_PAGE_SIZE)
      .execute(),
    query.select(sql<bigint>`count(*)`.as("count")).executeTakeFirstOrThrow(),
  ]);
  return { people: rows, total: Number(total.count), page, pageSize: PEOPLE_PAGE_SIZE };
}

export async function getPerson(db: Kysely<Database>, actor: CurrentUser | null, userId: number) {
  requireAdmin(actor);
  const person = await db
    .selectFrom("app_user")
    .select(["id", "name", "email", "area", "must_change_password", "created_at"])
    .where("id", "=", userId)
    .executeTakeFirst();
  if (!person) throw new DomainError("not_found", { status: 404 });
  const roles = await db
    .selectFrom("user_role")
    .leftJoin("organisation", "organisation.id", "user_role.organisation_id")
    .select(["user_role.id", "user_role.role", "user_role.organisation_id", "organisation.name as organisation_name"])
    .where("user_role.user_id", "=", userId)
    .orderBy("user_role.id")
    .execute();
  return { person, roles };
}

export async function listOrganisations(db: Kysely<Database>) {
  return db.selectFrom("organisation").selectAll().orderBy("name").execute();
}

export async function grantRole(
  db: Kysely<Database>,
  actor: Actor,
  input: { userId: number; role: string; organisationId: number | null },
): Promise<void> {
  const adminId = requireRoleManager(actor);
  if (!isRole(input.role)) throw new DomainError("unknown_role", { field: "role", values: { role: input.role } });
  const role: Role = input.role;
  await db.transaction().execute(async (trx) => {
    const person = await trx.selectFrom("app_user").select("id").where("id", "=", input.userId).executeTakeFirst();
    if (!person) throw new DomainError("not_found", { status: 404 });
    let organisationKind = null;
    if (input.organisationId !== null) {
      const organisation = await trx
        .selectFrom("organisation")
        .select(["kind"])
        .where("id", "=", input.organisationId)
        .executeTakeFirst();
      if (!organisation) throw new DomainError("unknown_organisation", { field: "organisationId" });
      organisationKind = organisation.kind;
    }
    const problem = checkRoleGrant(role, organisationKind);
    if (problem) throw new DomainError(problem.code, { field: "organisationId", values: { role } });
    try {
      await trx
        .insertInto("user_role")
        .values({ user_id: input.userId, role, organisation_id: input.organisationId, granted_by_user_id: adminId })
        .execute();
    } catch (error) {
      if (isUniqueViolation(error)) throw new DomainError("role_already_held", { field: "role" });
      throw error;
    }
    await recordAudit(trx, {
      actorUserId: adminId,
      action: "role.granted",
      subjectType: "user",
      subjectId: input.userId,
      ip: actor.ip,
      // i18n-exempt: audit detail recording where the change came from
      details: { role, organisationId: input.organisationId, via: actor.system ? "command line" : "web" },
    });
  });
}

export async function revokeRole(db: Kysely<Database>, actor: Actor, input: { userId: number; roleId: number }): Promise<void> {
  const adminId = requireRoleManager(actor);
  await db.transaction().execute(async (trx) => {
    const removed = await trx
      .deleteFrom("user_role")
      .where("id", "=", input.roleId)
      .where("user_id", "=", input.userId)
      .returning(["role", "organisation_id"])
      .executeTakeFirst();
    if (!removed) throw new DomainError("not_found", { status: 404 });
    if (removed.role === "admin") {
      const admins = await trx.selectFrom("user_role").select(sql<bigint>`count(*)`.as("n")).where("role", "=", "admin").executeTakeFirstOrThrow();
      // The last administrator cannot remove themselves: nobody could then manage roles.
      if (Number(admins.n) === 0) throw new DomainError("last_admin", { status: 409 });
    }
    await recordAudit(trx, {
      actorUserId: adminId,
      action: "role.revoked",
      subjectType: "user",
      subjectId: input.userId,
      ip: actor.ip,
      // i18n-exempt: audit detail recording where the change came from
      details: { role: removed.role, organisationId: removed.organisation_id, via: actor.system ? "command line" : "web" },
    });
  });
}
