// Exchanges: agree -> done -> the receiver confirms, or a coordinator records one on behalf of
// everyone in it. Only a confirmed exchange posts to the ledger, exactly once: the exchange row
// is locked while it is confirmed, and the entry's idempotency key is the exchange's id.
import { DomainError, assert, isDomainError } from "../../domain/errors.js";
import { toBigInt } from "../../domain/ledger/amount.js";
import { dayNumber, todayInLondon } from "../../domain/timebank/dates.js";
import { buildParties, checkParties, memoText, type ExchangeParties } from "../../domain/timebank/exchange.js";
import { centihoursToLedgerText, formatHours } from "../../domain/timebank/hours.js";
import { describeLimit } from "../../domain/timebank/limits.js";
import { t } from "../../i18n/translate.js";
import { recordAudit } from "../audit.server.js";
import type { CurrentUser } from "../current-user.js";
import { getAccount } from "../ledger/accounts.server.js";
import { postEntry } from "../ledger/post.server.js";
import {
  isCoordinatorOf,
  memberAccountCode,
  memberNames,
  requireActiveMember,
  requireCoordinator,
  requireTimebank,
  type Timebank,
  type TimebankDb,
} from "./timebanks.server.js";
import { inTransaction } from "../ledger/db.server.js";

/** How far back an exchange may be recorded. */
export const MAX_EXCHANGE_AGE_DAYS = 366;
export const MAX_EXCHANGES_LISTED = 100;

export interface ExchangeDetails {
  date: string;
  category: string;
  description: string;
}

export interface ExchangeParty {
  memberId: number;
  userId: number | null;
  name: string;
  side: "giver" | "receiver";
  centihours: bigint;
}

export interface Exchange {
  id: number;
  timebankId: number;
  status: "agreed" | "done" | "confirmed" | "cancelled";
  description: string;
  category: string;
  date: string;
  recordedOnBehalf: boolean;
  createdAt: Date;
  confirmedAt: Date | null;
  entryId: bigint | null;
  reversalEntryId: bigint | null;
  parties: ExchangeParty[];
}

function checkExchangeDate(date: string, today: string): void {
  const day = dayNumber(date, "date");
  const now = dayNumber(today);
  if (day > now) throw new DomainError("timebank_date_in_future", { field: "date" });
  if (now - day > MAX_EXCHANGE_AGE_DAYS) throw new DomainError("timebank_date_too_old", { field: "date" });
}

