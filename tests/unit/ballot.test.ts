import { describe, expect, it } from "vitest";
import { BallotRejected, ballotFromForm, checkBallot, type BallotChoice, type BallotRules } from "../../app/domain/rounds/ballot.js";
import { messageFor } from "../../app/domain/messages.js";
import { checkPhaseDates, isDueToMove, nextPhase } from "../../app/domain/rounds/phases.js";
import { freezeRules } from "../../app/domain/rounds/rules.js";

const projects = [
  { id: 1, costMinor: 2_000_000n },
  { id: 2, costMinor: 2_500_000n },
  { id: 3, costMinor: 3_000_000n },
  { id: 4, costMinor: 600_000n },
];
const rules = (overrides: Partial<BallotRules>): BallotRules => ({ type: "approval", minChoices: 1, maxChoices: 3, pointsTotal: 10, budgetMinor: 5_000_000n, projects, ...overrides });
const pick = (...ids: number[]): BallotChoice[] => ids.map((proposalId) => ({ proposalId, points: 1, rank: null }));
const problemCodes = (result: ReturnType<typeof checkBallot>) => (result.ok ? [] : result.problems.map((p) => p.code));
const words = (result: ReturnType<typeof checkBallot>) => (result.ok ? [] : result.problems.map((p) => messageFor(new BallotRejected([p]))));

describe("approval ballots (choose between m and k)", () => {
  it("accepts between the least and the most number of choices, in a canonical order", () => {
    const result = checkBallot(rules({}), pick(3, 1));
    expect(result).toEqual({ ok: true, choices: pick(1, 3) });
  });
  it("refuses too many and too few choices, saying how many", () => {
    expect(words(checkBallot(rules({}), pick(1, 2, 3, 4)))).toEqual(["Choose no more than 3 projects. You have chosen 4"]);
    expect(words(checkBallot(rules({ minChoices: 2 }), pick(1)))).toEqual(["Choose at least 2 projects. You have chosen 1"]);
    expect(problemCodes(checkBallot(rules({}), []))).toEqual(["ballot_empty"]);
  });
  it("allows an empty ballot only when the least number is zero", () => {
    expect(checkBallot(rules({ minChoices: 0 }), []).ok).toBe(true);
  });
});

describe("knapsack ballots (within the budget)", () => {
  it("accepts projects that fit in the budget, including exactly the budget", () => {
    expect(checkBallot(rules({ type: "knapsack" }), pick(1, 3)).ok).toBe(true);
  });
  it("refuses projects costing more than the budget, naming both amounts in pounds", () => {
    expect(words(checkBallot(rules({ type: "knapsack" }), pick(2, 3)))).toEqual(["You have chosen projects costing £55,000; the budget is £50,000. Remove a project"]);
  });
});

describe("cumulative ballots (spread N points)", () => {
  const cumulative = rules({ type: "cumulative", pointsTotal: 10 });
  it("accepts points that add up to no more than the total", () => {
    const result = checkBallot(cumulative, [{ proposalId: 1, points: 7, rank: null }, { proposalId: 2, points: 3, rank: null }]);
    expect(result.ok).toBe(true);
  });
  it("refuses more points than the voter has", () => {
    expect(words(checkBallot(cumulative, [{ proposalId: 1, points: 7, rank: null }, { proposalId: 2, points: 4, rank: null }]))).toEqual(["You have given 11 points; you have 10 to spread. Take some away"]);
  });
  it("refuses points that are not whole positive numbers", () => {
    expect(problemCodes(checkBallot(cumulative, [{ proposalId: 1, points: 1.5, rank: null }]))).toEqual(["ballot_points_invalid"]);
    expect(problemCodes(checkBallot(cumulative, [{ proposalId: 1, points: Number.NaN, rank: null }]))).toEqual(["ballot_points_invalid"]);
  });
});

