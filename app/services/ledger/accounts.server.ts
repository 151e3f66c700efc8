// Opening accounts and reading balances. An account's unit, code and history never change;
// its bounds (for example a timebank credit limit) are CHECK constraints the database enforces.
import type { Decimal } from "decimal.js";
import { sql } from "kysely";
import { DomainError, assert } from "../../domain/errors.js";
import { parseBoundMinor, toBigInt } from "../../domain/ledger/amount.js";
import { CONTROL_CHARACTER_PATTERN, MAX_ACCOUNT_NAME_LENGTH } from "../../domain/ledger/limits.js";
import { checkAccountCode, checkUnit } from "../../domain/ledger/request.js";
import type { UnitCode } from "../../domain/ledger/units.js";
import { hexOf, type LedgerDb } from "./db.server.js";

export interface OpenAccountInput {
  code: string;
  unit: string;
  name: string;
  ownerType?: string | null;
  ownerId?: string | null;
  isPublic?: boolean;
  /** Lowest allowed balance as decimal text ("0", "-10.00"); null or absent = no lower bound. */
  minBalance?: string | Decimal | null;
  /** Highest allowed balance; null or absent = no upper bound. */
  maxBalance?: string | Decimal | null;
}

export interface LedgerAccount {
  id: bigint;
  code: string;
  unit: UnitCode;
  name: string;
  ownerType: string | null;
  ownerId: string | null;
  isPublic: boolean;
  minBalanceMinor: bigint | null;
  maxBalanceMinor: bigint | null;
  balanceMinor: bigint;
  version: bigint;
  headHashHex: string;
  createdAt: Date;
}

const OWNER_TYPE_PATTERN = /^[a-z][a-z_]{0,39}$/;

function accountFromRow(row: Record<string, unknown>): LedgerAccount {
  return {
    id: toBigInt(row.id),
    code: row.code as string,
    unit: checkUnit(row.unit),
    name: row.name as string,
    ownerType: (row.owner_type as string | null) ?? null,
    ownerId: (row.owner_id as string | null) ?? null,
    isPublic: row.is_public as boolean,
    minBalanceMinor: row.min_balance_minor === null ? null : toBigInt(row.min_balance_minor),
    maxBalanceMinor: row.max_balance_minor === null ? null : toBigInt(row.max_balance_minor),
    balanceMinor: toBigInt(row.balance_minor),
    version: toBigInt(row.version),
    headHashHex: hexOf(row.head_hash as Uint8Array),
    createdAt: row.created_at as Date,
  };
}

/**
 * Opens an account. Opening the same account again with the same details returns it (so a
 * retried request is harmless); the same code with other details is refused.
 */
export async function openAccount(db: LedgerDb, input: OpenAccountInput): Promise<LedgerAccount> {
  const code = checkAccountCode(input.code, "code");
  const unit = checkUnit(input.unit);
  const name = input.name?.trim() ?? "";
  if (name.length === 0 || name.length > MAX_ACCOUNT_NAME_LENGTH || CONTROL_CHARACTER_PATTERN.test(name)) {
    throw new DomainError("ledger_account_name_invalid", { values: { maximum: MAX_ACCOUNT_NAME_LENGTH }, field: "name" });
  }
  const ownerType = input.ownerType ?? null;
  const ownerId = input.ownerId ?? null;
  if ((ownerType === null) !== (ownerId === null) || (ownerType !== null && !OWNER_TYPE_PATTERN.test(ownerType))
    || (ownerId !== null && (ownerId.length === 0 || ownerId.length > 100))) {
    throw new DomainError("ledger_account_owner_invalid", { field: "ownerId" });
  }
  const minBalanceMinor = input.minBalance == null ? null : parseBoundMinor(input.minBalance, unit, "minBalance");
  const maxBalanceMinor = input.maxBalance == null ? null : parseBoundMinor(input.maxBalance, unit, "maxBalance");
  if ((minBalanceMinor !== null && minBalanceMinor > 0n) || (maxBalanceMinor !== null && maxBalanceMinor < 0n)) {
    throw new DomainError("ledger_bounds_invalid", { field: minBalanceMinor !== null && minBalanceMinor > 0n ? "minBalance" : "maxBalance" });
  }
  const isPublic = input.isPublic ?? false;
  const inserted = await db
    .insertInto("ledger_account")
    .values({
      code,
      unit,
      name,
      owner_type: ownerType,
      owner_id: ownerId,
      is_public: isPublic,
      min_balance_minor: minBalanceMinor,
      max_balance_minor: maxBalanceMinor,
    })
    .onConflict((conflict) => conflict.column("code").doNothing())
    .returningAll()
    .executeTakeFirst();
  if (inserted) return accountFromRow(inserted);
  const existing = await getAccount(db, code);
  assert(existing !== undefined, "an account whose code conflicted exists");
  const same =
    existing.unit === unit &&
    existing.name === name &&
    existing.ownerType === ownerType &&
    existing.ownerId === ownerId &&
    existing.isPublic === isPublic &&
    existing.minBalanceMinor === minBalanceMinor &&
    existing.maxBalanceMinor === maxBalanceMinor;
  if (!same) throw new DomainError("ledger_account_exists", { values: { accountCode: code }, field: "code", status: 409 });
  return existing;
}

