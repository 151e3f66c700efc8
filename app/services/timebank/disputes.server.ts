// Disputes and blocking. A confirmed exchange can be disputed by either side within 14 days; a
// coordinator resolves it by reversing the entry (a new, mirroring entry: nothing is edited) or
// by letting it stand, always with a reason both sides see.
import { DomainError, assert } from "../../domain/errors.js";
import { memoText } from "../../domain/timebank/exchange.js";
import { t } from "../../i18n/translate.js";
import { recordAudit } from "../audit.server.js";
import type { CurrentUser } from "../current-user.js";
import { inTransaction } from "../ledger/db.server.js";
import { reverseEntry } from "../ledger/post.server.js";
import { membershipOf, requireActiveMember, requireCoordinator, requireTimebank, type TimebankDb } from "./timebanks.server.js";

export const DISPUTE_WINDOW_DAYS = 14;
const DAY_MS = 86_400_000;

export interface Dispute {
  raisedByName: string;
  reason: string;
  raisedAt: Date;
  outcome: "reversed" | "stands" | null;
  resolutionReason: string | null;
  resolvedAt: Date | null;
}

export async function getDispute(db: TimebankDb, exchangeId: number): Promise<Dispute | null> {
  const row = await db
    .selectFrom("timebank_dispute as d")
    .innerJoin("timebank_member as m", "m.id", "d.raised_by_member_id")
    .innerJoin("app_user as u", "u.id", "m.user_id")
    .select(["u.name", "d.reason", "d.raised_at", "d.outcome", "d.resolution_reason", "d.resolved_at"])
    .where("d.exchange_id", "=", exchangeId)
    .executeTakeFirst();
  if (!row) return null;
  return { raisedByName: row.name, reason: row.reason, raisedAt: row.raised_at, outcome: row.outcome, resolutionReason: row.resolution_reason, resolvedAt: row.resolved_at };
}

function checkReason(reason: string, field: string): string {
  const text = memoText(reason);
  if (text.length === 0) throw new DomainError("timebank_text_too_long", { values: { maximum: 500 }, field });
  return text;
}

/** Either side of a confirmed exchange disputes it, within 14 days of its confirmation. */
export async function raiseDispute(db: TimebankDb, user: CurrentUser, slug: string, exchangeId: number, reason: string, now = new Date()): Promise<void> {
  const timebank = await requireTimebank(db, slug);
  const me = await requireActiveMember(db, user, timebank);
  const text = checkReason(reason, "reason");
  await inTransaction(db, async (trx) => {
    const exchange = await trx
      .selectFrom("timebank_exchange")
      .select(["id", "status", "confirmed_at", "reversal_entry_id"])
      .where("id", "=", exchangeId)
      .where("timebank_id", "=", timebank.id)
      .forUpdate()
      .executeTakeFirst();
    if (!exchange) throw new DomainError("timebank_exchange_not_found", { status: 404 });
    const party = await trx.selectFrom("timebank_exchange_party").select("member_id").where("exchange_id", "=", exchangeId).where("member_id", "=", me.memberId).executeTakeFirst();
    if (!party) throw new DomainError("timebank_exchange_not_yours", { status: 403 });
    if (exchange.status !== "confirmed" || exchange.confirmed_at === null || exchange.reversal_entry_id !== null) {
      throw new DomainError("timebank_exchange_wrong_status", { values: { status: exchange.status, action: "disputed" }, status: 409 });
    }
    if (now.getTime() - exchange.confirmed_at.getTime() > DISPUTE_WINDOW_DAYS * DAY_MS) {
      throw new DomainError("timebank_dispute_too_late", { values: { days: DISPUTE_WINDOW_DAYS }, status: 409 });
    }
    const existing = await trx.selectFrom("timebank_dispute").select("id").where("exchange_id", "=", exchangeId).executeTakeFirst();
    if (existing) throw new DomainError("timebank_dispute_exists", { status: 409 });
    await trx.insertInto("timebank_dispute").values({ exchange_id: exchangeId, raised_by_member_id: me.memberId, reason: text }).execute();
    await recordAudit(trx, { actorUserId: user.id, action: "timebank.dispute_raised", subjectType: "timebank_exchange", subjectId: exchangeId, details: { timebank: slug } });
  });
}