describe("ranked ballots (order your top k)", () => {
  const ranked = rules({ type: "ranked", maxChoices: 3 });
  const rank = (...pairs: [number, number][]) => pairs.map(([proposalId, r]) => ({ proposalId, points: 1, rank: r }));
  it("accepts 1, 2, 3 and sorts by preference", () => {
    const result = checkBallot(ranked, rank([3, 2], [1, 1]));
    expect(result).toEqual({ ok: true, choices: rank([1, 1], [3, 2]) });
  });
  it("refuses a repeated number, a gap, and a number past the top k", () => {
    expect(words(checkBallot(ranked, rank([1, 1], [2, 1])))).toEqual(["You have given more than one project the number 1. Give each number once"]);
    expect(words(checkBallot(ranked, rank([1, 1], [2, 3])))).toEqual(["Your choices must be numbered 1, 2, 3 and so on without gaps: number 2 is missing"]);
    expect(problemCodes(checkBallot(ranked, rank([1, 4])))).toEqual(["ballot_rank_invalid"]);
  });
});

describe("every ballot type", () => {
  it("refuses unknown (off-ballot) projects and duplicate picks", () => {
    expect(problemCodes(checkBallot(rules({}), pick(99)))).toEqual(["ballot_unknown_project"]);
    expect(problemCodes(checkBallot(rules({}), pick(1, 1)))).toEqual(["ballot_duplicate_project"]);
  });
  it("reads ballots from form fields and refuses anything that is not a number", () => {
    expect(ballotFromForm("approval", { project: "1\n3" })).toEqual({ choices: pick(1, 3), problems: [] });
    expect(ballotFromForm("approval", { project: "1\n<script>" }).problems).toHaveLength(1);
    expect(ballotFromForm("cumulative", { "points-1": "4", "points-2": "", "points-3": "0" }).choices).toEqual([{ proposalId: 1, points: 4, rank: null }]);
    expect(ballotFromForm("ranked", { "rank-2": "1", "rank-1": "two" }).choices.map((c) => c.rank)).toEqual([1, Number.NaN]);
  });
});

describe("phases and frozen rules", () => {
  it("moves only forward, one stage at a time", () => {
    expect(nextPhase("draft")).toBe("proposals");
    expect(nextPhase("voting")).toBe("closed");
    expect(nextPhase("closed")).toBeNull();
  });
  it("checks the dates follow the stages and knows when a stage is due to end", () => {
    const d = (day: number) => new Date(Date.UTC(2027, 0, day));
    expect(checkPhaseDates({ proposalsOpenAt: d(1), reviewStartsAt: d(10), votingOpensAt: d(5), votingClosesAt: d(20) })).toEqual({ field: "votingOpensAt" });
    expect(checkPhaseDates({ proposalsOpenAt: d(1), reviewStartsAt: null, votingOpensAt: d(5), votingClosesAt: d(20) })).toBeNull();
    expect(isDueToMove({ phase: "voting", proposalsOpenAt: null, reviewStartsAt: null, votingOpensAt: null, votingClosesAt: d(20) }, d(21))).toBe(true);
    expect(isDueToMove({ phase: "voting", proposalsOpenAt: null, reviewStartsAt: null, votingOpensAt: null, votingClosesAt: d(20) }, d(19))).toBe(false);
  });
  it("hashes the same rules to the same fingerprint whatever the order of projects", () => {
    const base = { round: "r", budgetMinor: "100", ballotType: "approval" as const, minChoices: 1, maxChoices: 2, pointsTotal: 10, countingRule: "greedy" as const, tieBreakSeed: "s", eligibility: { accounts: true, areaOnly: false, area: null, codes: true, paper: false } };
    const a = freezeRules({ ...base, projects: [{ id: 2, title: "B", costMinor: "5" }, { id: 1, title: "A", costMinor: "3" }] });
    const b = freezeRules({ ...base, projects: [{ id: 1, title: "A", costMinor: "3" }, { id: 2, title: "B", costMinor: "5" }] });
    expect(a).toEqual(b);
    expect(a.hashHex).toMatch(/^[0-9a-f]{64}$/);
    expect(freezeRules({ ...base, budgetMinor: "101", projects: [] }).hashHex).not.toBe(a.hashHex);
  });
});