export async function getAccount(db: LedgerDb, code: string): Promise<LedgerAccount | undefined> {
  const row = await db.selectFrom("ledger_account").selectAll().where("code", "=", code).executeTakeFirst();
  return row ? accountFromRow(row) : undefined;
}

export async function requireAccount(db: LedgerDb, code: string): Promise<LedgerAccount> {
  const account = await getAccount(db, checkAccountCode(code));
  if (!account) throw new DomainError("ledger_account_not_found", { values: { accountCode: code }, status: 404 });
  return account;
}

export const MAX_BALANCES_PER_CALL = 1_000;

/** Balances of the named accounts, in minor units; unknown codes are absent from the map. */
export async function getBalances(db: LedgerDb, codes: string[]): Promise<Map<string, { unit: UnitCode; balanceMinor: bigint }>> {
  assert(codes.length <= MAX_BALANCES_PER_CALL, `at most ${MAX_BALANCES_PER_CALL} balances per call`);
  const balances = new Map<string, { unit: UnitCode; balanceMinor: bigint }>();
  if (codes.length === 0) return balances;
  const rows = await db
    .selectFrom("ledger_account")
    .select(["code", "unit", "balance_minor"])
    .where("code", "in", codes)
    .execute();
  for (const row of rows) balances.set(row.code, { unit: checkUnit(row.unit), balanceMinor: toBigInt(row.balance_minor) });
  return balances;
}

/** Changes an account's bounds; the CHECK constraints refuse bounds the balance is already outside. */
export async function setAccountBounds(
  db: LedgerDb,
  code: string,
  bounds: { minBalance: string | Decimal | null; maxBalance: string | Decimal | null },
): Promise<LedgerAccount> {
  const account = await requireAccount(db, code);
  const minBalanceMinor = bounds.minBalance === null ? null : parseBoundMinor(bounds.minBalance, account.unit, "minBalance");
  const maxBalanceMinor = bounds.maxBalance === null ? null : parseBoundMinor(bounds.maxBalance, account.unit, "maxBalance");
  if ((minBalanceMinor !== null && minBalanceMinor > 0n) || (maxBalanceMinor !== null && maxBalanceMinor < 0n)) {
    throw new DomainError("ledger_bounds_invalid", { field: "minBalance" });
  }
  try {
    const row = await db
      .updateTable("ledger_account")
      .set({ min_balance_minor: minBalanceMinor, max_balance_minor: maxBalanceMinor })
      .where("id", "=", account.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    return accountFromRow(row);
  } catch (error) {
    const constraint = (error as { constraint?: unknown }).constraint;
    if (constraint === "ledger_account_balance_min" || constraint === "ledger_account_balance_max") {
      throw new DomainError("ledger_bounds_exclude_balance", { values: { accountCode: code }, status: 409 });
    }
    throw error;
  }
}

/** Sum of every account's balance per unit: zero in a consistent ledger. */
export async function unitTotals(db: LedgerDb): Promise<Map<UnitCode, bigint>> {
  const result = await sql<{ unit: string; total: string }>`
    select unit, sum(balance_minor)::text as total from ledger_account group by unit order by unit`.execute(db);
  return new Map(result.rows.map((row) => [checkUnit(row.unit), BigInt(row.total)]));
}
