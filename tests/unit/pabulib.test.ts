import fs from "node:fs";
import path from "node:path";
import { isDeepStrictEqual } from "node:util";
import { describe, expect, it } from "vitest";
import {
  formatDecimal,
  metaValue,
  PABULIB_MAX_COLUMNS,
  PABULIB_MAX_LINES,
  PABULIB_MAX_PROJECTS,
  PABULIB_MAX_VOTERS,
  pabulibToCounting,
  PabulibError,
  parseDecimal,
  parsePabulib,
  serialisePabulib,
  type PabulibErrorCode,
} from "../../app/domain/pabulib.js";

const DATA_DIR = process.env.PABULIB_DIR ?? path.resolve(process.cwd(), "../shared/pabulib/data");
const files = fs.existsSync(DATA_DIR) ? fs.readdirSync(DATA_DIR).filter((f) => f.endsWith(".pb")).sort() : [];

describe("the shared Pabulib files", () => {
  it("are all there", () => {
    expect(files.length).toBe(15);
  });

  for (const file of files) {
    it(`parses and round-trips ${file}`, { timeout: 30_000 }, () => {
      const text = fs.readFileSync(path.join(DATA_DIR, file), "utf8");
      const pb = parsePabulib(text);
      expect(pb.projects.length).toBe(Number(metaValue(pb, "num_projects")));
      expect(pb.voters.length).toBe(Number(metaValue(pb, "num_votes")));
      expect(pb.projectColumns.slice(0, 2)).toEqual(["project_id", "cost"]);
      expect(pb.voterColumns.slice(0, 2)).toEqual(["voter_id", "vote"]);
      for (const p of pb.projects) expect(p.extra.length).toBe(pb.projectColumns.length - 2);
      const ids = new Set(pb.projects.map((p) => p.id));
      for (const v of pb.voters) for (const id of v.projectIds) expect(ids.has(id)).toBe(true);
      if (pb.voteType === "cumulative") {
        for (const v of pb.voters) expect(v.points?.length).toBe(v.projectIds.length);
      }
      const again = parsePabulib(serialisePabulib(pb));
      // isDeepStrictEqual first: vitest's diffing equality is slow on 11,000 voters.
      if (!isDeepStrictEqual(again, pb)) expect(again).toEqual(pb);
      expect(serialisePabulib(again)).toBe(serialisePabulib(pb));
    });
  }

  it("keeps every META entry and extra column", () => {
    const pb = parsePabulib(fs.readFileSync(path.join(DATA_DIR, "Switzerland_Zurich_D5.pb"), "utf8"));
    expect(metaValue(pb, "acknowledgments")).toContain("Yang et al.");
    expect(pb.voterColumns).toContain("district_preference");
    expect(pb.voteType).toBe("cumulative");
    const first = pb.voters[0]!;
    expect(first.id).toBe("QGVT6BFJ");
    expect(first.projectIds).toEqual(["2", "3", "1"]);
    expect(first.points).toEqual([2n, 2n, 1n]);
    expect(first.extra[0]).toBe("24");
  });

  it("reads the long quoted comment with doubled quotes (Budapest)", () => {
    const pb = parsePabulib(fs.readFileSync(path.join(DATA_DIR, "Hungary_Budapest_2023_VIII_Jozsefvaros.pb"), "utf8"));
    expect(metaValue(pb, "comment")).toContain('"neighborhood" indicated');
    expect(pb.budget).toEqual({ units: 150000000n, scale: 0 });
  });

  it("keeps an unquoted `;` inside a META value (synthetic_ties)", () => {
    const pb = parsePabulib(fs.readFileSync(path.join(DATA_DIR, "synthetic_ties.pb"), "utf8"));
    expect(metaValue(pb, "description")).toBe(
      'Synthetic edge case: tied vote counts and tied costs; ids "1","2","10" sort differently as strings and as numbers',
    );
  });

  it("keeps ordinal ballots in preference order", () => {
    const pb = parsePabulib(fs.readFileSync(path.join(DATA_DIR, "Poland_Krakow_2019_Bronowice.pb"), "utf8"));
    expect(pb.voteType).toBe("ordinal");
    expect(pb.voters[0]).toMatchObject({ id: "7", projectIds: ["25", "14", "19"], points: null, extra: ["paper"] });
  });

  it("reads an empty ballot (synthetic_cost_equals_budget voter 8)", () => {
    const pb = parsePabulib(fs.readFileSync(path.join(DATA_DIR, "synthetic_cost_equals_budget.pb"), "utf8"));
    expect(pb.voters.find((v) => v.id === "8")?.projectIds).toEqual([]);
  });
});

