// The exact bytes that are hashed. The database computes the same strings in SQL
// (ledger_entry_content / ledger_posting_content in db/migrations/0002_ledger.ts), so anyone
// holding an export can recompute every hash without trusting the server.
//
// Fields are netstrings ("<utf-8 byte length>:<text>,"), and a missing value is "-,". A length
// prefix cannot be confused with content, so no escaping rules have to agree between languages.
import { assert } from "../errors.js";

export const ZERO_HASH_HEX = "0".repeat(64);
const HASH_HEX_PATTERN = /^[0-9a-f]{64}$/;

const utf8 = new TextEncoder();

export function netstring(value: string | bigint | null): string {
  if (value === null) return "-,";
  const text = typeof value === "bigint" ? value.toString() : value;
  return `${utf8.encode(text).length}:${text},`;
}

/** Byte-order comparison of UTF-8 strings (the SQL side sorts with COLLATE "C"). */
export function compareUtf8(a: string, b: string): number {
  const left = utf8.encode(a);
  const right = utf8.encode(b);
  const length = Math.min(left.length, right.length);
  for (let index = 0; index < length; index++) {
    if (left[index] !== right[index]) return left[index]! - right[index]!;
  }
  return left.length - right.length;
}

export interface EntryContent {
  id: bigint;
  idempotencyKey: string;
  requestHash: string;
  kind: string;
  memo: string;
  metadata: Record<string, string>;
  createdBy: string;
  /** Microseconds since the Unix epoch, exactly as stored (timestamptz has microsecond precision). */
  createdAtMicros: bigint;
  reversesEntryId: bigint | null;
}

export function entryContent(entry: EntryContent): string {
  const metadata = Object.keys(entry.metadata)
    .sort(compareUtf8)
    .map((key) => netstring(key) + netstring(entry.metadata[key] ?? ""))
    .join("");
  return (
    "potluck-entry-v1," +
    netstring(entry.id) +
    netstring(entry.idempotencyKey) +
    netstring(entry.requestHash) +
    netstring(entry.kind) +
    netstring(entry.memo) +
    netstring(entry.createdBy) +
    netstring(entry.createdAtMicros) +
    netstring(entry.reversesEntryId) +
    netstring(metadata)
  );
}

export interface PostingContent {
  prevHashHex: string;
  entryHashHex: string;
  entryId: bigint;
  accountId: bigint;
  unit: string;
  amountMinor: bigint;
  balanceAfterMinor: bigint;
  accountVersion: bigint;
}

export function postingContent(posting: PostingContent): string {
  assert(HASH_HEX_PATTERN.test(posting.prevHashHex), "previous hash is 64 hex digits");
  assert(HASH_HEX_PATTERN.test(posting.entryHashHex), "entry hash is 64 hex digits");
  return (
    "potluck-posting-v1," +
    netstring(posting.prevHashHex) +
    netstring(posting.entryHashHex) +
    netstring(posting.entryId) +
    netstring(posting.accountId) +
    netstring(posting.unit) +
    netstring(posting.amountMinor) +
    netstring(posting.balanceAfterMinor) +
    netstring(posting.accountVersion)
  );
}

/** One line of a checkpoint: where an account's chain stood. */
export interface AccountHead {
  accountId: bigint;
  version: bigint;
  headHashHex: string;
}

export function headsText(heads: AccountHead[]): string {
  return heads.map((head) => `${head.accountId} ${head.version} ${head.headHashHex}\n`).join("");
}

export function parseHeadsText(text: string): AccountHead[] {
  if (text === "") return [];
  assert(text.endsWith("\n"), "checkpoint heads end with a newline");
  return text
    .slice(0, -1)
    .split("\n")
    .map((line) => {
      const match = /^(\d+) (\d+) ([0-9a-f]{64})$/.exec(line);
      assert(match !== null, `checkpoint head line is well formed: ${line.slice(0, 100)}`);
      return { accountId: BigInt(match[1]!), version: BigInt(match[2]!), headHashHex: match[3]! };
    });
}

/**
 * JSON with object keys sorted by UTF-8 bytes, no whitespace, bigint as a decimal string.
 * Used for request hashes, where the same request must always produce the same text.
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return "null";
  if (typeof value === "bigint") return JSON.stringify(value.toString());
  if (typeof value === "string" || typeof value === "boolean") return JSON.stringify(value);
  if (typeof value === "number") {
    assert(Number.isSafeInteger(value), "canonical JSON numbers are safe integers (amounts travel as text)");
    return String(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (typeof value === "object") {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record)
      .filter((key) => record[key] !== undefined)
      .sort(compareUtf8);
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`).join(",")}}`;
  }
  throw new Error(`Invariant failed: canonical JSON cannot hold a ${typeof value}`);
}
