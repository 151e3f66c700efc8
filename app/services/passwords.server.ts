// Password hashing with scrypt (node:crypto). The parameters travel inside each stored hash,
// so the cost can be raised later without breaking existing passwords.
import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from "node:crypto";
import { readableRandom } from "../domain/readable-random.js";

const KEY_BYTES = 32;
const SALT_BYTES = 16;
/** OWASP's scrypt minimum: N = 2^17, r = 8, p = 1. Tests may lower it via PASSWORD_HASH_COST_LOG2. */
export const DEFAULT_COST_LOG2 = 17;
const MIN_COST_LOG2 = 14;
const MAX_COST_LOG2 = 20;

function scrypt(password: string, salt: Buffer, keyBytes: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scryptCallback(password.normalize("NFC"), salt, keyBytes, options, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

function costFromEnv(): number {
  const raw = process.env.PASSWORD_HASH_COST_LOG2;
  if (!raw) return DEFAULT_COST_LOG2;
  const value = Number.parseInt(raw, 10);
  if (!(value >= MIN_COST_LOG2 && value <= MAX_COST_LOG2)) {
    throw new Error(`PASSWORD_HASH_COST_LOG2 must be between ${MIN_COST_LOG2} and ${MAX_COST_LOG2}`);
  }
  return value;
}

function optionsFor(costLog2: number): ScryptOptions {
  const N = 2 ** costLog2;
  // scrypt needs 128 * N * r bytes; allow twice that so Node never refuses.
  return { N, r: 8, p: 1, maxmem: 256 * N * 8 };
}

/** Format: scrypt$<log2 N>$<r>$<p>$<salt base64>$<key base64>. */
export async function hashPassword(password: string, costLog2: number = costFromEnv()): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const options = optionsFor(costLog2);
  const key = await scrypt(password, salt, KEY_BYTES, options);
  return ["scrypt", costLog2, options.r, options.p, salt.toString("base64"), key.toString("base64")].join("$");
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split("$");
  if (parts.length !== 6 || parts[0] !== "scrypt") return false;
  const costLog2 = Number(parts[1]);
  if (!(costLog2 >= MIN_COST_LOG2 && costLog2 <= MAX_COST_LOG2)) return false;
  const salt = Buffer.from(parts[4]!, "base64");
  const expected = Buffer.from(parts[5]!, "base64");
  if (expected.length !== KEY_BYTES) return false;
  const options = { ...optionsFor(costLog2), r: Number(parts[2]), p: Number(parts[3]) };
  const actual = await scrypt(password, salt, KEY_BYTES, options);
  return timingSafeEqual(actual, expected);
}

// Verifying against this when no account matches keeps the response time the same,
// so timing does not reveal which email addresses have accounts.
let dummyHash: Promise<string> | null = null;
export async function verifyAgainstDummy(password: string): Promise<false> {
  // i18n-exempt: a password nobody has, never shown
  dummyHash ??= hashPassword("dummy password for timing", costFromEnv());
  await verifyPassword(password, await dummyHash);
  return false;
}

/** A readable temporary password: four groups of four letters and digits, no look-alikes. */
export function generateTemporaryPassword(): string {
  return readableRandom("abcdefghjkmnpqrstuvwxyz23456789", 16);
}