const SMALL = [
  "META",
  "key;value",
  "description;small",
  "num_projects;2",
  "num_votes;2",
  "budget;100",
  "vote_type;cumulative",
  "PROJECTS",
  "project_id;cost;name",
  "1;60;One",
  "2;40.50;Two",
  "VOTES",
  "voter_id;vote;points;age",
  "a;1,2;2,1;30",
  "b;2;3;",
].join("\n");

describe("parsePabulib details", () => {
  it("parses LF, CRLF and a BOM the same way", () => {
    const lf = parsePabulib(SMALL);
    expect(parsePabulib(SMALL.replace(/\n/g, "\r\n"))).toEqual(lf);
    expect(parsePabulib(`\uFEFF${SMALL}\n\n`)).toEqual(lf);
  });

  it("keeps decimal costs exact", () => {
    const pb = parsePabulib(SMALL);
    expect(pb.projects[1]!.cost).toEqual({ units: 4050n, scale: 2 });
    const { instance, decimals, unit } = pabulibToCounting(pb);
    expect(decimals).toBe(2);
    expect(unit).toBe(100n);
    expect(instance.budget).toBe(10000n);
    expect(instance.projects.map((p) => p.cost)).toEqual([6000n, 4050n]);
    expect(instance.ballots[0]).toEqual({ projectIds: ["1", "2"], points: [2n, 1n] });
  });

  it("reads quoted fields with `;`, doubled quotes and spaces", () => {
    const text = SMALL.replace("1;60;One", '"1";60; "One; the ""first"" one" ').replace("description;small", 'description;"a;b"');
    const pb = parsePabulib(text);
    expect(pb.projects[0]).toEqual({ id: "1", cost: { units: 60n, scale: 0 }, extra: ['One; the "first" one'] });
    expect(metaValue(pb, "description")).toBe("a;b");
    expect(parsePabulib(serialisePabulib(pb))).toEqual(pb);
  });

  it("round-trips awkward values", () => {
    const pb = parsePabulib(SMALL);
    const awkward = {
      ...pb,
      meta: [...pb.meta, { key: "note", value: ' leading space, "quotes"; and semicolons ' }],
      voters: [...pb.voters, { id: "votes", projectIds: [], points: [], extra: ['"'] }],
    };
    const text = serialisePabulib(awkward);
    expect(text).toContain('\n"votes";;;""""\n');
    expect(parsePabulib(text)).toEqual(awkward);
    const broken = { ...pb, meta: [{ key: "note", value: "two\nlines" }] };
    expect(() => serialisePabulib(broken)).toThrow(RangeError);
  });

  it("accepts a decimal comma like pabutools and keeps the scale", () => {
    expect(parseDecimal("1,5")).toEqual({ units: 15n, scale: 1 });
    expect(parseDecimal("100.00")).toEqual({ units: 10000n, scale: 2 });
    expect(formatDecimal({ units: 10000n, scale: 2 })).toBe("100.00");
    expect(formatDecimal({ units: 5n, scale: 3 })).toBe("0.005");
    expect(parseDecimal("-1")).toBeNull();
    expect(parseDecimal("1e5")).toBeNull();
    expect(parseDecimal("")).toBeNull();
  });

  it("states its limits", () => {
    expect(PABULIB_MAX_PROJECTS).toBe(10_000);
    expect(PABULIB_MAX_VOTERS).toBe(2_000_000);
    expect(PABULIB_MAX_LINES).toBeGreaterThan(PABULIB_MAX_VOTERS);
    expect(PABULIB_MAX_COLUMNS).toBeGreaterThan(10);
  });
});