/** Active members of this timebank among `memberIds`; anyone else (another timebank's member) is refused. */
async function requireActiveMembers(db: TimebankDb, timebank: Timebank, memberIds: number[], field: string): Promise<Map<number, { userId: number | null }>> {
  const unique = [...new Set(memberIds)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .selectFrom("timebank_member")
    .select(["id", "user_id", "status"])
    .where("id", "in", unique)
    .where("timebank_id", "=", timebank.id)
    .execute();
  const active = new Map(rows.filter((row) => row.status === "active").map((row) => [row.id, { userId: row.user_id }]));
  for (const id of unique) {
    if (!active.has(id)) {
      const names = await memberNames(db, [id]);
      const name = rows.some((row) => row.id === id) ? names.get(id) : undefined;
      throw name
        ? new DomainError("timebank_member_not_active", { values: { name }, field })
        : new DomainError("timebank_member_not_found", { field });
    }
  }
  return active;
}

async function insertExchange(
  trx: TimebankDb,
  timebank: Timebank,
  input: { status: "agreed" | "done"; details: ExchangeDetails; parties: ExchangeParties; createdBy: number; onBehalf: boolean; listingId?: number | null },
): Promise<number> {
  const exchange = await trx
    .insertInto("timebank_exchange")
    .values({
      timebank_id: timebank.id,
      status: input.status,
      description: memoText(input.details.description),
      category: input.details.category,
      exchange_date: input.details.date,
      listing_id: input.listingId ?? null,
      created_by_user_id: input.createdBy,
      recorded_on_behalf: input.onBehalf,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await trx
    .insertInto("timebank_exchange_party")
    .values([
      ...input.parties.givers.map((party) => ({ exchange_id: exchange.id, member_id: party.memberId, side: "giver" as const, centihours: party.centihours })),
      ...input.parties.receivers.map((party) => ({ exchange_id: exchange.id, member_id: party.memberId, side: "receiver" as const, centihours: party.centihours })),
    ])
    .execute();
  return exchange.id;
}

/** Posts the exchange's one entry (givers earn, receivers spend) and marks it confirmed. */
async function postAndConfirm(trx: TimebankDb, timebank: Timebank, exchangeId: number, description: string, parties: ExchangeParties, userId: number): Promise<bigint> {
  checkParties(parties);
  const posted = await postEntry(trx, {
    idempotencyKey: `timebank:exchange:${exchangeId}`,
    kind: "timebank_exchange",
    memo: memoText(t("timebank.ledger.memo.exchange", { exchange: exchangeId, description })),
    metadata: { timebank: timebank.slug, exchange: String(exchangeId) },
    createdBy: `user:${userId}`,
    postings: [
      ...parties.givers.map((party) => ({ accountCode: memberAccountCode(timebank.id, party.memberId), unit: "HOUR", amount: centihoursToLedgerText(party.centihours) })),
      ...parties.receivers.map((party) => ({ accountCode: memberAccountCode(timebank.id, party.memberId), unit: "HOUR", amount: centihoursToLedgerText(-party.centihours) })),
    ],
  });
  const updated = await trx
    .updateTable("timebank_exchange")
    .set({ status: "confirmed", entry_id: posted.entryId, confirmed_at: new Date(), confirmed_by_user_id: userId })
    .where("id", "=", exchangeId)
    .where("status", "in", ["agreed", "done"])
    .returning("id")
    .executeTakeFirst();
  assert(updated !== undefined, "an exchange is confirmed once");
  return posted.entryId;
}

/**
 * The ledger refused a balance past a limit: say whose, why and by how much. Read after the
 * refused transaction has rolled back, so the balances are the ones that stand.
 */
export async function explainLimitRefusal(db: TimebankDb, timebank: Timebank, parties: ExchangeParties, error: DomainError): Promise<DomainError> {
  const code = String(error.values.accountCode ?? "");
  const lines = [
    ...parties.givers.map((party) => ({ ...party, change: party.centihours })),
    ...parties.receivers.map((party) => ({ ...party, change: -party.centihours })),
  ];
  const line = lines.find((candidate) => memberAccountCode(timebank.id, candidate.memberId) === code);
  const account = code ? await getAccount(db, code) : undefined;
  if (!line || !account) return error;
  const refusal = describeLimit({
    balanceCentihours: account.balanceMinor,
    changeCentihours: line.change,
    minimumCentihours: account.minBalanceMinor,
    maximumCentihours: account.maxBalanceMinor,
  });
  if (!refusal) return error;
  const names = await memberNames(db, [line.memberId]);
  const limit = refusal.side === "below" ? account.minBalanceMinor! : account.maxBalanceMinor!;
  return new DomainError(refusal.side === "below" ? "timebank_limit_below" : "timebank_limit_above", {
    values: {
      name: names.get(line.memberId) ?? t("timebank.member.someone"),
      hours: formatHours(line.centihours),
      balance: formatHours(account.balanceMinor),
      limit: formatHours(limit),
      overBy: formatHours(refusal.overByCentihours),
      mostPossible: formatHours(refusal.mostPossibleCentihours),
      overByCentihours: refusal.overByCentihours,
    },
    field: "hours",
    status: 422,
  });
}

async function withLimitsExplained<T>(db: TimebankDb, timebank: Timebank, parties: ExchangeParties, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isDomainError(error) && (error.code === "ledger_below_minimum" || error.code === "ledger_above_maximum")) {
      throw await explainLimitRefusal(db, timebank, parties, error);
    }
    throw error;
  }
}

async function isBlocked(db: TimebankDb, blockerMemberId: number, blockedMemberId: number): Promise<boolean> {
  const row = await db
    .selectFrom("timebank_block")
    .select("blocker_member_id")
    .where("blocker_member_id", "=", blockerMemberId)
    .where("blocked_member_id", "=", blockedMemberId)
    .executeTakeFirst();
  return row !== undefined;
}

/** A member records time they gave; it waits for the receiver to confirm it. */
export async function recordAsGiver(
  db: TimebankDb,
  user: CurrentUser,
  slug: string,
  input: ExchangeDetails & { receiverId: number; centihours: bigint },
  today = todayInLondon(),
): Promise<number> {
  const timebank = await requireTimebank(db, slug);
  const me = await requireActiveMember(db, user, timebank);
  checkExchangeDate(input.date, today);
  if (input.receiverId === me.memberId) throw new DomainError("timebank_exchange_with_self", { field: "receiverId" });
  await requireActiveMembers(db, timebank, [input.receiverId], "receiverId");
  if (await isBlocked(db, input.receiverId, me.memberId)) throw new DomainError("timebank_blocked", { field: "receiverId" });
  const parties = buildParties({ giverId: me.memberId, hours: input.centihours, receiverIds: [input.receiverId] });
  return inTransaction(db, async (trx) => {
    const id = await insertExchange(trx, timebank, { status: "done", details: input, parties, createdBy: user.id, onBehalf: false });
    await recordAudit(trx, { actorUserId: user.id, action: "timebank.exchange_recorded", subjectType: "timebank_exchange", subjectId: id, details: { timebank: slug } });
    return id;
  });
}

/**
 * Two members agree an exchange before it happens (for example after a response to a listing).
 * The giver marks it done afterwards and the receiver confirms it.
 */
export async function agreeExchange(
  db: TimebankDb,
  user: CurrentUser,
  slug: string,
  input: ExchangeDetails & { giverId: number; receiverId: number; centihours: bigint; listingId?: number | null },
  today = todayInLondon(),
): Promise<number> {
  const timebank = await requireTimebank(db, slug);
  const me = await requireActiveMember(db, user, timebank);
  if (me.memberId !== input.giverId && me.memberId !== input.receiverId) throw new DomainError("timebank_exchange_not_yours", { status: 403 });
  if (input.giverId === input.receiverId) throw new DomainError("timebank_exchange_with_self", { field: "receiverId" });
  dayNumber(input.date, "date");
  if (dayNumber(input.date) < dayNumber(today) - MAX_EXCHANGE_AGE_DAYS) throw new DomainError("timebank_date_too_old", { field: "date" });
  const other = me.memberId === input.giverId ? input.receiverId : input.giverId;
  await requireActiveMembers(db, timebank, [other], "receiverId");
  if (await isBlocked(db, other, me.memberId)) throw new DomainError("timebank_blocked", { field: "receiverId" });
  const parties = buildParties({ giverId: input.giverId, hours: input.centihours, receiverIds: [input.receiverId] });
  return inTransaction(db, async (trx) => {
    const id = await insertExchange(trx, timebank, { status: "agreed", details: input, parties, createdBy: user.id, onBehalf: false, listingId: input.listingId ?? null });
    await recordAudit(trx, { actorUserId: user.id, action: "timebank.exchange_agreed", subjectType: "timebank_exchange", subjectId: id, details: { timebank: slug } });
    return id;
  });
}

/**
 * A coordinator records an exchange on behalf of everyone in it (members who are not online):
 * it is confirmed and posted at once. One giver to several receivers shares the giver's hours
 * among them; several givers to one receiver each give `centihours`.
 */
export async function recordOnBehalf(
  db: TimebankDb,
  user: CurrentUser,
  slug: string,
  input: ExchangeDetails & { giverIds: number[]; receiverIds: number[]; centihours: bigint },
  today = todayInLondon(),
): Promise<{ exchangeId: number; entryId: bigint }> {
  const timebank = await requireTimebank(db, slug);
  requireCoordinator(user, timebank);
  checkExchangeDate(input.date, today);
  const giverIds = [...new Set(input.giverIds)];
  const receiverIds = [...new Set(input.receiverIds)];
  if (giverIds.length === 0) throw new DomainError("timebank_giver_missing", { field: "giverIds" });
  if (receiverIds.length === 0) throw new DomainError("timebank_receiver_missing", { field: "receiverIds" });
  if (giverIds.length === 1 && receiverIds.length === 1 && giverIds[0] === receiverIds[0]) {
    throw new DomainError("timebank_exchange_with_self", { field: "receiverIds" });
  }
  const parties =
    giverIds.length === 1
      ? buildParties({ giverId: giverIds[0]!, hours: input.centihours, receiverIds })
      : buildParties({ givers: giverIds.map((memberId) => ({ memberId, centihours: input.centihours })), receiverIds });
  await requireActiveMembers(db, timebank, giverIds, "giverIds");
  await requireActiveMembers(db, timebank, receiverIds, "receiverIds");
  return withLimitsExplained(db, timebank, parties, () =>
    inTransaction(db, async (trx) => {
      const exchangeId = await insertExchange(trx, timebank, { status: "done", details: input, parties, createdBy: user.id, onBehalf: true });
      const entryId = await postAndConfirm(trx, timebank, exchangeId, input.description, parties, user.id);
      await recordAudit(trx, {
        actorUserId: user.id,
        action: "timebank.exchange_recorded_on_behalf",
        subjectType: "timebank_exchange",
        subjectId: exchangeId,
        details: { timebank: slug, entryId: entryId.toString() },
      });
      return { exchangeId, entryId };
    }),
  );
}

async function readExchange(db: TimebankDb, timebankId: number, exchangeId: number, lock: boolean): Promise<Exchange | undefined> {
  let query = db
    .selectFrom("timebank_exchange")
    .selectAll()
    .where("id", "=", exchangeId)
    .where("timebank_id", "=", timebankId);
  if (lock) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) return undefined;
  const parties = await db
    .selectFrom("timebank_exchange_party as p")
    .innerJoin("timebank_member as m", "m.id", "p.member_id")
    .select(["p.member_id", "p.side", "p.centihours", "m.user_id"])
    .where("p.exchange_id", "=", exchangeId)
    .orderBy("p.side")
    .orderBy("p.member_id")
    .execute();
  const names = await memberNames(db, parties.map((party) => party.member_id));
  return {
    id: row.id,
    timebankId: row.timebank_id,
    status: row.status,
    description: row.description,
    category: row.category,
    date: row.exchange_date,
    recordedOnBehalf: row.recorded_on_behalf,
    createdAt: row.created_at,
    confirmedAt: row.confirmed_at,
    entryId: row.entry_id === null ? null : toBigInt(row.entry_id),
    reversalEntryId: row.reversal_entry_id === null ? null : toBigInt(row.reversal_entry_id),
    parties: parties.map((party) => ({
      memberId: party.member_id,
      userId: party.user_id,
      name: names.get(party.member_id) ?? "",
      side: party.side,
      centihours: toBigInt(party.centihours),
    })),
  };
}

