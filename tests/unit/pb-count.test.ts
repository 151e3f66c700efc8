import path from "node:path";
import { describe, expect, it } from "vitest";
import { pbCount, type PbCountIo } from "../../cli/pb-count.js";

const DATA_DIR = process.env.PABULIB_DIR ?? path.resolve(process.cwd(), "../shared/pabulib/data");
const ASSEN = path.join(DATA_DIR, "Netherlands_Assen_2024.pb");

function capture(extra: Partial<PbCountIo> = {}): { io: PbCountIo; out: () => string; err: () => string } {
  let out = "";
  let err = "";
  return {
    io: { stdout: (s) => (out += s), stderr: (s) => (err += s), ...extra },
    out: () => out,
    err: () => err,
  };
}

describe("pb count", () => {
  it("prints the winners in selection order and the total cost", async () => {
    const c = capture();
    expect(await pbCount(["count", ASSEN, "--rule", "greedy"], c.io)).toBe(0);
    expect(c.out()).toBe(["3", "9", "8", "11", "2", "13", "14", "total cost: 99200", ""].join("\n"));
    expect(c.err()).toMatch(/counted 14 projects and 84 voters with greedy: 7 funded/);
  });

  it("prints JSON", async () => {
    const c = capture();
    expect(await pbCount([ASSEN, "--rule", "mes", "--json"], c.io)).toBe(0);
    expect(JSON.parse(c.out())).toEqual({ selected: ["3", "9", "2", "13", "11", "14", "12"], total_cost: "60700" });
  });

  it("counts equal shares with completion and approval utility", async () => {
    const c = capture();
    expect(await pbCount(["count", ASSEN, "--rule=mes-completed", "--json"], c.io)).toBe(0);
    expect(JSON.parse(c.out()).selected).toEqual(["3", "9", "11", "2", "13", "14", "5", "6", "12", "7"]);
    expect(c.err()).toMatch(/equal-shares runs/);
    const a = capture();
    expect(await pbCount(["count", ASSEN, "--rule", "mes", "--utility", "approval", "--json"], a.io)).toBe(0);
    expect(JSON.parse(a.out()).selected).toEqual(["13", "12", "3", "14", "5", "2", "9"]);
  });

  it("shows progress on a terminal", async () => {
    let t = 0;
    const c = capture({ stderrIsTTY: true, now: () => (t += 1000) });
    expect(await pbCount(["count", ASSEN, "--rule", "mes-completed"], c.io)).toBe(0);
    expect(c.err()).toMatch(/\rcounting… \d+\/14 projects \(run \d+, \+\d+ per voter\)/);
    const quiet = capture({ stderrIsTTY: false });
    await pbCount(["count", ASSEN, "--rule", "mes-completed"], quiet.io);
    expect(quiet.err()).not.toContain("counting…");
  });

  it("can use the support-then-cost tie-break", async () => {
    const c = capture();
    expect(await pbCount(["count", ASSEN, "--rule", "greedy", "--tie-break", "support", "--json"], c.io)).toBe(0);
    // 2 and 11 tie on 24 votes: 2 is cheaper, so it comes first.
    expect(JSON.parse(c.out()).selected.slice(3, 5)).toEqual(["2", "11"]);
  });

  it.each([
    [[], /missing FILE/],
    [[ASSEN], /missing --rule/],
    [[ASSEN, "--rule", "best"], /--rule must be/],
    [[ASSEN, "--rule", "mes", "--utility", "joy"], /--utility must be/],
    [[ASSEN, "--rule", "greedy", "--utility", "cost"], /mes rules only/],
    [[ASSEN, "--rule", "mes", "--frobnicate"], /unknown option --frobnicate/],
    [[ASSEN, ASSEN, "--rule", "mes"], /only one FILE/],
    [[ASSEN, "--rule"], /--rule must be/],
  ])("rejects bad arguments %j", async (args, message) => {
    const c = capture();
    expect(await pbCount(args, c.io)).toBe(2);
    expect(c.err()).toMatch(message);
    expect(c.err()).toContain("usage: pb count");
    expect(c.out()).toBe("");
  });

  it("prints help", async () => {
    const c = capture();
    expect(await pbCount(["count", "--help"], c.io)).toBe(0);
    expect(c.out()).toContain("usage: pb count FILE");
  });

  it("reports a malformed file with its line and field", async () => {
    const bad = ["META", "key;value", "budget;100", "vote_type;approval", "PROJECTS", "project_id;cost", "1;ten", "VOTES", "voter_id;vote"].join("\n");
    const c = capture({ readFile: async () => bad });
    expect(await pbCount(["count", "bad.pb", "--rule", "greedy"], c.io)).toBe(1);
    expect(c.err()).toBe('pb count: bad.pb: line 7, cost: cost "ten" of project "1" is not a non-negative number\n');
  });

  it("reports a file it cannot read", async () => {
    const c = capture();
    expect(await pbCount(["count", path.join(DATA_DIR, "no-such-file.pb"), "--rule", "greedy"], c.io)).toBe(1);
    expect(c.err()).toMatch(/cannot read .*no-such-file\.pb/);
  });

  it("prints decimal totals in the file's currency", async () => {
    const pb = ["META", "key;value", "budget;10.5", "vote_type;approval", "PROJECTS", "project_id;cost", "a;4.25", "b;6", "VOTES", "voter_id;vote", "1;a,b", "2;b"].join("\n");
    const c = capture({ readFile: async () => pb });
    expect(await pbCount(["count", "x.pb", "--rule", "mes-completed", "--json"], c.io)).toBe(0);
    expect(JSON.parse(c.out())).toEqual({ selected: ["b", "a"], total_cost: "10.25" });
  });
});
