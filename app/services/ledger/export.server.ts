// Exports for people who want to check the books with their own tools: an hledger journal with
// a balance assertion on every posting (`hledger check` replays them all), and CSV statements.
// Both stream in batches, so memory stays flat however long the history is.
import { sql } from "kysely";
import { toBigInt } from "../../domain/ledger/amount.js";
import { formatMinor } from "../../domain/ledger/amount.js";
import { MAX_EXPORT_BATCH_SIZE } from "../../domain/ledger/limits.js";
import { checkUnit } from "../../domain/ledger/request.js";
import { UNIT_CODES } from "../../domain/ledger/units.js";
import { t } from "../../i18n/translate.js";
import { requireAccount } from "./accounts.server.js";
import type { LedgerDb } from "./db.server.js";

export type Write = (chunk: string) => void | Promise<void>;

interface ExportRow {
  entry_id: unknown;
  created_at: Date;
  kind: string;
  memo: string;
  idempotency_key: string;
  reverses_entry_id: unknown;
  account_id: unknown;
  account_code: string;
  unit: string;
  amount_minor: unknown;
  balance_after_minor: unknown;
  account_version: unknown;
  hash: string;
}

/** Postings of entries after `afterEntryId`, a batch of entries at a time, in entry id order. */
async function* entryBatches(db: LedgerDb, accountId: bigint | null): AsyncGenerator<ExportRow[]> {
  let afterEntryId = 0n;
  for (;;) {
    const filter =
      accountId === null
        ? sql`e.id > ${afterEntryId.toString()}::bigint`
        : sql`e.id in (select q.entry_id from ledger_posting q where q.account_id = ${accountId.toString()}::bigint
                       and q.entry_id > ${afterEntryId.toString()}::bigint order by q.account_version limit ${MAX_EXPORT_BATCH_SIZE})`;
    const rows = (
      await sql<ExportRow>`
        with batch as (select e.* from ledger_entry e where ${filter} order by e.id limit ${MAX_EXPORT_BATCH_SIZE})
        select e.id as entry_id, e.created_at, e.kind, e.memo, e.idempotency_key, e.reverses_entry_id,
               p.account_id, a.code as account_code, p.unit, p.amount_minor, p.balance_after_minor,
               p.account_version, encode(p.hash, 'hex') as hash
        from batch e join ledger_posting p on p.entry_id = e.id join ledger_account a on a.id = p.account_id
        order by e.id, p.account_id`.execute(db)
    ).rows;
    if (rows.length === 0) return;
    yield rows;
    afterEntryId = toBigInt(rows[rows.length - 1]!.entry_id);
  }
}

function groupByEntry(rows: ExportRow[]): ExportRow[][] {
  const groups: ExportRow[][] = [];
  for (const row of rows) {
    const last = groups[groups.length - 1];
    if (last && toBigInt(last[0]!.entry_id) === toBigInt(row.entry_id)) last.push(row);
    else groups.push([row]);
  }
  return groups;
}

/** hledger descriptions end at ";". Comments run to the end of the line, and memos, kinds and
 * keys cannot hold control characters (CHECK constraints), so comments need nothing. */
function descriptionText(text: string): string {
  return text.replace(/;/g, ",").replace(/ {2,}/g, " ").trim();
}

