// Timebank reports for a date range, for coordinators. Every figure is read from the ledger: the
// postings of confirmed, unreversed exchanges dated in the range (by exchange date) and the
// community pot's postings made in the range (by the day, in the UK, they were posted). The sums
// are done by the pure rules in app/domain/timebank/reports.ts.
import { sql } from "kysely";
import { DomainError } from "../../domain/errors.js";
import { toBigInt } from "../../domain/ledger/amount.js";
import { addDays, todayInLondon } from "../../domain/timebank/dates.js";
import {
  MAX_REPORT_POSTINGS,
  buildTimebankReport,
  type ExchangePosting,
  type PotMovement,
  type ReportMember,
  type ReportRange,
  type TimebankReport,
} from "../../domain/timebank/reports.js";
import type { CurrentUser } from "../current-user.js";
import { potAccountCode, requireCoordinator, requireTimebank, type Timebank, type TimebankDb } from "./timebanks.server.js";

export const MAX_REPORT_MEMBERS = 5_000;
const MAX_POT_MOVEMENTS = 20_000;

async function reportMembers(db: TimebankDb, timebank: Timebank): Promise<ReportMember[]> {
  const rows = await db
    .selectFrom("timebank_member as m")
    .leftJoin("app_user as u", "u.id", "m.user_id")
    .leftJoin("organisation as o", "o.id", "m.organisation_id")
    .select(["m.id", "m.organisation_id", "m.status", "m.joined_on", "m.pledge_centihours_per_week", sql<string>`coalesce(u.name, o.name)`.as("name")])
    .where("m.timebank_id", "=", timebank.id)
    .orderBy("m.id")
    .limit(MAX_REPORT_MEMBERS + 1)
    .execute();
  if (rows.length > MAX_REPORT_MEMBERS) throw new DomainError("timebank_report_too_big", { status: 422 });
  const ids = rows.map((row) => row.id);
  const exemptions = ids.length === 0
    ? []
    : await db.selectFrom("timebank_exemption").select(["member_id", "starts_on", "ends_on"]).where("member_id", "in", ids).orderBy("starts_on").limit(MAX_REPORT_MEMBERS * 20).execute();
  return rows.map((row) => {
    const own = row.pledge_centihours_per_week === null ? null : toBigInt(row.pledge_centihours_per_week);
    return {
      memberId: row.id,
      name: row.name,
      isOrganisation: row.organisation_id !== null,
      joinedOn: row.joined_on,
      status: row.status,
      pledgeCentihoursPerWeek: own ?? timebank.pledgeCentihoursPerWeek,
      exemptions: exemptions.filter((e) => e.member_id === row.id).map((e) => ({ startsOn: e.starts_on, endsOn: e.ends_on })),
    };
  });
}

/** The ledger postings of confirmed exchanges dated in the range that have not been reversed. */
async function exchangePostings(db: TimebankDb, timebank: Timebank, range: ReportRange): Promise<ExchangePosting[]> {
  const rows = await db
    .selectFrom("timebank_exchange as e")
    .innerJoin("ledger_posting as p", "p.entry_id", "e.entry_id")
    .innerJoin("ledger_account as a", "a.id", "p.account_id")
    .select(["e.id", "e.exchange_date", "e.category", "a.owner_id", "p.amount_minor"])
    .where("e.timebank_id", "=", timebank.id)
    .where("e.status", "=", "confirmed")
    .where("e.reversal_entry_id", "is", null)
    .where("e.exchange_date", ">=", range.from)
    .where("e.exchange_date", "<=", range.to)
    .where("a.owner_type", "=", "timebank_member")
    .where("a.unit", "=", "HOUR")
    .orderBy("e.id")
    .orderBy("p.account_id")
    .limit(MAX_REPORT_POSTINGS + 1)
    .execute();
  if (rows.length > MAX_REPORT_POSTINGS) throw new DomainError("timebank_report_too_big", { status: 422 });
  return rows.map((row) => ({
    exchangeId: row.id,
    date: row.exchange_date,
    category: row.category,
    memberId: Number(row.owner_id),
    amountCentihours: toBigInt(row.amount_minor),
  }));
}

/** Donations to and grants from the pot posted on days (UK time) inside the range. */
async function potMovements(db: TimebankDb, timebank: Timebank, range: ReportRange): Promise<PotMovement[]> {
  // UK midnight is never more than an hour from UTC midnight: read a day either side, then keep
  // the entries whose UK date lies in the range.
  const rows = await db
    .selectFrom("ledger_posting as p")
    .innerJoin("ledger_account as a", "a.id", "p.account_id")
    .innerJoin("ledger_entry as e", "e.id", "p.entry_id")
    .select(["e.id", "e.kind", "e.created_at", "e.metadata", "p.amount_minor"])
    .where("a.code", "=", potAccountCode(timebank.id))
    .where("e.kind", "in", ["timebank_pot_donation", "timebank_pot_grant"])
    .where("e.created_at", ">=", new Date(`${addDays(range.from, -1)}T00:00:00Z`))
    .where("e.created_at", "<", new Date(`${addDays(range.to, 2)}T00:00:00Z`))
    .orderBy("e.id")
    .limit(MAX_POT_MOVEMENTS + 1)
    .execute();
  if (rows.length > MAX_POT_MOVEMENTS) throw new DomainError("timebank_report_too_big", { status: 422 });
  const movements: PotMovement[] = [];
  for (const row of rows) {
    const date = todayInLondon(row.created_at);
    if (date < range.from || date > range.to) continue;
    const amount = toBigInt(row.amount_minor);
    const metadata = (row.metadata ?? {}) as Record<string, string>;
    const member = Number(metadata.member);
    movements.push({
      entryId: toBigInt(row.id),
      date,
      kind: row.kind === "timebank_pot_donation" ? "donation" : "grant",
      centihours: amount < 0n ? -amount : amount,
      memberId: Number.isSafeInteger(member) && member > 0 ? member : null,
      reason: typeof metadata.reason === "string" ? metadata.reason : "",
    });
  }
  return movements;
}

/** The report for a checked range. Coordinators of the timebank only. */
export async function timebankReport(db: TimebankDb, user: CurrentUser, slug: string, range: ReportRange, today = todayInLondon()): Promise<{ timebank: Timebank; report: TimebankReport }> {
  const timebank = await requireTimebank(db, slug);
  requireCoordinator(user, timebank);
  const members = await reportMembers(db, timebank);
  const postings = await exchangePostings(db, timebank, range);
  const pot = await potMovements(db, timebank, range);
  return { timebank, report: buildTimebankReport({ range, today, members, postings, pot }) };
}

/** The timebank, when the person may see its reports (for a page showing only the range form). */
export async function reportTimebank(db: TimebankDb, user: CurrentUser, slug: string): Promise<Timebank> {
  const timebank = await requireTimebank(db, slug);
  requireCoordinator(user, timebank);
  return timebank;
}
