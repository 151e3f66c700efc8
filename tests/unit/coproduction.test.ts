import { describe, expect, it } from "vitest";
import { TIP_COUNT, TOP_TIPS, checkChecklistRow, checklistActionOverdue } from "../../app/domain/coproduction/checklist.js";
import {
  PRINCIPLES,
  STAGES,
  changeOverTime,
  checkResponse,
  disagree,
  medianStage,
  parseStage,
  ragFor,
  stageLabel,
  summarise,
  type Stage,
} from "../../app/domain/coproduction/reflection.js";
import { DomainErrorList, checkDate, checkText, isOverdue, ukToday } from "../../app/domain/coproduction/rules.js";
import { looksLikeIStatement, looksLikeWeStatement } from "../../app/domain/coproduction/working-together.js";
import { DomainError } from "../../app/domain/errors.js";
import { hasMessage, messageFor } from "../../app/domain/messages.js";

function thrown(work: () => unknown): DomainError {
  try {
    work();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return error as DomainError;
  }
  throw new Error("expected a DomainError");
}

describe("stages and red/amber/green", () => {
  it("accepts only the four stages, by key or number", () => {
    expect(parseStage("not_yet", "assets")).toBe(1);
    expect(parseStage("basics", "assets")).toBe(2);
    expect(parseStage("getting_there", "assets")).toBe(3);
    expect(parseStage("doing_well", "assets")).toBe(4);
    expect(parseStage("3", "assets")).toBe(3);
    for (const bad of ["0", "5", "-1", "2.5", "", "excellent", "red", undefined, null, 7]) {
      const error = thrown(() => parseStage(bad, "reciprocity"));
      expect(error.code).toBe("reflection_stage_invalid");
      expect(error.field).toBe("stage-reciprocity");
      expect(messageFor(error)).toBe("Select a stage for Reciprocity: really haven't got this yet, got the basics, getting there or doing really well");
    }
  });

  it("maps stages to red, amber, amber, green and always has words for each stage", () => {
    expect(([1, 2, 3, 4] as Stage[]).map(ragFor)).toEqual(["red", "amber", "amber", "green"]);
    expect(STAGES.map(stageLabel)).toEqual(["Really haven't got this yet", "Got the basics", "Getting there", "Doing really well"]);
  });
});

describe("disagreement and medians", () => {
  it("flags a spread of two or more stages between respondents, not one", () => {
    expect(disagree([2, 4])).toBe(true);
    expect(disagree([1, 3, 2])).toBe(true);
    expect(disagree([1, 4])).toBe(true);
    expect(disagree([2, 3])).toBe(false);
    expect(disagree([3, 3, 3])).toBe(false);
    expect(disagree([1])).toBe(false);
    expect(disagree([])).toBe(false);
  });

  it("takes the lower middle stage for an even number of views", () => {
    expect(medianStage([])).toBeNull();
    expect(medianStage([3])).toBe(3);
    expect(medianStage([4, 1])).toBe(1);
    expect(medianStage([1, 2, 3, 4])).toBe(2);
    expect(medianStage([4, 4, 2])).toBe(4);
  });

  it("summarises respondents side by side per principle", () => {
    const ratings = [
      { respondentId: 10, principle: "assets" as const, stage: 4 as Stage },
      { respondentId: 11, principle: "assets" as const, stage: 2 as Stage },
      { respondentId: 10, principle: "reciprocity" as const, stage: 3 as Stage },
      { respondentId: 11, principle: "reciprocity" as const, stage: 3 as Stage },
    ];
    const summary = summarise([10, 11], ratings);
    expect(summary.map((s) => s.principle)).toEqual([...PRINCIPLES]);
    expect(summary[0]).toEqual({ principle: "assets", stages: [4, 2], median: 2, spread: 2, disagreement: true });
    expect(summary[2]).toEqual({ principle: "reciprocity", stages: [3, 3], median: 3, spread: 0, disagreement: false });
    expect(summary[1]).toEqual({ principle: "valuing_work", stages: [null, null], median: null, spread: 0, disagreement: false });
  });

  it("shows change over time as the median per round, oldest first", () => {
    const history = changeOverTime([
      { assessmentId: 2, title: "Spring", heldOn: "2027-04-01", respondents: 2, ratings: [{ principle: "assets", stage: 3 }, { principle: "assets", stage: 4 }] },
      { assessmentId: 1, title: "Autumn", heldOn: "2026-10-01", respondents: 2, ratings: [{ principle: "assets", stage: 1 }, { principle: "assets", stage: 2 }] },
    ]);
    expect(history.rounds.map((r) => r.title)).toEqual(["Autumn", "Spring"]);
    expect(history.rounds.map((r) => r.medians.assets)).toEqual([1, 3]);
    expect(history.change.assets).toBe(2);
    expect(history.change.reciprocity).toBeNull();
  });
});

describe("a self-reflection response", () => {
  const full = Object.fromEntries(PRINCIPLES.map((p) => [p, { stage: "basics", evidence: "We pay expenses on the day" }]));

  it("needs a stage and evidence for every principle, reporting every problem at once", () => {
    expect(checkResponse(full, 2000).assets).toEqual({ stage: 2, evidence: "We pay expenses on the day" });
    const error = thrown(() => checkResponse({ ...full, assets: { stage: "6", evidence: "" }, reciprocity: { stage: "doing_well", evidence: " " } }, 2000));
    expect(error).toBeInstanceOf(DomainErrorList);
    const list = (error as DomainErrorList).errors;
    expect(list.map((e) => e.field)).toEqual(["stage-assets", "evidence-assets", "evidence-reciprocity"]);
    expect(list.map((e) => messageFor(e))[1]).toBe("Enter evidence for Recognising people as assets");
  });

  it("refuses evidence that is too long", () => {
    const error = thrown(() => checkResponse({ ...full, social_networks: { stage: "basics", evidence: "x".repeat(2001) } }, 2000));
    expect(messageFor(error)).toBe("Evidence for Building social networks must be 2000 characters or fewer");
  });
});

