// Export and import of rounds as Pabulib files, and the promise that anyone can recount:
// `pb count` on the exported file gives exactly the published result.
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/client.js";
import { runCli } from "../../cli/main.js";
import { pbCount } from "../../cli/pb-count.js";
import { metaValue, parsePabulib } from "../../app/domain/pabulib.js";
import { getBalances } from "../../app/services/ledger/accounts.server.js";
import { roundPotAccount } from "../../app/services/rounds/rounds.server.js";
import { countRound, publishResults } from "../../app/services/results/results.server.js";
import { testDatabases } from "./databases.js";
import { APP_URL, closedRoundWithVotes } from "./results-fixtures.js";

const KATOWICE = "/work/shared/pabulib/data/Poland_Katowice_2021_Janow-Nikiszowiec.pb";

describe.each(testDatabases)("rounds as Pabulib files on $name", (database) => {
  let handle: DbHandle;
  let dir: string;
  beforeAll(async () => {
    handle = await database.open();
    dir = await mkdtemp(join(tmpdir(), "potluck-pb-"));
  });
  afterAll(async () => {
    await handle?.close();
  });

  async function potluck(...argv: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(argv, {
      openDb: async () => ({ handle, close: async () => undefined }),
      stdout: (text) => out.push(text),
      stderr: (text) => err.push(text),
      appUrl: APP_URL,
    });
    return { code, stdout: out.join("\n"), stderr: err.join("\n") };
  }

  async function recount(text: string, rule: "greedy" | "mes-completed"): Promise<string[]> {
    const out: string[] = [];
    const code = await pbCount(["count", "round.pb", "--rule", rule, "--tie-break", "support", "--json"], {
      stdout: (s) => out.push(s),
      stderr: () => undefined,
      readFile: async () => text,
    });
    expect(code).toBe(0);
    return (JSON.parse(out.join("")) as { selected: string[] }).selected;
  }

  async function organisationSlug(id: number) {
    return (await handle.db.selectFrom("organisation").select("slug").where("id", "=", id).executeTakeFirstOrThrow()).slug;
  }

  for (const [rule, pbRule] of [["greedy", "greedy"], ["equal_shares", "mes-completed"]] as const) {
    it(`pb count on the exported file gives exactly the published ${rule} result`, async () => {
      const round = await closedRoundWithVotes(handle, { countingRule: rule });
      const { result } = await countRound(handle.db, round.officer, round.roundId);
      await publishResults(handle.db, round.officer, round.roundId, { appUrl: APP_URL });
      const exported = await potluck("pb", "export", round.slug);
      expect(exported.code).toBe(0);
      expect(await recount(exported.stdout, pbRule)).toEqual(result.winners.map(String));
      const pb = parsePabulib(exported.stdout);
      expect(pb.voters).toHaveLength(7);
      expect(metaValue(pb, "budget")).toBe("50000.00");
      const selected = pb.projects.filter((p) => p.extra[pb.projectColumns.indexOf("selected") - 2] === "1").map((p) => Number(p.id));
      expect(selected.sort()).toEqual([...result.winners].sort());
    });
  }

  it("imports an exported round as a closed round whose count is the same", async () => {
    const round = await closedRoundWithVotes(handle, { countingRule: "equal_shares" });
    const original = await countRound(handle.db, round.officer, round.roundId);
    const exported = await potluck("pb", "export", round.slug);
    const file = join(dir, "riverside.pb");
    await writeFile(file, exported.stdout);
    const slug = `${round.slug}-copy`;
    const imported = await potluck("pb", "import", file, "--organisation", await organisationSlug(round.organisationId), "--slug", slug);
    expect(imported).toMatchObject({ code: 0 });
    expect(imported.stdout).toContain("3 projects, 7 ballots");
    const copy = await handle.db.selectFrom("budget_round").select(["id", "phase", "budget_minor"]).where("slug", "=", slug).executeTakeFirstOrThrow();
    expect(copy.phase).toBe("closed");
    expect(copy.budget_minor).toBe(5_000_000n);
    expect((await getBalances(handle.db, [roundPotAccount(copy.id)])).get(roundPotAccount(copy.id))?.balanceMinor).toBe(5_000_000n);
    const recounted = await countRound(handle.db, round.officer, copy.id);
    const titles = (r: typeof original.result) => r.winners.map((id) => r.projects.find((p) => p.id === id)!.title);
    expect(titles(recounted.result)).toEqual(titles(original.result));
    expect(recounted.result.turnout).toEqual({ online: 0, code: 0, paper: 7, total: 7 });
    // Importing the same short name twice is refused and leaves nothing behind.
    const again = await potluck("pb", "import", file, "--organisation", await organisationSlug(round.organisationId), "--slug", slug);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("Another round already uses this web address");
  });

  it("imports a real cumulative Pabulib file, and its export recounts to the same result", async () => {
    const round = await closedRoundWithVotes(handle);
    const orgSlug = await organisationSlug(round.organisationId);
    const imported = await potluck("pb", "import", KATOWICE, "--organisation", orgSlug, "--slug", `katowice-${round.roundId}`);
    expect(imported).toMatchObject({ code: 0 });
    expect(imported.stdout).toContain("9 projects, 1139 ballots");
    const copy = await handle.db.selectFrom("budget_round").select(["id", "ballot_type", "counting_rule", "budget_minor"]).where("slug", "=", `katowice-${round.roundId}`).executeTakeFirstOrThrow();
    expect(copy).toMatchObject({ ballot_type: "cumulative", counting_rule: "greedy", budget_minor: 47_067_100n });
    const { result } = await countRound(handle.db, round.officer, copy.id);
    await publishResults(handle.db, round.officer, copy.id, { appUrl: APP_URL });
    const exported = await potluck("pb", "export", `katowice-${round.roundId}`);
    expect(await recount(exported.stdout, "greedy")).toEqual(result.winners.map(String));
    // The points survive the round trip: the same totals as the original file.
    const original = parsePabulib(await readFile(KATOWICE, "utf8"));
    const scoreColumn = original.projectColumns.indexOf("score") - 2;
    const originalScores = original.projects.map((p) => Number(p.extra[scoreColumn])).sort((a, b) => a - b);
    expect(result.projects.map((p) => p.points).sort((a, b) => a - b)).toEqual(originalScores);
  });

  it("refuses to import into an unknown organisation, and a malformed file", async () => {
    const file = join(dir, "bad.pb");
    await writeFile(file, "META\nkey;value\nbudget;100\n");
    const unknown = await potluck("pb", "import", KATOWICE, "--organisation", "no-such-council");
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("Select an organisation from the list");
    const bad = await potluck("pb", "import", file, "--organisation", "no-such-council");
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("bad.pb");
    expect((await potluck("pb", "import", file)).code).toBe(2);
  });
});
