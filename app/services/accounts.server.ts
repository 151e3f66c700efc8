// Accounts: residents registering themselves, staff opening accounts for people who are not
// online, password set-up, reset and change. Every change is one transaction with its audit row.
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.js";
import { normaliseEmail, type CreatePersonInput, type RegisterInput } from "../domain/account-rules.js";
import { DomainError } from "../domain/errors.js";
import { canCreateAccountsForOthers } from "../domain/roles.js";
import { t } from "../i18n/translate.js";
import { recordAudit } from "./audit.server.js";
import type { Actor, CurrentUser } from "./current-user.js";
import { isUniqueViolation } from "./db-errors.js";
import { queueMessage } from "./outbox.server.js";
import { generateTemporaryPassword, hashPassword, verifyPassword } from "./passwords.server.js";
import { endAllSessions } from "./sessions.server.js";
import { hashToken, newToken } from "./tokens.server.js";

export const TOKEN_LIFETIME_MS = {
  password_reset: 60 * 60 * 1000,
  account_setup: 7 * 24 * 60 * 60 * 1000,
} as const;

const emailTaken = () => new DomainError("email_taken", { field: "email", status: 409 });

async function insertUser(
  db: Kysely<Database>,
  values: { name: string; email: string; area: string | null; passwordHash: string | null; mustChangePassword: boolean; createdBy: number | null },
): Promise<number> {
  try {
    const row = await db
      .insertInto("app_user")
      .values({
        name: values.name,
        email: values.email.trim(),
        email_normalised: normaliseEmail(values.email),
        area: values.area,
        password_hash: values.passwordHash,
        must_change_password: values.mustChangePassword,
        created_by_user_id: values.createdBy,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await db.insertInto("user_role").values({ user_id: row.id, role: "resident", granted_by_user_id: values.createdBy }).execute();
    return row.id;
  } catch (error) {
    if (isUniqueViolation(error)) throw emailTaken();
    throw error;
  }
}

async function assertEmailFree(db: Kysely<Database>, email: string): Promise<void> {
  const existing = await db
    .selectFrom("app_user")
    .select("id")
    .where("email_normalised", "=", normaliseEmail(email))
    .executeTakeFirst();
  if (existing) throw emailTaken();
}

export async function registerResident(db: Kysely<Database>, input: RegisterInput, actor: Actor): Promise<number> {
  await assertEmailFree(db, input.email);
  const passwordHash = await hashPassword(input.password);
  return db.transaction().execute(async (trx) => {
    const userId = await insertUser(trx, {
      name: input.name,
      email: input.email,
      area: input.area ?? null,
      passwordHash,
      mustChangePassword: false,
      createdBy: null,
    });
    await recordAudit(trx, { actorUserId: userId, action: "account.registered", subjectType: "user", subjectId: userId, ip: actor.ip });
    return userId;
  });
}

export type PersonAccountResult =
  | { userId: number; method: "setup_link"; setupToken: string }
  | { userId: number; method: "temporary_password"; temporaryPassword: string };

/** A coordinator, officer or admin opens an account for someone who is not online. */
export async function createAccountForPerson(
  db: Kysely<Database>,
  actor: Actor,
  input: CreatePersonInput,
  context: { appUrl: string },
): Promise<PersonAccountResult> {
  const staff = actor.user;
  if (!actor.system && !(staff && canCreateAccountsForOthers(staff.roles))) throw new DomainError("forbidden", { status: 403 });
  const staffId = staff?.id ?? null;
  const openedBy = staff?.name ?? t("accounts.email.setup.openedByAdministrator");
  await assertEmailFree(db, input.email);
  const temporaryPassword = input.method === "temporary_password" ? generateTemporaryPassword() : null;
  const passwordHash = temporaryPassword ? await hashPassword(temporaryPassword) : null;

  return db.transaction().execute(async (trx) => {
    const userId = await insertUser(trx, {
      name: input.name,
      email: input.email,
      area: input.area ?? null,
      passwordHash,
      mustChangePassword: temporaryPassword !== null,
      createdBy: staffId,
    });
    await recordAudit(trx, {
      actorUserId: staffId,
      action: "account.created_by_staff",
      subjectType: "user",
      subjectId: userId,
      ip: actor.ip,
      // i18n-exempt: audit detail recording where the account was opened from
      details: { method: input.method, via: actor.system ? "command line" : "web" },
    });
    if (temporaryPassword) return { userId, method: "temporary_password" as const, temporaryPassword };
    const setupToken = await issueToken(trx, userId, "account_setup");
    await queueMessage(trx, {
      to: input.email,
      subject: t("accounts.email.setup.subject"),
      bodyText: t("accounts.email.setup.body", { openedBy, link: `${context.appUrl}/setup/${setupToken}` }),
    });
    return { userId, method: "setup_link" as const, setupToken };
  });
}

async function issueToken(db: Kysely<Database>, userId: number, purpose: keyof typeof TOKEN_LIFETIME_MS): Promise<string> {
  const token = newToken();
  await db
    .insertInto("one_time_token")
    .values({
      token_hash: hashToken(token),
      user_id: userId,
      purpose,
      expires_at: new Date(Date.now() + TOKEN_LIFETIME_MS[purpose]),
    })
    .execute();
  return token;
}

/** The person a one-time link belongs to, if the link is still usable. */
export async function findUsableToken(db: Kysely<Database>, token: string, purpose: keyof typeof TOKEN_LIFETIME_MS) {
  return db
    .selectFrom("one_time_token")
    .innerJoin("app_user", "app_user.id", "one_time_token.user_id")
    .select(["one_time_token.id as tokenId", "app_user.id as userId", "app_user.name", "app_user.email"])
    .where("one_time_token.token_hash", "=", hashToken(token))
    .where("one_time_token.purpose", "=", purpose)
    .where("one_time_token.used_at", "is", null)
    .where("one_time_token.expires_at", ">", new Date())
    .executeTakeFirst();
}

/** Uses a set-up or reset link to choose a password. The link works once. */
export async function setPasswordWithToken(
  db: Kysely<Database>,
  token: string,
  purpose: keyof typeof TOKEN_LIFETIME_MS,
  password: string,
  actor: Actor,
): Promise<number> {
  const passwordHash = await hashPassword(password);
  return db.transaction().execute(async (trx) => {
    // Marking the token used in the same statement that checks it makes a double use impossible.
    const used = await trx
      .updateTable("one_time_token")
      .set({ used_at: new Date() })
      .where("token_hash", "=", hashToken(token))
      .where("purpose", "=", purpose)
      .where("used_at", "is", null)
      .where("expires_at", ">", new Date())
      .returning("user_id")
      .executeTakeFirst();
    if (!used) throw new DomainError("link_not_valid", { status: 410 });
    await trx
      .updateTable("app_user")
      .set({ password_hash: passwordHash, must_change_password: false, updated_at: new Date() })
      .where("id", "=", used.user_id)
      .execute();
    await endAllSessions(trx, used.user_id);
    await recordAudit(trx, {
      actorUserId: used.user_id,
      action: purpose === "account_setup" ? "account.setup_completed" : "password.reset",
      subjectType: "user",
      subjectId: used.user_id,
      ip: actor.ip,
    });
    return used.user_id;
  });
}

/** Always behaves the same whether or not the address has an account, so it reveals nothing. */
export async function requestPasswordReset(
  db: Kysely<Database>,
  email: string,
  context: { ip: string | null; appUrl: string },
): Promise<void> {
  const user = await db
    .selectFrom("app_user")
    .select(["id", "email", "name"])
    .where("email_normalised", "=", normaliseEmail(email))
    .executeTakeFirst();
  if (!user) {
    await recordAudit(db, { actorUserId: null, action: "password.reset_requested_unknown", ip: context.ip, details: { email: normaliseEmail(email) } });
    return;
  }
  await db.transaction().execute(async (trx) => {
    const token = await issueToken(trx, user.id, "password_reset");
    await queueMessage(trx, {
      to: user.email,
      subject: t("accounts.email.reset.subject"),
      bodyText: t("accounts.email.reset.body", { name: user.name, link: `${context.appUrl}/reset-password/${token}` }),
    });
    await recordAudit(trx, { actorUserId: null, action: "password.reset_requested", subjectType: "user", subjectId: user.id, ip: context.ip });
  });
}

export async function changePassword(
  db: Kysely<Database>,
  user: CurrentUser,
  input: { currentPassword: string; password: string },
  actor: Actor,
): Promise<void> {
  const row = await db.selectFrom("app_user").select("password_hash").where("id", "=", user.id).executeTakeFirstOrThrow();
  if (!row.password_hash || !(await verifyPassword(input.currentPassword, row.password_hash))) {
    throw new DomainError("current_password_wrong", { field: "currentPassword" });
  }
  if (input.currentPassword === input.password) {
    throw new DomainError("password_unchanged", { field: "password" });
  }
  const passwordHash = await hashPassword(input.password);
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable("app_user")
      .set({ password_hash: passwordHash, must_change_password: false, updated_at: new Date() })
      .where("id", "=", user.id)
      .execute();
    await recordAudit(trx, { actorUserId: user.id, action: "password.changed", subjectType: "user", subjectId: user.id, ip: actor.ip });
  });
}
