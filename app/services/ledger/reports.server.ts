// Reading the ledger: account statements (with the running balance each posting recorded),
// the trial balance, and what the public page shows.
import { sql } from "kysely";
import { DomainError, assert } from "../../domain/errors.js";
import { toBigInt } from "../../domain/ledger/amount.js";
import { MAX_STATEMENT_PAGE_SIZE } from "../../domain/ledger/limits.js";
import { checkUnit } from "../../domain/ledger/request.js";
import type { UnitCode } from "../../domain/ledger/units.js";
import { requireAccount, type LedgerAccount } from "./accounts.server.js";
import { hexOf, type LedgerDb } from "./db.server.js";

export interface StatementLine {
  entryId: bigint;
  createdAt: Date;
  kind: string;
  memo: string;
  amountMinor: bigint;
  /** The account's balance straight after this posting (stored, not recomputed). */
  balanceAfterMinor: bigint;
  accountVersion: bigint;
}

export interface Statement {
  account: LedgerAccount;
  /** Newest first. */
  lines: StatementLine[];
  /** Balance before the oldest line on this page. */
  openingBalanceMinor: bigint;
  /** Pass as beforeVersion for the next (older) page; null when there is none. */
  nextBeforeVersion: bigint | null;
}

export async function getStatement(
  db: LedgerDb,
  options: { accountCode: string; pageSize?: number; beforeVersion?: bigint | null },
): Promise<Statement> {
  const pageSize = options.pageSize ?? 50;
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_STATEMENT_PAGE_SIZE) {
    throw new DomainError("ledger_page_size_invalid", { values: { maximum: MAX_STATEMENT_PAGE_SIZE }, field: "pageSize" });
  }
  const account = await requireAccount(db, options.accountCode);
  let query = db
    .selectFrom("ledger_posting as p")
    .innerJoin("ledger_entry as e", "e.id", "p.entry_id")
    .select(["p.entry_id", "e.created_at", "e.kind", "e.memo", "p.amount_minor", "p.balance_after_minor", "p.account_version"])
    .where("p.account_id", "=", account.id)
    .orderBy("p.account_version", "desc")
    .limit(pageSize + 1);
  if (options.beforeVersion != null) query = query.where("p.account_version", "<", options.beforeVersion);
  const rows = await query.execute();
  const lines = rows.slice(0, pageSize).map((row) => ({
    entryId: toBigInt(row.entry_id),
    createdAt: row.created_at,
    kind: row.kind,
    memo: row.memo,
    amountMinor: toBigInt(row.amount_minor),
    balanceAfterMinor: toBigInt(row.balance_after_minor),
    accountVersion: toBigInt(row.account_version),
  }));
  for (let index = 1; index < lines.length; index++) {
    const newer = lines[index - 1]!;
    const older = lines[index]!;
    assert(newer.balanceAfterMinor - newer.amountMinor === older.balanceAfterMinor, "statement lines chain");
  }
  const oldest = lines[lines.length - 1];
  return {
    account,
    lines,
    openingBalanceMinor: oldest ? oldest.balanceAfterMinor - oldest.amountMinor : account.balanceMinor,
    nextBeforeVersion: rows.length > pageSize && oldest ? oldest.accountVersion : null,
  };
}

export interface TrialBalanceUnit {
  unit: UnitCode;
  accountCount: number;
  /** Sum of positive balances. */
  positiveMinor: bigint;
  /** Sum of negative balances (a negative number). */
  negativeMinor: bigint;
  /** Sum of every posting ever made in the unit. */
  postingsTotalMinor: bigint;
  /** True when balances and postings both sum to zero. */
  balanced: boolean;
}

export async function getTrialBalance(db: LedgerDb): Promise<TrialBalanceUnit[]> {
  const result = await sql<{ unit: string; accounts: string; positive: string; negative: string; postings: string }>`
    select u.code as unit,
           (select count(*) from ledger_account a where a.unit = u.code)::text as accounts,
           (select coalesce(sum(a.balance_minor), 0) from ledger_account a where a.unit = u.code and a.balance_minor > 0)::text as positive,
           (select coalesce(sum(a.balance_minor), 0) from ledger_account a where a.unit = u.code and a.balance_minor < 0)::text as negative,
           (select coalesce(sum(p.amount_minor), 0) from ledger_posting p where p.unit = u.code)::text as postings
    from ledger_unit u order by u.code`.execute(db);
  return result.rows.map((row) => {
    const positiveMinor = BigInt(row.positive);
    const negativeMinor = BigInt(row.negative);
    const postingsTotalMinor = BigInt(row.postings);
    return {
      unit: checkUnit(row.unit),
      accountCount: Number(row.accounts),
      positiveMinor,
      negativeMinor,
      postingsTotalMinor,
      balanced: positiveMinor + negativeMinor === 0n && postingsTotalMinor === 0n,
    };
  });
}

