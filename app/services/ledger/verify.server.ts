// Recomputes the whole ledger from its rows, in TypeScript, trusting nothing the database
// computed: every entry hash, every posting's place in its account's chain, every balance,
// zero sums, reversals, and every checkpoint. Reads one snapshot, so it runs beside writers.
import { sql } from "kysely";
import { toBigInt } from "../../domain/ledger/amount.js";
import { parseHeadsText, ZERO_HASH_HEX } from "../../domain/ledger/canonical.js";
import { checkpointRootHex, entryHashHex, postingHashHex } from "../../domain/ledger/hashing.js";
import { MAX_ACCOUNTS_PER_CHECKPOINT, MAX_EXPORT_BATCH_SIZE, MAX_REPORTED_VIOLATIONS } from "../../domain/ledger/limits.js";
import { t } from "../../i18n/translate.js";
import type { LedgerDb } from "./db.server.js";

export interface LedgerViolation {
  code: string;
  message: string;
}

export interface VerifyReport {
  ok: boolean;
  /** The first violations found (at most MAX_REPORTED_VIOLATIONS), in the order found. */
  violations: LedgerViolation[];
  counts: { accounts: number; entries: number; postings: number; checkpoints: number };
}

interface AccountState {
  code: string;
  unit: string;
  version: bigint;
  balanceMinor: bigint;
  headHex: string;
  lastEntryId: bigint | null;
}

interface EntryRow {
  id: unknown; idempotency_key: string; request_hash: string; kind: string; memo: string;
  metadata: Record<string, string>; created_by: string; created_at_micros: string;
  reverses_entry_id: unknown; hash: string;
}

interface PostingRow {
  entry_id: unknown; account_id: unknown; unit: string; amount_minor: unknown; balance_after_minor: unknown;
  account_version: unknown; prev_hash: string; hash: string;
}

export async function verifyLedger(db: LedgerDb): Promise<VerifyReport> {
  if (db.isTransaction) return verifyInSnapshot(db);
  // i18n-exempt: SQL isolation level
  return db.transaction().setIsolationLevel("repeatable read").execute((trx) => verifyInSnapshot(trx));
}

