import { describe, expect, it } from "vitest";
import { ClaimSchema, MeetingSchema, SignUpSchema } from "../../app/domain/meetings/forms.js";
import { checkInvolvementLevel, claimOutcome, parsePoundsMinor, summariseSignUps } from "../../app/domain/meetings/rules.js";

const none = { largePrint: false, easyRead: false, bslInterpreter: false, hearingLoop: false, stepFree: false, supporterComing: false };

function issues(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  return (result.error?.issues ?? []).map((issue) => [String(issue.path[0]), issue.message]);
}

describe("ladder of participation", () => {
  it("refuses coercion and educating with a message that explains, and anything off the ladder", () => {
    expect(() => checkInvolvementLevel("coercion")).toThrow(expect.objectContaining({ code: "meeting_level_to_avoid", values: { level: "Coercion" } }));
    expect(() => checkInvolvementLevel("educating")).toThrow(expect.objectContaining({ code: "meeting_level_to_avoid", values: { level: "Educating" } }));
    expect(() => checkInvolvementLevel("")).toThrow(expect.objectContaining({ code: "meeting_level_missing" }));
    expect(checkInvolvementLevel("co_design")).toBe("co_design");
  });

  it("explains the refusal on the form", () => {
    const result = MeetingSchema.safeParse({ title: "T", organisationId: "1", date: "2026-12-03", startTime: "18:00", endTime: "20:00", venueName: "Hall", venueAddress: "1 Road", agenda: "A", involvement: "coercion" });
    expect(issues(result)).toEqual([["involvement", expect.stringContaining("Coercion is on the ladder of participation as something to avoid")]]);
  });
});

describe("meeting form", () => {
  const valid = { title: "Steering group", organisationId: "3", date: "2026-12-03", startTime: "18:00", endTime: "20:00", venueName: "Hall", venueAddress: "1 Road", agenda: "Welcome", involvement: "co_production", venue: "stepFree\nquietRoom" };

  it("reads venue checkboxes, hours and payment", () => {
    const result = MeetingSchema.parse({ ...valid, creditHours: "1.5", involvementPayment: "20" });
    expect(result.venue).toEqual({ stepFree: true, hearingLoop: false, quietRoom: true, nearPublicTransport: false });
    expect(result.creditHours).toBe(150n);
    expect(result.involvementPayment).toBe(2000n);
    expect(result.roundId).toBeNull();
  });

  it("says how to fix each problem", () => {
    expect(issues(MeetingSchema.safeParse({ ...valid, date: "2026-02-30", endTime: "17:00", creditHours: "0.3", involvementPayment: "250" }))).toEqual([
      ["date", "Enter a real date, like 2026-12-03"],
      ["creditHours", "Enter hours in quarter hours, like 0.25, 0.5, 0.75 or 1.25"],
      ["involvementPayment", "Enter an amount of £200.00 or less. For more, talk to the organiser"],
    ]);
    expect(issues(MeetingSchema.safeParse({ ...valid, endTime: "17:00" }))).toEqual([["endTime", "Enter an end time after the start time"]]);
    expect(issues(MeetingSchema.safeParse({ ...valid, venue: "swimmingPool" }))).toEqual([["venue", "Select from the options given"]]);
  });
});

