// Pledges, exemptions and the coordinator's dashboard. Nothing here posts to the ledger: a
// member behind on their pledge is listed kindly for a coordinator to talk to, never penalised.
import { DomainError } from "../../domain/errors.js";
import { toBigInt } from "../../domain/ledger/amount.js";
import { addDays, dayNumber, todayInLondon } from "../../domain/timebank/dates.js";
import { MAX_EXEMPTION_DAYS, pledgeProgress, type DateRange, type GivenHours, type PledgeProgress } from "../../domain/timebank/pledge.js";
import { recordAudit } from "../audit.server.js";
import type { CurrentUser } from "../current-user.js";
import { isCoordinatorOf, requireCoordinator, requireTimebank, type Timebank, type TimebankDb } from "./timebanks.server.js";
import { inTransaction } from "../ledger/db.server.js";

export const MAX_EXEMPTIONS_LISTED = 200;

export interface Exemption extends DateRange {
  id: number;
  memberId: number;
  reason: string;
}

async function exemptionsOf(db: TimebankDb, memberIds: number[]): Promise<Exemption[]> {
  if (memberIds.length === 0) return [];
  const rows = await db
    .selectFrom("timebank_exemption")
    .select(["id", "member_id", "starts_on", "ends_on", "reason"])
    .where("member_id", "in", memberIds)
    .orderBy("starts_on", "desc")
    .limit(MAX_EXEMPTIONS_LISTED * 10)
    .execute();
  return rows.map((row) => ({ id: row.id, memberId: row.member_id, startsOn: row.starts_on, endsOn: row.ends_on, reason: row.reason }));
}

/** Hours each member gave in confirmed, unreversed exchanges from `from` to `to`, by date. */
async function givenBy(db: TimebankDb, timebankId: number, memberIds: number[], from: string, to: string): Promise<Map<number, GivenHours[]>> {
  const given = new Map<number, GivenHours[]>();
  if (memberIds.length === 0) return given;
  const rows = await db
    .selectFrom("timebank_exchange_party as p")
    .innerJoin("timebank_exchange as e", "e.id", "p.exchange_id")
    .select(["p.member_id", "e.exchange_date", "p.centihours"])
    .where("e.timebank_id", "=", timebankId)
    .where("e.status", "=", "confirmed")
    .where("e.reversal_entry_id", "is", null)
    .where("p.side", "=", "giver")
    .where("p.member_id", "in", memberIds)
    .where("e.exchange_date", ">=", from)
    .where("e.exchange_date", "<=", to)
    .execute();
  for (const row of rows) {
    const list = given.get(row.member_id) ?? [];
    list.push({ date: row.exchange_date, centihours: toBigInt(row.centihours) });
    given.set(row.member_id, list);
  }
  return given;
}

export interface MemberPledge {
  memberId: number;
  name: string;
  pledgeIsOwn: boolean;
  progress: PledgeProgress;
  exemptions: Exemption[];
}

function effectivePledge(timebank: Timebank, own: bigint | null): bigint | null {
  return own ?? timebank.pledgeCentihoursPerWeek;
}

async function pledgesFor(db: TimebankDb, timebank: Timebank, memberFilter: number | null, today: string): Promise<MemberPledge[]> {
  let query = db
    .selectFrom("timebank_member as m")
    .innerJoin("app_user as u", "u.id", "m.user_id")
    .select(["m.id", "m.joined_on", "m.pledge_centihours_per_week", "u.name"])
    .where("m.timebank_id", "=", timebank.id)
    .where("m.status", "=", "active")
    .orderBy("u.name")
    .limit(500);
  if (memberFilter !== null) query = query.where("m.id", "=", memberFilter);
  const members = await query.execute();
  const ids = members.map((member) => member.id);
  const exemptions = await exemptionsOf(db, ids);
  const earliest = members.reduce((min, member) => (member.joined_on && member.joined_on < min ? member.joined_on : min), today);
  const given = await givenBy(db, timebank.id, ids, earliest, addDays(today, 7));
  return members.map((member) => {
    const own = member.pledge_centihours_per_week === null ? null : toBigInt(member.pledge_centihours_per_week);
    const mine = exemptions.filter((exemption) => exemption.memberId === member.id);
    return {
      memberId: member.id,
      name: member.name,
      pledgeIsOwn: own !== null,
      exemptions: mine,
      progress: pledgeProgress({
        pledgePerWeekCentihours: effectivePledge(timebank, own),
        joinedOn: member.joined_on ?? today,
        today,
        exemptions: mine,
        given: given.get(member.id) ?? [],
      }),
    };
  });
}

