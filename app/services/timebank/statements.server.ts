// A member's statement: every posting to their hours account, newest first, with the balance the
// ledger recorded after each one. Read from the ledger itself, so it always agrees with it.
import type { CurrentUser } from "../current-user.js";
import { getStatement, type StatementLine } from "../ledger/reports.server.js";
import { getMember } from "./members.server.js";
import { memberAccountCode, requireTimebank, type Timebank, type TimebankDb } from "./timebanks.server.js";

/** One page of the ledger's statement: the most a person will print or download at once. */
export const STATEMENT_LINES = 100;

export interface MemberStatement {
  timebank: Timebank;
  memberName: string;
  balanceCentihours: bigint;
  lines: StatementLine[];
  /** True when older lines exist beyond this statement. */
  truncated: boolean;
}

export async function memberStatement(db: TimebankDb, user: CurrentUser, slug: string, memberId: number): Promise<MemberStatement> {
  const timebank = await requireTimebank(db, slug);
  const member = await getMember(db, user, timebank, memberId);
  const statement = await getStatement(db, { accountCode: memberAccountCode(timebank.id, memberId), pageSize: STATEMENT_LINES });
  return {
    timebank,
    memberName: member.name,
    balanceCentihours: statement.account.balanceMinor,
    lines: statement.lines,
    truncated: statement.nextBeforeVersion !== null,
  };
}

const KIND_LABELS: Record<string, string> = {
  timebank_exchange: "Exchange",
  timebank_joining_gift: "Joining gift",
  reversal: "Reversal",
};

export function kindLabel(kind: string): string {
  return KIND_LABELS[kind] ?? kind.replace(/_/g, " ");
}

/** A CSV cell: quoted, and text that a spreadsheet would run as a formula is made inert. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) && !/^-?\d+(\.\d+)?$/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}
