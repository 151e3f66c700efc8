import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DomainError } from "../../app/domain/errors.js";
import { messageFor } from "../../app/domain/messages.js";
import { addDays, dayNumber, weekStartOf } from "../../app/domain/timebank/dates.js";
import { buildParties, splitEvenly } from "../../app/domain/timebank/exchange.js";
import { centihoursToLedgerText, formatHours, parseExchangeHours } from "../../app/domain/timebank/hours.js";
import { describeLimit } from "../../app/domain/timebank/limits.js";
import { countExpectedDays, expectedCentihours, pledgeProgress } from "../../app/domain/timebank/pledge.js";
import { pledgeView } from "../../app/domain/timebank/view.js";

function codeOf(work: () => unknown): string {
  try {
    work();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect(messageFor(error as DomainError)).not.toBe("Something went wrong. Try again");
    return (error as DomainError).code;
  }
  throw new Error("expected a DomainError");
}

describe("exchange hours", () => {
  it("accepts quarter-hour steps up to 24 hours", () => {
    expect(parseExchangeHours("1")).toBe(100n);
    expect(parseExchangeHours("0.25")).toBe(25n);
    expect(parseExchangeHours(" 1.5 ")).toBe(150n);
    expect(parseExchangeHours("24")).toBe(2400n);
  });

  it("refuses zero, negative, over-long, not-a-number and off-quarter hours with specific messages", () => {
    expect(codeOf(() => parseExchangeHours("0"))).toBe("timebank_hours_zero");
    expect(codeOf(() => parseExchangeHours("-1"))).toBe("timebank_hours_negative");
    expect(codeOf(() => parseExchangeHours("24.25"))).toBe("timebank_hours_too_large");
    expect(codeOf(() => parseExchangeHours("99999999999"))).toBe("timebank_hours_not_a_number");
    expect(codeOf(() => parseExchangeHours(""))).toBe("timebank_hours_missing");
    expect(codeOf(() => parseExchangeHours("two"))).toBe("timebank_hours_not_a_number");
    expect(codeOf(() => parseExchangeHours(1.5))).toBe("timebank_hours_not_a_number");
    expect(codeOf(() => parseExchangeHours("1.3"))).toBe("timebank_hours_not_quarter");
    expect(codeOf(() => parseExchangeHours("1.333"))).toBe("timebank_hours_not_quarter");
    expect(messageFor(new DomainError("timebank_hours_not_quarter"))).toBe("Enter hours in quarter hours, like 0.25, 0.5, 0.75 or 1.25");
  });

  it("formats hours for people and for the ledger", () => {
    expect(formatHours(100n)).toBe("1 hour");
    expect(formatHours(250n)).toBe("2.5 hours");
    expect(formatHours(25n)).toBe("0.25 hours");
    expect(formatHours(-800n)).toBe("-8 hours");
    expect(formatHours(0n)).toBe("0 hours");
    expect(centihoursToLedgerText(-75n)).toBe("-0.75");
    expect(centihoursToLedgerText(1200n)).toBe("12.00");
  });
});

describe("dates", () => {
  it("finds the Monday of a week", () => {
    expect(weekStartOf("2026-11-25")).toBe("2026-11-23");
    expect(weekStartOf("2026-11-23")).toBe("2026-11-23");
    expect(weekStartOf("2026-11-29")).toBe("2026-11-23");
    expect(weekStartOf("2026-03-01")).toBe("2026-02-23");
  });

  it("refuses dates that do not exist", () => {
    expect(codeOf(() => dayNumber("2026-02-30"))).toBe("timebank_date_invalid");
    expect(codeOf(() => dayNumber("23/11/2026"))).toBe("timebank_date_invalid");
  });
});