function expectError(text: string, code: PabulibErrorCode, line: number, field: string, message?: RegExp): void {
  let caught: unknown = null;
  try {
    parsePabulib(text);
  } catch (err) {
    caught = err;
  }
  expect(caught).toBeInstanceOf(PabulibError);
  const e = caught as PabulibError;
  expect({ code: e.code, line: e.line, field: e.field }).toEqual({ code, line, field });
  expect(e.message.startsWith(`line ${line}, ${field}: `)).toBe(true);
  if (message) expect(e.message).toMatch(message);
}

describe("parsePabulib errors", () => {
  const lines = SMALL.split("\n");
  const edit = (i: number, value: string): string => lines.map((l, j) => (j === i ? value : l)).join("\n");

  it("missing VOTES section", () => {
    expectError(lines.slice(0, 11).join("\n"), "missing-section", 12, "VOTES");
  });
  it("missing PROJECTS section", () => {
    expectError([...lines.slice(0, 7), ...lines.slice(11)].join("\n"), "missing-section", 8, "PROJECTS");
  });
  it("missing META section", () => {
    expectError(lines.slice(7).join("\n"), "missing-section", 1, "META");
  });
  it("unknown project in a vote", () => {
    expectError(edit(13, "a;1,7;2,1;30"), "unknown-project", 14, "vote", /unknown project "7"/);
  });
  it("cost that is not a number", () => {
    expectError(edit(9, "1;sixty;One"), "invalid-number", 10, "cost", /"sixty"/);
    expectError(edit(9, "1;-5;One"), "invalid-number", 10, "cost");
  });
  it("budget that is not a number, and missing budget", () => {
    expectError(edit(5, "budget;lots"), "invalid-number", 6, "budget");
    expectError(edit(5, "currency;EUR"), "missing-meta", 8, "budget");
  });
  it("unknown vote type", () => {
    expectError(edit(6, "vote_type;quadratic"), "invalid-meta", 7, "vote_type");
  });
  it("duplicate voter id", () => {
    expectError(edit(14, "a;2;3;"), "duplicate-voter", 15, "voter_id", /"a" appears twice/);
  });
  it("duplicate project id", () => {
    expectError(edit(10, "1;40;Two"), "duplicate-project", 11, "project_id", /"1" appears twice/);
  });
  it("points count not matching the vote", () => {
    expectError(edit(13, "a;1,2;2;30"), "points-mismatch", 14, "points", /2 projects but 1 point values/);
    expectError(edit(13, "a;1,2;2,x;30"), "invalid-number", 14, "points");
  });
  it("wrong headers", () => {
    expectError(edit(8, "id;cost;name"), "wrong-header", 9, "PROJECTS");
    expectError(edit(1, "key;val"), "wrong-header", 2, "META");
    expectError(edit(12, "voter;vote"), "wrong-header", 13, "VOTES");
    expectError(edit(12, "voter_id;vote;age"), "wrong-header", 13, "VOTES", /points/);
  });
  it("a project listed twice in one vote, and too many fields", () => {
    expectError(edit(13, "a;1,1;2,1;30"), "duplicate-in-vote", 14, "vote");
    expectError(edit(10, "2;40;Two;extra"), "too-many-fields", 11, "PROJECTS");
  });
  it("unterminated quotes and stray text after a quote", () => {
    expectError(edit(9, '1;60;"One'), "syntax", 10, "column 3");
    expectError(edit(9, '1;60;"One"x'), "syntax", 10, "column 3");
  });
  it("sections out of order or twice", () => {
    expectError([...lines, "META"].join("\n"), "section-order", 16, "META");
  });
  it("the empty file", () => {
    expectError("", "missing-section", 2, "META");
  });
  it("too many projects", () => {
    const many = Array.from({ length: PABULIB_MAX_PROJECTS + 1 }, (_, i) => `p${i};1`);
    const text = ["META", "key;value", "budget;1", "vote_type;approval", "PROJECTS", "project_id;cost", ...many, "VOTES", "voter_id;vote"].join("\n");
    expectError(text, "too-large", 7 + PABULIB_MAX_PROJECTS, "project_id");
  });
});
