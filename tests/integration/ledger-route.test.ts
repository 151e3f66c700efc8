import type { AppLoadContext } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loader } from "../../app/routes/ledger.js";
import { openAccount } from "../../app/services/ledger/accounts.server.js";
import { createCheckpoint } from "../../app/services/ledger/checkpoints.server.js";
import { postEntry } from "../../app/services/ledger/post.server.js";
import { testDatabases } from "./databases.js";
import { openSource, transfer, type Handle } from "./ledger-fixtures.js";

describe.each(testDatabases)("the public ledger page on $name", (database) => {
  let handle: Handle;
  beforeAll(async () => {
    handle = await database.open();
  });
  afterAll(async () => {
    await handle?.close();
  });

  async function load() {
    const response = await loader({
      request: new Request("http://localhost/ledger"),
      params: {},
      context: { db: handle.db } as unknown as AppLoadContext,
    });
    return (await response.json()) as {
      checkpoint: { rootHashHex: string; accountCount: number; postingCount: string } | null;
      accounts: { code: string; name: string; balance: string }[];
      entries: { id: string; kind: string; memo: string; postings: { key: string; accountName: string; amount: string }[] }[];
    };
  }

  it("says there is nothing yet on an empty ledger", async () => {
    const data = await load();
    expect(data).toEqual({ checkpoint: null, accounts: [], entries: [] });
  });

  it("shows public balances, recent public postings and the latest root, and nothing private", async () => {
    const { db } = handle;
    const source = await openSource(db);
    await openAccount(db, { code: "round:2027-north:pot", unit: "GBP", name: "North ward budget 2027", isPublic: true });
    await openAccount(db, { code: "member:1:pounds", unit: "GBP", name: "Private member" });
    await postEntry(db, { ...transfer(source, "round:2027-north:pot", "25000.00"), kind: "budget_grant", memo: "Council grant" });
    await postEntry(db, { ...transfer("round:2027-north:pot", "member:1:pounds", "12.50"), kind: "expense", memo: "Printing" });
    await postEntry(db, { ...transfer(source, "member:1:pounds", "1.00"), memo: "Private gift" });
    const checkpoint = await createCheckpoint(db);
    const data = await load();
    expect(data.checkpoint).toMatchObject({ rootHashHex: checkpoint.rootHashHex, accountCount: 3, postingCount: "6" });
    expect(data.accounts).toEqual([{ code: "round:2027-north:pot", name: "North ward budget 2027", balance: "£24,987.50" }]);
    expect(data.entries.map((entry) => [entry.kind, entry.memo, entry.postings.map((posting) => posting.amount)])).toEqual([
      ["expense", "Printing", ["-£12.50"]],
      ["budget grant", "Council grant", ["£25,000.00"]],
    ]);
    expect(JSON.stringify(data)).not.toContain("Private");
    expect(JSON.stringify(data)).not.toContain("member:1");
  });
});
