// Ledger tables (double-entry core). Merged into `Database` in schema.ts.
// int8 columns are bigint (db/client.ts value policy); hashes are bytea, read as hex in queries.
// Columns the database computes (balance, version, hashes) cannot be written by inserts.
import type { ColumnType, Generated } from "kysely";

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Int8 = ColumnType<bigint, bigint | string, never>;
type ComputedInt8 = ColumnType<bigint, never, never>;
type ComputedHash = ColumnType<Uint8Array, never, never>;

export interface LedgerUnitTable {
  code: ColumnType<string, string, never>;
  scale: ColumnType<number, number, never>;
  name: ColumnType<string, string, never>;
}

export interface LedgerAccountTable {
  id: Generated<bigint>;
  code: ColumnType<string, string, never>;
  unit: ColumnType<string, string, never>;
  name: string;
  owner_type: string | null;
  owner_id: string | null;
  is_public: Generated<boolean>;
  /** null = no lower bound. */
  min_balance_minor: ColumnType<bigint | null, bigint | string | null, bigint | string | null>;
  /** null = no upper bound. */
  max_balance_minor: ColumnType<bigint | null, bigint | string | null, bigint | string | null>;
  balance_minor: ComputedInt8;
  version: ComputedInt8;
  head_hash: ComputedHash;
  last_entry_id: ColumnType<bigint | null, never, never>;
  created_at: CreatedAt;
}

export interface LedgerEntryTable {
  id: Generated<bigint>;
  idempotency_key: ColumnType<string, string, never>;
  request_hash: ColumnType<string, string, never>;
  kind: ColumnType<string, string, never>;
  memo: ColumnType<string, string | undefined, never>;
  metadata: ColumnType<Record<string, string>, string | undefined, never>;
  created_by: ColumnType<string, string, never>;
  created_at: CreatedAt;
  reverses_entry_id: ColumnType<bigint | null, bigint | string | null | undefined, never>;
  hash: ComputedHash;
  /** xid8 of the transaction that created the entry (only it may add postings). */
  created_xact: ColumnType<string, never, never>;
}

export interface LedgerPostingTable {
  entry_id: Int8;
  account_id: Int8;
  unit: ColumnType<string, string, never>;
  amount_minor: Int8;
  balance_after_minor: ComputedInt8;
  account_version: ComputedInt8;
  prev_hash: ComputedHash;
  hash: ComputedHash;
}

export interface LedgerHoldTable {
  id: Generated<bigint>;
  hold_key: ColumnType<string, string, never>;
  source_account_id: Int8;
  escrow_account_id: Int8;
  amount_minor: Int8;
  created_at: CreatedAt;
}

export interface LedgerCheckpointTable {
  id: Generated<bigint>;
  previous_checkpoint_id: ColumnType<bigint | null, bigint | string | null, never>;
  created_at: CreatedAt;
  account_count: ColumnType<number, number, never>;
  posting_count: Int8;
  heads: ColumnType<string, string, never>;
  root_hash: ColumnType<Uint8Array, Uint8Array, never>;
}

export interface LedgerTables {
  ledger_unit: LedgerUnitTable;
  ledger_account: LedgerAccountTable;
  ledger_entry: LedgerEntryTable;
  ledger_posting: LedgerPostingTable;
  ledger_hold: LedgerHoldTable;
  ledger_checkpoint: LedgerCheckpointTable;
}