describe("pledges, arrears and exemptions", () => {
  const joinedOn = "2026-11-02"; // a Monday, three weeks before the week of 2026-11-23
  const today = "2026-11-25";

  it("expects the pledge for each full week and removes exempt days", () => {
    expect(expectedCentihours(500n, "2026-11-02", "2026-11-08", [])).toBe(500n);
    expect(countExpectedDays("2026-11-02", "2026-11-08", [{ startsOn: "2026-11-05", endsOn: "2026-11-20" }])).toBe(3);
    // Three days of seven at 5 hours a week: 2.142857 hours, rounded down to 2.14.
    expect(expectedCentihours(500n, "2026-11-02", "2026-11-08", [{ startsOn: "2026-11-05", endsOn: "2026-11-20" }])).toBe(214n);
    // Overlapping exemptions are not counted twice.
    expect(countExpectedDays("2026-11-02", "2026-11-08", [{ startsOn: "2026-11-02", endsOn: "2026-11-04" }, { startsOn: "2026-11-03", endsOn: "2026-11-05" }])).toBe(3);
    expect(countExpectedDays("2026-11-08", "2026-11-02", [])).toBe(0);
  });

  it("counts arrears only from weeks that have ended, and this week against its own expectation", () => {
    const progress = pledgeProgress({
      pledgePerWeekCentihours: 500n,
      joinedOn,
      today,
      exemptions: [],
      given: [
        { date: "2026-11-03", centihours: 500n },
        { date: "2026-11-10", centihours: 300n },
        { date: "2026-11-24", centihours: 200n },
      ],
    });
    expect(progress.weekStartsOn).toBe("2026-11-23");
    expect(progress.weekEndsOn).toBe("2026-11-29");
    expect(progress.thisWeekExpectedCentihours).toBe(500n);
    expect(progress.thisWeekGivenCentihours).toBe(200n);
    expect(progress.thisWeekRemainingCentihours).toBe(300n);
    // Three ended weeks expect 15 hours; 8 were given.
    expect(progress.arrearsCentihours).toBe(700n);
    expect(progress.totalExpectedCentihours).toBe(2000n);
    expect(progress.totalGivenCentihours).toBe(1000n);
    expect(progress.standing).toBe("behind");
  });

  it("an exemption removes the expectation for its days and stops a member being chased", () => {
    const exempt = pledgeProgress({
      pledgePerWeekCentihours: 500n,
      joinedOn,
      today,
      exemptions: [{ startsOn: "2026-11-09", endsOn: "2026-11-30" }],
      given: [{ date: "2026-11-03", centihours: 500n }],
    });
    expect(exempt.thisWeekExpectedCentihours).toBe(0n);
    expect(exempt.arrearsCentihours).toBe(0n);
    expect(exempt.exemptToday).toBe(true);
    expect(exempt.standing).toBe("exempt");
    expect(pledgeView(exempt, "you").sentence).toBe("You are not expected to give time at the moment. You have given 0 hours this week.");
  });

  it("extra hours in one week make up for a short week, and hours before joining do not count", () => {
    const progress = pledgeProgress({
      pledgePerWeekCentihours: 500n,
      joinedOn: "2026-11-09",
      today,
      exemptions: [],
      given: [
        { date: "2026-11-03", centihours: 900n },
        { date: "2026-11-10", centihours: 800n },
        { date: "2026-11-17", centihours: 200n },
      ],
    });
    expect(progress.arrearsCentihours).toBe(0n);
    expect(progress.standing).toBe("on_track");
    // Two missed weeks (10 hours) are paid off by 15 hours this week: on track, not behind.
    const caughtUp = pledgeProgress({ pledgePerWeekCentihours: 500n, joinedOn: "2026-11-09", today, exemptions: [], given: [{ date: "2026-11-24", centihours: 1500n }] });
    expect(caughtUp.arrearsCentihours).toBe(0n);
    expect(caughtUp.standing).toBe("on_track");
    const ahead = pledgeProgress({ pledgePerWeekCentihours: 500n, joinedOn: "2026-11-09", today, exemptions: [], given: [{ date: "2026-11-24", centihours: 1600n }] });
    expect(ahead.standing).toBe("ahead");
  });

  it("joining mid-week expects only the days since joining", () => {
    const progress = pledgeProgress({ pledgePerWeekCentihours: 700n, joinedOn: "2026-11-26", today: "2026-11-26", exemptions: [], given: [] });
    expect(progress.thisWeekExpectedCentihours).toBe(400n);
    expect(progress.arrearsCentihours).toBe(0n);
  });

  it("no pledge means no expectation", () => {
    const progress = pledgeProgress({ pledgePerWeekCentihours: null, joinedOn, today, exemptions: [], given: [{ date: "2026-11-24", centihours: 100n }] });
    expect(progress.standing).toBe("no_pledge");
    expect(progress.arrearsCentihours).toBe(0n);
    expect(pledgeView(progress, "Ann").sentence).toBe("Ann has given 1 hour this week.");
  });

  it("never expects more than the pledge over any period, with or without exemptions", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 16_800 }),
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 0, max: 30 }),
        (pledge, length, exemptionStart, exemptionLength, offset) => {
          const from = addDays("2026-01-05", offset);
          const to = addDays(from, length);
          const weeks = BigInt(Math.ceil((length + 1) / 7));
          const plain = expectedCentihours(BigInt(pledge), from, to, []);
          const exempted = expectedCentihours(BigInt(pledge), from, to, [{ startsOn: addDays(from, exemptionStart), endsOn: addDays(from, exemptionStart + exemptionLength) }]);
          return plain <= BigInt(pledge) * weeks && exempted <= plain && exempted >= 0n;
        },
      ),
    );
  });
});

