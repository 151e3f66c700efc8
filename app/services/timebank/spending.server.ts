// Spending hours beyond exchanges: partners' rewards (redeemed for a single-use code), the
// community pot (donations and coordinators' grants with a reason), mixed payments in pounds
// and hours (both or neither), and participation rewards from a sponsor.
import { randomBytes, randomInt } from "node:crypto";
import { DomainError, isDomainError } from "../../domain/errors.js";
import { toBigInt } from "../../domain/ledger/amount.js";
import { memoText } from "../../domain/timebank/exchange.js";
import { centihoursToLedgerText, formatHours } from "../../domain/timebank/hours.js";
import { t, tp } from "../../i18n/translate.js";
import { recordAudit } from "../audit.server.js";
import type { CurrentUser } from "../current-user.js";
import { getAccount, openAccount } from "../ledger/accounts.server.js";
import { inTransaction } from "../ledger/db.server.js";
import { postEntry } from "../ledger/post.server.js";
import {
  isCoordinatorOf,
  memberAccountCode,
  memberNames,
  potAccountCode,
  requireActiveMember,
  requireCoordinator,
  requireTimebank,
  type Timebank,
  type TimebankDb,
} from "./timebanks.server.js";

export function partnerAccountCode(timebankId: number, partnerId: number): string {
  return `timebank:${timebankId}:partner:${partnerId}`; // i18n-exempt: ledger account code
}

/** A member's personal budget in pounds, for mixed payments. */
export function personalBudgetAccountCode(timebankId: number, memberId: number): string {
  return `timebank:${timebankId}:member:${memberId}:budget`; // i18n-exempt: ledger account code
}

/** Pounds the timebank's organisation receives for activities paid partly in pounds. */
export function activityPoundsAccountCode(timebankId: number): string {
  return `timebank:${timebankId}:activities:gbp`; // i18n-exempt: ledger account code
}

// No 0/O or 1/I: codes are read aloud at a cinema counter.
const CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/** A key for one form view, so a form sent twice (a double click) posts once. */
export function newRequestKey(): string {
  return randomBytes(12).toString("hex");
}