async function verifyInSnapshot(db: LedgerDb): Promise<VerifyReport> {
  const violations: LedgerViolation[] = [];
  const report = (code: string, message: string) => {
    if (violations.length < MAX_REPORTED_VIOLATIONS) violations.push({ code, message });
  };
  const counts = { accounts: 0, entries: 0, postings: 0, checkpoints: 0 };

  const accountRows = (
    await sql<{ id: unknown; code: string; unit: string; balance_minor: unknown; version: unknown; head: string;
      last_entry_id: unknown; min_balance_minor: unknown; max_balance_minor: unknown }>`
      select id, code, unit, balance_minor, version, encode(head_hash, 'hex') as head, last_entry_id,
             min_balance_minor, max_balance_minor
      from ledger_account order by id limit ${MAX_ACCOUNTS_PER_CHECKPOINT + 1}`.execute(db)
  ).rows;
  if (accountRows.length > MAX_ACCOUNTS_PER_CHECKPOINT) throw new Error("too many accounts to verify in memory");
  counts.accounts = accountRows.length;
  // What the postings say each account should be; starts where every account starts.
  const replayed = new Map<bigint, AccountState>();
  for (const row of accountRows) {
    replayed.set(toBigInt(row.id), { code: row.code, unit: row.unit, version: 0n, balanceMinor: 0n, headHex: ZERO_HASH_HEX, lastEntryId: null });
  }

  let afterEntryId = 0n;
  for (;;) {
    const entries = (
      await sql<EntryRow>`
        select id, idempotency_key, request_hash, kind, memo, metadata, created_by,
               ((extract(epoch from created_at) * 1000000)::bigint)::text as created_at_micros,
               reverses_entry_id, encode(hash, 'hex') as hash
        from ledger_entry where id > ${afterEntryId.toString()}::bigint order by id limit ${MAX_EXPORT_BATCH_SIZE}`.execute(db)
    ).rows;
    if (entries.length === 0) break;
    const firstId = toBigInt(entries[0]!.id);
    const lastId = toBigInt(entries[entries.length - 1]!.id);
    const postings = (
      await sql<PostingRow>`
        select entry_id, account_id, unit, amount_minor, balance_after_minor, account_version,
               encode(prev_hash, 'hex') as prev_hash, encode(hash, 'hex') as hash
        from ledger_posting where entry_id between ${firstId.toString()}::bigint and ${lastId.toString()}::bigint
        order by entry_id, account_id`.execute(db)
    ).rows;
    const byEntry = new Map<bigint, PostingRow[]>();
    for (const posting of postings) {
      const entryId = toBigInt(posting.entry_id);
      const list = byEntry.get(entryId) ?? [];
      list.push(posting);
      byEntry.set(entryId, list);
    }
    for (const entry of entries) {
      const entryId = toBigInt(entry.id);
      counts.entries++;
      const reversesEntryId = entry.reverses_entry_id === null ? null : toBigInt(entry.reverses_entry_id);
      const computedEntryHash = entryHashHex({
        id: entryId,
        idempotencyKey: entry.idempotency_key,
        requestHash: entry.request_hash,
        kind: entry.kind,
        memo: entry.memo,
        metadata: entry.metadata,
        createdBy: entry.created_by,
        createdAtMicros: BigInt(entry.created_at_micros),
        reversesEntryId,
      });
      if (computedEntryHash !== entry.hash) report("entry_hash_mismatch", t("ledger.verify.entryHash", { entryId: String(entryId) }));
      const entryPostings = byEntry.get(entryId) ?? [];
      if (entryPostings.length < 2) report("entry_too_few_postings", t("ledger.verify.tooFewPostings", { entryId: String(entryId), count: entryPostings.length }));
      const sums = new Map<string, bigint>();
      for (const posting of entryPostings) sums.set(posting.unit, (sums.get(posting.unit) ?? 0n) + toBigInt(posting.amount_minor));
      for (const [unit, sum] of sums) {
        if (sum !== 0n) report("entry_unbalanced", t("ledger.verify.unbalanced", { entryId: String(entryId), unit, difference: String(sum) }));
      }
      for (const posting of entryPostings) {
        counts.postings++;
        checkPosting(entryId, entry.hash, posting, replayed, report);
      }
      if (reversesEntryId !== null) await checkReversal(db, entryId, reversesEntryId, entryPostings, report);
    }
    afterEntryId = lastId;
  }

  const totals = new Map<string, bigint>();
  for (const row of accountRows) {
    const state = replayed.get(toBigInt(row.id))!;
    const balanceMinor = toBigInt(row.balance_minor);
    totals.set(row.unit, (totals.get(row.unit) ?? 0n) + balanceMinor);
    const lastEntryId = row.last_entry_id === null ? null : toBigInt(row.last_entry_id);
    if (balanceMinor !== state.balanceMinor || toBigInt(row.version) !== state.version || row.head !== state.headHex || lastEntryId !== state.lastEntryId) {
      report("account_state_mismatch",
        t("ledger.verify.accountState", {
          account: row.code,
          balance: String(balanceMinor),
          version: String(toBigInt(row.version)),
          replayedBalance: String(state.balanceMinor),
          replayedVersion: String(state.version),
        }));
    }
    const minimum = row.min_balance_minor === null ? null : toBigInt(row.min_balance_minor);
    const maximum = row.max_balance_minor === null ? null : toBigInt(row.max_balance_minor);
    if ((minimum !== null && balanceMinor < minimum) || (maximum !== null && balanceMinor > maximum)) {
      report("account_out_of_bounds", t("ledger.verify.outOfBounds", { account: row.code, balance: String(balanceMinor) }));
    }
  }
  for (const [unit, total] of totals) {
    if (total !== 0n) report("unit_sum_nonzero", t("ledger.verify.unitSum", { unit, total: String(total) }));
  }

  counts.checkpoints = await checkCheckpoints(db, replayed, report);
  return { ok: violations.length === 0, violations, counts };
}