describe("credit limit messages", () => {
  it("says whose limit, why and by how much when spending would go below the lowest balance", () => {
    const refusal = describeLimit({ balanceCentihours: -800n, changeCentihours: -300n, minimumCentihours: -1000n, maximumCentihours: 10000n });
    expect(refusal).toEqual({ side: "below", overByCentihours: 100n, mostPossibleCentihours: 200n });
    const message = messageFor(
      new DomainError("timebank_limit_below", {
        values: { name: "Mia", hours: "3 hours", balance: "-8 hours", limit: "-10 hours", overBy: "1 hour", mostPossible: "2 hours" },
      }),
    );
    expect(message).toBe("Mia cannot spend 3 hours: their balance is -8 hours and this timebank's lowest allowed balance is -10 hours, so this would take them 1 hour below the limit. Record 2 hours or fewer");
  });

  it("says so when receiving would go over the highest balance, rounding what is possible down to quarter hours", () => {
    expect(describeLimit({ balanceCentihours: 9990n, changeCentihours: 100n, minimumCentihours: -1000n, maximumCentihours: 10000n })).toEqual({
      side: "above",
      overByCentihours: 90n,
      mostPossibleCentihours: 0n,
    });
    const message = messageFor(
      new DomainError("timebank_limit_above", { values: { name: "Ann", hours: "1 hour", balance: "99.9 hours", limit: "100 hours", overBy: "0.9 hours", mostPossible: "0 hours" } }),
    );
    expect(message).toContain("Ann needs to spend or give away some hours first");
  });

  it("finds nothing wrong inside the limits", () => {
    expect(describeLimit({ balanceCentihours: 0n, changeCentihours: -1000n, minimumCentihours: -1000n, maximumCentihours: 10000n })).toBeNull();
    expect(describeLimit({ balanceCentihours: 0n, changeCentihours: 10000n, minimumCentihours: -1000n, maximumCentihours: 10000n })).toBeNull();
  });
});

describe("exchange shapes", () => {
  it("shares a giver's hours among several receivers so the entry balances", () => {
    expect(splitEvenly(200n, 3)).toEqual([67n, 67n, 66n]);
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 2400n }), fc.integer({ min: 1, max: 50 }), (total, count) => splitEvenly(total, count).reduce((a, b) => a + b, 0n) === total),
    );
    const class_ = buildParties({ giverId: 1, hours: 100n, receiverIds: [2, 3, 4, 5] });
    expect(class_.receivers.map((r) => r.centihours)).toEqual([25n, 25n, 25n, 25n]);
  });

  it("refuses exchanging with yourself, several-to-several groups and shares of nothing", () => {
    expect(codeOf(() => buildParties({ giverId: 1, hours: 100n, receiverIds: [1] }))).toBe("timebank_exchange_with_self");
    expect(codeOf(() => buildParties({ givers: [{ memberId: 1, centihours: 100n }, { memberId: 2, centihours: 100n }], receiverIds: [3, 4] }))).toBe("timebank_group_shape");
    expect(codeOf(() => buildParties({ giverId: 1, hours: 25n, receiverIds: Array.from({ length: 30 }, (_, i) => i + 2) }))).toBe("timebank_share_too_small");
    expect(codeOf(() => buildParties({ giverId: 1, hours: 100n, receiverIds: [] }))).toBe("timebank_receiver_missing");
  });
});