describe("dates, text and overdue", () => {
  it("reads real calendar days only", () => {
    expect(checkDate("2027-03-31", "d", "the date", true)).toBe("2027-03-31");
    expect(checkDate("", "d", "the date", false)).toBeNull();
    expect(thrown(() => checkDate("", "d", "the date", true)).code).toBe("coproduction_date_missing");
    for (const bad of ["2027-02-30", "31/03/2027", "2027-3-1", "tomorrow", "1999-12-31"]) expect(thrown(() => checkDate(bad, "d", "the date", true)).code).toBe("coproduction_date_invalid");
  });

  it("trims text and refuses control characters", () => {
    expect(checkText("  hello  ", "f", "the name", 10, true)).toBe("hello");
    expect(thrown(() => checkText("a\u0007b", "f", "the name", 10, true)).code).toBe("coproduction_text_invalid");
  });

  it("counts an action as overdue only after its date and only while not done", () => {
    expect(isOverdue({ dueOn: "2027-03-30", done: false }, "2027-03-31")).toBe(true);
    expect(isOverdue({ dueOn: "2027-03-31", done: false }, "2027-03-31")).toBe(false);
    expect(isOverdue({ dueOn: "2027-03-30", done: true }, "2027-03-31")).toBe(false);
    expect(isOverdue({ dueOn: null, done: false }, "2027-03-31")).toBe(false);
  });

  it("uses the UK calendar day", () => {
    expect(ukToday(new Date("2027-06-30T23:30:00Z"))).toBe("2027-07-01");
    expect(ukToday(new Date("2027-01-31T23:30:00Z"))).toBe("2027-01-31");
  });
});

describe("the checklist", () => {
  const row = (overrides: Partial<Parameters<typeof checkChecklistRow>[0]> = {}) => ({ tipNumber: 3, inPlace: "no", nextStep: "", dueOn: "", owner: "", actionDone: "", ...overrides });

  it("has thirteen tips", () => {
    expect(TOP_TIPS).toHaveLength(TIP_COUNT);
    expect(TIP_COUNT).toBe(13);
  });

  it("needs a date and an owner for every action, and an action for a date", () => {
    expect(checkChecklistRow(row({ nextStep: "Book an accessible venue", dueOn: "2027-01-10", owner: "Grace" })).answer).toEqual({ tipNumber: 3, inPlace: false, nextStep: "Book an accessible venue", dueOn: "2027-01-10", owner: "Grace", actionDone: false });
    const noDate = checkChecklistRow(row({ nextStep: "Book an accessible venue", owner: "Grace" }));
    expect(noDate.answer).toBeNull();
    expect(noDate.errors.map((e) => [e.field, messageFor(e)])).toEqual([["tip-3-due", "Enter by which date the action for tip 3 will be done, like 2027-03-31"]]);
    expect(checkChecklistRow(row({ nextStep: "Book a venue", dueOn: "2027-01-10" })).errors.map((e) => e.code)).toEqual(["checklist_action_needs_owner"]);
    expect(checkChecklistRow(row({ dueOn: "2027-01-10" })).errors.map((e) => e.code)).toEqual(["checklist_action_missing"]);
    expect(checkChecklistRow(row({ inPlace: "maybe" })).errors.map((e) => e.code)).toEqual(["checklist_answer_invalid"]);
    expect(checkChecklistRow(row({ inPlace: "" })).answer?.inPlace).toBeNull();
    expect(() => checkChecklistRow(row({ tipNumber: 14 }))).toThrow(DomainError);
  });

  it("treats an action as overdue until it is marked done", () => {
    const action = { nextStep: "Book a venue", dueOn: "2027-01-10", actionDone: false };
    expect(checklistActionOverdue(action, "2027-01-11")).toBe(true);
    expect(checklistActionOverdue({ ...action, actionDone: true }, "2027-01-11")).toBe(false);
    expect(checklistActionOverdue({ ...action, nextStep: "" }, "2027-01-11")).toBe(false);
  });
});

describe("'I' and 'We' statements", () => {
  it("recognise first-person and organisation wording", () => {
    expect(looksLikeIStatement("I know who to call")).toBe(true);
    expect(looksLikeIStatement("My views are listened to")).toBe(true);
    expect(looksLikeIStatement("Residents know who to call")).toBe(false);
    expect(looksLikeIStatement("It is good")).toBe(false);
    expect(looksLikeWeStatement("We will reply within two days")).toBe(true);
    expect(looksLikeWeStatement("Our meetings are step-free")).toBe(true);
    expect(looksLikeWeStatement("Weekly meetings")).toBe(false);
  });
});

describe("messages", () => {
  it("has words for every error the co-production code can raise", async () => {
    const { readFile, readdir } = await import("node:fs/promises");
    const files = [
      ...(await readdir("app/domain/coproduction")).map((f) => `app/domain/coproduction/${f}`),
      ...(await readdir("app/services/coproduction")).map((f) => `app/services/coproduction/${f}`),
    ];
    const codes = new Set<string>();
    for (const file of files) for (const match of (await readFile(file, "utf8")).matchAll(/new DomainError\("([a-z_]+)"/g)) codes.add(match[1]!);
    expect(codes.size).toBeGreaterThan(20);
    expect([...codes].filter((code) => !hasMessage(code))).toEqual([]);
  });
});
