import { describe, expect, it } from "vitest";
import { DomainError } from "../../app/domain/errors.js";
import { parsePabulib, serialisePabulib } from "../../app/domain/pabulib.js";
import { countRoundBallots, formatRationalPounds, resultCsv, type CountedBallot } from "../../app/domain/results/count.js";
import { planImport, roundToPabulib } from "../../app/domain/results/pabulib-round.js";
import { rational } from "../../app/domain/counting.js";
import type { FrozenRules } from "../../app/domain/rounds/rules.js";

const rules = (overrides: Partial<FrozenRules> = {}): FrozenRules => ({
  round: "riverside",
  budgetMinor: "5000000",
  ballotType: "approval",
  minChoices: 0,
  maxChoices: 3,
  pointsTotal: 10,
  countingRule: "greedy",
  tieBreakSeed: "seed",
  eligibility: { accounts: true, areaOnly: false, area: null, codes: true, paper: true },
  projects: [
    { id: 1, title: "Benches", costMinor: "2000000" },
    { id: 2, title: "=HYPERLINK(\"x\")", costMinor: "2500000" },
    { id: 3, title: "Trees", costMinor: "2500000" },
  ],
  ...overrides,
});
const ballot = (channel: CountedBallot["channel"], ...ids: number[]): CountedBallot => ({ channel, choices: ids.map((proposalId) => ({ proposalId, points: 1, rank: null })) });

describe("counting a round", () => {
  it("breaks a tie on support and cost with the seed order, not the project id", () => {
    const ballots = [ballot("online", 2, 3), ballot("code", 2, 3), ballot("paper", 1)];
    // £45,000: only one of the two tied £25,000 projects fits beside the benches.
    const tight = rules({ budgetMinor: "4500000" });
    const seedFirst3 = countRoundBallots({ rules: tight, ballots, seedOrder: [3, 2, 1] });
    expect(seedFirst3.winners).toEqual([3, 1]);
    const seedFirst2 = countRoundBallots({ rules: tight, ballots, seedOrder: [2, 3, 1] });
    expect(seedFirst2.winners).toEqual([2, 1]);
    expect(seedFirst2.turnout).toEqual({ online: 1, code: 1, paper: 1, total: 3 });
  });

  it("counts points on cumulative ballots and approvals otherwise", () => {
    const cumulative: CountedBallot[] = [
      { channel: "online", choices: [{ proposalId: 1, points: 9, rank: null }, { proposalId: 2, points: 1, rank: null }] },
      { channel: "online", choices: [{ proposalId: 2, points: 2, rank: null }, { proposalId: 3, points: 3, rank: null }] },
    ];
    const result = countRoundBallots({ rules: rules({ ballotType: "cumulative" }), ballots: cumulative, seedOrder: [1, 2, 3] });
    // Projects 2 and 3 tie on 3 points; 2 has more supporters, so it comes first.
    expect(result.winners).toEqual([1, 2]);
    expect(result.projects.find((p) => p.id === 1)).toMatchObject({ votes: 1, points: 9, funded: true, position: 1 });
  });

  it("writes pounds exactly, rounded to the penny only for display", () => {
    expect(formatRationalPounds(rational.rational(123456789n))).toBe("£1,234,567.89");
    expect(formatRationalPounds(rational.rational(1000000n, 3n))).toBe("£3,333.33");
    expect(formatRationalPounds(rational.rational(500n))).toBe("£5");
  });

  it("escapes text a spreadsheet would run as a formula", () => {
    const result = countRoundBallots({ rules: rules(), ballots: [ballot("online", 2)], seedOrder: [1, 2, 3] });
    const csv = resultCsv(result);
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    expect(csv.split("\r\n")[0]).toBe("project_id,title,cost_gbp,votes,points,funded,position,funded_by_equal_shares,explanation");
  });
});

describe("rounds as Pabulib files", () => {
  it("lists projects in seed order and marks winners as selected", () => {
    const pb = roundToPabulib({
      title: "Riverside",
      description: "",
      organisationName: "Test Council",
      rules: rules(),
      seedOrder: [3, 1, 2],
      ballots: [{ ...ballot("paper", 1, 3), receiptHash: "b".repeat(64) }, { ...ballot("online", 2), receiptHash: "a".repeat(64) }],
      winners: [3, 1],
    });
    const text = serialisePabulib(pb);
    expect(text).toContain("PROJECTS\nproject_id;cost;name;selected\n3;25000.00;Trees;1\n1;20000.00;Benches;1\n2;25000.00;");
    expect(text).toContain("VOTES\nvoter_id;vote;voting_method\naaaaaaaaaaaaaaaa;2;online\nbbbbbbbbbbbbbbbb;1,3;paper\n");
    expect(parsePabulib(text).voters).toHaveLength(2);
  });

  it("refuses files a round cannot hold, rather than rounding", () => {
    const file = (cost: string) => `META\nkey;value\nbudget;100\nvote_type;approval\nPROJECTS\nproject_id;cost\n1;${cost}\nVOTES\nvoter_id;vote\n1;1\n`;
    expect(planImport(parsePabulib(file("12.5"))).projects[0]!.costMinor).toBe(1250n);
    for (const cost of ["12.505", "0"]) {
      const error = (() => {
        try {
          planImport(parsePabulib(file(cost)));
          return null;
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe("results_import_invalid");
    }
  });
});

describe("results messages", () => {
  it("has words for every error the results, import and delivery code can raise", async () => {
    const { readFile } = await import("node:fs/promises");
    const { hasMessage } = await import("../../app/domain/messages.js");
    const files = ["app/services/results/results.server.ts", "app/services/results/export.server.ts", "app/services/results/import.server.ts", "app/services/results/delivery.server.ts", "app/domain/results/pabulib-round.ts"];
    const codes = new Set<string>();
    for (const file of files) for (const match of (await readFile(file, "utf8")).matchAll(/new DomainError\("([a-z_]+)"/g)) codes.add(match[1]!);
    expect(codes.size).toBeGreaterThan(10);
    expect([...codes].filter((code) => !hasMessage(code))).toEqual([]);
  });

  it("counts a round nobody voted in without failing", () => {
    const result = countRoundBallots({ rules: rules({ countingRule: "equal_shares" }), ballots: [], seedOrder: [1, 2, 3] });
    expect(result.turnout.total).toBe(0);
    expect(result.comparison.votersWithFundedProject).toEqual({ rule: 0, other: 0 });
  });
});
