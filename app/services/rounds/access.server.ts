// Who may run a round: officers of the council that owns it, and administrators.
import { sql, type Kysely } from "kysely";
import type { Database } from "../../../db/schema.js";
import { DomainError } from "../../domain/errors.js";
import { hasRole } from "../../domain/roles.js";
import type { Actor, CurrentUser } from "../current-user.js";
import { LIVE_NOTIFY_CHANNEL } from "../live-announce.server.js";

export function isOfficerFor(user: CurrentUser | null, organisationId: number): boolean {
  if (!user) return false;
  return hasRole(user.roles, "admin") || user.roles.some((g) => g.role === "officer" && g.organisationId === organisationId);
}

export function requireOfficerFor(actor: Actor, organisationId: number): CurrentUser | null {
  if (actor.system) return actor.user;
  if (!isOfficerFor(actor.user, organisationId)) throw new DomainError("forbidden", { status: 403 });
  return actor.user;
}

export function requireSignedIn(actor: Actor): CurrentUser {
  if (!actor.user) throw new DomainError("forbidden", { status: 403 });
  return actor.user;
}

export function isModerator(user: CurrentUser | null): boolean {
  return !!user && (hasRole(user.roles, "moderator") || hasRole(user.roles, "admin"));
}

/** Sends a live event when (and only if) the surrounding transaction commits. */
export async function notifyLive(db: Kysely<Database>, channel: string): Promise<void> {
  await sql`select pg_notify(${LIVE_NOTIFY_CHANNEL}, ${JSON.stringify({ channel, payload: null })})`.execute(db);
}
