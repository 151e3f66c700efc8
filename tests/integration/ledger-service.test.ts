import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DomainError } from "../../app/domain/errors.js";
import { messageFor } from "../../app/domain/messages.js";
import { entryHashHex, postingHashHex } from "../../app/domain/ledger/hashing.js";
import { getAccount, getBalances, openAccount, setAccountBounds } from "../../app/services/ledger/accounts.server.js";
import { createCheckpoint, latestCheckpoint } from "../../app/services/ledger/checkpoints.server.js";
import { postEntries } from "../../app/services/ledger/batch.server.js";
import { captureHold, getHold, placeHold, releaseHold } from "../../app/services/ledger/holds.server.js";
import { getEntry, postEntry, reverseEntry } from "../../app/services/ledger/post.server.js";
import { getPublicLedger, getStatement, getTrialBalance } from "../../app/services/ledger/reports.server.js";
import { verifyLedger } from "../../app/services/ledger/verify.server.js";
import { testDatabases } from "./databases.js";
import { openFunded, openSource, transfer, uniqueKey, type Handle } from "./ledger-fixtures.js";

async function expectDomainError(promise: Promise<unknown>, code: string, status?: number): Promise<DomainError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(DomainError);
  const domainError = error as DomainError;
  expect(domainError.code).toBe(code);
  if (status !== undefined) expect(domainError.status).toBe(status);
  expect(messageFor(domainError)).not.toBe("Something went wrong. Try again");
  return domainError;
}

