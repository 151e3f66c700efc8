// Joining a timebank: a person applies and a coordinator approves, or a coordinator enrols
// someone directly (many members are not online). Becoming active opens the member's hours
// account with the timebank's credit limits and posts the joining gift, in one transaction.
import { sql } from "kysely";
import { normaliseEmail } from "../../domain/account-rules.js";
import { DomainError } from "../../domain/errors.js";
import { toBigInt } from "../../domain/ledger/amount.js";
import { todayInLondon } from "../../domain/timebank/dates.js";
import { centihoursToLedgerText } from "../../domain/timebank/hours.js";
import type { MemberProfile } from "../../domain/timebank/forms.js";
import { t } from "../../i18n/translate.js";
import { recordAudit } from "../audit.server.js";
import type { CurrentUser } from "../current-user.js";
import { isUniqueViolation } from "../db-errors.js";
import { openAccount } from "../ledger/accounts.server.js";
import { postEntry } from "../ledger/post.server.js";
import {
  bankAccountCode,
  memberAccountCode,
  membershipOf,
  requireCoordinator,
  requireTimebank,
  type Timebank,
  type TimebankDb,
} from "./timebanks.server.js";
import { inTransaction } from "../ledger/db.server.js";

function profileValues(profile: MemberProfile) {
  return {
    skills_offered: profile.skillsOffered,
    skills_wanted: profile.skillsWanted,
    availability: profile.availability,
    area: profile.area,
    access_needs: profile.accessNeeds,
  };
}

/** Opens the member's account and posts the joining gift. Runs inside the caller's transaction. */
async function activate(trx: TimebankDb, timebank: Timebank, memberId: number, personName: string, approverId: number): Promise<void> {
  await openAccount(trx, {
    code: memberAccountCode(timebank.id, memberId),
    unit: "HOUR",
    name: personName,
    ownerType: "timebank_member",
    ownerId: String(memberId),
    minBalance: centihoursToLedgerText(timebank.minBalanceCentihours),
    maxBalance: centihoursToLedgerText(timebank.maxBalanceCentihours),
  });
  if (timebank.joiningGiftCentihours > 0n) {
    const amount = centihoursToLedgerText(timebank.joiningGiftCentihours);
    await postEntry(trx, {
      idempotencyKey: `timebank:gift:${memberId}`,
      kind: "timebank_joining_gift",
      memo: t("timebank.ledger.memo.joiningGift", { name: personName.slice(0, 200), timebank: timebank.name.slice(0, 200) }),
      metadata: { timebank: timebank.slug, member: String(memberId) },
      createdBy: `user:${approverId}`,
      postings: [
        { accountCode: bankAccountCode(timebank.id), unit: "HOUR", amount: `-${amount}` },
        { accountCode: memberAccountCode(timebank.id, memberId), unit: "HOUR", amount },
      ],
    });
  }
}

/** A person asks to join; a coordinator approves later. */
export async function applyToJoin(db: TimebankDb, user: CurrentUser, slug: string, profile: MemberProfile): Promise<number> {
  const timebank = await requireTimebank(db, slug);
  return inTransaction(db, async (trx) => {
    const existing = await membershipOf(trx, timebank.id, user.id);
    if (existing) throw new DomainError(existing.status === "applied" ? "timebank_already_applied" : "timebank_already_member", { status: 409 });
    try {
      const row = await trx
        .insertInto("timebank_member")
        .values({ timebank_id: timebank.id, user_id: user.id, status: "applied", ...profileValues(profile) })
        .returning("id")
        .executeTakeFirstOrThrow();
      await recordAudit(trx, { actorUserId: user.id, action: "timebank.applied", subjectType: "timebank_member", subjectId: row.id, details: { timebank: slug } });
      return row.id;
    } catch (error) {
      if (isUniqueViolation(error)) throw new DomainError("timebank_already_applied", { status: 409 });
      throw error;
    }
  });
}

export async function approveApplication(db: TimebankDb, user: CurrentUser, slug: string, memberId: number, today = todayInLondon()): Promise<void> {
  const timebank = await requireTimebank(db, slug);
  requireCoordinator(user, timebank);
  await inTransaction(db, async (trx) => {
    const member = await trx
      .selectFrom("timebank_member as m")
      .innerJoin("app_user as u", "u.id", "m.user_id")
      .select(["m.id", "u.name"])
      .where("m.id", "=", memberId)
      .where("m.timebank_id", "=", timebank.id)
      .where("m.status", "=", "applied")
      .forUpdate()
      .executeTakeFirst();
    if (!member) throw new DomainError("timebank_application_not_found", { status: 409 });
    await trx.updateTable("timebank_member").set({ status: "active", joined_on: today, approved_by_user_id: user.id }).where("id", "=", memberId).execute();
    await activate(trx, timebank, memberId, member.name, user.id);
    await recordAudit(trx, { actorUserId: user.id, action: "timebank.member_approved", subjectType: "timebank_member", subjectId: memberId, details: { timebank: slug } });
  });
}

