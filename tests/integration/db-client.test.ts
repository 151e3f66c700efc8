import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/client.js";
import { testDatabases } from "./databases.js";

describe.each(testDatabases)("value policy on $name", (database) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await database.open();
  });
  afterAll(async () => {
    await handle?.close();
  });

  it("returns int8 and count(*) as bigint, numeric as text and date as YYYY-MM-DD on both drivers", async () => {
    const result = await sql<{ big: unknown; huge: unknown; n: unknown; amount: unknown; day: unknown; small: unknown }>`
      select 5::int8 as big, 9007199254740993::int8 as huge, count(*) as n, 1.10::numeric(10,2) as amount,
             '2027-03-31'::date as day, 7::int4 as small
      from (values (1), (2)) v(x)`.execute(handle.db);
    expect(result.rows[0]).toEqual({ big: 5n, huge: 9007199254740993n, n: 2n, amount: "1.10", day: "2027-03-31", small: 7 });
  });

  it("answers ping while the database is up", async () => {
    expect(await handle.ping()).toBe(true);
  });
});