export function partiesOf(exchange: Exchange): ExchangeParties {
  return {
    givers: exchange.parties.filter((party) => party.side === "giver").map(({ memberId, centihours }) => ({ memberId, centihours })),
    receivers: exchange.parties.filter((party) => party.side === "receiver").map(({ memberId, centihours }) => ({ memberId, centihours })),
  };
}

/** An exchange as one of its members or a coordinator sees it. */
export async function getExchange(db: TimebankDb, user: CurrentUser, slug: string, exchangeId: number): Promise<{ timebank: Timebank; exchange: Exchange; isCoordinator: boolean }> {
  const timebank = await requireTimebank(db, slug);
  const exchange = await readExchange(db, timebank.id, exchangeId, false);
  if (!exchange) throw new DomainError("timebank_exchange_not_found", { status: 404 });
  const isCoordinator = isCoordinatorOf(user, timebank);
  if (!isCoordinator && !exchange.parties.some((party) => party.userId === user.id)) {
    throw new DomainError("timebank_exchange_not_found", { status: 404 });
  }
  return { timebank, exchange, isCoordinator };
}

export type ConfirmOutcome = "confirmed" | "already_confirmed";

/**
 * The receiver (or a coordinator) confirms an exchange that is done; this posts it. A second
 * confirmation, even at the same moment, finds it confirmed and posts nothing.
 */