/** One member's week against their pledge: for the member or a coordinator. */
export async function memberPledge(db: TimebankDb, user: CurrentUser, timebank: Timebank, memberId: number, today = todayInLondon()): Promise<MemberPledge | null> {
  const member = await db.selectFrom("timebank_member").select(["user_id"]).where("id", "=", memberId).where("timebank_id", "=", timebank.id).executeTakeFirst();
  if (!member) throw new DomainError("timebank_member_not_found", { status: 404 });
  if (member.user_id !== user.id && !isCoordinatorOf(user, timebank)) throw new DomainError("timebank_not_coordinator", { status: 403 });
  const [pledge] = await pledgesFor(db, timebank, memberId, today);
  return pledge ?? null;
}

export interface Dashboard {
  timebank: Timebank;
  today: string;
  members: MemberPledge[];
  /** Members with a pledge who are behind on weeks that have ended: most behind first. */
  behind: MemberPledge[];
  pendingApplications: number;
  awaitingConfirmation: number;
  /** Disputes waiting for a coordinator's decision, oldest first. */
  openDisputes: { exchangeId: number; description: string; reason: string }[];
}

export async function coordinatorDashboard(db: TimebankDb, user: CurrentUser, slug: string, today = todayInLondon()): Promise<Dashboard> {
  const timebank = await requireTimebank(db, slug);
  requireCoordinator(user, timebank);
  const members = await pledgesFor(db, timebank, null, today);
  const behind = members
    .filter((member) => member.progress.standing === "behind")
    .sort((a, b) => (a.progress.arrearsCentihours > b.progress.arrearsCentihours ? -1 : a.progress.arrearsCentihours < b.progress.arrearsCentihours ? 1 : 0));
  const pending = await db.selectFrom("timebank_member").select((eb) => eb.fn.countAll<bigint>().as("n")).where("timebank_id", "=", timebank.id).where("status", "=", "applied").executeTakeFirstOrThrow();
  const waiting = await db.selectFrom("timebank_exchange").select((eb) => eb.fn.countAll<bigint>().as("n")).where("timebank_id", "=", timebank.id).where("status", "=", "done").executeTakeFirstOrThrow();
  const disputes = await db
    .selectFrom("timebank_dispute as d")
    .innerJoin("timebank_exchange as e", "e.id", "d.exchange_id")
    .select(["e.id", "e.description", "d.reason"])
    .where("e.timebank_id", "=", timebank.id)
    .where("d.outcome", "is", null)
    .orderBy("d.raised_at")
    .limit(100)
    .execute();
  return {
    timebank,
    today,
    members,
    behind,
    pendingApplications: Number(pending.n),
    awaitingConfirmation: Number(waiting.n),
    openDisputes: disputes.map((row) => ({ exchangeId: row.id, description: row.description, reason: row.reason })),
  };
}

/** A coordinator records a period when a member is not expected to give time, with the reason. */
export async function recordExemption(
  db: TimebankDb,
  user: CurrentUser,
  slug: string,
  input: { memberId: number; startsOn: string; endsOn: string; reason: string },
): Promise<number> {
  const timebank = await requireTimebank(db, slug);
  requireCoordinator(user, timebank);
  const start = dayNumber(input.startsOn, "startsOn");
  const end = dayNumber(input.endsOn, "endsOn");
  if (end < start) throw new DomainError("timebank_exemption_order", { field: "endsOn" });
  if (end - start + 1 > MAX_EXEMPTION_DAYS) throw new DomainError("timebank_exemption_too_long", { values: { maximum: MAX_EXEMPTION_DAYS }, field: "endsOn" });
  const reason = input.reason.trim();
  if (reason.length === 0 || reason.length > 200) throw new DomainError("timebank_text_too_long", { values: { maximum: 200 }, field: "reason" });
  return inTransaction(db, async (trx) => {
    const member = await trx.selectFrom("timebank_member").select("id").where("id", "=", input.memberId).where("timebank_id", "=", timebank.id).where("status", "=", "active").executeTakeFirst();
    if (!member) throw new DomainError("timebank_member_not_found", { field: "memberId" });
    const row = await trx
      .insertInto("timebank_exemption")
      .values({ member_id: input.memberId, starts_on: input.startsOn, ends_on: input.endsOn, reason, recorded_by_user_id: user.id })
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordAudit(trx, { actorUserId: user.id, action: "timebank.exemption_recorded", subjectType: "timebank_member", subjectId: input.memberId, details: { timebank: slug, startsOn: input.startsOn, endsOn: input.endsOn } });
    return row.id;
  });
}
