/**
 * Exact rationals on bigint. Counting never rounds: a value is only turned into
 * a decimal string for display, at the last moment.
 */
export interface Rational {
  readonly num: bigint;
  /** Always positive; the fraction is always in lowest terms. */
  readonly den: bigint;
}

export function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) {
    const r = x % y;
    x = y;
    y = r;
  }
  return x;
}

export function rational(num: bigint, den: bigint = 1n): Rational {
  if (den === 0n) throw new RangeError("rational: zero denominator");
  if (den < 0n) {
    num = -num;
    den = -den;
  }
  const g = gcd(num, den);
  if (g > 1n) {
    num /= g;
    den /= g;
  }
  return { num, den };
}

export const ZERO: Rational = { num: 0n, den: 1n };

export function fromBigInt(value: bigint): Rational {
  return { num: value, den: 1n };
}

export function add(a: Rational, b: Rational): Rational {
  return rational(a.num * b.den + b.num * a.den, a.den * b.den);
}

export function sub(a: Rational, b: Rational): Rational {
  return rational(a.num * b.den - b.num * a.den, a.den * b.den);
}

export function mul(a: Rational, b: Rational): Rational {
  return rational(a.num * b.num, a.den * b.den);
}

export function div(a: Rational, b: Rational): Rational {
  if (b.num === 0n) throw new RangeError("rational: division by zero");
  return rational(a.num * b.den, a.den * b.num);
}

export function compare(a: Rational, b: Rational): -1 | 0 | 1 {
  const l = a.num * b.den;
  const r = b.num * a.den;
  return l < r ? -1 : l > r ? 1 : 0;
}

export function equals(a: Rational, b: Rational): boolean {
  return a.num === b.num && a.den === b.den;
}

/** Largest integer not above the value. */
export function floor(a: Rational): bigint {
  const q = a.num / a.den;
  return a.num < 0n && q * a.den !== a.num ? q - 1n : q;
}

/**
 * Decimal string rounded half away from zero, e.g. toFixed(rational(21n, 5n), 2) === "4.20".
 * Used only for display; the value itself stays exact everywhere else.
 */
export function toFixed(a: Rational, places: number): string {
  if (!Number.isInteger(places) || places < 0 || places > 100) {
    throw new RangeError("toFixed: places must be an integer from 0 to 100");
  }
  const negative = a.num < 0n;
  const abs = negative ? -a.num : a.num;
  const scale = 10n ** BigInt(places);
  const scaled = (abs * scale * 2n + a.den) / (2n * a.den);
  if (scaled === 0n) return places === 0 ? "0" : `0.${"0".repeat(places)}`;
  const digits = scaled.toString().padStart(places + 1, "0");
  const whole = digits.slice(0, digits.length - places);
  const frac = digits.slice(digits.length - places);
  return `${negative ? "-" : ""}${whole}${places > 0 ? `.${frac}` : ""}`;
}

/** Exact decimal string when the denominator is a product of 2s and 5s, else null. */
export function toExactDecimal(a: Rational): string | null {
  let d = a.den;
  let places = 0;
  while (d % 10n === 0n) {
    d /= 10n;
    places++;
  }
  while (d % 2n === 0n || d % 5n === 0n) {
    d = d % 2n === 0n ? d / 2n : d / 5n;
    places++;
  }
  if (d !== 1n) return null;
  return toFixed(a, places);
}