export async function confirmExchange(db: TimebankDb, user: CurrentUser, slug: string, exchangeId: number): Promise<ConfirmOutcome> {
  const timebank = await requireTimebank(db, slug);
  const before = await readExchange(db, timebank.id, exchangeId, false);
  if (!before) throw new DomainError("timebank_exchange_not_found", { status: 404 });
  const coordinator = isCoordinatorOf(user, timebank);
  const isReceiver = before.parties.some((party) => party.side === "receiver" && party.userId === user.id);
  if (!coordinator && !isReceiver) throw new DomainError("timebank_only_receiver", { status: 403 });
  return withLimitsExplained(db, timebank, partiesOf(before), () =>
    inTransaction(db, async (trx) => {
      const exchange = await readExchange(trx, timebank.id, exchangeId, true);
      assert(exchange !== undefined, "a locked exchange exists");
      if (exchange.status === "confirmed") return "already_confirmed" as const;
      if (exchange.status !== "done") {
        throw new DomainError("timebank_exchange_wrong_status", { values: { status: exchange.status, action: "confirmed" }, status: 409 });
      }
      const entryId = await postAndConfirm(trx, timebank, exchangeId, exchange.description, partiesOf(exchange), user.id);
      await recordAudit(trx, {
        actorUserId: user.id,
        action: "timebank.exchange_confirmed",
        subjectType: "timebank_exchange",
        subjectId: exchangeId,
        details: { timebank: slug, entryId: entryId.toString(), byCoordinator: !isReceiver },
      });
      return "confirmed" as const;
    }),
  );
}

