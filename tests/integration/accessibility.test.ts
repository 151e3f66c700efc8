import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/client.js";
import { DomainError } from "../../app/domain/errors.js";
import { registerResident } from "../../app/services/accounts.server.js";
import type { Actor } from "../../app/services/current-user.js";
import { setLargePrint } from "../../app/services/preferences.server.js";
import { loadCurrentUser } from "../../app/services/sessions.server.js";
import { testDatabases } from "./databases.js";

describe.each(testDatabases)("large print setting on $name", (database) => {
  let handle: DbHandle;

  const actorFor = async (userId: number): Promise<Actor> => ({ user: (await loadCurrentUser(handle.db, userId))!, ip: "192.0.2.7" });
  const auditFor = (userId: number) =>
    handle.db.selectFrom("audit_event").selectAll().where("action", "=", "account.large_print_changed").where("subject_id", "=", String(userId)).orderBy("id").execute();

  beforeAll(async () => {
    handle = await database.open();
  });

  afterAll(async () => {
    await handle?.close();
  });

  it("saves large print for the person, remembers it, and audits each change", async () => {
    const userId = await registerResident(handle.db, { name: "Lena Print", email: "lena.print@example.org", password: "lena's password", area: null }, { user: null, ip: null });
    expect((await loadCurrentUser(handle.db, userId))!.largePrint).toBe(false);

    expect(await setLargePrint(handle.db, await actorFor(userId), true)).toEqual({ changed: true });
    expect((await loadCurrentUser(handle.db, userId))!.largePrint).toBe(true);

    expect(await setLargePrint(handle.db, await actorFor(userId), false)).toEqual({ changed: true });
    expect((await loadCurrentUser(handle.db, userId))!.largePrint).toBe(false);

    const audit = await auditFor(userId);
    expect(audit.map((row) => ({ actor: row.actor_user_id, ip: row.ip, details: typeof row.details === "string" ? JSON.parse(row.details) : row.details }))).toEqual([
      { actor: userId, ip: "192.0.2.7", details: { largePrint: true } },
      { actor: userId, ip: "192.0.2.7", details: { largePrint: false } },
    ]);
  });

  it("changes only the person's own setting", async () => {
    const first = await registerResident(handle.db, { name: "Ann One", email: "ann.one@example.org", password: "ann's password 1", area: null }, { user: null, ip: null });
    const second = await registerResident(handle.db, { name: "Bob Two", email: "bob.two@example.org", password: "bob's password 2", area: null }, { user: null, ip: null });
    await setLargePrint(handle.db, await actorFor(first), true);
    expect((await loadCurrentUser(handle.db, first))!.largePrint).toBe(true);
    expect((await loadCurrentUser(handle.db, second))!.largePrint).toBe(false);
  });

  it("records nothing when the setting is saved unchanged", async () => {
    const userId = await registerResident(handle.db, { name: "Sam Same", email: "sam.same@example.org", password: "sam's password", area: null }, { user: null, ip: null });
    expect(await setLargePrint(handle.db, await actorFor(userId), false)).toEqual({ changed: false });
    expect(await auditFor(userId)).toEqual([]);
  });

  it("refuses someone who is not signed in, writing nothing", async () => {
    const before = await handle.db.selectFrom("audit_event").select(handle.db.fn.countAll<string>().as("n")).executeTakeFirstOrThrow();
    const error = await setLargePrint(handle.db, { user: null, ip: null }, true).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).status).toBe(403);
    const after = await handle.db.selectFrom("audit_event").select(handle.db.fn.countAll<string>().as("n")).executeTakeFirstOrThrow();
    expect(String(after.n)).toBe(String(before.n));
  });
});
