import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DomainError } from "../../app/domain/errors.js";
import { getBalances, openAccount } from "../../app/services/ledger/accounts.server.js";
import { PostingBatcher } from "../../app/services/ledger/batcher.server.js";
import { verifyLedger } from "../../app/services/ledger/verify.server.js";
import { testDatabases } from "./databases.js";
import { openFunded, transfer, uniqueKey, type Handle } from "./ledger-fixtures.js";

describe.each(testDatabases)("the posting batcher on $name", (database) => {
  let handle: Handle;
  beforeAll(async () => {
    handle = await database.open();
  });
  afterAll(async () => {
    await handle?.close();
  });

  it("posts many concurrent entries from one pot in shared transactions, each with its own answer", async () => {
    const { db } = handle;
    await openFunded(db, "batch:pot", "100.00");
    for (let i = 0; i < 5; i++) await openAccount(db, { code: `batch:member:${i}`, unit: "GBP", name: `Member ${i}` });
    const batcher = new PostingBatcher(db, { maxBatchEntries: 16, drainers: 2 });
    const posted = await Promise.all(
      Array.from({ length: 60 }, (_, i) => batcher.post(transfer("batch:pot", `batch:member:${i % 5}`, "1.25"))),
    );
    await batcher.close();
    expect(posted.every((entry) => entry.outcome === "created")).toBe(true);
    expect(new Set(posted.map((entry) => entry.entryId)).size).toBe(60);
    // Shared transactions: fewer commits than entries, and every entry answered from a batch.
    expect(batcher.stats.batchedEntries).toBe(60);
    expect(batcher.stats.batches).toBeLessThan(60);
    const balances = await getBalances(db, ["batch:pot", ...Array.from({ length: 5 }, (_, i) => `batch:member:${i}`)]);
    expect(balances.get("batch:pot")!.balanceMinor).toBe(10_000n - 60n * 125n);
    for (let i = 0; i < 5; i++) expect(balances.get(`batch:member:${i}`)!.balanceMinor).toBe(12n * 125n);
    expect((await verifyLedger(db)).ok).toBe(true);
  });

  it("refuses only the entry that breaks a rule; the others in its batch are posted", async () => {
    const { db } = handle;
    await openFunded(db, "batch:small", "3.00");
    await openAccount(db, { code: "batch:to", unit: "GBP", name: "To" });
    const batcher = new PostingBatcher(db, { maxBatchEntries: 8, drainers: 1 });
    // Four of £1: three fit in £3, the fourth would take the balance below its minimum of 0.
    const outcomes = await Promise.allSettled(Array.from({ length: 4 }, () => batcher.post(transfer("batch:small", "batch:to", "1.00"))));
    await batcher.close();
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(3);
    const refused = outcomes.filter((outcome): outcome is PromiseRejectedResult => outcome.status === "rejected");
    expect(refused).toHaveLength(1);
    expect(refused[0]!.reason).toBeInstanceOf(DomainError);
    expect((refused[0]!.reason as DomainError).code).toBe("ledger_below_minimum");
    expect(batcher.stats.singlyPostedEntries).toBeGreaterThan(0);
    const balances = await getBalances(db, ["batch:small", "batch:to"]);
    expect(balances.get("batch:small")!.balanceMinor).toBe(0n);
    expect(balances.get("batch:to")!.balanceMinor).toBe(300n);
  });

  it("answers one idempotency key sent twice at once with one entry, and a different request under it with a conflict", async () => {
    const { db } = handle;
    await openFunded(db, "batch:keyed", "10.00");
    await openAccount(db, { code: "batch:keyed-to", unit: "GBP", name: "Keyed to" });
    const key = uniqueKey("batch");
    const batcher = new PostingBatcher(db, { maxBatchEntries: 8, drainers: 2 });
    const [first, second, different] = await Promise.allSettled([
      batcher.post(transfer("batch:keyed", "batch:keyed-to", "2.00", key)),
      batcher.post(transfer("batch:keyed", "batch:keyed-to", "2.00", key)),
      batcher.post(transfer("batch:keyed", "batch:keyed-to", "3.00", key)),
    ]);
    await batcher.close();
    expect(first.status).toBe("fulfilled");
    expect(second.status).toBe("fulfilled");
    const a = (first as PromiseFulfilledResult<{ entryId: bigint; outcome: string }>).value;
    const b = (second as PromiseFulfilledResult<{ entryId: bigint; outcome: string }>).value;
    expect(b.entryId).toBe(a.entryId);
    expect([a.outcome, b.outcome].sort()).toEqual(["created", "replayed"]);
    expect(different.status).toBe("rejected");
    expect(((different as PromiseRejectedResult).reason as DomainError).code).toBe("ledger_idempotency_conflict");
    expect((await getBalances(db, ["batch:keyed-to"])).get("batch:keyed-to")!.balanceMinor).toBe(200n);
  });

  it("refuses at once when too many entries are waiting, instead of queueing without end", async () => {
    const { db } = handle;
    await openFunded(db, "batch:busy", "10.00");
    await openAccount(db, { code: "batch:busy-to", unit: "GBP", name: "Busy to" });
    const batcher = new PostingBatcher(db, { maxBatchEntries: 1, maxQueuedEntries: 2, drainers: 1 });
    const outcomes = await Promise.allSettled(Array.from({ length: 6 }, () => batcher.post(transfer("batch:busy", "batch:busy-to", "0.10"))));
    await batcher.close();
    const busy = outcomes.filter((outcome) => outcome.status === "rejected" && (outcome.reason as DomainError).code === "ledger_busy");
    expect(busy.length).toBeGreaterThan(0);
    const posted = outcomes.filter((outcome) => outcome.status === "fulfilled").length;
    expect(posted + busy.length).toBe(6);
    expect((await getBalances(db, ["batch:busy-to"])).get("batch:busy-to")!.balanceMinor).toBe(BigInt(posted * 10));
  });
});
