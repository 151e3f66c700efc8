import type { Kysely } from "kysely";
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

export async function loadRoleGrants(db: Kysely<Database>, userId: number): Promise<RoleGrant[]> {
  const rows = await db
    .selectFrom("user_role")
    .select(["role", "organisation_id"])
    .where("user_id", "=", userId)
    .orderBy("id")
    .execute();
  return rows.map((row) => ({ role: row.role, organisationId: row.organisation_id }));
}

export async function loadCurrentUser(db: Kysely<Database>, userId: number): Promise<CurrentUser | null> {
  const user = await db
    .selectFrom("app_user")
    .select(["id", "name", "email", "area", "must_change_password", "large_print"])
    .where("id", "=", userId)
    .executeTakeFirst();
  if (!user) return null;
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    area: user.area,
    mustChangePassword: user.must_change_password,
    largePrint: user.large_print,
    roles: await loadRoleGrants(db, user.id),
  };
}

/** The user a session token belongs to, or null when it is unknown or expired. */
export async function userForSessionToken(
  db: Kysely<Database>,
  token: string,
  now: Date = new Date(),
): Promise<CurrentUser | null> {
  const session = await db
    .selectFrom("session")
    .select(["user_id"])
    .where("token_hash", "=", hashToken(token))
    .where("expires_at", ">", now)
    .executeTakeFirst();
  if (!session) return null;
  return loadCurrentUser(db, session.user_id);
}
