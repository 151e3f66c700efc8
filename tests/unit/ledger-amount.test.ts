import Decimal from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DomainError } from "../../app/domain/errors.js";
import { displayAmount, formatMinor, parseAmountMinor, parseBoundMinor, toBigInt } from "../../app/domain/ledger/amount.js";
import { MAX_AMOUNT_MINOR } from "../../app/domain/ledger/limits.js";
import { messageFor } from "../../app/domain/messages.js";

function codeOf(work: () => unknown): string {
  try {
    work();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect(messageFor(error as DomainError)).not.toBe("Something went wrong. Try again");
    return (error as DomainError).code;
  }
  throw new Error("expected a refusal");
}

describe("parseAmountMinor", () => {
  it("reads pounds and hours as whole minor units", () => {
    expect(parseAmountMinor("12.34", "GBP")).toBe(1234n);
    expect(parseAmountMinor("12.3", "GBP")).toBe(1230n);
    expect(parseAmountMinor("12", "HOUR")).toBe(1200n);
    expect(parseAmountMinor(" £1,250.50 ", "GBP")).toBe(125050n);
    expect(parseAmountMinor("0.01", "GBP")).toBe(1n);
    expect(parseAmountMinor("-3.50", "HOUR", { allowNegative: true })).toBe(-350n);
    expect(parseAmountMinor(new Decimal("0.10").plus("0.20"), "GBP")).toBe(30n);
    expect(parseAmountMinor("1000000000.00", "GBP")).toBe(MAX_AMOUNT_MINOR);
  });

  it("refuses JavaScript numbers, even exact ones", () => {
    expect(codeOf(() => parseAmountMinor(1, "GBP"))).toBe("ledger_amount_not_text");
    expect(codeOf(() => parseAmountMinor(0.1 + 0.2, "GBP"))).toBe("ledger_amount_not_text");
    expect(codeOf(() => parseAmountMinor(10n, "GBP"))).toBe("ledger_amount_not_text");
  });

  it("refuses more decimal places than the unit's scale, instead of rounding", () => {
    expect(codeOf(() => parseAmountMinor("1.005", "GBP"))).toBe("ledger_amount_too_precise");
    expect(codeOf(() => parseAmountMinor("0.001", "HOUR"))).toBe("ledger_amount_too_precise");
    expect(codeOf(() => parseAmountMinor(new Decimal("1.239"), "GBP"))).toBe("ledger_amount_too_precise");
  });

  it("refuses zero, negatives where not allowed, non-finite values and text that is not a number", () => {
    expect(codeOf(() => parseAmountMinor("0", "GBP"))).toBe("ledger_amount_zero");
    expect(codeOf(() => parseAmountMinor("-0.00", "GBP", { allowNegative: true }))).toBe("ledger_amount_zero");
    expect(codeOf(() => parseAmountMinor("-1.00", "GBP"))).toBe("ledger_amount_negative");
    expect(codeOf(() => parseAmountMinor("", "GBP"))).toBe("ledger_amount_missing");
    for (const text of ["Infinity", "NaN", "1e3", "1.2.3", "12,34", "ten", "0x10", "1_000"]) {
      expect(codeOf(() => parseAmountMinor(text, "GBP")), text).toBe("ledger_amount_not_a_number");
    }
    expect(codeOf(() => parseAmountMinor(new Decimal(Infinity), "GBP"))).toBe("ledger_amount_not_a_number");
    expect(codeOf(() => parseAmountMinor(new Decimal(NaN), "GBP"))).toBe("ledger_amount_not_a_number");
  });

  it("refuses amounts over the stated maximum of 1,000,000,000.00", () => {
    expect(codeOf(() => parseAmountMinor("1000000000.01", "GBP"))).toBe("ledger_amount_too_large");
    expect(codeOf(() => parseAmountMinor("-99999999999999999999", "GBP", { allowNegative: true }))).toBe("ledger_amount_too_large");
    const error = (() => {
      try {
        parseAmountMinor("2000000000", "GBP", { field: "amount" });
      } catch (caught) {
        return caught as DomainError;
      }
      throw new Error("expected a refusal");
    })();
    expect(messageFor(error)).toBe("Enter an amount no bigger than £1,000,000,000.00");
    expect(error.field).toBe("amount");
  });

  it("allows zero and larger values for account bounds", () => {
    expect(parseBoundMinor("0", "GBP", "minBalance")).toBe(0n);
    expect(parseBoundMinor("-20.00", "HOUR", "minBalance")).toBe(-2000n);
    expect(parseBoundMinor("5000000000.00", "GBP", "maxBalance")).toBe(500000000000n);
  });

  it("round-trips every amount through formatMinor", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -MAX_AMOUNT_MINOR, max: MAX_AMOUNT_MINOR }).filter((value) => value !== 0n), (minor) => {
        expect(parseAmountMinor(formatMinor(minor, "GBP"), "GBP", { allowNegative: true })).toBe(minor);
      }),
    );
  });

  it("agrees with decimal arithmetic on sums of many small amounts", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 99_999 }), { maxLength: 50 }), (pence) => {
        const texts = pence.map((p) => formatMinor(BigInt(p), "GBP"));
        const viaMinor = texts.reduce((sum, text) => sum + parseAmountMinor(text, "GBP"), 0n);
        const viaDecimal = texts.reduce((sum, text) => sum.plus(text), new Decimal(0));
        expect(formatMinor(viaMinor, "GBP")).toBe(viaDecimal.toFixed(2));
      }),
    );
  });
});

describe("formatting", () => {
  it("writes minor units as plain decimals and for people", () => {
    expect(formatMinor(-1234n, "GBP")).toBe("-12.34");
    expect(formatMinor(5n, "HOUR")).toBe("0.05");
    expect(formatMinor(0n, "GBP")).toBe("0.00");
    expect(displayAmount(123456789n, "GBP")).toBe("£1,234,567.89");
    expect(displayAmount(-300n, "GBP")).toBe("-£3.00");
    expect(displayAmount(100n, "HOUR")).toBe("1.00 hour");
    expect(displayAmount(1250n, "HOUR")).toBe("12.50 hours");
  });

  it("reads integers from either driver but never a rounded float", () => {
    expect(toBigInt(5n)).toBe(5n);
    expect(toBigInt(5)).toBe(5n);
    expect(toBigInt("-9007199254740993")).toBe(-9007199254740993n);
    expect(() => toBigInt(2 ** 53)).toThrow(/Invariant/);
    expect(() => toBigInt(1.5)).toThrow(/Invariant/);
  });
});