export function newRedemptionCode(): string {
  return Array.from({ length: 10 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join("");
}

async function activeMemberIn(db: TimebankDb, timebank: Timebank, memberId: number, field: string): Promise<void> {
  const row = await db.selectFrom("timebank_member").select("id").where("id", "=", memberId).where("timebank_id", "=", timebank.id).where("status", "=", "active").executeTakeFirst();
  if (!row) throw new DomainError("timebank_member_not_found", { field });
}

/** Turns the ledger's refusal of a spending member's balance into hours needed and available. */
async function tooFewHours(db: TimebankDb, timebank: Timebank, memberId: number, centihours: bigint, error: unknown): Promise<never> {
  if (isDomainError(error) && error.code === "ledger_below_minimum" && error.values.accountCode === memberAccountCode(timebank.id, memberId)) {
    const account = await getAccount(db, memberAccountCode(timebank.id, memberId));
    const available = account ? account.balanceMinor - (account.minBalanceMinor ?? 0n) : 0n;
    throw new DomainError("timebank_too_few_hours", {
      values: { needed: formatHours(centihours), available: formatHours(available > 0n ? available : 0n) },
      field: "hours",
      status: 422,
    });
  }
  throw error;
}

export async function addPartner(
  db: TimebankDb,
  user: CurrentUser,
  slug: string,
  input: { name: string; description?: string; sponsorMemberId: number; contactUserId?: number | null },
): Promise<number> {
  const timebank = await requireTimebank(db, slug);
  requireCoordinator(user, timebank);
  const sponsor = await db.selectFrom("timebank_member").select("organisation_id").where("id", "=", input.sponsorMemberId).where("timebank_id", "=", timebank.id).executeTakeFirst();
  if (!sponsor || sponsor.organisation_id === null) throw new DomainError("timebank_member_not_found", { field: "sponsorMemberId" });
  return inTransaction(db, async (trx) => {
    const partner = await trx
      .insertInto("timebank_partner")
      .values({ timebank_id: timebank.id, name: input.name, description: input.description ?? "", sponsor_member_id: input.sponsorMemberId, contact_user_id: input.contactUserId ?? null })
      .returning("id")
      .executeTakeFirstOrThrow();
    await openAccount(trx, { code: partnerAccountCode(timebank.id, partner.id), unit: "HOUR", name: t("timebank.ledger.account.partner", { name: input.name.slice(0, 150) }), ownerType: "timebank_partner", ownerId: String(partner.id), minBalance: "0" });
    await recordAudit(trx, { actorUserId: user.id, action: "timebank.partner_added", subjectType: "timebank_partner", subjectId: partner.id, details: { timebank: slug } });
    return partner.id;
  });
}

export async function addReward(db: TimebankDb, user: CurrentUser, slug: string, input: { partnerId: number; title: string; priceCentihours: bigint }): Promise<number> {
  const timebank = await requireTimebank(db, slug);
  requireCoordinator(user, timebank);
  const partner = await db.selectFrom("timebank_partner").select("id").where("id", "=", input.partnerId).where("timebank_id", "=", timebank.id).executeTakeFirst();
  if (!partner) throw new DomainError("timebank_partner_not_found", { status: 404 });
  const row = await db.insertInto("timebank_reward").values({ partner_id: input.partnerId, title: input.title, price_centihours: input.priceCentihours }).returning("id").executeTakeFirstOrThrow();
  return row.id;
}

/** A member redeems a reward: the hours go to the partner and the member gets a code, in one transaction. */
export async function redeemReward(db: TimebankDb, user: CurrentUser, slug: string, rewardId: number): Promise<{ redemptionId: number; code: string }> {
  const timebank = await requireTimebank(db, slug);
  const me = await requireActiveMember(db, user, timebank);
  const reward = await db
    .selectFrom("timebank_reward as r")
    .innerJoin("timebank_partner as p", "p.id", "r.partner_id")
    .select(["r.id", "r.title", "r.price_centihours", "r.active", "p.id as partner_id", "p.name as partner_name"])
    .where("r.id", "=", rewardId)
    .where("p.timebank_id", "=", timebank.id)
    .executeTakeFirst();
  if (!reward || !reward.active) throw new DomainError("timebank_reward_not_found", { status: 404 });
  const price = toBigInt(reward.price_centihours);
  const code = newRedemptionCode();
  try {
    return await inTransaction(db, async (trx) => {
      const posted = await postEntry(trx, {
        idempotencyKey: `timebank:redemption:${code}`,
        kind: "timebank_redemption",
        memo: memoText(t("timebank.ledger.memo.redemption", { reward: reward.title, partner: reward.partner_name })),
        metadata: { timebank: slug, reward: String(reward.id), code },
        createdBy: `user:${user.id}`,
        postings: [
          { accountCode: memberAccountCode(timebank.id, me.memberId), unit: "HOUR", amount: centihoursToLedgerText(-price) },
          { accountCode: partnerAccountCode(timebank.id, reward.partner_id), unit: "HOUR", amount: centihoursToLedgerText(price) },
        ],
      });
      const row = await trx
        .insertInto("timebank_redemption")
        .values({ reward_id: reward.id, member_id: me.memberId, code, centihours: price, entry_id: posted.entryId })
        .returning("id")
        .executeTakeFirstOrThrow();
      await recordAudit(trx, { actorUserId: user.id, action: "timebank.reward_redeemed", subjectType: "timebank_redemption", subjectId: row.id, details: { timebank: slug } });
      return { redemptionId: row.id, code };
    });
  } catch (error) {
    return tooFewHours(db, timebank, me.memberId, price, error);
  }
}

/**
 * The partner (its contact) or a coordinator marks a code as used. Exactly one of any number of
 * simultaneous attempts succeeds: the UPDATE only matches an unused code.
 */
export async function markRedemptionUsed(db: TimebankDb, user: CurrentUser, slug: string, code: string): Promise<{ rewardTitle: string }> {
  const timebank = await requireTimebank(db, slug);
  const normalised = code.trim().toUpperCase().replace(/[\s-]/g, "");
  if (!/^[A-HJ-NP-Z2-9]{10}$/.test(normalised)) throw new DomainError("timebank_code_invalid", { field: "code" });
  const redemption = await db
    .selectFrom("timebank_redemption as d")
    .innerJoin("timebank_reward as r", "r.id", "d.reward_id")
    .innerJoin("timebank_partner as p", "p.id", "r.partner_id")
    .select(["d.id", "d.used_at", "r.title", "p.contact_user_id"])
    .where("d.code", "=", normalised)
    .where("p.timebank_id", "=", timebank.id)
    .executeTakeFirst();
  if (!redemption) throw new DomainError("timebank_code_invalid", { field: "code" });
  if (redemption.contact_user_id !== user.id && !isCoordinatorOf(user, timebank)) throw new DomainError("timebank_not_coordinator", { status: 403 });
  return inTransaction(db, async (trx) => {
    const used = await trx
      .updateTable("timebank_redemption")
      .set({ used_at: new Date(), used_by_user_id: user.id })
      .where("id", "=", redemption.id)
      .where("used_at", "is", null)
      .returning("id")
      .executeTakeFirst();
    if (!used) throw new DomainError("timebank_code_used", { field: "code", status: 409 });
    await recordAudit(trx, { actorUserId: user.id, action: "timebank.redemption_used", subjectType: "timebank_redemption", subjectId: redemption.id, details: { timebank: slug } });
    return { rewardTitle: redemption.title };
  });
}

/** A member gives hours to the community pot. */
export async function donateToPot(db: TimebankDb, user: CurrentUser, slug: string, centihours: bigint, requestKey: string): Promise<bigint> {
  const timebank = await requireTimebank(db, slug);
  const me = await requireActiveMember(db, user, timebank);
  try {
    const posted = await postEntry(db, {
      idempotencyKey: `timebank:pot-donation:${me.memberId}:${requestKey}`, // i18n-exempt: idempotency key
      kind: "timebank_pot_donation",
      memo: t("timebank.ledger.memo.potDonation"),
      metadata: { timebank: slug, member: String(me.memberId) },
      createdBy: `user:${user.id}`,
      postings: [
        { accountCode: memberAccountCode(timebank.id, me.memberId), unit: "HOUR", amount: centihoursToLedgerText(-centihours) },
        { accountCode: potAccountCode(timebank.id), unit: "HOUR", amount: centihoursToLedgerText(centihours) },
      ],
    });
    return posted.entryId;
  } catch (error) {
    return tooFewHours(db, timebank, me.memberId, centihours, error);
  }
}

/** A coordinator grants hours from the pot to a member who needs help but cannot give, with a reason. */
export async function grantFromPot(db: TimebankDb, user: CurrentUser, slug: string, input: { memberId: number; centihours: bigint; reason: string; requestKey: string }): Promise<bigint> {
  const timebank = await requireTimebank(db, slug);
  requireCoordinator(user, timebank);
  await activeMemberIn(db, timebank, input.memberId, "memberId");
  const reason = memoText(input.reason);
  if (reason.length === 0) throw new DomainError("timebank_reason_missing", { field: "reason" });
  const names = await memberNames(db, [input.memberId]);
  const grantee = names.get(input.memberId);
  try {
    const posted = await postEntry(db, {
      idempotencyKey: `timebank:pot-grant:${input.requestKey}`,
      kind: "timebank_pot_grant",
      memo: memoText(grantee === undefined ? t("timebank.ledger.memo.potGrant.someone", { reason }) : t("timebank.ledger.memo.potGrant", { name: grantee, reason })),
      metadata: { timebank: slug, member: String(input.memberId), reason: reason.slice(0, 200) },
      createdBy: `user:${user.id}`,
      postings: [
        { accountCode: potAccountCode(timebank.id), unit: "HOUR", amount: centihoursToLedgerText(-input.centihours) },
        { accountCode: memberAccountCode(timebank.id, input.memberId), unit: "HOUR", amount: centihoursToLedgerText(input.centihours) },
      ],
    });
    return posted.entryId;
  } catch (error) {
    if (isDomainError(error) && error.code === "ledger_below_minimum" && error.values.accountCode === potAccountCode(timebank.id)) {
      const pot = await getAccount(db, potAccountCode(timebank.id));
      throw new DomainError("timebank_pot_too_small", { values: { available: formatHours(pot?.balanceMinor ?? 0n) }, field: "hours", status: 422 });
    }
    throw error;
  }
}

export interface MixedPaymentInput {
  memberId: number;
  description: string;
  /** Pounds in pence, from the member's personal budget. */
  poundsMinor: bigint;
  centihours: bigint;
  requestKey: string;
}

/**
 * An activity paid in pounds and hours together (a course: £10 from a personal budget and 1
 * hour): one entry per unit, in one transaction, so both are posted or neither.
 * `between` runs after the first entry and before the second; tests use it to inject a fault.
 */
export async function payMixed(db: TimebankDb, user: CurrentUser, slug: string, input: MixedPaymentInput, between?: () => Promise<void>): Promise<{ poundsEntryId: bigint; hoursEntryId: bigint }> {
  const timebank = await requireTimebank(db, slug);
  requireCoordinator(user, timebank);
  await activeMemberIn(db, timebank, input.memberId, "memberId");
  const organisationMember = await db.selectFrom("timebank_member").select("id").where("timebank_id", "=", timebank.id).where("organisation_id", "=", timebank.organisationId).executeTakeFirstOrThrow();
  const memo = memoText(input.description);
  const pence = input.poundsMinor;
  const pounds = `${pence / 100n}.${(pence % 100n).toString().padStart(2, "0")}`;
  return inTransaction(db, async (trx) => {
    await openAccount(trx, { code: activityPoundsAccountCode(timebank.id), unit: "GBP", name: t("timebank.ledger.account.activities", { name: timebank.name.slice(0, 150) }), ownerType: "timebank", ownerId: String(timebank.id) });
    const poundsEntry = await postEntry(trx, {
      idempotencyKey: `timebank:mixed:${input.requestKey}:gbp`, // i18n-exempt: idempotency key
      kind: "timebank_mixed_payment",
      memo,
      metadata: { timebank: slug, member: String(input.memberId), part: "pounds" },
      createdBy: `user:${user.id}`,
      postings: [
        { accountCode: personalBudgetAccountCode(timebank.id, input.memberId), unit: "GBP", amount: `-${pounds}` },
        { accountCode: activityPoundsAccountCode(timebank.id), unit: "GBP", amount: pounds },
      ],
    });
    if (between) await between();
    const hoursEntry = await postEntry(trx, {
      idempotencyKey: `timebank:mixed:${input.requestKey}:hour`, // i18n-exempt: idempotency key
      kind: "timebank_mixed_payment",
      memo,
      metadata: { timebank: slug, member: String(input.memberId), part: "hours" },
      createdBy: `user:${user.id}`,
      postings: [
        { accountCode: memberAccountCode(timebank.id, input.memberId), unit: "HOUR", amount: centihoursToLedgerText(-input.centihours) },
        { accountCode: memberAccountCode(timebank.id, organisationMember.id), unit: "HOUR", amount: centihoursToLedgerText(input.centihours) },
      ],
    });
    await recordAudit(trx, { actorUserId: user.id, action: "timebank.mixed_payment", subjectType: "timebank_member", subjectId: input.memberId, details: { timebank: slug } });
    return { poundsEntryId: poundsEntry.entryId, hoursEntryId: hoursEntry.entryId };
  });
}

/** A coordinator rewards attendance (a budget round's public meeting) with hours from a sponsor organisation. */
export async function rewardParticipation(
  db: TimebankDb,
  user: CurrentUser,
  slug: string,
  input: { sponsorMemberId: number; memberIds: number[]; centihours: bigint; occasion: string; requestKey: string },
): Promise<bigint> {
  const timebank = await requireTimebank(db, slug);
  requireCoordinator(user, timebank);
  const sponsor = await db.selectFrom("timebank_member").select("organisation_id").where("id", "=", input.sponsorMemberId).where("timebank_id", "=", timebank.id).executeTakeFirst();
  if (!sponsor || sponsor.organisation_id === null) throw new DomainError("timebank_member_not_found", { field: "sponsorMemberId" });
  const memberIds = [...new Set(input.memberIds)];
  if (memberIds.length === 0 || memberIds.length > 50) throw new DomainError("timebank_group_too_big", { values: { maximum: 50 }, field: "memberIds" });
  for (const memberId of memberIds) await activeMemberIn(db, timebank, memberId, "memberIds");
  const total = input.centihours * BigInt(memberIds.length);
  const posted = await postEntry(db, {
    idempotencyKey: `timebank:participation:${input.requestKey}`,
    kind: "timebank_participation",
    memo: memoText(t("timebank.ledger.memo.participation", { occasion: input.occasion })),
    metadata: { timebank: slug },
    createdBy: `user:${user.id}`,
    postings: [
      { accountCode: memberAccountCode(timebank.id, input.sponsorMemberId), unit: "HOUR", amount: centihoursToLedgerText(-total) },
      ...memberIds.map((memberId) => ({ accountCode: memberAccountCode(timebank.id, memberId), unit: "HOUR", amount: centihoursToLedgerText(input.centihours) })),
    ],
  });
  return posted.entryId;
}

export interface RewardsPage {
  timebank: Timebank;
  isCoordinator: boolean;
  isMember: boolean;
  potCentihours: bigint;
  rewards: { id: number; title: string; partnerName: string; priceCentihours: bigint }[];
  myRedemptions: { code: string; title: string; partnerName: string; used: boolean; createdAt: Date }[];
}

/** Partners' rewards, the pot and the member's own codes. Members and coordinators only. */
export async function rewardsPage(db: TimebankDb, user: CurrentUser, slug: string): Promise<RewardsPage> {
  const timebank = await requireTimebank(db, slug);
  const isCoordinator = isCoordinatorOf(user, timebank);
  const me = isCoordinator ? await db.selectFrom("timebank_member").select(["id", "status"]).where("timebank_id", "=", timebank.id).where("user_id", "=", user.id).executeTakeFirst() : undefined;
  const memberId = isCoordinator ? (me?.status === "active" ? me.id : null) : (await requireActiveMember(db, user, timebank)).memberId;
  const rewards = await db
    .selectFrom("timebank_reward as r")
    .innerJoin("timebank_partner as p", "p.id", "r.partner_id")
    .select(["r.id", "r.title", "r.price_centihours", "p.name"])
    .where("p.timebank_id", "=", timebank.id)
    .where("r.active", "=", true)
    .orderBy("p.name")
    .orderBy("r.title")
    .limit(100)
    .execute();
  const mine =
    memberId === null
      ? []
      : await db
          .selectFrom("timebank_redemption as d")
          .innerJoin("timebank_reward as r", "r.id", "d.reward_id")
          .innerJoin("timebank_partner as p", "p.id", "r.partner_id")
          .select(["d.code", "r.title", "p.name", "d.used_at", "d.created_at"])
          .where("d.member_id", "=", memberId)
          .orderBy("d.created_at", "desc")
          .limit(50)
          .execute();
  const pot = await getAccount(db, potAccountCode(timebank.id));
  return {
    timebank,
    isCoordinator,
    isMember: memberId !== null,
    potCentihours: pot?.balanceMinor ?? 0n,
    rewards: rewards.map((r) => ({ id: r.id, title: r.title, partnerName: r.name, priceCentihours: toBigInt(r.price_centihours) })),
    myRedemptions: mine.map((d) => ({ code: d.code, title: d.title, partnerName: d.name, used: d.used_at !== null, createdAt: d.created_at })),
  };
}

export interface PartnerSummary {
  partnerId: number;
  name: string;
  sponsorName: string;
  redeemedCount: number;
  usedCount: number;
  /** Hours of used redemptions not yet settled with the sponsor. */
  toSettleCentihours: bigint;
  settledCentihours: bigint;
}

/** The settlement report: each partner's redemptions, used, and still to settle. Coordinators only. */
export async function partnerReport(db: TimebankDb, user: CurrentUser, slug: string): Promise<PartnerSummary[]> {
  const timebank = await requireTimebank(db, slug);
  requireCoordinator(user, timebank);
  const partners = await db.selectFrom("timebank_partner").select(["id", "name", "sponsor_member_id"]).where("timebank_id", "=", timebank.id).orderBy("name").limit(100).execute();
  const names = await memberNames(db, partners.map((p) => p.sponsor_member_id));
  const redemptions = partners.length === 0
    ? []
    : await db
        .selectFrom("timebank_redemption as d")
        .innerJoin("timebank_reward as r", "r.id", "d.reward_id")
        .select(["r.partner_id", "d.centihours", "d.used_at", "d.settled_entry_id"])
        .where("r.partner_id", "in", partners.map((p) => p.id))
        .execute();
  return partners.map((partner) => {
    const mine = redemptions.filter((d) => d.partner_id === partner.id);
    const sum = (rows: typeof mine) => rows.reduce((total, row) => total + toBigInt(row.centihours), 0n);
    return {
      partnerId: partner.id,
      name: partner.name,
      sponsorName: names.get(partner.sponsor_member_id) ?? "",
      redeemedCount: mine.length,
      usedCount: mine.filter((d) => d.used_at !== null).length,
      toSettleCentihours: sum(mine.filter((d) => d.used_at !== null && d.settled_entry_id === null)),
      settledCentihours: sum(mine.filter((d) => d.settled_entry_id !== null)),
    };
  });
}

/**
 * Settles a partner's used, unsettled redemptions with the sponsoring organisation: one entry
 * moves those hours from the partner to the sponsor, and the redemptions record it. The sponsor
 * pays the partner in money outside Potluck. Settling when nothing is due posts nothing.
 */
export async function settlePartner(db: TimebankDb, user: CurrentUser, slug: string, partnerId: number): Promise<{ entryId: bigint | null; centihours: bigint }> {
  const timebank = await requireTimebank(db, slug);
  requireCoordinator(user, timebank);
  return inTransaction(db, async (trx) => {
    const partner = await trx.selectFrom("timebank_partner").select(["id", "name", "sponsor_member_id"]).where("id", "=", partnerId).where("timebank_id", "=", timebank.id).forUpdate().executeTakeFirst();
    if (!partner) throw new DomainError("timebank_partner_not_found", { status: 404 });
    const due = await trx
      .selectFrom("timebank_redemption as d")
      .innerJoin("timebank_reward as r", "r.id", "d.reward_id")
      .select(["d.id", "d.centihours"])
      .where("r.partner_id", "=", partnerId)
      .where("d.used_at", "is not", null)
      .where("d.settled_entry_id", "is", null)
      .orderBy("d.id")
      .forUpdate()
      .execute();
    if (due.length === 0) return { entryId: null, centihours: 0n };
    const total = due.reduce((sum, row) => sum + toBigInt(row.centihours), 0n);
    const posted = await postEntry(trx, {
      idempotencyKey: `timebank:settlement:${partnerId}:${due[due.length - 1]!.id}`, // i18n-exempt: idempotency key
      kind: "timebank_partner_settlement",
      memo: memoText(tp("timebank.ledger.memo.settlement", due.length, { partner: partner.name })),
      metadata: { timebank: slug, partner: String(partnerId) },
      createdBy: `user:${user.id}`,
      postings: [
        { accountCode: partnerAccountCode(timebank.id, partnerId), unit: "HOUR", amount: centihoursToLedgerText(-total) },
        { accountCode: memberAccountCode(timebank.id, partner.sponsor_member_id), unit: "HOUR", amount: centihoursToLedgerText(total) },
      ],
    });
    await trx.updateTable("timebank_redemption").set({ settled_entry_id: posted.entryId }).where("id", "in", due.map((row) => row.id)).execute();
    await recordAudit(trx, { actorUserId: user.id, action: "timebank.partner_settled", subjectType: "timebank_partner", subjectId: partnerId, details: { timebank: slug, entryId: posted.entryId.toString() } });
    return { entryId: posted.entryId, centihours: total };
  });
}
