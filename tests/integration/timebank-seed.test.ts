import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "../../db/seed.js";
import { HOSTEL_TIMEBANK_SLUG } from "../../db/seed-timebank.js";
import { verifyLedger } from "../../app/services/ledger/verify.server.js";
import { testDatabases } from "./databases.js";
import type { Handle } from "./ledger-fixtures.js";

describe.each(testDatabases)("timebank demo seed on $name", (database) => {
  let handle: Handle;
  beforeAll(async () => {
    handle = await database.open();
  });
  afterAll(async () => {
    await handle?.close();
  });

  it("seeds both timebanks with members, exchanges, a waiting confirmation and an exemption, and the ledger verifies", async () => {
    const { db } = handle;
    await seedDemo(db);
    const timebanks = await db.selectFrom("timebank").select(["slug", "pledge_centihours_per_week"]).orderBy("slug").execute();
    expect(timebanks.map((t) => t.slug)).toEqual([HOSTEL_TIMEBANK_SLUG, "millbrook"]);
    expect(BigInt(timebanks[0]!.pledge_centihours_per_week!)).toBe(500n);
    const confirmed = await db.selectFrom("timebank_exchange").select("id").where("status", "=", "confirmed").execute();
    expect(confirmed.length).toBeGreaterThanOrEqual(8);
    const waiting = await db.selectFrom("timebank_exchange").select("id").where("status", "=", "done").execute();
    expect(waiting).toHaveLength(1);
    expect(await db.selectFrom("timebank_exemption").select("reason").execute()).toEqual([{ reason: "New baby" }]);
    // Megan belongs to both timebanks.
    const megan = await db
      .selectFrom("timebank_member as m")
      .innerJoin("app_user as u", "u.id", "m.user_id")
      .select("m.timebank_id")
      .where("u.email_normalised", "=", "megan.davies@example.org")
      .execute();
    expect(megan).toHaveLength(2);
    expect((await verifyLedger(db)).ok).toBe(true);
  });
});