function checkPosting(
  entryId: bigint,
  entryHash: string,
  posting: PostingRow,
  replayed: Map<bigint, AccountState>,
  report: (code: string, message: string) => void,
): void {
  const accountId = toBigInt(posting.account_id);
  const state = replayed.get(accountId);
  if (!state) {
    report("posting_account_missing", t("ledger.verify.unknownAccount", { entryId: String(entryId), accountId: String(accountId) }));
    return;
  }
  const amountMinor = toBigInt(posting.amount_minor);
  const version = toBigInt(posting.account_version);
  const balanceAfterMinor = toBigInt(posting.balance_after_minor);
  const where = { entryId: String(entryId), account: state.code };
  if (posting.unit !== state.unit) report("posting_unit_mismatch", t("ledger.verify.postingUnit", { ...where, postingUnit: posting.unit, accountUnit: state.unit }));
  if (state.lastEntryId !== null && entryId <= state.lastEntryId) report("posting_order", t("ledger.verify.postingOrder", where));
  if (version !== state.version + 1n) report("posting_version_gap", t("ledger.verify.versionGap", { ...where, version: String(version), previous: String(state.version) }));
  if (posting.prev_hash !== state.headHex) report("posting_chain_broken", t("ledger.verify.chainBroken", where));
  if (balanceAfterMinor !== state.balanceMinor + amountMinor) {
    report("posting_balance_mismatch", t("ledger.verify.balanceAfter", { ...where, balanceAfter: String(balanceAfterMinor), balance: String(state.balanceMinor), amount: String(amountMinor) }));
  }
  const computed = postingHashHex({
    prevHashHex: posting.prev_hash,
    entryHashHex: entryHash,
    entryId,
    accountId,
    unit: posting.unit,
    amountMinor,
    balanceAfterMinor,
    accountVersion: version,
  });
  if (computed !== posting.hash) report("posting_hash_mismatch", t("ledger.verify.postingHash", where));
  // Carry on from what the posting claims, so one bad row is reported once, not on every later row.
  state.version = version;
  state.balanceMinor = balanceAfterMinor;
  state.headHex = posting.hash;
  state.lastEntryId = entryId;
}

async function checkReversal(
  db: LedgerDb,
  entryId: bigint,
  reversesEntryId: bigint,
  postings: PostingRow[],
  report: (code: string, message: string) => void,
): Promise<void> {
  const original = (
    await sql<{ account_id: unknown; amount_minor: unknown; reverses_entry_id: unknown }>`
      select p.account_id, p.amount_minor, e.reverses_entry_id
      from ledger_entry e left join ledger_posting p on p.entry_id = e.id
      where e.id = ${reversesEntryId.toString()}::bigint`.execute(db)
  ).rows;
  if (original.length === 0) {
    report("reversal_mismatch", t("ledger.verify.reversalMissing", { entryId: String(entryId), reversesEntryId: String(reversesEntryId) }));
    return;
  }
  if (original[0]!.reverses_entry_id !== null) report("reversal_mismatch", t("ledger.verify.reversalOfReversal", { entryId: String(entryId) }));
  const expected = new Map(original.filter((row) => row.account_id !== null).map((row) => [toBigInt(row.account_id), -toBigInt(row.amount_minor)]));
  const actual = new Map(postings.map((row) => [toBigInt(row.account_id), toBigInt(row.amount_minor)]));
  const mirrors = expected.size === actual.size && [...expected].every(([accountId, amount]) => actual.get(accountId) === amount);
  if (!mirrors) report("reversal_mismatch", t("ledger.verify.reversalMirror", { entryId: String(entryId), reversesEntryId: String(reversesEntryId) }));
}

