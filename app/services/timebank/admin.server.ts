// Running a timebank: creating one, changing its settings (and so every member account's ledger
// bounds), a member's own pledge, and leaving (a member) or removing a member (a coordinator) with
// their balance settled by a balanced entry. Every action checks authorisation here.
import { sql } from "kysely";
import { DomainError, assert, isDomainError } from "../../domain/errors.js";
import { t } from "../../i18n/translate.js";
import { toBigInt } from "../../domain/ledger/amount.js";
import { memoText } from "../../domain/timebank/exchange.js";
import { centihoursToLedgerText, formatHours } from "../../domain/timebank/hours.js";
import { checkSettings, type TimebankSettings } from "../../domain/timebank/settings.js";
import { todayInLondon } from "../../domain/timebank/dates.js";
import { recordAudit } from "../audit.server.js";
import type { CurrentUser } from "../current-user.js";
import { isUniqueViolation } from "../db-errors.js";
import { getAccount, setAccountBounds } from "../ledger/accounts.server.js";
import { inTransaction } from "../ledger/db.server.js";
import { postEntry } from "../ledger/post.server.js";
import {
  bankAccountCode,
  createTimebank,
  memberAccountCode,
  potAccountCode,
  requireActiveMember,
  requireCoordinator,
  requireTimebank,
  type Timebank,
  type TimebankDb,
} from "./timebanks.server.js";

/** Organisations the person may start a timebank for: all of them for an admin, else those they coordinate. */
export async function organisationsForNewTimebank(db: TimebankDb, user: CurrentUser): Promise<{ id: number; name: string }[]> {
  const isAdmin = user.roles.some((grant) => grant.role === "admin");
  const coordinated = user.roles.filter((grant) => grant.role === "coordinator" && grant.organisationId !== null).map((grant) => grant.organisationId!);
  if (!isAdmin && coordinated.length === 0) return [];
  let query = db.selectFrom("organisation").select(["id", "name"]).orderBy("name").limit(200);
  if (!isAdmin) query = query.where("id", "in", coordinated);
  return query.execute();
}

