// Hours as people type them ("1.5", "0.75") in, bigint hundredths of an hour ("centihours") out,
// matching the ledger's HOUR unit (scale 2). Exchanges move whole quarter hours.
import { DomainError, isDomainError } from "../errors.js";
import { parseAmountMinor } from "../ledger/amount.js";
import { tp } from "../../i18n/translate.js";

export const QUARTER_HOUR_CENTIHOURS = 25n;
/** One line of an exchange: a day's work at most. */
export const MAX_EXCHANGE_CENTIHOURS = 2_400n;
export const MAX_HOURS_TEXT_LENGTH = 10;

const LEDGER_TO_HOURS_CODES: Record<string, string> = {
  ledger_amount_missing: "timebank_hours_missing",
  ledger_amount_not_a_number: "timebank_hours_not_a_number",
  ledger_amount_not_text: "timebank_hours_not_a_number",
  ledger_amount_too_precise: "timebank_hours_not_quarter",
  ledger_amount_zero: "timebank_hours_zero",
  ledger_amount_negative: "timebank_hours_negative",
  ledger_amount_too_large: "timebank_hours_too_large",
};

/**
 * Parses hours for an exchange: more than zero, at most `maximumCentihours`, in quarter-hour
 * steps. Throws a DomainError naming the field.
 */
export function parseExchangeHours(input: unknown, field = "hours", maximumCentihours = MAX_EXCHANGE_CENTIHOURS): bigint {
  const values = { maximum: formatHoursNumber(maximumCentihours) };
  if (typeof input === "string" && input.trim().length > MAX_HOURS_TEXT_LENGTH) {
    throw new DomainError("timebank_hours_not_a_number", { values, field });
  }
  let centihours: bigint;
  try {
    centihours = parseAmountMinor(typeof input === "string" ? input.trim() : input, "HOUR", { field });
  } catch (error) {
    if (isDomainError(error) && LEDGER_TO_HOURS_CODES[error.code]) {
      throw new DomainError(LEDGER_TO_HOURS_CODES[error.code]!, { values, field });
    }
    throw error;
  }
  if (centihours > maximumCentihours) throw new DomainError("timebank_hours_too_large", { values, field });
  if (centihours % QUARTER_HOUR_CENTIHOURS !== 0n) throw new DomainError("timebank_hours_not_quarter", { values, field });
  return centihours;
}

/** Like parseExchangeHours but zero is allowed (a joining gift or a pledge may be nothing). */
export function parseHoursSetting(input: unknown, field: string, maximumCentihours: bigint): bigint {
  if (typeof input === "string" && /^\s*0+(\.0+)?\s*$/.test(input)) return 0n;
  return parseExchangeHours(input, field, maximumCentihours);
}

/** 250n -> "2.5", 100n -> "1", 25n -> "0.25", -800n -> "-8". */
export function formatHoursNumber(centihours: bigint): string {
  const negative = centihours < 0n;
  const abs = negative ? -centihours : centihours;
  const whole = abs / 100n;
  const fraction = abs % 100n;
  let text = whole.toString();
  if (fraction !== 0n) text += `.${fraction.toString().padStart(2, "0").replace(/0$/, "")}`;
  return negative ? `-${text}` : text;
}

/** For people: "1 hour", "2.5 hours", "-8 hours". */
export function formatHours(centihours: bigint): string {
  return tp("timebank.hours", formatHoursNumber(centihours));
}

/** Decimal text for the ledger: 250n -> "2.50". */
export function centihoursToLedgerText(centihours: bigint): string {
  const negative = centihours < 0n;
  const abs = negative ? -centihours : centihours;
  return `${negative ? "-" : ""}${abs / 100n}.${(abs % 100n).toString().padStart(2, "0")}`;
}

/** The largest whole number of quarter hours not above `centihours` (never negative). */
export function floorToQuarterHours(centihours: bigint): bigint {
  if (centihours <= 0n) return 0n;
  return centihours - (centihours % QUARTER_HOUR_CENTIHOURS);
}
