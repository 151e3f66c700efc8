// Voting codes and ballot receipts: 12 characters people can read aloud and type.
import { readableRandom } from "../readable-random.js";

const CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/** A code people can read aloud and type: 12 characters in groups of four, no look-alikes. */
export function readableCode(): string {
  return readableRandom(CODE_ALPHABET, 12);
}

export function normaliseCode(text: string): string | null {
  const compact = text.toUpperCase().replace(/[\s-]/g, "");
  if (!/^[A-Z0-9]{12}$/.test(compact)) return null;
  return `${compact.slice(0, 4)}-${compact.slice(4, 8)}-${compact.slice(8, 12)}`;
}

