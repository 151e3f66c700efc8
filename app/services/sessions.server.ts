import { sql, type Kysely } from "kysely";
import type { Database } from "../../db/schema.js";
import type { RoleGrant } from "../domain/roles.js";
import type { CurrentUser } from "./current-user.js";
import { hashToken, newToken } from "./tokens.server.js";

export const SESSION_LIFETIME_MS = 14 * 24 * 60 * 60 * 1000;

export async function createSession(
  db: Kysely<Database>,
  userId: number,
  ip: string | null,
  now: Date = new Date(),
): Promise<string> {
  const token = newToken();
  await db
    .insertInto("session")
    .values({
      token_hash: hashToken(token),
      user_id: userId,
      ip,
      expires_at: new Date(now.getTime() + SESSION_LIFETIME_MS),
    })
    .execute();
  return token;
}

export async function endSession(db: Kysely<Database>, token: string): Promise<void> {
  await db.deleteFrom("session").where("token_hash", "=", hashToken(token)).execute();
}

export async function endAllSessions(db: Kysely<Database>, userId: number): Promise<void> {
  await db.deleteFrom("session").where("user_id", "=", userId).execute();
}

/** A person with their roles, in one query; callers add the condition that picks the person. */
function currentUserQuery(db: Kysely<Database>) {
  return db
    .selectFrom("app_user")
    .select((eb) => [
      "app_user.id",
      "app_user.name",
      "app_user.email",
      "app_user.area",
      "app_user.must_change_password",
      "app_user.large_print",
      eb
        .selectFrom("user_role")
        .select(sql<string>`coalesce(json_agg(json_build_array(user_role.role, user_role.organisation_id) order by user_role.id), '[]')::text`.as("roles"))
        .whereRef("user_role.user_id", "=", "app_user.id")
        .as("roles"),
    ]);
}

type CurrentUserRow = NonNullable<Awaited<ReturnType<ReturnType<typeof currentUserQuery>["executeTakeFirst"]>>>;

function currentUserFromRow(row: CurrentUserRow): CurrentUser {
  const roles = JSON.parse(row.roles ?? "[]") as [RoleGrant["role"], number | null][];
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    area: row.area,
    mustChangePassword: row.must_change_password,
    largePrint: row.large_print,
    roles: roles.map(([role, organisationId]) => ({ role, organisationId })),
  };
}

export async function loadCurrentUser(db: Kysely<Database>, userId: number): Promise<CurrentUser | null> {
  const row = await currentUserQuery(db).where("app_user.id", "=", userId).executeTakeFirst();
  return row ? currentUserFromRow(row) : null;
}

/**
 * The user a session token belongs to, or null when it is unknown or expired. One statement
 * for every request: user_for_session() (migration 0015) returns the same row as
 * currentUserQuery, from a plan the connection keeps.
 */
export async function userForSessionToken(
  db: Kysely<Database>,
  token: string,
  now: Date = new Date(),
): Promise<CurrentUser | null> {
  const result = await sql<CurrentUserRow>`select * from user_for_session(${hashToken(token)}, ${now})`.execute(db);
  const row = result.rows[0];
  return row ? currentUserFromRow(row) : null;
}