/** An admin, or a coordinator of the organisation, starts a timebank for it. */
export async function createTimebankAs(
  db: TimebankDb,
  user: CurrentUser,
  input: TimebankSettings & { organisationId: number; slug: string; name: string; description: string },
  today = todayInLondon(),
): Promise<{ slug: string }> {
  const allowed = await organisationsForNewTimebank(db, user);
  if (allowed.length === 0) throw new DomainError("timebank_not_coordinator", { status: 403 });
  if (!allowed.some((organisation) => organisation.id === input.organisationId)) throw new DomainError("timebank_not_organisation_coordinator", { field: "organisationId" });
  checkSettings(input);
  try {
    await inTransaction(db, async (trx) => {
      const { timebankId } = await createTimebank(trx, input, today);
      await recordAudit(trx, { actorUserId: user.id, action: "timebank.created", subjectType: "timebank", subjectId: timebankId, details: { slug: input.slug } });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError("timebank_slug_taken", { field: "slug", status: 409 });
    throw error;
  }
  return { slug: input.slug };
}

interface MemberAccountRow {
  memberId: number;
  name: string;
  isOrganisation: boolean;
  balanceCentihours: bigint;
}

async function memberAccounts(db: TimebankDb, timebankId: number): Promise<MemberAccountRow[]> {
  const rows = await db
    .selectFrom("timebank_member as m")
    .innerJoin("ledger_account as a", (join) => join.on("a.owner_type", "=", "timebank_member").onRef("a.owner_id", "=", sql<string>`m.id::text`))
    .leftJoin("app_user as u", "u.id", "m.user_id")
    .leftJoin("organisation as o", "o.id", "m.organisation_id")
    .select(["m.id", "m.organisation_id", "a.balance_minor", sql<string>`coalesce(u.name, o.name)`.as("name")])
    .where("m.timebank_id", "=", timebankId)
    .where("a.code", "like", `timebank:${timebankId}:member:%`)
    .orderBy("m.id")
    .execute();
  return rows.map((row) => ({ memberId: row.id, name: row.name, isOrganisation: row.organisation_id !== null, balanceCentihours: toBigInt(row.balance_minor) }));
}

/**
 * Changes the joining gift, credit limits and pledge. The credit limits are ledger bounds on
 * every member's account, so a change applies to every account at once, in one transaction with
 * the setting: people get both bounds, organisations the upper one. A change that would leave any
 * balance outside its new bounds is refused as a whole, naming a member; the ledger's CHECK
 * constraints refuse the same if a balance moves while the change is made.
 */
export async function updateTimebankSettings(db: TimebankDb, user: CurrentUser, slug: string, settings: TimebankSettings): Promise<void> {
  const timebank = await requireTimebank(db, slug);
  requireCoordinator(user, timebank);
  checkSettings(settings);
  const limitsChange = settings.minBalanceCentihours !== timebank.minBalanceCentihours || settings.maxBalanceCentihours !== timebank.maxBalanceCentihours;
  await inTransaction(db, async (trx) => {
    await trx.selectFrom("timebank").select("id").where("id", "=", timebank.id).forUpdate().executeTakeFirstOrThrow();
    if (limitsChange) {
      const accounts = await memberAccounts(trx, timebank.id);
      const outside = accounts.filter((account) =>
        account.balanceCentihours > settings.maxBalanceCentihours || (!account.isOrganisation && account.balanceCentihours < settings.minBalanceCentihours));
      if (outside.length > 0) {
        const example = outside[0]!;
        throw new DomainError("timebank_limits_exclude_balances", {
          values: { count: outside.length, name: example.name, balance: formatHours(example.balanceCentihours) },
          field: example.balanceCentihours > settings.maxBalanceCentihours ? "above" : "below",
          status: 409,
        });
      }
      const max = centihoursToLedgerText(settings.maxBalanceCentihours);
      const min = centihoursToLedgerText(settings.minBalanceCentihours);
      for (const account of accounts) {
        try {
          await setAccountBounds(trx, memberAccountCode(timebank.id, account.memberId), { minBalance: account.isOrganisation ? null : min, maxBalance: max });
        } catch (error) {
          if (isDomainError(error) && error.code === "ledger_bounds_exclude_balance") {
            throw new DomainError("timebank_limits_exclude_balances", { values: { count: 1, name: account.name, balance: t("timebankAdmin.settings.balanceChangedWhileSaving") }, field: "below", status: 409 });
          }
          throw error;
        }
      }
    }
    await trx
      .updateTable("timebank")
      .set({
        joining_gift_centihours: settings.joiningGiftCentihours,
        min_balance_centihours: settings.minBalanceCentihours,
        max_balance_centihours: settings.maxBalanceCentihours,
        pledge_centihours_per_week: settings.pledgeCentihoursPerWeek,
      })
      .where("id", "=", timebank.id)
      .execute();
    await recordAudit(trx, {
      actorUserId: user.id,
      action: "timebank.settings_changed",
      subjectType: "timebank",
      subjectId: timebank.id,
      details: {
        joiningGift: settings.joiningGiftCentihours.toString(),
        minBalance: settings.minBalanceCentihours.toString(),
        maxBalance: settings.maxBalanceCentihours.toString(),
        pledge: settings.pledgeCentihoursPerWeek === null ? null : settings.pledgeCentihoursPerWeek.toString(),
      },
    });
  });
}

/**
 * A coordinator sets one member's own weekly pledge (agreed with them), or returns them to the
 * timebank's pledge (null). Members see it on their week; they do not set it themselves, since
 * in the hostel the pledge is part of the residents' agreement.
 */
export async function setMemberPledge(db: TimebankDb, user: CurrentUser, slug: string, memberId: number, pledgeCentihoursPerWeek: bigint | null): Promise<void> {
  const timebank = await requireTimebank(db, slug);
  requireCoordinator(user, timebank);
  await inTransaction(db, async (trx) => {
    const updated = await trx
      .updateTable("timebank_member")
      .set({ pledge_centihours_per_week: pledgeCentihoursPerWeek })
      .where("id", "=", memberId)
      .where("timebank_id", "=", timebank.id)
      .where("user_id", "is not", null)
      .returning("id")
      .executeTakeFirst();
    if (!updated) throw new DomainError("timebank_member_not_found", { status: 404 });
    await recordAudit(trx, { actorUserId: user.id, action: "timebank.pledge_changed", subjectType: "timebank_member", subjectId: memberId, details: { pledge: pledgeCentihoursPerWeek === null ? null : pledgeCentihoursPerWeek.toString() } });
  });
}

/** Marks a member as left: their open listings close and exchanges not yet confirmed are cancelled. */
async function markLeft(trx: TimebankDb, timebank: Timebank, memberId: number): Promise<void> {
  await trx.updateTable("timebank_member").set({ status: "left" }).where("id", "=", memberId).execute();
  await trx.updateTable("timebank_listing").set({ status: "closed" }).where("member_id", "=", memberId).where("status", "=", "open").execute();
  const waiting = trx.selectFrom("timebank_exchange_party").select("exchange_id").where("member_id", "=", memberId);
  await trx
    .updateTable("timebank_exchange")
    .set({ status: "cancelled" })
    .where("timebank_id", "=", timebank.id)
    .where("status", "in", ["agreed", "done"])
    .where("id", "in", waiting)
    .execute();
}

async function lockedMember(trx: TimebankDb, timebank: Timebank, memberId: number) {
  const member = await trx
    .selectFrom("timebank_member as m")
    .leftJoin("app_user as u", "u.id", "m.user_id")
    .select(["m.id", "m.status", "m.user_id", "u.name"])
    .where("m.id", "=", memberId)
    .where("m.timebank_id", "=", timebank.id)
    .forUpdate("m")
    .executeTakeFirst();
  if (!member || member.status !== "active") throw new DomainError("timebank_member_not_found", { status: 404 });
  if (member.user_id === null) throw new DomainError("timebank_not_a_person", { status: 409 });
  const account = await getAccount(trx, memberAccountCode(timebank.id, memberId));
  assert(account !== undefined, "an active member has an account");
  return { name: member.name ?? t("timebankAdmin.member.unnamed"), balanceCentihours: account.balanceMinor };
}

/**
 * A member leaves. A negative balance is refused: a coordinator settles it (removeMember). A
 * positive balance is given to the community pot ("donate") or stays on the account ("keep"),
 * where it is waiting if they come back. All in one transaction.
 */
export async function leaveTimebank(db: TimebankDb, user: CurrentUser, slug: string, choice: "donate" | "keep" | undefined): Promise<{ donatedCentihours: bigint }> {
  const timebank = await requireTimebank(db, slug);
  const me = await requireActiveMember(db, user, timebank);
  return inTransaction(db, async (trx) => {
    const { balanceCentihours } = await lockedMember(trx, timebank, me.memberId);
    if (balanceCentihours < 0n) throw new DomainError("timebank_leave_negative", { values: { balance: formatHours(balanceCentihours) }, status: 409 });
    if (balanceCentihours > 0n && choice === undefined) throw new DomainError("timebank_leave_choice_missing", { field: "balance" });
    let donated = 0n;
    if (balanceCentihours > 0n && choice === "donate") {
      await postEntry(trx, {
        // i18n-exempt: an idempotency key, not words
        idempotencyKey: `timebank:leaving:${me.memberId}:${user.id}:${Date.now()}`,
        kind: "timebank_pot_donation",
        memo: t("timebankAdmin.leave.memo.donated"),
        metadata: { timebank: slug, member: String(me.memberId), leaving: "true" },
        createdBy: `user:${user.id}`,
        postings: [
          { accountCode: memberAccountCode(timebank.id, me.memberId), unit: "HOUR", amount: centihoursToLedgerText(-balanceCentihours) },
          { accountCode: potAccountCode(timebank.id), unit: "HOUR", amount: centihoursToLedgerText(balanceCentihours) },
        ],
      });
      donated = balanceCentihours;
    }
    await markLeft(trx, timebank, me.memberId);
    await recordAudit(trx, { actorUserId: user.id, action: "timebank.member_left", subjectType: "timebank_member", subjectId: me.memberId, details: { timebank: slug, donated: donated.toString() } });
    return { donatedCentihours: donated };
  });
}

/**
 * A coordinator removes a member (someone who has moved out of the hostel) and settles their
 * balance with one balanced entry with the reason: a negative balance is written off by the
 * timebank's own account, a positive one goes to the community pot. The balance ends at zero.
 */
export async function removeMember(db: TimebankDb, user: CurrentUser, slug: string, memberId: number, reason: string): Promise<{ settledCentihours: bigint }> {
  const timebank = await requireTimebank(db, slug);
  requireCoordinator(user, timebank);
  const why = memoText(reason);
  if (why.length === 0) throw new DomainError("timebank_reason_missing", { field: "reason" });
  return inTransaction(db, async (trx) => {
    const member = await lockedMember(trx, timebank, memberId);
    const balance = member.balanceCentihours;
    if (balance !== 0n) {
      const counterpart = balance < 0n ? bankAccountCode(timebank.id) : potAccountCode(timebank.id);
      await postEntry(trx, {
        // i18n-exempt: an idempotency key, not words
        idempotencyKey: `timebank:removal:${memberId}:${Date.now()}`,
        kind: balance < 0n ? "timebank_write_off" : "timebank_pot_donation",
        memo: memoText(t(balance < 0n ? "timebankAdmin.remove.memo.writtenOff" : "timebankAdmin.remove.memo.donated", { reason: why })),
        metadata: { timebank: slug, member: String(memberId), leaving: "true", reason: why.slice(0, 200) },
        createdBy: `user:${user.id}`,
        postings: [
          { accountCode: memberAccountCode(timebank.id, memberId), unit: "HOUR", amount: centihoursToLedgerText(-balance) },
          { accountCode: counterpart, unit: "HOUR", amount: centihoursToLedgerText(balance) },
        ],
      });
    }
    await markLeft(trx, timebank, memberId);
    await recordAudit(trx, { actorUserId: user.id, action: "timebank.member_removed", subjectType: "timebank_member", subjectId: memberId, details: { timebank: slug, settled: balance.toString(), reason: why.slice(0, 200) } });
    return { settledCentihours: balance };
  });
}