export const MAX_PUBLIC_ACCOUNTS = 200;
export const MAX_RECENT_ENTRIES = 50;

export interface PublicLedger {
  checkpoint: { id: bigint; createdAt: Date; rootHashHex: string; accountCount: number; postingCount: bigint } | null;
  accounts: { code: string; name: string; unit: UnitCode; balanceMinor: bigint }[];
  /** Entries touching a public account; only the public accounts' postings are shown. */
  recentEntries: {
    entryId: bigint;
    createdAt: Date;
    kind: string;
    memo: string;
    postings: { accountCode: string; accountName: string; unit: UnitCode; amountMinor: bigint }[];
  }[];
}

/** What anyone may see: public accounts, their recent entries, and the latest checkpoint. */
export async function getPublicLedger(db: LedgerDb, options: { recentLimit?: number } = {}): Promise<PublicLedger> {
  const recentLimit = Math.min(Math.max(options.recentLimit ?? 20, 1), MAX_RECENT_ENTRIES);
  const checkpoint = await db
    .selectFrom("ledger_checkpoint")
    .select(["id", "created_at", "root_hash", "account_count", "posting_count"])
    .orderBy("id", "desc")
    .limit(1)
    .executeTakeFirst();
  const accounts = await db
    .selectFrom("ledger_account")
    .select(["id", "code", "name", "unit", "balance_minor"])
    .where("is_public", "=", true)
    .orderBy("code")
    .limit(MAX_PUBLIC_ACCOUNTS)
    .execute();
  const accountIds = accounts.map((account) => toBigInt(account.id));
  // Newest postings per public account (uses the (account_id, account_version) index), then
  // the newest entries among them.
  const postings =
    accountIds.length === 0
      ? []
      : (
          await sql<{ entry_id: unknown; account_id: unknown; amount_minor: unknown; created_at: Date; kind: string; memo: string }>`
            select p.entry_id, p.account_id, p.amount_minor, e.created_at, e.kind, e.memo
            from unnest(${accountIds.map(String)}::bigint[]) as a(id)
            cross join lateral (
              select q.entry_id, q.account_id, q.amount_minor from ledger_posting q
              where q.account_id = a.id order by q.account_version desc limit ${recentLimit}) p
            join ledger_entry e on e.id = p.entry_id
            order by p.entry_id desc, p.account_id`.execute(db)
        ).rows;
  const byId = new Map(accounts.map((account) => [toBigInt(account.id), account]));
  const entries = new Map<bigint, PublicLedger["recentEntries"][number]>();
  for (const row of postings) {
    const entryId = toBigInt(row.entry_id);
    let entry = entries.get(entryId);
    if (!entry) {
      if (entries.size >= recentLimit) break;
      entry = { entryId, createdAt: row.created_at, kind: row.kind, memo: row.memo, postings: [] };
      entries.set(entryId, entry);
    }
    const account = byId.get(toBigInt(row.account_id));
    assert(account !== undefined, "a public posting belongs to a public account");
    entry.postings.push({ accountCode: account.code, accountName: account.name, unit: checkUnit(account.unit), amountMinor: toBigInt(row.amount_minor) });
  }
  return {
    checkpoint: checkpoint
      ? {
          id: toBigInt(checkpoint.id),
          createdAt: checkpoint.created_at,
          rootHashHex: hexOf(checkpoint.root_hash),
          accountCount: checkpoint.account_count,
          postingCount: toBigInt(checkpoint.posting_count),
        }
      : null,
    accounts: accounts.map((account) => ({ code: account.code, name: account.name, unit: checkUnit(account.unit), balanceMinor: toBigInt(account.balance_minor) })),
    recentEntries: [...entries.values()],
  };
}
