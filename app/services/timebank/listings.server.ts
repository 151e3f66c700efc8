// Offers and requests. Members list what they can give or would like; other members find them
// by skill, category and area, and respond, which starts an agreed exchange.
import { sql } from "kysely";
import { DomainError } from "../../domain/errors.js";
import { todayInLondon } from "../../domain/timebank/dates.js";
import { recordAudit } from "../audit.server.js";
import type { CurrentUser } from "../current-user.js";
import { inTransaction } from "../ledger/db.server.js";
import { agreeExchange } from "./exchanges.server.js";
import { isCoordinatorOf, membershipOf, requireActiveMember, requireTimebank, type Timebank, type TimebankDb } from "./timebanks.server.js";

export const MAX_LISTINGS_SHOWN = 50;
export const MAX_SEARCH_CHARS = 100;

export interface Listing {
  id: number;
  kind: "offer" | "request";
  category: string;
  title: string;
  description: string;
  status: "open" | "closed";
  memberId: number;
  memberName: string;
  area: string;
  createdAt: Date;
}

export interface ListingSearch {
  text?: string;
  category?: string;
  kind?: "offer" | "request" | "";
  area?: string;
}

/** Listings are for the timebank's members and coordinators: a hostel's members are not public. */
async function requireReader(db: TimebankDb, user: CurrentUser | null, timebank: Timebank): Promise<void> {
  if (isCoordinatorOf(user, timebank)) return;
  await requireActiveMember(db, user, timebank);
}

function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function listingsQuery(db: TimebankDb, timebankId: number) {
  return db
    .selectFrom("timebank_listing as l")
    .innerJoin("timebank_member as m", "m.id", "l.member_id")
    .leftJoin("app_user as u", "u.id", "m.user_id")
    .leftJoin("organisation as o", "o.id", "m.organisation_id")
    .select(["l.id", "l.kind", "l.category", "l.title", "l.description", "l.status", "l.member_id", "l.created_at", "m.area", "m.skills_offered", sql<string>`coalesce(u.name, o.name)`.as("member_name")])
    .where("l.timebank_id", "=", timebankId);
}

function listingFrom(row: Awaited<ReturnType<ReturnType<typeof listingsQuery>["executeTakeFirstOrThrow"]>>): Listing {
  return {
    id: row.id,
    kind: row.kind,
    category: row.category,
    title: row.title,
    description: row.description,
    status: row.status,
    memberId: row.member_id,
    memberName: row.member_name,
    area: row.area,
    createdAt: row.created_at,
  };
}

/** Open listings matching the search: text in the title, description or the member's skills. */
export async function searchListings(db: TimebankDb, user: CurrentUser | null, slug: string, search: ListingSearch): Promise<{ timebank: Timebank; listings: Listing[] }> {
  const timebank = await requireTimebank(db, slug);
  await requireReader(db, user, timebank);
  let query = listingsQuery(db, timebank.id).where("l.status", "=", "open");
  const text = (search.text ?? "").trim().slice(0, MAX_SEARCH_CHARS);
  if (text) {
    const pattern = likePattern(text);
    query = query.where((eb) => eb.or([eb("l.title", "ilike", pattern), eb("l.description", "ilike", pattern), eb("m.skills_offered", "ilike", pattern)]));
  }
  if (search.category) query = query.where("l.category", "=", search.category.slice(0, 40));
  if (search.kind === "offer" || search.kind === "request") query = query.where("l.kind", "=", search.kind);
  const area = (search.area ?? "").trim().slice(0, MAX_SEARCH_CHARS);
  if (area) query = query.where("m.area", "ilike", likePattern(area));
  const rows = await query.orderBy("l.created_at", "desc").orderBy("l.id", "desc").limit(MAX_LISTINGS_SHOWN).execute();
  return { timebank, listings: rows.map(listingFrom) };
}

export async function getListing(db: TimebankDb, user: CurrentUser, slug: string, listingId: number): Promise<{ timebank: Timebank; listing: Listing; isMine: boolean }> {
  const timebank = await requireTimebank(db, slug);
  await requireReader(db, user, timebank);
  const row = await listingsQuery(db, timebank.id).where("l.id", "=", listingId).executeTakeFirst();
  if (!row) throw new DomainError("timebank_listing_not_found", { status: 404 });
  const me = await membershipOf(db, timebank.id, user.id);
  return { timebank, listing: listingFrom(row), isMine: me?.memberId === row.member_id };
}

export async function createListing(
  db: TimebankDb,
  user: CurrentUser,
  slug: string,
  input: { kind: "offer" | "request"; category: string; title: string; description: string },
): Promise<number> {
  const timebank = await requireTimebank(db, slug);
  const me = await requireActiveMember(db, user, timebank);
  return inTransaction(db, async (trx) => {
    const row = await trx
      .insertInto("timebank_listing")
      .values({ timebank_id: timebank.id, member_id: me.memberId, kind: input.kind, category: input.category, title: input.title, description: input.description })
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordAudit(trx, { actorUserId: user.id, action: "timebank.listing_created", subjectType: "timebank_listing", subjectId: row.id, details: { timebank: slug } });
    return row.id;
  });
}

export async function closeListing(db: TimebankDb, user: CurrentUser, slug: string, listingId: number): Promise<void> {
  const { isMine, timebank } = await getListing(db, user, slug, listingId);
  if (!isMine && !isCoordinatorOf(user, timebank)) throw new DomainError("timebank_exchange_not_yours", { status: 403 });
  await db.updateTable("timebank_listing").set({ status: "closed" }).where("id", "=", listingId).execute();
}

/**
 * A member responds to a listing: an exchange is agreed between them (the one offering gives).
 * Refused when the listing's member has blocked the responder.
 */
export async function respondToListing(
  db: TimebankDb,
  user: CurrentUser,
  slug: string,
  listingId: number,
  input: { centihours: bigint; date: string },
  today = todayInLondon(),
): Promise<number> {
  const { listing, isMine } = await getListing(db, user, slug, listingId);
  if (listing.status !== "open") throw new DomainError("timebank_listing_not_found", { status: 409 });
  if (isMine) throw new DomainError("timebank_listing_own", { status: 409 });
  const timebank = await requireTimebank(db, slug);
  const me = await requireActiveMember(db, user, timebank);
  const giverId = listing.kind === "offer" ? listing.memberId : me.memberId;
  const receiverId = listing.kind === "offer" ? me.memberId : listing.memberId;
  return agreeExchange(db, user, slug, { giverId, receiverId, centihours: input.centihours, date: input.date, category: listing.category, description: listing.title, listingId }, today);
}
