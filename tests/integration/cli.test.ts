// The command line as an operator uses it. Commands run in-process against each test
// database; one real process checks the exit code the shell sees.
import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/client.js";
import { runCli } from "../../cli/main.js";
import { testDatabases } from "./databases.js";

describe("potluck as a process", () => {
  it("exits 2 with a clear message for an unknown command, and 0 for --help", () => {
    const run = (...args: string[]) =>
      spawnSync(process.execPath, ["--import", "tsx", "cli/index.ts", ...args], { encoding: "utf8", timeout: 60_000, env: { ...process.env, DATABASE_URL: "", POTLUCK_DATA_DIR: "memory://" } });
    const unknown = run("frobnicate");
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('unknown command "frobnicate"');
    const help = run("--help");
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("Usage: npm run potluck -- <command>");
  });
});

describe.each(testDatabases)("potluck commands on $name", (database) => {
  let handle: DbHandle;
  let opened = 0;

  beforeAll(async () => {
    handle = await database.open();
  });
  afterAll(async () => {
    await handle?.close();
  });

  async function potluck(...argv: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(argv, {
      async openDb() {
        opened++;
        return { handle, close: async () => undefined };
      },
      stdout: (text) => out.push(text),
      stderr: (text) => err.push(text),
      appUrl: "http://potluck.test",
    });
    return { code, stdout: out.join("\n"), stderr: err.join("\n") };
  }

  it("refuses bad arguments with exit code 2 before opening the database", async () => {
    const before = opened;
    const badFlag = await potluck("user", "create", "--name", "Ann", "--email", "a@example.org", "--colour", "red");
    expect(badFlag).toMatchObject({ code: 2 });
    expect(badFlag.stderr).toContain("unknown option --colour");
    const missing = await potluck("user", "create", "--name", "Ann");
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("--email is required");
    const unknownRole = await potluck("user", "set-role", "--email", "ann@example.org", "--role", "emperor");
    expect(unknownRole.code).toBe(2);
    expect(unknownRole.stderr).toContain('unknown role "emperor"');
    expect(await potluck("migrate", "now")).toMatchObject({ code: 2 });
    expect(opened).toBe(before);
  });

  it("migrates, seeds once, creates a user and gives a role", async () => {
    expect(await potluck("migrate")).toMatchObject({ code: 0, stdout: "The database is up to date." });
    expect(await potluck("seed")).toMatchObject({ code: 0, stdout: "Seeded the demo: 25 people." });
    const again = await potluck("seed");
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("already has data");

    const created = await potluck("user", "create", "--name", "Ann Lee", "--email", "ann.lee@example.org", "--temporary-password");
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/Temporary password \(must be changed at first sign-in\): [a-z2-9]{4}-/);
    const duplicate = await potluck("user", "create", "--name", "Ann Lee", "--email", "ANN.LEE@example.org");
    expect(duplicate.code).toBe(1);
    expect(duplicate.stderr).toContain("An account with this email address already exists");
    const badEmail = await potluck("user", "create", "--name", "Bo", "--email", "not-an-email");
    expect(badEmail.code).toBe(2);
    expect(badEmail.stderr).toContain("Enter an email address in the correct format");

    expect(await potluck("user", "set-role", "--email", "ann.lee@example.org", "--role", "coordinator", "--organisation", "harbour-house")).toMatchObject({ code: 0 });
    const roles = await handle.db
      .selectFrom("user_role")
      .innerJoin("app_user", "app_user.id", "user_role.user_id")
      .select("user_role.role")
      .where("app_user.email_normalised", "=", "ann.lee@example.org")
      .orderBy("user_role.id")
      .execute();
    expect(roles.map((r) => r.role)).toEqual(["resident", "coordinator"]);
    const wrongKind = await potluck("user", "set-role", "--email", "ann.lee@example.org", "--role", "officer", "--organisation", "harbour-house");
    expect(wrongKind.code).toBe(1);
    expect(wrongKind.stderr).toContain("cannot be held at that kind of organisation");
  });
});
