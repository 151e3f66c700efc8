// Who may organise a meeting, the meetings' ledger accounts, and telling people what happened.
import type { Kysely } from "kysely";
import type { Database } from "../../../db/schema.js";
import { DomainError } from "../../domain/errors.js";
import { hasRole } from "../../domain/roles.js";
import { t } from "../../i18n/translate.js";
import type { CurrentUser } from "../current-user.js";
import { openAccount } from "../ledger/accounts.server.js";
import { queueMessage } from "../outbox.server.js";

export type MeetingsDb = Kysely<Database>;

/** Organisers: staff of the organisation running the meeting (council officers, timebank coordinators) and administrators. */
export function isOrganiserFor(user: CurrentUser | null, organisationId: number): boolean {
  if (!user) return false;
  return hasRole(user.roles, "admin") || user.roles.some((g) => (g.role === "officer" || g.role === "coordinator") && g.organisationId === organisationId);
}

export function requireOrganiserFor(user: CurrentUser | null, organisationId: number): CurrentUser {
  if (!user || !isOrganiserFor(user, organisationId)) throw new DomainError("meeting_not_organiser", { status: 403 });
  return user;
}

/** Someone who can organise meetings for at least one organisation. */
export function canOrganiseMeetings(user: CurrentUser | null): boolean {
  return !!user && (hasRole(user.roles, "admin") || user.roles.some((g) => (g.role === "officer" || g.role === "coordinator") && g.organisationId !== null));
}

// Ledger accounts (see docs/decisions/009-meetings-and-expenses.md).
// The organisation's account pays; it has no lower bound: its balance, below zero, is what the
// organisation has paid out for involvement, and the money itself comes from its bank outside Potluck.
export const organisationInvolvementAccount = (organisationId: number) => `organisation:${organisationId}:involvement`; // i18n-exempt: ledger account code
/** What a person has been paid for involvement and expenses: a record of money handed over, never below zero. */
export const personInvolvementAccount = (userId: number) => `person:${userId}:involvement`; // i18n-exempt: ledger account code
/** Claims people chose to give to a charity: the organisation owes the named charity these amounts. */
export const charityDonationsAccount = (organisationId: number) => `organisation:${organisationId}:charity-donations`; // i18n-exempt: ledger account code

export async function openOrganisationAccount(db: MeetingsDb, organisationId: number) {
  return openAccount(db, {
    code: organisationInvolvementAccount(organisationId),
    unit: "GBP",
    name: t("meetings.ledger.account.organisation"),
    ownerType: "organisation",
    ownerId: String(organisationId),
    isPublic: true,
  });
}

export async function openPersonAccount(db: MeetingsDb, userId: number) {
  return openAccount(db, {
    code: personInvolvementAccount(userId),
    unit: "GBP",
    name: t("meetings.ledger.account.person"),
    ownerType: "person",
    ownerId: String(userId),
    minBalance: "0",
  });
}

export async function openCharityAccount(db: MeetingsDb, organisationId: number) {
  return openAccount(db, {
    code: charityDonationsAccount(organisationId),
    unit: "GBP",
    name: t("meetings.ledger.account.charity"),
    ownerType: "organisation",
    ownerId: String(organisationId),
    isPublic: true,
    minBalance: "0",
  });
}

/** Tells a person what happened: a message in their account and an email, in the same transaction as the change. */
export async function tellPerson(db: MeetingsDb, userId: number, message: { kind: string; subject: string; body: string; link: string }): Promise<void> {
  const person = await db.selectFrom("app_user").select(["email"]).where("id", "=", userId).executeTakeFirstOrThrow();
  await db.insertInto("notification").values({ user_id: userId, kind: message.kind, subject: message.subject.slice(0, 200), body: message.body.slice(0, 10000), link: message.link }).execute();
  await queueMessage(db, { to: person.email, subject: message.subject.slice(0, 200), bodyText: `${message.body}\n\n${message.link}` });
}
