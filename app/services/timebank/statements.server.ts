// A member's statement: every posting to their hours account, newest first, with the balance the
// ledger recorded after each one. Read from the ledger itself, so it always agrees with it.
import type { MessageKey } from "../../i18n/en.js";
import { t } from "../../i18n/translate.js";
import type { CurrentUser } from "../current-user.js";
import { getStatement, type StatementLine } from "../ledger/reports.server.js";
import { getMember } from "./members.server.js";
import { memberAccountCode, requireTimebank, type Timebank, type TimebankDb } from "./timebanks.server.js";

/** One page of the statement on screen; older lines are on the next pages. */
export const STATEMENT_LINES = 100;
/** The most lines a CSV statement holds (years of weekly activity); it says so if cut short. */
export const MAX_STATEMENT_CSV_LINES = 50_000;

export interface MemberStatement {
  timebank: Timebank;
  memberName: string;
  balanceCentihours: bigint;
  lines: StatementLine[];
  /** Pass as `before` for the next, older page; null on the oldest page. */
  olderBefore: string | null;
  /** True when this is not the newest page. */
  isNewest: boolean;
}

/** Parses the `before` of a statement page's address: a positive whole number or nothing. */
export function statementCursor(value: string | null): bigint | null {
  if (value === null || value === "") return null;
  if (!/^[1-9]\d{0,17}$/.test(value)) return null;
  return BigInt(value);
}

/**
 * One page of a member's statement, newest first: lines older than `beforeVersion` (the account
 * version the previous page ended at), or the newest lines when it is null. Keyset paging, so a
 * line posted while someone reads never shifts the pages.
 */
export async function memberStatement(db: TimebankDb, user: CurrentUser, slug: string, memberId: number, beforeVersion: bigint | null = null): Promise<MemberStatement> {
  const timebank = await requireTimebank(db, slug);
  const member = await getMember(db, user, timebank, memberId);
  const statement = await getStatement(db, { accountCode: memberAccountCode(timebank.id, memberId), pageSize: STATEMENT_LINES, beforeVersion });
  return {
    timebank,
    memberName: member.name,
    balanceCentihours: statement.account.balanceMinor,
    lines: statement.lines,
    olderBefore: statement.nextBeforeVersion === null ? null : statement.nextBeforeVersion.toString(),
    isNewest: beforeVersion === null,
  };
}

/** Every line of a member's statement (newest first) for the CSV download, page by page. */
export async function fullMemberStatement(db: TimebankDb, user: CurrentUser, slug: string, memberId: number): Promise<{ lines: StatementLine[]; complete: boolean }> {
  const timebank = await requireTimebank(db, slug);
  await getMember(db, user, timebank, memberId);
  const lines: StatementLine[] = [];
  let before: bigint | null = null;
  for (;;) {
    const page = await getStatement(db, { accountCode: memberAccountCode(timebank.id, memberId), pageSize: STATEMENT_LINES, beforeVersion: before });
    lines.push(...page.lines);
    if (page.nextBeforeVersion === null) return { lines, complete: true };
    if (lines.length >= MAX_STATEMENT_CSV_LINES) return { lines, complete: false };
    before = page.nextBeforeVersion;
  }
}

const KIND_LABELS: Record<string, Extract<MessageKey, `timebank.statementKind.${string}`>> = {
  timebank_exchange: "timebank.statementKind.exchange",
  timebank_joining_gift: "timebank.statementKind.joiningGift",
  reversal: "timebank.statementKind.reversal",
};

export function kindLabel(kind: string): string {
  const key = KIND_LABELS[kind];
  return key ? t(key) : kind.replace(/_/g, " ");
}

/** A CSV cell: quoted, and text that a spreadsheet would run as a formula is made inert. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) && !/^-?\d+(\.\d+)?$/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}