/** The giver says an agreed exchange has happened; the receiver then confirms it. */
export async function markDone(db: TimebankDb, user: CurrentUser, slug: string, exchangeId: number): Promise<void> {
  const timebank = await requireTimebank(db, slug);
  await inTransaction(db, async (trx) => {
    const exchange = await readExchange(trx, timebank.id, exchangeId, true);
    if (!exchange) throw new DomainError("timebank_exchange_not_found", { status: 404 });
    const isGiver = exchange.parties.some((party) => party.side === "giver" && party.userId === user.id);
    if (!isGiver && !isCoordinatorOf(user, timebank)) throw new DomainError("timebank_only_giver", { status: 403 });
    if (exchange.status !== "agreed") {
      throw new DomainError("timebank_exchange_wrong_status", { values: { status: exchange.status, action: "marked as done" }, status: 409 });
    }
    await trx.updateTable("timebank_exchange").set({ status: "done" }).where("id", "=", exchangeId).execute();
    await recordAudit(trx, { actorUserId: user.id, action: "timebank.exchange_done", subjectType: "timebank_exchange", subjectId: exchangeId, details: { timebank: slug } });
  });
}

/** Either member (or a coordinator) calls off an exchange that has not been confirmed. */
export async function cancelExchange(db: TimebankDb, user: CurrentUser, slug: string, exchangeId: number): Promise<void> {
  const timebank = await requireTimebank(db, slug);
  await inTransaction(db, async (trx) => {
    const exchange = await readExchange(trx, timebank.id, exchangeId, true);
    if (!exchange) throw new DomainError("timebank_exchange_not_found", { status: 404 });
    if (!exchange.parties.some((party) => party.userId === user.id) && !isCoordinatorOf(user, timebank)) {
      throw new DomainError("timebank_exchange_not_yours", { status: 403 });
    }
    if (exchange.status !== "agreed" && exchange.status !== "done") {
      throw new DomainError("timebank_exchange_wrong_status", { values: { status: exchange.status, action: "cancelled" }, status: 409 });
    }
    await trx.updateTable("timebank_exchange").set({ status: "cancelled" }).where("id", "=", exchangeId).execute();
    await recordAudit(trx, { actorUserId: user.id, action: "timebank.exchange_cancelled", subjectType: "timebank_exchange", subjectId: exchangeId, details: { timebank: slug } });
  });
}

export interface ExchangeLine {
  id: number;
  status: Exchange["status"];
  date: string;
  description: string;
  category: string;
  side: "giver" | "receiver";
  centihours: bigint;
  otherNames: string[];
  reversed: boolean;
}

/** A member's exchanges, newest first, with who was on the other side. */
export async function listMemberExchanges(db: TimebankDb, timebankId: number, memberId: number, limit = MAX_EXCHANGES_LISTED): Promise<ExchangeLine[]> {
  const rows = await db
    .selectFrom("timebank_exchange_party as p")
    .innerJoin("timebank_exchange as e", "e.id", "p.exchange_id")
    .select(["e.id", "e.status", "e.exchange_date", "e.description", "e.category", "e.reversal_entry_id", "p.side", "p.centihours"])
    .where("p.member_id", "=", memberId)
    .where("e.timebank_id", "=", timebankId)
    .orderBy("e.exchange_date", "desc")
    .orderBy("e.id", "desc")
    .limit(Math.min(Math.max(limit, 1), MAX_EXCHANGES_LISTED))
    .execute();
  if (rows.length === 0) return [];
  const others = await db
    .selectFrom("timebank_exchange_party")
    .select(["exchange_id", "member_id", "side"])
    .where("exchange_id", "in", rows.map((row) => row.id))
    .where("member_id", "<>", memberId)
    .execute();
  const names = await memberNames(db, others.map((other) => other.member_id));
  return rows.map((row) => ({
    id: row.id,
    status: row.status,
    date: row.exchange_date,
    description: row.description,
    category: row.category,
    side: row.side,
    centihours: toBigInt(row.centihours),
    // The other side only: a receiver in a class sees the teacher, not the classmates.
    otherNames: others.filter((other) => other.exchange_id === row.id && other.side !== row.side).map((other) => names.get(other.member_id) ?? ""),
    reversed: row.reversal_entry_id !== null,
  }));
}
