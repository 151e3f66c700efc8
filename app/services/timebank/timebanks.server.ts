// Timebanks, who may do what in them, and their ledger accounts. Every service in this folder
// checks authorisation itself (a route's check is only for showing the right page).
import { sql, type Kysely } from "kysely";
import type { Database } from "../../../db/schema.js";
import { DomainError, assert } from "../../domain/errors.js";
import { toBigInt } from "../../domain/ledger/amount.js";
import { centihoursToLedgerText } from "../../domain/timebank/hours.js";
import { t } from "../../i18n/translate.js";
import { openAccount } from "../ledger/accounts.server.js";
import type { CurrentUser } from "../current-user.js";
import { inTransaction } from "../ledger/db.server.js";

export type TimebankDb = Kysely<Database>;

export interface Timebank {
  id: number;
  organisationId: number;
  organisationName: string;
  slug: string;
  name: string;
  description: string;
  joiningGiftCentihours: bigint;
  minBalanceCentihours: bigint;
  maxBalanceCentihours: bigint;
  pledgeCentihoursPerWeek: bigint | null;
}

export const MAX_TIMEBANKS_LISTED = 100;

/** The timebank's own account: joining gifts come from it. It has no lower bound. */
export function bankAccountCode(timebankId: number): string {
  return `timebank:${timebankId}:bank`; // i18n-exempt: ledger account code
}

/** The community pot: members donate hours to it and coordinators grant from it. Never below zero. */
export function potAccountCode(timebankId: number): string {
  return `timebank:${timebankId}:pot`; // i18n-exempt: ledger account code
}

/** Every member, person or organisation, has one hours account in each timebank. */
export function memberAccountCode(timebankId: number, memberId: number): string {
  return `timebank:${timebankId}:member:${memberId}`; // i18n-exempt: ledger account code
}

function timebankQuery(db: TimebankDb) {
  return db
    .selectFrom("timebank as t")
    .innerJoin("organisation as o", "o.id", "t.organisation_id")
    .select([
      "t.id", "t.organisation_id", "o.name as organisation_name", "t.slug", "t.name", "t.description",
      "t.joining_gift_centihours", "t.min_balance_centihours", "t.max_balance_centihours", "t.pledge_centihours_per_week",
    ]);
}

function timebankFromRow(row: Awaited<ReturnType<ReturnType<typeof timebankQuery>["executeTakeFirstOrThrow"]>>): Timebank {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    slug: row.slug,
    name: row.name,
    description: row.description,
    joiningGiftCentihours: toBigInt(row.joining_gift_centihours),
    minBalanceCentihours: toBigInt(row.min_balance_centihours),
    maxBalanceCentihours: toBigInt(row.max_balance_centihours),
    pledgeCentihoursPerWeek: row.pledge_centihours_per_week === null ? null : toBigInt(row.pledge_centihours_per_week),
  };
}

export async function requireTimebank(db: TimebankDb, slug: string): Promise<Timebank> {
  if (typeof slug !== "string" || slug.length > 63) throw new DomainError("timebank_not_found", { status: 404 });
  const row = await timebankQuery(db).where("t.slug", "=", slug).executeTakeFirst();
  if (!row) throw new DomainError("timebank_not_found", { status: 404 });
  return timebankFromRow(row);
}

export async function listTimebanks(db: TimebankDb): Promise<Timebank[]> {
  const rows = await timebankQuery(db).orderBy("t.name").limit(MAX_TIMEBANKS_LISTED).execute();
  return rows.map(timebankFromRow);
}

export function isCoordinatorOf(user: CurrentUser | null, timebank: Pick<Timebank, "organisationId">): boolean {
  return user !== null && user.roles.some((grant) => grant.role === "coordinator" && grant.organisationId === timebank.organisationId);
}

export function requireCoordinator(user: CurrentUser | null, timebank: Pick<Timebank, "organisationId">): asserts user is CurrentUser {
  if (!isCoordinatorOf(user, timebank)) throw new DomainError("timebank_not_coordinator", { status: 403 });
}

export interface Membership {
  memberId: number;
  status: "applied" | "active" | "left";
  joinedOn: string | null;
  pledgeCentihoursPerWeek: bigint | null;
}

export async function membershipOf(db: TimebankDb, timebankId: number, userId: number): Promise<Membership | null> {
  const row = await db
    .selectFrom("timebank_member")
    .select(["id", "status", "joined_on", "pledge_centihours_per_week"])
    .where("timebank_id", "=", timebankId)
    .where("user_id", "=", userId)
    .executeTakeFirst();
  if (!row) return null;
  return {
    memberId: row.id,
    status: row.status,
    joinedOn: row.joined_on,
    pledgeCentihoursPerWeek: row.pledge_centihours_per_week === null ? null : toBigInt(row.pledge_centihours_per_week),
  };
}

/** The signed-in person's active membership, or a refusal. */
export async function requireActiveMember(db: TimebankDb, user: CurrentUser | null, timebank: Timebank): Promise<Membership> {
  if (!user) throw new DomainError("timebank_not_member", { status: 403 });
  const membership = await membershipOf(db, timebank.id, user.id);
  if (!membership || membership.status !== "active") throw new DomainError("timebank_not_member", { status: 403 });
  return membership;
}

