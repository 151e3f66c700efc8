import { sql, type Kysely } from "kysely";
import type { Database } from "../../db/schema.js";
import { normaliseEmail, type SignInInput } from "../domain/account-rules.js";
import { DomainError } from "../domain/errors.js";
import { recordAudit } from "./audit.server.js";
import { createSession, endSession } from "./sessions.server.js";
import { verifyAgainstDummy, verifyPassword } from "./passwords.server.js";

export const SIGN_IN_LIMITS = {
  windowMs: 15 * 60 * 1000,
  failuresPerAccount: 5,
  // Higher than per account: a hostel, library or day centre puts many people behind one address.
  failuresPerIp: 20,
} as const;

export interface SignInResult {
  userId: number;
  sessionToken: string;
  mustChangePassword: boolean;
}

async function recentFailures(db: Kysely<Database>, column: "email_normalised" | "ip", value: string, since: Date) {
  const row = await db
    .selectFrom("sign_in_attempt")
    .select(sql<bigint>`count(*)`.as("failures"))
    .where(column, "=", value)
    .where("succeeded", "=", false)
    .where("at", ">", since)
    .executeTakeFirstOrThrow();
  return Number(row.failures);
}

export async function signIn(
  db: Kysely<Database>,
  input: SignInInput,
  context: { ip: string; now?: Date },
): Promise<SignInResult> {
  const now = context.now ?? new Date();
  const email = normaliseEmail(input.email);
  const since = new Date(now.getTime() - SIGN_IN_LIMITS.windowMs);

  const [accountFailures, ipFailures] = await Promise.all([
    recentFailures(db, "email_normalised", email, since),
    recentFailures(db, "ip", context.ip, since),
  ]);
  if (accountFailures >= SIGN_IN_LIMITS.failuresPerAccount || ipFailures >= SIGN_IN_LIMITS.failuresPerIp) {
    await recordAudit(db, {
      actorUserId: null,
      action: "sign_in.blocked",
      ip: context.ip,
      details: { email, accountFailures, ipFailures },
    });
    throw new DomainError("sign_in_rate_limited", {
      status: 429,
      values: { minutes: SIGN_IN_LIMITS.windowMs / 60_000 },
    });
  }

  const user = await db
    .selectFrom("app_user")
    .select(["id", "password_hash", "must_change_password"])
    .where("email_normalised", "=", email)
    .executeTakeFirst();
  const passwordOk = user?.password_hash
    ? await verifyPassword(input.password, user.password_hash)
    : await verifyAgainstDummy(input.password);

  if (!user || !passwordOk) {
    await db.transaction().execute(async (trx) => {
      await trx.insertInto("sign_in_attempt").values({ email_normalised: email, ip: context.ip, succeeded: false, at: now }).execute();
      await recordAudit(trx, {
        actorUserId: null,
        action: "sign_in.failed",
        subjectType: user ? "user" : undefined,
        subjectId: user?.id,
        ip: context.ip,
        details: { email },
      });
    });
    throw new DomainError("sign_in_failed", { field: "email", status: 401 });
  }

  return db.transaction().execute(async (trx) => {
    await trx.insertInto("sign_in_attempt").values({ email_normalised: email, ip: context.ip, succeeded: true, at: now }).execute();
    await recordAudit(trx, { actorUserId: user.id, action: "sign_in.succeeded", subjectType: "user", subjectId: user.id, ip: context.ip });
    const sessionToken = await createSession(trx, user.id, context.ip, now);
    return { userId: user.id, sessionToken, mustChangePassword: user.must_change_password };
  });
}

export async function signOut(db: Kysely<Database>, sessionToken: string, context: { userId: number; ip: string }): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await endSession(trx, sessionToken);
    await recordAudit(trx, { actorUserId: context.userId, action: "sign_out", subjectType: "user", subjectId: context.userId, ip: context.ip });
  });
}
