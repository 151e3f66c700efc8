// Random text people can read aloud and type: characters from a chosen alphabet, in groups of
// four joined by hyphens (voting codes, receipts, temporary passwords).
import { randomBytes } from "node:crypto";

export function readableRandom(alphabet: string, characters: number): string {
  const bytes = randomBytes(characters);
  let out = "";
  for (let i = 0; i < characters; i++) {
    if (i > 0 && i % 4 === 0) out += "-";
    out += alphabet[bytes[i]! % alphabet.length];
  }
  return out;
}
