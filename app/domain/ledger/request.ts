// What a caller may ask the ledger to post, checked before anything reaches the database.
// The database checks the same rules again (it is the authority); these checks exist to give a
// person a clear message naming the field, and to build the request hash from clean values.
import type { Decimal } from "decimal.js";
import { DomainError } from "../errors.js";
import { formatMinor, parseAmountMinor } from "./amount.js";
import {
  ACCOUNT_CODE_PATTERN,
  CONTROL_CHARACTER_PATTERN,
  IDEMPOTENCY_KEY_PATTERN,
  KIND_PATTERN,
  MAX_ACCOUNT_CODE_LENGTH,
  MAX_CREATED_BY_LENGTH,
  MAX_MEMO_LENGTH,
  MAX_METADATA_KEYS,
  MAX_METADATA_VALUE_LENGTH,
  MAX_POSTINGS_PER_ENTRY,
  METADATA_KEY_PATTERN,
  MIN_POSTINGS_PER_ENTRY,
} from "./limits.js";
import { isUnitCode, type UnitCode } from "./units.js";

export interface PostingInput {
  accountCode: string;
  /** Stated by the caller and checked against the account, so hours are never moved as pounds. */
  unit: string;
  /** Signed decimal text ("-12.50") or a Decimal: never a JavaScript number. */
  amount: string | Decimal;
}

export interface EntryInput {
  idempotencyKey: string;
  kind: string;
  memo?: string;
  metadata?: Record<string, string>;
  /** Who asked, e.g. "user:42" or "system:results". */
  createdBy: string;
  postings: PostingInput[];
  reversesEntryId?: bigint | null;
}

export interface EntryPosting {
  accountCode: string;
  unit: UnitCode;
  amountMinor: bigint;
}

export interface EntryRequest {
  idempotencyKey: string;
  kind: string;
  memo: string;
  metadata: Record<string, string>;
  createdBy: string;
  reversesEntryId: bigint | null;
  postings: EntryPosting[];
}

export function checkAccountCode(code: unknown, field = "accountCode"): string {
  if (typeof code !== "string" || code.length === 0 || code.length > MAX_ACCOUNT_CODE_LENGTH || !ACCOUNT_CODE_PATTERN.test(code)) {
    throw new DomainError("ledger_account_code_invalid", {
      values: { code: typeof code === "string" ? code.slice(0, MAX_ACCOUNT_CODE_LENGTH) : "", maximum: MAX_ACCOUNT_CODE_LENGTH },
      field,
    });
  }
  return code;
}

export function checkUnit(unit: unknown, field = "unit"): UnitCode {
  if (!isUnitCode(unit)) throw new DomainError("ledger_unit_unknown", { values: { unit: String(unit).slice(0, 20) }, field });
  return unit;
}

export function checkIdempotencyKey(key: unknown): string {
  if (typeof key !== "string" || !IDEMPOTENCY_KEY_PATTERN.test(key)) {
    throw new DomainError("ledger_idempotency_key_invalid", { values: { maximum: 200 }, field: "idempotencyKey" });
  }
  return key;
}

export function checkMemo(memo: unknown): string {
  const text = memo ?? "";
  if (typeof text !== "string" || text.length > MAX_MEMO_LENGTH || CONTROL_CHARACTER_PATTERN.test(text)) {
    throw new DomainError("ledger_memo_invalid", { values: { maximum: MAX_MEMO_LENGTH }, field: "memo" });
  }
  return text;
}

export function checkCreatedBy(createdBy: unknown): string {
  if (typeof createdBy !== "string" || createdBy.length === 0 || createdBy.length > MAX_CREATED_BY_LENGTH || CONTROL_CHARACTER_PATTERN.test(createdBy)) {
    throw new DomainError("ledger_created_by_invalid", { values: { maximum: MAX_CREATED_BY_LENGTH }, field: "createdBy" });
  }
  return createdBy;
}

function checkMetadata(metadata: unknown): Record<string, string> {
  const record = metadata ?? {};
  if (typeof record !== "object" || record === null || Array.isArray(record)) {
    throw new DomainError("ledger_metadata_invalid", { values: { maximumKeys: MAX_METADATA_KEYS }, field: "metadata" });
  }
  const entries = Object.entries(record as Record<string, unknown>);
  const bad =
    entries.length > MAX_METADATA_KEYS ||
    entries.some(
      ([key, value]) =>
        !METADATA_KEY_PATTERN.test(key) || typeof value !== "string" || value.length > MAX_METADATA_VALUE_LENGTH,
    );
  if (bad) throw new DomainError("ledger_metadata_invalid", { values: { maximumKeys: MAX_METADATA_KEYS }, field: "metadata" });
  return Object.fromEntries(entries) as Record<string, string>;
}

/** Validates and normalises a request; throws a DomainError naming the first problem. */
export function parseEntryRequest(input: EntryInput): EntryRequest {
  const idempotencyKey = checkIdempotencyKey(input.idempotencyKey);
  if (typeof input.kind !== "string" || !KIND_PATTERN.test(input.kind)) {
    throw new DomainError("ledger_kind_invalid", { field: "kind" });
  }
  const memo = checkMemo(input.memo);
  const metadata = checkMetadata(input.metadata);
  const createdBy = checkCreatedBy(input.createdBy);
  const reversesEntryId = input.reversesEntryId ?? null;
  if (reversesEntryId !== null && (typeof reversesEntryId !== "bigint" || reversesEntryId <= 0n)) {
    throw new DomainError("ledger_entry_not_found", { values: { entryId: String(reversesEntryId) } });
  }
  if (!Array.isArray(input.postings) || input.postings.length < MIN_POSTINGS_PER_ENTRY || input.postings.length > MAX_POSTINGS_PER_ENTRY) {
    throw new DomainError("ledger_posting_count", {
      values: { minimum: MIN_POSTINGS_PER_ENTRY, maximum: MAX_POSTINGS_PER_ENTRY },
      field: "postings",
    });
  }
  const seen = new Set<string>();
  const postings = input.postings.map((posting, index) => {
    const accountCode = checkAccountCode(posting.accountCode, `postings.${index}.accountCode`); // i18n-exempt: form field path
    if (seen.has(accountCode)) {
      throw new DomainError("ledger_account_repeated", { values: { accountCode }, field: `postings.${index}.accountCode` });
    }
    seen.add(accountCode);
    const unit = checkUnit(posting.unit, `postings.${index}.unit`); // i18n-exempt: form field path
    const amountMinor = parseAmountMinor(posting.amount, unit, { allowNegative: true, field: `postings.${index}.amount` });
    return { accountCode, unit, amountMinor };
  });
  const sums = new Map<UnitCode, bigint>();
  for (const posting of postings) sums.set(posting.unit, (sums.get(posting.unit) ?? 0n) + posting.amountMinor);
  for (const [unit, sumMinor] of sums) {
    if (sumMinor !== 0n) {
      throw new DomainError("ledger_unbalanced", { values: { unit, difference: formatMinor(sumMinor, unit) }, field: "postings" });
    }
  }
  return { idempotencyKey, kind: input.kind, memo, metadata, createdBy, reversesEntryId, postings };
}