/**
 * A coordinator resolves an open dispute: "reversed" posts the reversing entry and marks the
 * exchange reversed; "stands" keeps it. Both record the reason shown to both sides.
 */
export async function resolveDispute(
  db: TimebankDb,
  user: CurrentUser,
  slug: string,
  exchangeId: number,
  input: { outcome: "reversed" | "stands"; reason: string },
): Promise<void> {
  const timebank = await requireTimebank(db, slug);
  requireCoordinator(user, timebank);
  const text = checkReason(input.reason, "resolutionReason");
  await inTransaction(db, async (trx) => {
    const dispute = await trx.selectFrom("timebank_dispute").select(["id", "outcome"]).where("exchange_id", "=", exchangeId).forUpdate().executeTakeFirst();
    if (!dispute || dispute.outcome !== null) throw new DomainError("timebank_dispute_not_found", { status: 409 });
    const exchange = await trx
      .selectFrom("timebank_exchange")
      .select(["entry_id", "reversal_entry_id"])
      .where("id", "=", exchangeId)
      .where("timebank_id", "=", timebank.id)
      .forUpdate()
      .executeTakeFirst();
    if (!exchange) throw new DomainError("timebank_exchange_not_found", { status: 404 });
    if (input.outcome === "reversed") {
      assert(exchange.entry_id !== null && exchange.reversal_entry_id === null, "a disputed exchange is posted and not yet reversed");
      const reversal = await reverseEntry(trx, {
        entryId: BigInt(exchange.entry_id),
        idempotencyKey: `timebank:reversal:${exchangeId}`,
        memo: memoText(t("timebank.ledger.memo.reversal", { exchange: exchangeId, reason: text })),
        createdBy: `user:${user.id}`,
      });
      await trx.updateTable("timebank_exchange").set({ reversal_entry_id: reversal.entryId }).where("id", "=", exchangeId).execute();
    }
    await trx
      .updateTable("timebank_dispute")
      .set({ outcome: input.outcome, resolution_reason: text, resolved_by_user_id: user.id, resolved_at: new Date() })
      .where("id", "=", dispute.id)
      .execute();
    await recordAudit(trx, { actorUserId: user.id, action: "timebank.dispute_resolved", subjectType: "timebank_exchange", subjectId: exchangeId, details: { timebank: slug, outcome: input.outcome } });
  });
}

/** A member stops another member of the same timebank sending them requests. */
export async function blockMember(db: TimebankDb, user: CurrentUser, slug: string, blockedMemberId: number): Promise<void> {
  const timebank = await requireTimebank(db, slug);
  const me = await requireActiveMember(db, user, timebank);
  if (blockedMemberId === me.memberId) throw new DomainError("timebank_exchange_with_self", { field: "memberId" });
  const other = await db.selectFrom("timebank_member").select("id").where("id", "=", blockedMemberId).where("timebank_id", "=", timebank.id).executeTakeFirst();
  if (!other) throw new DomainError("timebank_member_not_found", { field: "memberId" });
  await inTransaction(db, async (trx) => {
    await trx.insertInto("timebank_block").values({ blocker_member_id: me.memberId, blocked_member_id: blockedMemberId }).onConflict((c) => c.doNothing()).execute();
    await recordAudit(trx, { actorUserId: user.id, action: "timebank.member_blocked", subjectType: "timebank_member", subjectId: blockedMemberId, details: { timebank: slug } });
  });
}

export async function unblockMember(db: TimebankDb, user: CurrentUser, slug: string, blockedMemberId: number): Promise<void> {
  const timebank = await requireTimebank(db, slug);
  const me = await requireActiveMember(db, user, timebank);
  await db.deleteFrom("timebank_block").where("blocker_member_id", "=", me.memberId).where("blocked_member_id", "=", blockedMemberId).execute();
}

/** Whether the signed-in member has blocked `memberId` (for showing the right button). */
export async function hasBlocked(db: TimebankDb, user: CurrentUser, timebankId: number, memberId: number): Promise<boolean> {
  const me = await membershipOf(db, timebankId, user.id);
  if (!me) return false;
  const row = await db.selectFrom("timebank_block").select("blocked_member_id").where("blocker_member_id", "=", me.memberId).where("blocked_member_id", "=", memberId).executeTakeFirst();
  return row !== undefined;
}

