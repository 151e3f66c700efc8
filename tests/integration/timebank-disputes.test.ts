import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getBalances } from "../../app/services/ledger/accounts.server.js";
import { getEntry } from "../../app/services/ledger/post.server.js";
import { verifyLedger } from "../../app/services/ledger/verify.server.js";
import { blockMember, getDispute, raiseDispute, resolveDispute, unblockMember } from "../../app/services/timebank/disputes.server.js";
import { confirmExchange, markDone, recordOnBehalf } from "../../app/services/timebank/exchanges.server.js";
import { createListing, respondToListing, searchListings } from "../../app/services/timebank/listings.server.js";
import { memberAccountCode } from "../../app/services/timebank/timebanks.server.js";
import { testDatabases } from "./databases.js";
import type { Handle } from "./ledger-fixtures.js";
import { TODAY, makeTimebank } from "./timebank-fixtures.js";

const details = { date: TODAY, category: "repairs", description: "Fixed a bike" };

describe.each(testDatabases)("timebank disputes, listings and blocking on $name", (database) => {
  let handle: Handle;
  beforeAll(async () => {
    handle = await database.open();
  });
  afterAll(async () => {
    await handle?.close();
  });

  it("reverses a disputed exchange with a new entry and a reason both sides see", async () => {
    const { db } = handle;
    const tb = await makeTimebank(db, { gift: 0n });
    const giver = await tb.enrol("Dee Disputed");
    const receiver = await tb.enrol("Ed Disputing");
    const { exchangeId, entryId } = await recordOnBehalf(db, tb.coordinator, tb.slug, { ...details, giverIds: [giver.memberId], receiverIds: [receiver.memberId], centihours: 300n }, TODAY);
    await expect(resolveDispute(db, tb.coordinator, tb.slug, exchangeId, { outcome: "reversed", reason: "No dispute yet" })).rejects.toMatchObject({ code: "timebank_dispute_not_found" });
    const late = new Date(Date.now() + 15 * 86_400_000);
    await expect(raiseDispute(db, receiver.user, tb.slug, exchangeId, "The bike still does not work", late)).rejects.toMatchObject({ code: "timebank_dispute_too_late" });
    await raiseDispute(db, receiver.user, tb.slug, exchangeId, "The bike still does not work");
    await expect(raiseDispute(db, giver.user, tb.slug, exchangeId, "Again")).rejects.toMatchObject({ code: "timebank_dispute_exists" });
    await expect(resolveDispute(db, giver.user, tb.slug, exchangeId, { outcome: "stands", reason: "I say so" })).rejects.toMatchObject({ code: "timebank_not_coordinator" });
    await resolveDispute(db, tb.coordinator, tb.slug, exchangeId, { outcome: "reversed", reason: "Both agreed the repair was not finished" });

    const exchange = await db.selectFrom("timebank_exchange").select(["status", "entry_id", "reversal_entry_id"]).where("id", "=", exchangeId).executeTakeFirstOrThrow();
    expect(exchange.status).toBe("confirmed");
    expect(BigInt(exchange.entry_id!)).toBe(entryId);
    const reversal = await getEntry(db, BigInt(exchange.reversal_entry_id!));
    expect(reversal!.reversesEntryId).toBe(entryId);
    expect(reversal!.memo).toContain("Both agreed the repair was not finished");
    const balances = await getBalances(db, [memberAccountCode(tb.timebankId, giver.memberId), memberAccountCode(tb.timebankId, receiver.memberId)]);
    expect([...balances.values()].map((b) => b.balanceMinor)).toEqual([0n, 0n]);
    const dispute = await getDispute(db, exchangeId);
    expect(dispute).toMatchObject({ outcome: "reversed", resolutionReason: "Both agreed the repair was not finished", raisedByName: "Ed Disputing" });
    // Resolved once: a second resolution (a double click) changes nothing.
    await expect(resolveDispute(db, tb.coordinator, tb.slug, exchangeId, { outcome: "reversed", reason: "Again" })).rejects.toMatchObject({ code: "timebank_dispute_not_found" });
    expect((await verifyLedger(db)).ok).toBe(true);
  });

  it("finds listings by skill, category and area, and a response starts an agreed exchange", async () => {
    const { db } = handle;
    const tb = await makeTimebank(db, { gift: 0n });
    const carer = await tb.enrol("Cara Carer");
    const parent = await tb.enrol("Pip Parent");
    await db.updateTable("timebank_member").set({ area: "Riverside", skills_offered: "Childminding, homework help" }).where("id", "=", carer.memberId).execute();
    const offerId = await createListing(db, carer.user, tb.slug, { kind: "offer", category: "childcare", title: "After-school childcare", description: "Weekdays 3 to 6" });
    await createListing(db, parent.user, tb.slug, { kind: "request", category: "repairs", title: "Fix a leaking tap", description: "" });
    expect((await searchListings(db, parent.user, tb.slug, { text: "homework" })).listings.map((l) => l.id)).toEqual([offerId]);
    expect((await searchListings(db, parent.user, tb.slug, { category: "childcare", area: "river" })).listings.map((l) => l.id)).toEqual([offerId]);
    expect((await searchListings(db, parent.user, tb.slug, { kind: "request", text: "100%_" })).listings).toEqual([]);
    expect((await searchListings(db, parent.user, tb.slug, { kind: "request" })).listings.map((l) => l.title)).toEqual(["Fix a leaking tap"]);
    await expect(respondToListing(db, carer.user, tb.slug, offerId, { centihours: 200n, date: TODAY }, TODAY)).rejects.toMatchObject({ code: "timebank_listing_own" });

    const exchangeId = await respondToListing(db, parent.user, tb.slug, offerId, { centihours: 200n, date: TODAY }, TODAY);
    await markDone(db, carer.user, tb.slug, exchangeId);
    expect(await confirmExchange(db, parent.user, tb.slug, exchangeId)).toBe("confirmed");
    const balances = await getBalances(db, [memberAccountCode(tb.timebankId, carer.memberId)]);
    expect([...balances.values()][0]!.balanceMinor).toBe(200n);
  });

  it("a blocked member cannot send requests; unblocking allows them again", async () => {
    const { db } = handle;
    const tb = await makeTimebank(db, { gift: 0n });
    const owner = await tb.enrol("Bea Blocker");
    const pest = await tb.enrol("Pat Pester");
    const listingId = await createListing(db, owner.user, tb.slug, { kind: "offer", category: "cooking", title: "Batch cooking", description: "" });
    await blockMember(db, owner.user, tb.slug, pest.memberId);
    await expect(respondToListing(db, pest.user, tb.slug, listingId, { centihours: 100n, date: TODAY }, TODAY)).rejects.toMatchObject({ code: "timebank_blocked" });
    expect(await db.selectFrom("timebank_exchange").select("id").where("timebank_id", "=", tb.timebankId).execute()).toHaveLength(0);
    await unblockMember(db, owner.user, tb.slug, pest.memberId);
    await respondToListing(db, pest.user, tb.slug, listingId, { centihours: 100n, date: TODAY }, TODAY);
    await expect(blockMember(db, owner.user, tb.slug, owner.memberId)).rejects.toMatchObject({ code: "timebank_exchange_with_self" });
  });
});