/** A coordinator enrols a person (found by email) straight away, for example someone not online. */
export async function enrolPerson(
  db: TimebankDb,
  user: CurrentUser,
  slug: string,
  input: { email: string; profile: MemberProfile; pledgeCentihoursPerWeek?: bigint | null },
  today = todayInLondon(),
): Promise<number> {
  const timebank = await requireTimebank(db, slug);
  requireCoordinator(user, timebank);
  return inTransaction(db, async (trx) => {
    const person = await trx.selectFrom("app_user").select(["id", "name"]).where("email_normalised", "=", normaliseEmail(input.email)).executeTakeFirst();
    if (!person) throw new DomainError("timebank_person_not_found", { field: "email" });
    const existing = await membershipOf(trx, timebank.id, person.id);
    let memberId: number;
    if (existing) {
      if (existing.status === "active") throw new DomainError("timebank_already_member", { field: "email", status: 409 });
      // An application waiting for approval (or someone who left) is enrolled as it stands.
      memberId = existing.memberId;
      await trx
        .updateTable("timebank_member")
        .set({ status: "active", joined_on: today, approved_by_user_id: user.id, ...profileValues(input.profile) })
        .where("id", "=", memberId)
        .execute();
      if (existing.status === "left") {
        // Their account is still there from before; nothing to open again.
        await recordAudit(trx, { actorUserId: user.id, action: "timebank.member_enrolled", subjectType: "timebank_member", subjectId: memberId, details: { timebank: slug, rejoined: true } });
        return memberId;
      }
    } else {
      const row = await trx
        .insertInto("timebank_member")
        .values({
          timebank_id: timebank.id,
          user_id: person.id,
          status: "active",
          joined_on: today,
          approved_by_user_id: user.id,
          pledge_centihours_per_week: input.pledgeCentihoursPerWeek ?? null,
          ...profileValues(input.profile),
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      memberId = row.id;
    }
    await activate(trx, timebank, memberId, person.name, user.id);
    await recordAudit(trx, { actorUserId: user.id, action: "timebank.member_enrolled", subjectType: "timebank_member", subjectId: memberId, details: { timebank: slug } });
    return memberId;
  });
}

export interface MemberRow {
  memberId: number;
  name: string;
  email: string | null;
  isOrganisation: boolean;
  status: "applied" | "active" | "left";
  skillsOffered: string;
  skillsWanted: string;
  availability: string;
  area: string;
  accessNeeds: string;
  joinedOn: string | null;
  pledgeCentihoursPerWeek: bigint | null;
  balanceCentihours: bigint | null;
}

export const MAX_MEMBER_ROWS = 500;

function memberRowsQuery(db: TimebankDb, timebankId: number) {
  return db
    .selectFrom("timebank_member as m")
    .leftJoin("app_user as u", "u.id", "m.user_id")
    .leftJoin("organisation as o", "o.id", "m.organisation_id")
    .leftJoin("ledger_account as a", (join) => join.on("a.owner_type", "=", "timebank_member").onRef("a.owner_id", "=", sql<string>`m.id::text`))
    .select([
      "m.id", "m.organisation_id", "m.status", "m.skills_offered", "m.skills_wanted", "m.availability", "m.area", "m.access_needs",
      "m.joined_on", "m.pledge_centihours_per_week", "u.email", "a.balance_minor", sql<string>`coalesce(u.name, o.name)`.as("name"),
    ])
    .where("m.timebank_id", "=", timebankId);
}

function memberRowFrom(row: Awaited<ReturnType<ReturnType<typeof memberRowsQuery>["executeTakeFirstOrThrow"]>>): MemberRow {
  return {
    memberId: row.id,
    name: row.name,
    email: row.email,
    isOrganisation: row.organisation_id !== null,
    status: row.status,
    skillsOffered: row.skills_offered,
    skillsWanted: row.skills_wanted,
    availability: row.availability,
    area: row.area,
    accessNeeds: row.access_needs,
    joinedOn: row.joined_on,
    pledgeCentihoursPerWeek: row.pledge_centihours_per_week === null ? null : toBigInt(row.pledge_centihours_per_week),
    balanceCentihours: row.balance_minor === null ? null : toBigInt(row.balance_minor),
  };
}

/** Every member and application, for the coordinator. */
export async function listMembers(db: TimebankDb, user: CurrentUser, slug: string): Promise<{ timebank: Timebank; members: MemberRow[] }> {
  const timebank = await requireTimebank(db, slug);
  requireCoordinator(user, timebank);
  const rows = await memberRowsQuery(db, timebank.id).orderBy("m.status").orderBy(sql`coalesce(u.name, o.name)`).limit(MAX_MEMBER_ROWS).execute();
  return { timebank, members: rows.map(memberRowFrom) };
}

/** One member's details: for the member themself or a coordinator. */
export async function getMember(db: TimebankDb, user: CurrentUser, timebank: Timebank, memberId: number): Promise<MemberRow> {
  const row = await memberRowsQuery(db, timebank.id).select("m.user_id").where("m.id", "=", memberId).executeTakeFirst();
  if (!row) throw new DomainError("timebank_member_not_found", { status: 404 });
  const isSelf = row.user_id === user.id;
  if (!isSelf && !user.roles.some((grant) => grant.role === "coordinator" && grant.organisationId === timebank.organisationId)) {
    throw new DomainError("timebank_not_coordinator", { status: 403 });
  }
  return memberRowFrom(row);
}