export interface CreateTimebankInput {
  organisationId: number;
  slug: string;
  name: string;
  description?: string;
  joiningGiftCentihours: bigint;
  minBalanceCentihours: bigint;
  maxBalanceCentihours: bigint;
  pledgeCentihoursPerWeek: bigint | null;
}

/**
 * Creates a timebank with its bank account and its organisation as an active member with an
 * account of its own. Run by the operator or the demo seed; in the caller's transaction if any.
 */
export async function createTimebank(db: TimebankDb, input: CreateTimebankInput, today: string): Promise<{ timebankId: number; organisationMemberId: number }> {
  assert(input.minBalanceCentihours <= 0n && input.maxBalanceCentihours >= 0n, "credit limits include zero");
  const work = async (trx: TimebankDb) => {
    const timebank = await trx
      .insertInto("timebank")
      .values({
        organisation_id: input.organisationId,
        slug: input.slug,
        name: input.name,
        description: input.description ?? "",
        joining_gift_centihours: input.joiningGiftCentihours,
        min_balance_centihours: input.minBalanceCentihours,
        max_balance_centihours: input.maxBalanceCentihours,
        pledge_centihours_per_week: input.pledgeCentihoursPerWeek,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await openAccount(trx, {
      code: bankAccountCode(timebank.id),
      unit: "HOUR",
      name: t("timebank.ledger.account.bank", { name: input.name }),
      ownerType: "timebank",
      ownerId: String(timebank.id),
      isPublic: true,
    });
    await openAccount(trx, {
      code: potAccountCode(timebank.id),
      unit: "HOUR",
      name: t("timebank.ledger.account.pot", { name: input.name }),
      ownerType: "timebank",
      ownerId: String(timebank.id),
      isPublic: true,
      minBalance: "0",
    });
    const organisationMemberId = await addOrganisationMember(trx, timebank.id, input.organisationId, today);
    return { timebankId: timebank.id, organisationMemberId };
  };
  return inTransaction(db, work);
}

/**
 * Adds an organisation (the hostel, a community centre) as a member that gives and receives
 * hours. Organisations sponsor activity, so their account has no lower bound; their upper bound
 * is the timebank's.
 */
export async function addOrganisationMember(db: TimebankDb, timebankId: number, organisationId: number, today: string): Promise<number> {
  const timebank = await db.selectFrom("timebank").select(["max_balance_centihours"]).where("id", "=", timebankId).executeTakeFirstOrThrow();
  const organisation = await db.selectFrom("organisation").select(["name"]).where("id", "=", organisationId).executeTakeFirstOrThrow();
  const member = await db
    .insertInto("timebank_member")
    .values({ timebank_id: timebankId, organisation_id: organisationId, status: "active", joined_on: today })
    .returning("id")
    .executeTakeFirstOrThrow();
  await openAccount(db, {
    code: memberAccountCode(timebankId, member.id),
    unit: "HOUR",
    name: organisation.name,
    ownerType: "timebank_member",
    ownerId: String(member.id),
    maxBalance: centihoursToLedgerText(toBigInt(timebank.max_balance_centihours)),
  });
  return member.id;
}

/** Display names for members: the person's or the organisation's name. */
export async function memberNames(db: TimebankDb, memberIds: readonly number[]): Promise<Map<number, string>> {
  const names = new Map<number, string>();
  if (memberIds.length === 0) return names;
  const rows = await db
    .selectFrom("timebank_member as m")
    .leftJoin("app_user as u", "u.id", "m.user_id")
    .leftJoin("organisation as o", "o.id", "m.organisation_id")
    .select(["m.id", sql<string>`coalesce(u.name, o.name)`.as("name")])
    .where("m.id", "in", [...new Set(memberIds)])
    .execute();
  for (const row of rows) names.set(row.id, row.name);
  return names;
}

export interface MemberSummary {
  memberId: number;
  name: string;
  isOrganisation: boolean;
  userId: number | null;
  status: "applied" | "active" | "left";
}

export const MAX_MEMBERS_LISTED = 500;

/** Active members (people and organisations), by name, for choosing who took part. */
export async function activeMembers(db: TimebankDb, timebankId: number): Promise<MemberSummary[]> {
  const rows = await db
    .selectFrom("timebank_member as m")
    .leftJoin("app_user as u", "u.id", "m.user_id")
    .leftJoin("organisation as o", "o.id", "m.organisation_id")
    .select(["m.id", "m.user_id", "m.organisation_id", "m.status", sql<string>`coalesce(u.name, o.name)`.as("name")])
    .where("m.timebank_id", "=", timebankId)
    .where("m.status", "=", "active")
    .orderBy(sql`coalesce(u.name, o.name)`)
    .limit(MAX_MEMBERS_LISTED)
    .execute();
  return rows.map((row) => ({ memberId: row.id, name: row.name, isOrganisation: row.organisation_id !== null, userId: row.user_id, status: row.status }));
}
