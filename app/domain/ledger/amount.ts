// Money and hours as text or Decimal in, bigint minor units out. Never a JavaScript number:
// 0.1 + 0.2 is not 0.3, and a council's budget must add up to the penny.
import { Decimal } from "decimal.js";
import { DomainError, assert } from "../errors.js";
import { MAX_AMOUNT_MINOR, MAX_BALANCE_MINOR } from "./limits.js";
import { UNITS, type UnitCode } from "./units.js";

// A separate Decimal class with enough precision for any int8, so global settings elsewhere
// cannot change how the ledger rounds (it never rounds: it refuses).
const LedgerDecimal = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_DOWN, toExpNeg: -40, toExpPos: 40 });

const AMOUNT_TEXT_PATTERN = /^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/;
const MAX_AMOUNT_TEXT_LENGTH = 40;

export interface ParseAmountOptions {
  /** The form field the amount came from, for the error summary link. */
  field?: string;
  /** Allow a negative amount (postings); amounts typed by people are positive. */
  allowNegative?: boolean;
  /** Allow zero (account bounds); a posting of zero is refused. */
  allowZero?: boolean;
  /** Largest magnitude accepted; MAX_AMOUNT_MINOR unless stated. */
  maximumMinor?: bigint;
}

/**
 * Parses "1250.50", "1,250.50" or a Decimal into minor units of the unit.
 * Refuses: JS numbers, more decimal places than the unit's scale, zero, non-finite values,
 * and anything above MAX_AMOUNT_MINOR.
 */
export function parseAmountMinor(input: unknown, unitCode: UnitCode, options: ParseAmountOptions = {}): bigint {
  const unit = UNITS[unitCode];
  assert(unit !== undefined, `unknown unit ${unitCode}`);
  const field = options.field;
  const maximumMinor = options.maximumMinor ?? MAX_AMOUNT_MINOR;
  const values = { unit: unitCode, scale: unit.scale, maximum: displayAmount(maximumMinor, unitCode) };
  let decimal: Decimal;
  if (Decimal.isDecimal(input)) {
    decimal = new LedgerDecimal(input);
  } else if (typeof input === "string") {
    const text = input.trim().replace(/^£/, "");
    if (text.length === 0) throw new DomainError("ledger_amount_missing", { values, field });
    if (text.length > MAX_AMOUNT_TEXT_LENGTH || !AMOUNT_TEXT_PATTERN.test(text)) {
      throw new DomainError("ledger_amount_not_a_number", { values, field });
    }
    decimal = new LedgerDecimal(text.replace(/,/g, ""));
  } else {
    // Numbers are refused on purpose: by the time a float reaches us it may already be wrong.
    throw new DomainError("ledger_amount_not_text", { values, field });
  }
  if (!decimal.isFinite()) throw new DomainError("ledger_amount_not_a_number", { values, field });
  if (decimal.decimalPlaces() > unit.scale) throw new DomainError("ledger_amount_too_precise", { values, field });
  if (decimal.isZero() && !options.allowZero) throw new DomainError("ledger_amount_zero", { values, field });
  if (decimal.isNegative() && !options.allowNegative) throw new DomainError("ledger_amount_negative", { values, field });
  const minorDecimal = decimal.times(new LedgerDecimal(10).pow(unit.scale));
  assert(minorDecimal.isInteger(), "scaled amount is a whole number of minor units");
  if (minorDecimal.abs().greaterThan(maximumMinor.toString())) {
    throw new DomainError("ledger_amount_too_large", { values, field });
  }
  const minor = BigInt(minorDecimal.toFixed(0));
  assert((minor !== 0n || options.allowZero) && (minor < 0n ? -minor : minor) <= maximumMinor, "amount inside limits");
  return minor;
}

/** An account bound: zero allowed, either sign, up to MAX_BALANCE_MINOR. */
export function parseBoundMinor(input: unknown, unitCode: UnitCode, field: string): bigint {
  return parseAmountMinor(input, unitCode, { field, allowNegative: true, allowZero: true, maximumMinor: MAX_BALANCE_MINOR });
}

/** Minor units as plain decimal text with exactly `scale` places: -1234 -> "-12.34". */
export function formatMinor(amountMinor: bigint, unitCode: UnitCode): string {
  const scale = UNITS[unitCode].scale;
  const negative = amountMinor < 0n;
  const digits = (negative ? -amountMinor : amountMinor).toString().padStart(scale + 1, "0");
  const whole = digits.slice(0, digits.length - scale);
  const fraction = digits.slice(digits.length - scale);
  return `${negative ? "-" : ""}${whole}${scale > 0 ? `.${fraction}` : ""}`;
}

/** For people: "£1,234.56", "-£3.00", "12.50 hours". */
export function displayAmount(amountMinor: bigint, unitCode: UnitCode): string {
  const plain = formatMinor(amountMinor < 0n ? -amountMinor : amountMinor, unitCode);
  const [whole = "0", fraction] = plain.split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const number = fraction === undefined ? grouped : `${grouped}.${fraction}`;
  const sign = amountMinor < 0n ? "-" : "";
  if (unitCode === "GBP") return `${sign}£${number}`;
  return `${sign}${number} ${amountMinor === 100n || amountMinor === -100n ? "hour" : "hours"}`;
}

/** Reads an int8 from either driver (bigint, or a number/string where a driver falls back). */
export function toBigInt(value: unknown): bigint {
  if (typeof value === "bigint") return value;
  if (typeof value === "number") {
    assert(Number.isSafeInteger(value), `integer from the database is exact (${value})`);
    return BigInt(value);
  }
  if (typeof value === "string" && /^-?\d+$/.test(value)) return BigInt(value);
  throw new Error(`Invariant failed: expected an integer from the database, got ${typeof value}`);
}