export async function exportHledger(db: LedgerDb, write: Write, options: { accountCode?: string } = {}): Promise<{ entries: number }> {
  const account = options.accountCode === undefined ? null : await requireAccount(db, options.accountCode);
  await write(`; ${t("ledger.export.hledger.header")}\n`);
  if (account) await write(`; ${t("ledger.export.hledger.accountOnly", { account: account.code })}\n`);
  // i18n-exempt: hledger journal syntax
  for (const unit of UNIT_CODES) await write(`commodity 1000.00 ${unit}\n`);
  let afterId = 0n;
  for (;;) {
    const accounts = await db.selectFrom("ledger_account").select(["id", "code"]).where("id", ">", afterId).orderBy("id").limit(MAX_EXPORT_BATCH_SIZE).execute();
    if (accounts.length === 0) break;
    // i18n-exempt: hledger journal syntax
    await write(accounts.map((row) => `account ${row.code}\n`).join(""));
    afterId = toBigInt(accounts[accounts.length - 1]!.id);
  }
  await write("\n");
  let entries = 0;
  let lastDate = "0000-00-00";
  for await (const rows of entryBatches(db, account?.id ?? null)) {
    const lines: string[] = [];
    for (const group of groupByEntry(rows)) {
      const head = group[0]!;
      const entryId = toBigInt(head.entry_id);
      // Entry ids follow every account's order (the posting trigger enforces it), so id order
      // replays each balance assertion correctly; dates are kept from going backwards.
      const recorded = head.created_at.toISOString().slice(0, 10);
      lastDate = recorded > lastDate ? recorded : lastDate;
      lines.push(`${lastDate} * ${t("ledger.export.hledger.description", { entryId: String(entryId), kind: descriptionText(head.kind) })}`);
      if (head.memo !== "") lines.push(`    ; memo: ${head.memo}`);
      lines.push(`    ; key: ${head.idempotency_key}, ${t("ledger.export.hledger.recorded", { time: head.created_at.toISOString() })}`);
      if (head.reverses_entry_id !== null) lines.push(`    ; ${t("ledger.export.hledger.reverses", { entryId: String(toBigInt(head.reverses_entry_id)) })}`);
      for (const row of group) {
        const unit = checkUnit(row.unit);
        const amount = `${formatMinor(toBigInt(row.amount_minor), unit)} ${unit}`;
        const asserted = account === null || toBigInt(row.account_id) === account.id;
        const assertion = asserted ? `  = ${formatMinor(toBigInt(row.balance_after_minor), unit)} ${unit}` : "";
        lines.push(`    ${row.account_code}  ${amount}${assertion}`);
      }
      lines.push("");
      entries++;
    }
    await write(lines.join("\n") + "\n");
  }
  return { entries };
}

const CSV_COLUMNS = [
  "entry_id", "recorded_at", "account", "unit", "amount", "balance_after", "account_version",
  "kind", "memo", "idempotency_key", "reverses_entry_id", "posting_hash",
];

/** RFC 4180 quoting; text that a spreadsheet would run as a formula is prefixed with '. */
export function csvField(value: string, isText: boolean): string {
  const safe = isText && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export async function exportCsv(db: LedgerDb, write: Write, options: { accountCode?: string } = {}): Promise<{ postings: number }> {
  const account = options.accountCode === undefined ? null : await requireAccount(db, options.accountCode);
  await write(CSV_COLUMNS.join(",") + "\r\n");
  let postings = 0;
  for await (const rows of entryBatches(db, account?.id ?? null)) {
    const lines: string[] = [];
    for (const row of rows) {
      if (account !== null && toBigInt(row.account_id) !== account.id) continue;
      const unit = checkUnit(row.unit);
      lines.push(
        [
          csvField(toBigInt(row.entry_id).toString(), false),
          csvField(row.created_at.toISOString(), false),
          csvField(row.account_code, true),
          csvField(unit, true),
          csvField(formatMinor(toBigInt(row.amount_minor), unit), false),
          csvField(formatMinor(toBigInt(row.balance_after_minor), unit), false),
          csvField(toBigInt(row.account_version).toString(), false),
          csvField(row.kind, true),
          csvField(row.memo, true),
          csvField(row.idempotency_key, true),
          csvField(row.reverses_entry_id === null ? "" : toBigInt(row.reverses_entry_id).toString(), false),
          csvField(row.hash, false),
        ].join(",") + "\r\n",
      );
      postings++;
    }
    await write(lines.join(""));
  }
  return { postings };
}