describe.each(testDatabases)("ledger services on $name", (database) => {
  let handle: Handle;
  beforeAll(async () => {
    handle = await database.open();
  });
  afterAll(async () => {
    await handle?.close();
  });

  it("posts a balanced transfer and records running balances", async () => {
    const { db } = handle;
    await openFunded(db, "svc:alice", "100.00");
    await openAccount(db, { code: "svc:bob", unit: "GBP", name: "Bob", minBalance: "0" });
    const posted = await postEntry(db, transfer("svc:alice", "svc:bob", "12.34"));
    expect(posted.outcome).toBe("created");
    expect(posted.hashHex).toMatch(/^[0-9a-f]{64}$/);
    const alice = posted.postings.find((p) => p.accountCode === "svc:alice")!;
    const bob = posted.postings.find((p) => p.accountCode === "svc:bob")!;
    expect(alice).toMatchObject({ amountMinor: -1234n, balanceAfterMinor: 8766n, accountVersion: 2n });
    expect(bob).toMatchObject({ amountMinor: 1234n, balanceAfterMinor: 1234n, accountVersion: 1n });
    const balances = await getBalances(db, ["svc:alice", "svc:bob", "svc:nobody"]);
    expect(balances.get("svc:alice")).toEqual({ unit: "GBP", balanceMinor: 8766n });
    expect(balances.get("svc:bob")).toEqual({ unit: "GBP", balanceMinor: 1234n });
    expect(balances.has("svc:nobody")).toBe(false);
  });

  it("computes the same entry and posting hashes in TypeScript as in the database", async () => {
    const { db } = handle;
    await openFunded(db, "svc:hash-a", "10.00");
    await openAccount(db, { code: "svc:hash-b", unit: "GBP", name: "Hash B" });
    const posted = await postEntry(db, {
      ...transfer("svc:hash-a", "svc:hash-b", "1.00"),
      memo: "Crèche — £1 for the café ☕",
      metadata: { zeta: "last", alpha: "first", note: "ünïcödé" },
    });
    const row = (
      await sql<{ id: bigint; idempotency_key: string; request_hash: string; kind: string; memo: string; metadata: Record<string, string>;
        created_by: string; micros: string; hash: string }>`
        select id, idempotency_key, request_hash, kind, memo, metadata, created_by,
               ((extract(epoch from created_at) * 1000000)::bigint)::text as micros, encode(hash, 'hex') as hash
        from ledger_entry where id = ${posted.entryId.toString()}::bigint`.execute(db)
    ).rows[0]!;
    const entryHash = entryHashHex({
      id: posted.entryId, idempotencyKey: row.idempotency_key, requestHash: row.request_hash, kind: row.kind, memo: row.memo,
      metadata: row.metadata, createdBy: row.created_by, createdAtMicros: BigInt(row.micros), reversesEntryId: null,
    });
    expect(entryHash).toBe(row.hash);
    expect(entryHash).toBe(posted.hashHex);
    const postings = (
      await sql<{ account_id: unknown; unit: string; amount_minor: unknown; balance_after_minor: unknown; account_version: unknown; prev: string; hash: string }>`
        select account_id, unit, amount_minor, balance_after_minor, account_version, encode(prev_hash, 'hex') as prev, encode(hash, 'hex') as hash
        from ledger_posting where entry_id = ${posted.entryId.toString()}::bigint`.execute(db)
    ).rows;
    expect(postings).toHaveLength(2);
    for (const posting of postings) {
      expect(
        postingHashHex({
          prevHashHex: posting.prev, entryHashHex: entryHash, entryId: posted.entryId, accountId: BigInt(posting.account_id as bigint),
          unit: posting.unit, amountMinor: BigInt(posting.amount_minor as bigint), balanceAfterMinor: BigInt(posting.balance_after_minor as bigint),
          accountVersion: BigInt(posting.account_version as bigint),
        }),
      ).toBe(posting.hash);
    }
  });

  it("returns the original entry for the same key and request, and refuses the same key for another request with 409", async () => {
    const { db } = handle;
    await openFunded(db, "svc:idem-a", "50.00");
    await openAccount(db, { code: "svc:idem-b", unit: "GBP", name: "Idem B" });
    const key = uniqueKey("idem");
    const first = await postEntry(db, transfer("svc:idem-a", "svc:idem-b", "5.00", key));
    const again = await postEntry(db, transfer("svc:idem-a", "svc:idem-b", "5.00", key));
    expect(again.outcome).toBe("replayed");
    expect(again.entryId).toBe(first.entryId);
    expect(again.hashHex).toBe(first.hashHex);
    expect(again.postings).toEqual(first.postings);
    // Postings in another order are the same request.
    const reordered = transfer("svc:idem-a", "svc:idem-b", "5.00", key);
    reordered.postings.reverse();
    expect((await postEntry(db, reordered)).entryId).toBe(first.entryId);
    const error = await expectDomainError(postEntry(db, transfer("svc:idem-a", "svc:idem-b", "6.00", key)), "ledger_idempotency_conflict", 409);
    expect(error.values.entryId).toBe(first.entryId);
    expect((await getAccount(db, "svc:idem-a"))!.balanceMinor).toBe(4500n);
  });

  it("refuses spending below the minimum, unknown accounts, unit mismatches and unbalanced entries, writing nothing", async () => {
    const { db } = handle;
    await openFunded(db, "svc:poor", "1.00");
    await openAccount(db, { code: "svc:rich", unit: "GBP", name: "Rich" });
    await openFunded(db, "svc:hours", "3.00", "HOUR");
    await expectDomainError(postEntry(db, transfer("svc:poor", "svc:rich", "1.01")), "ledger_below_minimum", 422);
    await expectDomainError(postEntry(db, transfer("svc:poor", "svc:missing", "0.50")), "ledger_account_not_found", 404);
    await expectDomainError(postEntry(db, transfer("svc:hours", "svc:rich", "1.00", uniqueKey(), "GBP")), "ledger_unit_mismatch", 422);
    await expectDomainError(
      postEntry(db, { ...transfer("svc:poor", "svc:rich", "0.50"), postings: [
        { accountCode: "svc:poor", unit: "GBP", amount: "-0.50" },
        { accountCode: "svc:rich", unit: "GBP", amount: "0.49" },
      ] }),
      "ledger_unbalanced",
    );
    // Balanced per entry but not per unit: pounds cannot pay for hours.
    await expectDomainError(
      postEntry(db, { ...transfer("svc:poor", "svc:hours", "0.50"), postings: [
        { accountCode: "svc:poor", unit: "GBP", amount: "-0.50" },
        { accountCode: "svc:hours", unit: "HOUR", amount: "0.50" },
      ] }),
      "ledger_unbalanced",
    );
    expect((await getAccount(db, "svc:poor"))!.balanceMinor).toBe(100n);
    expect((await getAccount(db, "svc:poor"))!.version).toBe(1n);
  });

  it("refuses amounts given as numbers, with too many decimals, zero, or over the maximum", async () => {
    const { db } = handle;
    const base = transfer("svc:any-a", "svc:any-b", "1.00");
    const withAmount = (amount: unknown) => ({
      ...base,
      postings: [
        { accountCode: "svc:any-a", unit: "GBP", amount: amount as string },
        { accountCode: "svc:any-b", unit: "GBP", amount: amount as string },
      ],
    });
    await expectDomainError(postEntry(db, withAmount(1.5)), "ledger_amount_not_text");
    await expectDomainError(postEntry(db, withAmount("1.005")), "ledger_amount_too_precise");
    await expectDomainError(postEntry(db, withAmount("0.00")), "ledger_amount_zero");
    await expectDomainError(postEntry(db, withAmount("1000000000.01")), "ledger_amount_too_large");
    await expectDomainError(postEntry(db, withAmount("Infinity")), "ledger_amount_not_a_number");
  });

  it("opens accounts idempotently and refuses the same code with other details", async () => {
    const { db } = handle;
    const spec = { code: "svc:open", unit: "HOUR", name: "Open", minBalance: "-5.00", maxBalance: "40" };
    const first = await openAccount(db, spec);
    const again = await openAccount(db, spec);
    expect(again.id).toBe(first.id);
    expect(first.minBalanceMinor).toBe(-500n);
    expect(first.maxBalanceMinor).toBe(4000n);
    await expectDomainError(openAccount(db, { ...spec, maxBalance: "41" }), "ledger_account_exists", 409);
    await expectDomainError(openAccount(db, { ...spec, code: "svc:bad", minBalance: "1.00" }), "ledger_bounds_invalid");
    await expectDomainError(openAccount(db, { ...spec, code: "Not A Code" }), "ledger_account_code_invalid");
  });

  it("changes bounds only to limits that include the current balance", async () => {
    const { db } = handle;
    await openFunded(db, "svc:bounded", "20.00");
    await expectDomainError(setAccountBounds(db, "svc:bounded", { minBalance: "0", maxBalance: "10.00" }), "ledger_bounds_exclude_balance", 409);
    const account = await setAccountBounds(db, "svc:bounded", { minBalance: "-5.00", maxBalance: "30.00" });
    expect(account.minBalanceMinor).toBe(-500n);
    expect(account.maxBalanceMinor).toBe(3000n);
  });

  it("reverses an entry once with a mirror entry, and refuses reversing a reversal", async () => {
    const { db } = handle;
    await openFunded(db, "svc:rev-a", "10.00");
    await openAccount(db, { code: "svc:rev-b", unit: "GBP", name: "Rev B", minBalance: "0" });
    const original = await postEntry(db, transfer("svc:rev-a", "svc:rev-b", "4.00"));
    const key = uniqueKey("reverse");
    const reversal = await reverseEntry(db, { entryId: original.entryId, idempotencyKey: key, createdBy: "test" });
    expect(reversal.outcome).toBe("created");
    expect(reversal.postings.map((p) => [p.accountCode, p.amountMinor])).toEqual(
      original.postings.map((p) => [p.accountCode, -p.amountMinor]),
    );
    expect((await reverseEntry(db, { entryId: original.entryId, idempotencyKey: key, createdBy: "test" })).entryId).toBe(reversal.entryId);
    await expectDomainError(reverseEntry(db, { entryId: original.entryId, idempotencyKey: uniqueKey(), createdBy: "test" }), "ledger_already_reversed", 409);
    await expectDomainError(reverseEntry(db, { entryId: reversal.entryId, idempotencyKey: uniqueKey(), createdBy: "test" }), "ledger_reversal_of_reversal", 409);
    await expectDomainError(reverseEntry(db, { entryId: 999_999_999n, idempotencyKey: uniqueKey(), createdBy: "test" }), "ledger_entry_not_found", 404);
    const entry = await getEntry(db, original.entryId);
    expect(entry!.reversedByEntryId).toBe(reversal.entryId);
    expect((await getAccount(db, "svc:rev-a"))!.balanceMinor).toBe(1000n);
    expect((await getAccount(db, "svc:rev-b"))!.balanceMinor).toBe(0n);
  });

  it("refuses a reversal that would take an account below its minimum", async () => {
    const { db } = handle;
    await openFunded(db, "svc:spent-a", "10.00");
    await openAccount(db, { code: "svc:spent-b", unit: "GBP", name: "Spent B", minBalance: "0" });
    await openAccount(db, { code: "svc:spent-c", unit: "GBP", name: "Spent C" });
    const original = await postEntry(db, transfer("svc:spent-a", "svc:spent-b", "4.00"));
    await postEntry(db, transfer("svc:spent-b", "svc:spent-c", "3.00"));
    await expectDomainError(reverseEntry(db, { entryId: original.entryId, idempotencyKey: uniqueKey(), createdBy: "test" }), "ledger_below_minimum");
  });

  it("holds value in an escrow account, captures part and releases the rest", async () => {
    const { db } = handle;
    await openFunded(db, "svc:hold-source", "100.00");
    await openAccount(db, { code: "svc:hold-project", unit: "GBP", name: "Project" });
    const placed = await placeHold(db, { holdKey: "svc-hold-1", sourceAccountCode: "svc:hold-source", unit: "GBP", amount: "60.00", createdBy: "test" });
    expect(placed.hold).toMatchObject({ escrowAccountCode: "hold:svc-hold-1", amountMinor: 6000n, heldMinor: 6000n });
    expect((await getAccount(db, "svc:hold-source"))!.balanceMinor).toBe(4000n);
    const replay = await placeHold(db, { holdKey: "svc-hold-1", sourceAccountCode: "svc:hold-source", unit: "GBP", amount: "60.00", createdBy: "test" });
    expect(replay.entry.entryId).toBe(placed.entry.entryId);
    expect(replay.entry.outcome).toBe("replayed");
    await expectDomainError(placeHold(db, { holdKey: "svc-hold-1", sourceAccountCode: "svc:hold-source", unit: "GBP", amount: "61.00", createdBy: "test" }), "ledger_hold_exists", 409);
    await expectDomainError(
      captureHold(db, { holdKey: "svc-hold-1", destinationAccountCode: "svc:hold-project", amount: "60.01", idempotencyKey: uniqueKey(), createdBy: "test" }),
      "ledger_hold_exceeded",
    );
    await captureHold(db, { holdKey: "svc-hold-1", destinationAccountCode: "svc:hold-project", amount: "45.00", idempotencyKey: uniqueKey(), createdBy: "test" });
    const releaseKey = uniqueKey("release");
    const released = await releaseHold(db, { holdKey: "svc-hold-1", idempotencyKey: releaseKey, createdBy: "test" });
    expect(released.postings.find((p) => p.accountCode === "svc:hold-source")!.amountMinor).toBe(1500n);
    expect((await releaseHold(db, { holdKey: "svc-hold-1", idempotencyKey: releaseKey, createdBy: "test" })).entryId).toBe(released.entryId);
    await expectDomainError(releaseHold(db, { holdKey: "svc-hold-1", idempotencyKey: uniqueKey(), createdBy: "test" }), "ledger_hold_settled", 409);
    expect(await getHold(db, "svc-hold-1")).toMatchObject({ heldMinor: 0n });
    expect((await getAccount(db, "svc:hold-source"))!.balanceMinor).toBe(5500n);
    expect((await getAccount(db, "svc:hold-project"))!.balanceMinor).toBe(4500n);
    // A hold larger than the balance leaves nothing behind: no escrow account, no hold.
    await expectDomainError(placeHold(db, { holdKey: "svc-hold-2", sourceAccountCode: "svc:hold-source", unit: "GBP", amount: "1000.00", createdBy: "test" }), "ledger_below_minimum");
    expect(await getHold(db, "svc-hold-2")).toBeUndefined();
    expect(await getAccount(db, "hold:svc-hold-2")).toBeUndefined();
  });

  it("pages a statement newest first with the running balance", async () => {
    const { db } = handle;
    await openFunded(db, "svc:statement", "10.00");
    await openAccount(db, { code: "svc:statement-other", unit: "GBP", name: "Other" });
    for (let index = 1; index <= 5; index++) await postEntry(db, transfer("svc:statement", "svc:statement-other", `0.0${index}`));
    const first = await getStatement(db, { accountCode: "svc:statement", pageSize: 4 });
    expect(first.lines.map((line) => line.amountMinor)).toEqual([-5n, -4n, -3n, -2n]);
    expect(first.lines[0]!.balanceAfterMinor).toBe(1000n - 15n);
    expect(first.openingBalanceMinor).toBe(1000n - 1n);
    expect(first.nextBeforeVersion).toBe(3n);
    const second = await getStatement(db, { accountCode: "svc:statement", pageSize: 4, beforeVersion: first.nextBeforeVersion });
    expect(second.lines.map((line) => line.amountMinor)).toEqual([-1n, 1000n]);
    expect(second.openingBalanceMinor).toBe(0n);
    expect(second.nextBeforeVersion).toBeNull();
    await expectDomainError(getStatement(db, { accountCode: "svc:statement", pageSize: 101 }), "ledger_page_size_invalid");
  });

  it("keeps the trial balance at zero in every unit and verify passes", async () => {
    const { db } = handle;
    const trial = await getTrialBalance(db);
    expect(trial.map((unit) => unit.unit)).toEqual(["GBP", "HOUR"]);
    for (const unit of trial) expect(unit.balanced).toBe(true);
    expect(trial.find((unit) => unit.unit === "GBP")!.positiveMinor).toBeGreaterThan(0n);
    const report = await verifyLedger(db);
    expect(report.violations).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.counts.entries).toBeGreaterThan(10);
  });

  it("publishes checkpoints whose root verify recomputes, and shows public accounts", async () => {
    const { db } = handle;
    await openAccount(db, { code: "svc:public-pot", unit: "GBP", name: "Community pot", isPublic: true });
    const source = await openSource(db);
    await postEntry(db, { ...transfer(source, "svc:public-pot", "250.00"), memo: "Grant from the council" });
    const first = await createCheckpoint(db);
    await postEntry(db, transfer(source, "svc:public-pot", "1.00"));
    const second = await createCheckpoint(db);
    expect(second.previousCheckpointId).toBe(first.id);
    expect(second.rootHashHex).not.toBe(first.rootHashHex);
    expect((await latestCheckpoint(db))!.rootHashHex).toBe(second.rootHashHex);
    expect((await verifyLedger(db)).ok).toBe(true);
    const page = await getPublicLedger(db);
    expect(page.checkpoint!.rootHashHex).toBe(second.rootHashHex);
    expect(page.accounts).toEqual([{ code: "svc:public-pot", name: "Community pot", unit: "GBP", balanceMinor: 25100n }]);
    expect(page.recentEntries[0]!.postings).toEqual([{ accountCode: "svc:public-pot", accountName: "Community pot", unit: "GBP", amountMinor: 100n }]);
    expect(page.recentEntries[1]!.memo).toBe("Grant from the council");
  });

  it("posts a batch of entries in one round trip, each with its own key and answer", async () => {
    const { db } = handle;
    await openAccount(db, { code: "svc:batch-pot", unit: "GBP", name: "Batch pot" });
    for (let index = 0; index < 3; index++) await openAccount(db, { code: `svc:batch-${index}`, unit: "GBP", name: `Batch ${index}`, minBalance: "0" });
    const earlier = await postEntry(db, transfer("svc:batch-pot", "svc:batch-0", "1.00", "batch-key-taken"));
    const results = await postEntries(db, [
      transfer("svc:batch-pot", "svc:batch-0", "2.00", "batch-key-1"),
      transfer("svc:batch-pot", "svc:batch-1", "3.00", "batch-key-2"),
      transfer("svc:batch-pot", "svc:batch-2", "4.00", "batch-key-taken"),
      transfer("svc:batch-pot", "svc:batch-0", "1.00", "batch-key-3"),
    ]);
    expect(results.map((result) => (result instanceof DomainError ? result.code : result.outcome))).toEqual([
      "created", "created", "ledger_idempotency_conflict", "created",
    ]);
    expect((results[2] as DomainError).values.entryId).toBe(earlier.entryId);
    const first = results[0] as Exclude<(typeof results)[number], DomainError>;
    const last = results[3] as Exclude<(typeof results)[number], DomainError>;
    expect(last.entryId).toBeGreaterThan(first.entryId);
    expect(last.postings.find((p) => p.accountCode === "svc:batch-0")!.balanceAfterMinor).toBe(400n);
    const replayed = await postEntries(db, [transfer("svc:batch-pot", "svc:batch-1", "3.00", "batch-key-2")]);
    expect(replayed[0]).toMatchObject({ outcome: "replayed", entryId: (results[1] as { entryId: bigint }).entryId });
    // All or nothing: one refusal refuses the batch.
    await expectDomainError(
      postEntries(db, [transfer("svc:batch-pot", "svc:batch-2", "1.00", "batch-key-4"), transfer("svc:batch-2", "svc:batch-1", "50.00", "batch-key-5")]),
      "ledger_below_minimum",
    );
    expect(await db.selectFrom("ledger_entry").select("id").where("idempotency_key", "=", "batch-key-4").execute()).toHaveLength(0);
    expect((await verifyLedger(db)).ok).toBe(true);
  });

  it("runs inside a caller's transaction and rolls back with it", async () => {
    const { db } = handle;
    await openFunded(db, "svc:trx-a", "10.00");
    await openAccount(db, { code: "svc:trx-b", unit: "GBP", name: "Trx B" });
    const key = uniqueKey("trx");
    await expect(
      db.transaction().execute(async (trx) => {
        await postEntry(trx, transfer("svc:trx-a", "svc:trx-b", "2.00", key));
        throw new Error("caller changed its mind");
      }),
    ).rejects.toThrow("caller changed its mind");
    expect((await getAccount(db, "svc:trx-a"))!.balanceMinor).toBe(1000n);
    const posted = await postEntry(db, transfer("svc:trx-a", "svc:trx-b", "2.00", key));
    expect(posted.outcome).toBe("created");
  });
});
