import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { STATEMENT_LINES, fullMemberStatement, memberStatement, statementCursor } from "../../app/services/timebank/statements.server.js";
import { donateToPot } from "../../app/services/timebank/spending.server.js";
import { testDatabases } from "./databases.js";
import { uniqueKey, type Handle } from "./ledger-fixtures.js";
import { makeTimebank } from "./timebank-fixtures.js";

describe.each(testDatabases)("timebank statements, settings and leaving on $name", (database) => {
  let handle: Handle;
  beforeAll(async () => {
    handle = await database.open();
  });
  afterAll(async () => {
    await handle?.close();
  });

  it("pages a long statement newest first without gaps or repeats, and the CSV has every line", async () => {
    const { db } = handle;
    const tb = await makeTimebank(db, { gift: 2000n });
    const member = await tb.enrol("Pat Pages");
    // The joining gift plus 120 small donations: 121 lines.
    for (let index = 0; index < 120; index++) await donateToPot(db, member.user, tb.slug, 1n, uniqueKey());
    const first = await memberStatement(db, member.user, tb.slug, member.memberId);
    expect(first.lines).toHaveLength(STATEMENT_LINES);
    expect(first.isNewest).toBe(true);
    expect(first.balanceCentihours).toBe(1880n);
    expect(first.lines[0]!.balanceAfterMinor).toBe(1880n);
    expect(first.olderBefore).not.toBeNull();
    const second = await memberStatement(db, member.user, tb.slug, member.memberId, statementCursor(first.olderBefore));
    expect(second.isNewest).toBe(false);
    expect(second.lines).toHaveLength(21);
    expect(second.olderBefore).toBeNull();
    expect(second.lines[20]!.kind).toBe("timebank_joining_gift");
    // The pages join up: the older page starts where the newer one ended.
    expect(second.lines[0]!.balanceAfterMinor).toBe(first.lines[STATEMENT_LINES - 1]!.balanceAfterMinor - first.lines[STATEMENT_LINES - 1]!.amountMinor);
    const versions = [...first.lines, ...second.lines].map((line) => line.accountVersion);
    expect(new Set(versions).size).toBe(121);

    const full = await fullMemberStatement(db, member.user, tb.slug, member.memberId);
    expect(full.complete).toBe(true);
    expect(full.lines.map((line) => line.accountVersion)).toEqual(versions);

    const other = await tb.enrol("Nosy Neighbour");
    await expect(fullMemberStatement(db, other.user, tb.slug, member.memberId)).rejects.toMatchObject({ code: "timebank_not_coordinator" });
    expect(statementCursor("abc")).toBeNull();
    expect(statementCursor("0")).toBeNull();
  });
});
