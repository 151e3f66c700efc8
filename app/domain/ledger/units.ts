// The units the ledger counts in. Both have scale 2: pence, and hundredths of an hour.
// The same rows are inserted by the migration; a new unit needs both.

export type UnitCode = "GBP" | "HOUR";

export interface Unit {
  code: UnitCode;
  /** Digits after the decimal point; amounts are stored as integers of 10^-scale. */
  scale: number;
  name: string;
}

export const UNITS: Record<UnitCode, Unit> = {
  GBP: { code: "GBP", scale: 2, name: "Pounds sterling" },
  HOUR: { code: "HOUR", scale: 2, name: "Hours" },
};

export const UNIT_CODES = Object.keys(UNITS) as UnitCode[];

export function isUnitCode(value: unknown): value is UnitCode {
  return typeof value === "string" && Object.prototype.hasOwnProperty.call(UNITS, value);
}