describe("expense claims", () => {
  it("parses pounds and pence, never a float, up to the maximum", () => {
    expect(parsePoundsMinor("4.60", "amount", 20_000n)).toBe(460n);
    expect(parsePoundsMinor("£200", "amount", 20_000n)).toBe(20_000n);
    expect(() => parsePoundsMinor("200.01", "amount", 20_000n)).toThrow(expect.objectContaining({ code: "meeting_claim_over_maximum" }));
    expect(() => parsePoundsMinor("4.605", "amount", 20_000n)).toThrow(expect.objectContaining({ code: "meeting_claim_amount_not_a_number" }));
    expect(() => parsePoundsMinor("", "amount", 20_000n)).toThrow(expect.objectContaining({ code: "meeting_claim_amount_missing" }));
    expect(() => parsePoundsMinor("0", "amount", 20_000n)).toThrow(expect.objectContaining({ code: "meeting_claim_amount_zero" }));
    expect(() => parsePoundsMinor("-3", "amount", 20_000n)).toThrow(expect.objectContaining({ code: "meeting_claim_amount_zero" }));
  });

  it("shows every problem with a claim at once", () => {
    expect(issues(ClaimSchema.safeParse({ kind: "childcare", amount: "", choice: "donate", charityName: "" }))).toEqual([
      ["amount", "Enter the amount in pounds, like 4.60"],
      ["charityName", "Enter the name of the charity"],
    ]);
    expect(issues(ClaimSchema.safeParse({ kind: "", amount: "3", choice: "" }))).toEqual([
      ["kind", "Select what the claim is for: travel, childcare or care cover"],
      ["choice", "Select whether you want to be paid, do not want to be paid, or want it given to a charity"],
    ]);
    expect(ClaimSchema.parse({ kind: "travel", amount: "4.60", choice: "pay" })).toMatchObject({ amount: 460n, charityName: "" });
  });

  it("tells the person what happened in plain words", () => {
    expect(claimOutcome({ status: "paid", amountMinor: 460n, decidedOn: "2026-11-25", charityName: null })).toBe("Paid £4.60 on 25 November 2026");
    expect(claimOutcome({ status: "donated", amountMinor: 1250n, decidedOn: "2026-11-25", charityName: "Food Bank" })).toBe("£12.50 given to Food Bank on 25 November 2026");
    expect(claimOutcome({ status: "pending", amountMinor: 460n, decidedOn: null, charityName: null })).toBe("Waiting for the organiser to approve £4.60");
  });
});

describe("sign-ups", () => {
  it("reads access requirements and refuses unknown ones", () => {
    expect(SignUpSchema.parse({ needs: "easyRead\nstepFree", dietaryNeeds: " Halal " })).toEqual({ needs: { ...none, easyRead: true, stepFree: true }, dietaryNeeds: "Halal", otherNeeds: "" });
    expect(SignUpSchema.safeParse({ needs: "jetpack" }).success).toBe(false);
  });

  it("summarises requirements per meeting", () => {
    const summary = summariseSignUps([
      { name: "A", requirements: { ...none, largePrint: true, supporterComing: true }, dietaryNeeds: "Vegan", otherNeeds: "" },
      { name: "B", requirements: { ...none, largePrint: true }, dietaryNeeds: " ", otherNeeds: "Near the door" },
    ]);
    expect(summary.signedUp).toBe(2);
    expect(summary.counts.find((c) => c.key === "largePrint")!.count).toBe(2);
    expect(summary.supportersComing).toBe(1);
    expect(summary.dietaryNotes).toEqual([{ name: "A", note: "Vegan" }]);
    expect(summary.otherNotes).toEqual([{ name: "B", note: "Near the door" }]);
  });
});

describe("meetings messages", () => {
  it("has words for every error the meetings code can raise", async () => {
    const { readFile, readdir } = await import("node:fs/promises");
    const { hasMessage } = await import("../../app/domain/messages.js");
    const files = [
      ...(await readdir("app/services/meetings")).map((name) => `app/services/meetings/${name}`),
      "app/domain/meetings/rules.ts",
      "app/domain/meetings/forms.ts",
    ];
    const codes = new Set<string>();
    for (const file of files) for (const match of (await readFile(file, "utf8")).matchAll(/new DomainError\(\s*"([a-z_]+)"/g)) codes.add(match[1]!);
    for (const match of (await readFile("app/domain/meetings/rules.ts", "utf8")).matchAll(/: "(meeting_[a-z_]+)"/g)) codes.add(match[1]!);
    expect(codes.size).toBeGreaterThan(15);
    expect([...codes].filter((code) => !hasMessage(code))).toEqual([]);
  });
});