async function checkCheckpoints(
  db: LedgerDb,
  replayed: Map<bigint, AccountState>,
  report: (code: string, message: string) => void,
): Promise<number> {
  const checkpoints = (
    await sql<{ id: unknown; previous_checkpoint_id: unknown; account_count: number; posting_count: unknown; heads: string; root: string }>`
      select id, previous_checkpoint_id, account_count, posting_count, heads, encode(root_hash, 'hex') as root
      from ledger_checkpoint order by id`.execute(db)
  ).rows;
  let previousId: bigint | null = null;
  let previousVersions = new Map<bigint, bigint>();
  for (const checkpoint of checkpoints) {
    const id = toBigInt(checkpoint.id);
    const linked = checkpoint.previous_checkpoint_id === null ? null : toBigInt(checkpoint.previous_checkpoint_id);
    if (linked !== previousId) report("checkpoint_chain_broken", t("ledger.verify.checkpointChain", { id: String(id), previous: previousId === null ? t("ledger.verify.none") : String(previousId) }));
    let heads;
    try {
      heads = parseHeadsText(checkpoint.heads);
    } catch {
      report("checkpoint_malformed", t("ledger.verify.headsUnreadable", { id: String(id) }));
      continue;
    }
    let root: string | undefined;
    try {
      root = checkpointRootHex(heads);
    } catch {
      report("checkpoint_malformed", t("ledger.verify.headsUnsorted", { id: String(id) }));
    }
    if (root !== undefined && root !== checkpoint.root) report("checkpoint_root_mismatch", t("ledger.verify.rootMismatch", { id: String(id) }));
    if (heads.length !== checkpoint.account_count) report("checkpoint_malformed", t("ledger.verify.accountCount", { id: String(id) }));
    const postingCount = heads.reduce((sum, head) => sum + head.version, 0n);
    if (postingCount !== toBigInt(checkpoint.posting_count)) report("checkpoint_malformed", t("ledger.verify.postingCount", { id: String(id) }));
    const withHistory = heads.filter((head) => head.version > 0n);
    const stored = new Map<string, string>();
    for (let start = 0; start < withHistory.length; start += MAX_EXPORT_BATCH_SIZE) {
      const batch = withHistory.slice(start, start + MAX_EXPORT_BATCH_SIZE);
      const rows = (
        await sql<{ account_id: unknown; account_version: unknown; hash: string }>`
          select p.account_id, p.account_version, encode(p.hash, 'hex') as hash
          from unnest(${batch.map((head) => head.accountId.toString())}::bigint[], ${batch.map((head) => head.version.toString())}::bigint[]) as h(account_id, version)
          join ledger_posting p on p.account_id = h.account_id and p.account_version = h.version`.execute(db)
      ).rows;
      for (const row of rows) stored.set(`${toBigInt(row.account_id)}:${toBigInt(row.account_version)}`, row.hash);
    }
    for (const head of heads) {
      const state = replayed.get(head.accountId);
      const expected = head.version === 0n ? ZERO_HASH_HEX : stored.get(`${head.accountId}:${head.version}`);
      if (!state || expected !== head.headHashHex || head.version > state.version) {
        report("checkpoint_head_mismatch", t("ledger.verify.headMissing", { id: String(id), account: state?.code ?? String(head.accountId), version: String(head.version) }));
      }
      const before = previousVersions.get(head.accountId);
      if (before !== undefined && head.version < before) {
        report("checkpoint_head_mismatch", t("ledger.verify.headWentBack", { id: String(id), account: state?.code ?? String(head.accountId), before: String(before), version: String(head.version) }));
      }
    }
    previousVersions = new Map(heads.map((head) => [head.accountId, head.version]));
    previousId = id;
  }
  return checkpoints.length;
}
