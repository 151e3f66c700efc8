// Every limit the ledger relies on, in one place, so the database checks (db/migrations/0002_ledger.ts),
// the TypeScript checks and the documentation can be compared line by line.

/** Largest amount one posting may move: 1,000,000,000.00 in a scale-2 unit. */
export const MAX_AMOUNT_MINOR = 100_000_000_000n;
/** Largest balance (either sign) an account may hold; keeps every sum far inside int8 and 2^53. */
export const MAX_BALANCE_MINOR = 1_000_000_000_000_000n;
export const MIN_POSTINGS_PER_ENTRY = 2;
export const MAX_POSTINGS_PER_ENTRY = 100;
export const MAX_IDEMPOTENCY_KEY_LENGTH = 200;
export const MAX_MEMO_LENGTH = 500;
export const MAX_KIND_LENGTH = 40;
export const MAX_CREATED_BY_LENGTH = 100;
export const MAX_METADATA_KEYS = 20;
export const MAX_METADATA_KEY_LENGTH = 40;
export const MAX_METADATA_VALUE_LENGTH = 200;
export const MAX_ACCOUNT_CODE_LENGTH = 120;
export const MAX_ACCOUNT_NAME_LENGTH = 200;
export const MAX_STATEMENT_PAGE_SIZE = 100;
export const MAX_EXPORT_BATCH_SIZE = 1_000;
/** A checkpoint lists every account head; past this the checkpoint design needs revisiting. */
export const MAX_ACCOUNTS_PER_CHECKPOINT = 1_000_000;
/** verify stops collecting after this many violations (the first one is what matters). */
export const MAX_REPORTED_VIOLATIONS = 100;

// Patterns shared with the CHECK constraints in the migration.
export const ACCOUNT_CODE_PATTERN = /^[a-z0-9][a-z0-9._-]*(:[a-z0-9][a-z0-9._-]*)*$/;
export const KIND_PATTERN = /^[a-z][a-z0-9_]{0,39}$/;
export const METADATA_KEY_PATTERN = /^[a-z][a-z0-9_]{0,39}$/;
/** Printable ASCII without spaces: keys travel through logs, URLs and CSV unchanged. */
export const IDEMPOTENCY_KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;
// eslint-disable-next-line no-control-regex
export const CONTROL_CHARACTER_PATTERN = /[\u0000-\u001f\u007f]/;
