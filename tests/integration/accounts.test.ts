import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import { createDb, type DbHandle } from "../../db/client.js";
import { DomainError } from "../../app/domain/errors.js";
import {
  changePassword,
  createAccountForPerson,
  findUsableToken,
  registerResident,
  requestPasswordReset,
  setPasswordWithToken,
} from "../../app/services/accounts.server.js";
import type { Actor } from "../../app/services/current-user.js";
import { latestMessageTo } from "../../app/services/outbox.server.js";
import { grantRole, revokeRole } from "../../app/services/people.server.js";
import { createSession, loadCurrentUser, SESSION_LIFETIME_MS, userForSessionToken } from "../../app/services/sessions.server.js";
import { SIGN_IN_LIMITS, signIn } from "../../app/services/sign-in.server.js";
import { testDatabases } from "./databases.js";

const APP_URL = "http://potluck.test";
let ipCounter = 0;
const freshIp = () => `10.0.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`;
const anonymous = (): Actor => ({ user: null, ip: freshIp() });

async function expectDomainError(promise: Promise<unknown>, code: string): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe(code);
  return error as DomainError;
}

describe.each(testDatabases)("accounts on $name", (database) => {
  let handle: DbHandle & { url?: string };
  let adminActor: Actor;
  let councilId: number;

  const auditFor = (action: string, subjectId?: number) => {
    let query = handle.db.selectFrom("audit_event").selectAll().where("action", "=", action);
    if (subjectId !== undefined) query = query.where("subject_id", "=", String(subjectId));
    return query.execute();
  };

  beforeAll(async () => {
    handle = await database.open();
    const council = await handle.db
      .insertInto("organisation")
      .values({ slug: "test-council", name: "Test Council", kind: "council" })
      .returning("id")
      .executeTakeFirstOrThrow();
    councilId = council.id;
    const adminId = await registerResident(handle.db, { name: "Ada Admin", email: "ada.admin@example.org", password: "admin password 1", area: null }, anonymous());
    await grantRole(handle.db, { user: null, ip: null, system: true }, { userId: adminId, role: "admin", organisationId: null });
    adminActor = { user: (await loadCurrentUser(handle.db, adminId))!, ip: "192.0.2.1" };
  });

  afterAll(async () => {
    await handle?.close();
  });

  it("creates a resident who can sign in, with the registration audited", async () => {
    const userId = await registerResident(handle.db, { name: "Rosa Parks", email: "Rosa.Parks@Example.org", password: "rosa's password", area: "Riverside" }, anonymous());
    const user = await loadCurrentUser(handle.db, userId);
    expect(user).toMatchObject({ name: "Rosa Parks", email: "Rosa.Parks@Example.org", area: "Riverside", mustChangePassword: false });
    expect(user!.roles).toEqual([{ role: "resident", organisationId: null }]);
    expect(await auditFor("account.registered", userId)).toHaveLength(1);

    const result = await signIn(handle.db, { email: "rosa.parks@example.org", password: "rosa's password" }, { ip: freshIp() });
    expect(result.userId).toBe(userId);
    expect((await userForSessionToken(handle.db, result.sessionToken))?.id).toBe(userId);
    expect(await auditFor("sign_in.succeeded", userId)).toHaveLength(1);
  });

  it("refuses a duplicate email address with a clear error and writes nothing", async () => {
    await registerResident(handle.db, { name: "First", email: "twin@example.org", password: "first password", area: null }, anonymous());
    const before = await handle.db.selectFrom("app_user").select(handle.db.fn.countAll<bigint>().as("n")).executeTakeFirstOrThrow();
    const error = await expectDomainError(
      registerResident(handle.db, { name: "Second", email: " TWIN@example.org ", password: "second password", area: null }, anonymous()),
      "email_taken",
    );
    expect(error.field).toBe("email");
    expect(error.status).toBe(409);
    const after = await handle.db.selectFrom("app_user").select(handle.db.fn.countAll<bigint>().as("n")).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it("counts a wrong password as a failed attempt and audits it", async () => {
    const userId = await registerResident(handle.db, { name: "Wrong Pass", email: "wrong.pass@example.org", password: "the right one", area: null }, anonymous());
    const ip = freshIp();
    await expectDomainError(signIn(handle.db, { email: "wrong.pass@example.org", password: "the wrong one" }, { ip }), "sign_in_failed");
    const attempts = await handle.db.selectFrom("sign_in_attempt").selectAll().where("email_normalised", "=", "wrong.pass@example.org").execute();
    expect(attempts).toHaveLength(1);
    expect(attempts[0]).toMatchObject({ succeeded: false, ip });
    expect(await auditFor("sign_in.failed", userId)).toHaveLength(1);
  });

  it("blocks an account after 5 failures in 15 minutes, even with the right password", async () => {
    await registerResident(handle.db, { name: "Locked Out", email: "locked@example.org", password: "the right one", area: null }, anonymous());
    for (let i = 0; i < SIGN_IN_LIMITS.failuresPerAccount; i++) {
      await expectDomainError(signIn(handle.db, { email: "locked@example.org", password: `guess ${i}` }, { ip: freshIp() }), "sign_in_failed");
    }
    const error = await expectDomainError(signIn(handle.db, { email: "locked@example.org", password: "the right one" }, { ip: freshIp() }), "sign_in_rate_limited");
    expect(error.status).toBe(429);
    expect(error.values.minutes).toBe(15);
    expect((await auditFor("sign_in.blocked")).length).toBeGreaterThan(0);
    // After the window the account works again.
    const later = new Date(Date.now() + SIGN_IN_LIMITS.windowMs + 1000);
    await expect(signIn(handle.db, { email: "locked@example.org", password: "the right one" }, { ip: freshIp(), now: later })).resolves.toMatchObject({ mustChangePassword: false });
  });

  it("blocks an address after too many failures across accounts", async () => {
    const ip = freshIp();
    for (let i = 0; i < SIGN_IN_LIMITS.failuresPerIp; i++) {
      await expectDomainError(signIn(handle.db, { email: `nobody${i}@example.org`, password: "guess" }, { ip }), "sign_in_failed");
    }
    await expectDomainError(signIn(handle.db, { email: "rosa.parks@example.org", password: "rosa's password" }, { ip }), "sign_in_rate_limited");
  });

  it("audits a role change, and refuses an unknown role or a wrong organisation", async () => {
    const userId = await registerResident(handle.db, { name: "Olu Officer", email: "olu@example.org", password: "olu password", area: null }, anonymous());
    await grantRole(handle.db, adminActor, { userId, role: "officer", organisationId: councilId });
    const audit = await auditFor("role.granted", userId);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_user_id: adminActor.user!.id, ip: "192.0.2.1" });
    expect(audit[0]!.details).toMatchObject({ role: "officer", organisationId: councilId });

    await expectDomainError(grantRole(handle.db, adminActor, { userId, role: "superuser", organisationId: null }), "unknown_role");
    await expectDomainError(grantRole(handle.db, adminActor, { userId, role: "coordinator", organisationId: councilId }), "organisation_kind_wrong");
    await expectDomainError(grantRole(handle.db, adminActor, { userId, role: "officer", organisationId: councilId }), "role_already_held");

    const roles = await handle.db.selectFrom("user_role").select(["id", "role"]).where("user_id", "=", userId).execute();
    const officer = roles.find((r) => r.role === "officer")!;
    await revokeRole(handle.db, adminActor, { userId, roleId: officer.id });
    expect(await auditFor("role.revoked", userId)).toHaveLength(1);
  });

  it("checks authorisation inside the service: a resident cannot change roles or open accounts", async () => {
    const userId = await registerResident(handle.db, { name: "Ria Resident", email: "ria@example.org", password: "ria password", area: null }, anonymous());
    const resident: Actor = { user: (await loadCurrentUser(handle.db, userId))!, ip: freshIp() };
    await expectDomainError(grantRole(handle.db, resident, { userId, role: "admin", organisationId: null }), "forbidden");
    await expectDomainError(
      createAccountForPerson(handle.db, resident, { name: "X", email: "x@example.org", area: null, method: "setup_link" }, { appUrl: APP_URL }),
      "forbidden",
    );
    expect(await loadCurrentUser(handle.db, userId)).toMatchObject({ roles: [{ role: "resident", organisationId: null }] });
  });

  it("a staff-created account with a temporary password must change it at first sign-in", async () => {
    const result = await createAccountForPerson(handle.db, adminActor, { name: "Tess Temp", email: "tess@example.org", area: null, method: "temporary_password" }, { appUrl: APP_URL });
    if (result.method !== "temporary_password") throw new Error("expected a temporary password");
    expect(await auditFor("account.created_by_staff", result.userId)).toHaveLength(1);

    const session = await signIn(handle.db, { email: "tess@example.org", password: result.temporaryPassword }, { ip: freshIp() });
    expect(session.mustChangePassword).toBe(true);
    const tess = (await userForSessionToken(handle.db, session.sessionToken))!;
    expect(tess.mustChangePassword).toBe(true);
    // The one-query session lookup gives the same person, roles and all, as loading them by id.
    expect(tess).toEqual(await loadCurrentUser(handle.db, tess.id));
    expect(tess.roles.length).toBeGreaterThan(0);

    await expectDomainError(changePassword(handle.db, tess, { currentPassword: "not it", password: "tess's new password" }, anonymous()), "current_password_wrong");
    await expectDomainError(changePassword(handle.db, tess, { currentPassword: result.temporaryPassword, password: result.temporaryPassword }, anonymous()), "password_unchanged");
    await changePassword(handle.db, tess, { currentPassword: result.temporaryPassword, password: "tess's new password" }, anonymous());
    expect((await loadCurrentUser(handle.db, tess.id))!.mustChangePassword).toBe(false);
    await expectDomainError(signIn(handle.db, { email: "tess@example.org", password: result.temporaryPassword }, { ip: freshIp() }), "sign_in_failed");
  });

  it("a set-up link is emailed through the outbox and works exactly once", async () => {
    const result = await createAccountForPerson(handle.db, adminActor, { name: "Sam Setup", email: "sam@example.org", area: "Old Town", method: "setup_link" }, { appUrl: APP_URL });
    if (result.method !== "setup_link") throw new Error("expected a set-up link");
    const message = await latestMessageTo(handle.db, "sam@example.org");
    expect(message?.body_text).toContain(`${APP_URL}/setup/${result.setupToken}`);
    expect(await findUsableToken(handle.db, result.setupToken, "account_setup")).toMatchObject({ name: "Sam Setup" });
    // A set-up link is not a reset link.
    await expectDomainError(setPasswordWithToken(handle.db, result.setupToken, "password_reset", "sam's password", anonymous()), "link_not_valid");

    await setPasswordWithToken(handle.db, result.setupToken, "account_setup", "sam's password", anonymous());
    await expectDomainError(setPasswordWithToken(handle.db, result.setupToken, "account_setup", "another password", anonymous()), "link_not_valid");
    await expect(signIn(handle.db, { email: "sam@example.org", password: "sam's password" }, { ip: freshIp() })).resolves.toMatchObject({ userId: result.userId });
  });

  it("a password reset link ends every session and changes the password", async () => {
    const userId = await registerResident(handle.db, { name: "Reg Reset", email: "reg@example.org", password: "reg's first password", area: null }, anonymous());
    const session = await signIn(handle.db, { email: "reg@example.org", password: "reg's first password" }, { ip: freshIp() });
    await requestPasswordReset(handle.db, "REG@example.org", { ip: freshIp(), appUrl: APP_URL });
    await requestPasswordReset(handle.db, "nobody-here@example.org", { ip: freshIp(), appUrl: APP_URL });
    expect(await latestMessageTo(handle.db, "nobody-here@example.org")).toBeUndefined();
    const message = await latestMessageTo(handle.db, "reg@example.org");
    const token = /reset-password\/([A-Za-z0-9_-]+)/.exec(message!.body_text)![1]!;

    await setPasswordWithToken(handle.db, token, "password_reset", "reg's second password", anonymous());
    expect(await userForSessionToken(handle.db, session.sessionToken)).toBeNull();
    await expect(signIn(handle.db, { email: "reg@example.org", password: "reg's second password" }, { ip: freshIp() })).resolves.toMatchObject({ userId });
    expect(await auditFor("password.reset", userId)).toHaveLength(1);
  });

  it("finds a session's person by index however many sessions there are, and no one for an expired session", async () => {
    const userId = await registerResident(handle.db, { name: "Sid Session", email: "sid@example.org", password: "sid's password 1", area: null }, anonymous());
    await grantRole(handle.db, adminActor, { userId, role: "officer", organisationId: councilId });
    const at = new Date("2026-06-01T12:00:00Z");
    const token = await createSession(handle.db, userId, null, at);
    // One connection throughout, so the plan it keeps is the one measured: made while the
    // session table is small, then used with thousands more sessions.
    const one = database.name === "postgres" ? await createDb({ databaseUrl: handle.url!, poolMax: 1 }) : handle;
    try {
      // The tables analysed while small, as autovacuum does early in a database's life.
      await sql`analyze session, app_user, user_role`.execute(one.db);
      for (let i = 0; i < 6; i++) expect((await userForSessionToken(one.db, token, at))?.id).toBe(userId);
      await sql`insert into session (token_hash, user_id, ip, expires_at)
        select md5(g::text) || md5('s' || g::text), ${userId}, null, ${at}::timestamptz + interval '1 day' from generate_series(1, 3000) g`.execute(one.db);
      const read = await one.db.transaction().execute(async (trx) => {
        const found = await userForSessionToken(trx, token, at);
        const counts = await sql<{ scanned: string }>`select pg_stat_get_xact_tuples_returned('session'::regclass)::text as scanned`.execute(trx);
        return { found, scanned: Number(counts.rows[0]!.scanned) };
      });
      expect(read.found).toEqual(await loadCurrentUser(handle.db, userId));
      expect(read.found?.roles).toEqual([
        { role: "resident", organisationId: null },
        { role: "officer", organisationId: councilId },
      ]);
      // A sequential scan would read all 3,000 sessions; the index reads the one.
      expect(read.scanned).toBeLessThan(10);
    } finally {
      if (one !== handle) await one.close();
    }
    expect(await userForSessionToken(handle.db, token, new Date(at.getTime() + SESSION_LIFETIME_MS + 1))).toBeNull();
    expect(await userForSessionToken(handle.db, "not-a-session-token", at)).toBeNull();
  });

  it("keeps the audit trail append-only, even against raw SQL", async () => {
    await expect(handle.db.updateTable("audit_event").set({ action: "rewritten" }).execute()).rejects.toThrow(/append-only/);
    await expect(handle.db.deleteFrom("audit_event").execute()).rejects.toThrow(/append-only/);
  });
});
