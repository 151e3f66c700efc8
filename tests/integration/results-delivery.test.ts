import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/client.js";
import { DomainError } from "../../app/domain/errors.js";
import { getBalances } from "../../app/services/ledger/accounts.server.js";
import { verifyLedger } from "../../app/services/ledger/verify.server.js";
import { roundPotAccount } from "../../app/services/rounds/rounds.server.js";
import { councilSuppliersAccount, deliveryReport, increaseProjectBudget, recordDeliveryUpdate, recordSpending } from "../../app/services/results/delivery.server.js";
import { countRound, projectBudgetAccount, publishResults } from "../../app/services/results/results.server.js";
import { testDatabases } from "./databases.js";
import { APP_URL, closedRoundWithVotes } from "./results-fixtures.js";
import { person } from "./rounds-fixtures.js";

async function domainError(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

const TODAY = new Date("2027-06-30T12:00:00Z");
const payment = (amountMinor: bigint, reference: string) => ({ supplier: "Northfield Joinery Ltd", amountMinor, spentOn: "2027-06-01", reference });

describe.each(testDatabases)("delivery of funded projects on $name", (database) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await database.open();
  });
  afterAll(async () => {
    await handle?.close();
  });

  async function publishedGreedyRound() {
    const round = await closedRoundWithVotes(handle, { countingRule: "greedy" });
    await countRound(handle.db, round.officer, round.roundId);
    await publishResults(handle.db, round.officer, round.roundId, { appUrl: APP_URL });
    return round; // benches (£20,000) and play area (£25,000) funded; £5,000 left in the pot
  }

  it("posts spending from the project account to the suppliers account and reports it from the ledger", async () => {
    const round = await publishedGreedyRound();
    await recordSpending(handle.db, round.officer, round.benches, payment(1_250_050n, "INV-001"), TODAY);
    await recordDeliveryUpdate(handle.db, round.officer, round.benches, { status: "in_progress", note: "Benches ordered", happenedOn: "2027-06-02" }, TODAY);
    const balances = await getBalances(handle.db, [projectBudgetAccount(round.benches), councilSuppliersAccount(round.organisationId)]);
    expect(balances.get(projectBudgetAccount(round.benches))?.balanceMinor).toBe(749_950n);
    expect(balances.get(councilSuppliersAccount(round.organisationId))?.balanceMinor).toBe(1_250_050n);
    const report = await deliveryReport(handle.db, round.roundId);
    const benches = report.projects.find((p) => p.id === round.benches)!;
    expect(benches).toMatchObject({ budgetedMinor: 2_000_000n, committedMinor: 2_000_000n, spentMinor: 1_250_050n, remainingMinor: 749_950n, status: "in_progress" });
    expect(benches.payments).toEqual([expect.objectContaining({ supplier: "Northfield Joinery Ltd", reference: "INV-001", spentOn: "2027-06-01", amountMinor: 1_250_050n })]);
    expect(report.totals).toEqual({ budgetedMinor: 4_500_000n, committedMinor: 4_500_000n, spentMinor: 1_250_050n, remainingMinor: 3_249_950n });
    expect(report.potRemainingMinor).toBe(500_000n);
    expect((await verifyLedger(handle.db)).ok).toBe(true);
  });

  it("refuses over-spending until an officer increases the budget with a reason", async () => {
    const round = await publishedGreedyRound();
    const over = await domainError(recordSpending(handle.db, round.officer, round.play, payment(2_600_000n, "INV-100"), TODAY));
    expect(over.code).toBe("delivery_overspend");
    expect(over.values.remainingMinor).toBe("2500000");
    // More than the pot holds is refused; the council's budget can pay instead.
    expect((await domainError(increaseProjectBudget(handle.db, round.officer, round.play, { amountMinor: 600_000n, reason: "Ground works cost more", source: "pot" }))).code).toBe("delivery_source_short");
    await increaseProjectBudget(handle.db, round.officer, round.play, { amountMinor: 100_000n, reason: "Ground works cost more than estimated", source: "pot" });
    await recordSpending(handle.db, round.officer, round.play, payment(2_600_000n, "INV-100"), TODAY);
    const report = await deliveryReport(handle.db, round.roundId);
    const play = report.projects.find((p) => p.id === round.play)!;
    expect(play).toMatchObject({ budgetedMinor: 2_500_000n, committedMinor: 2_600_000n, spentMinor: 2_600_000n, remainingMinor: 0n });
    expect(play.increases).toEqual([expect.objectContaining({ reason: "Ground works cost more than estimated", source: "pot", amountMinor: 100_000n })]);
    expect((await getBalances(handle.db, [roundPotAccount(round.roundId)])).get(roundPotAccount(round.roundId))?.balanceMinor).toBe(400_000n);
  });

  it("refuses spending on a project that was not funded, or before results are published", async () => {
    const round = await publishedGreedyRound();
    expect((await domainError(recordSpending(handle.db, round.officer, round.trees, payment(100n, "X-1"), TODAY))).code).toBe("delivery_project_not_funded");
    expect((await domainError(recordDeliveryUpdate(handle.db, round.officer, round.trees, { status: "in_progress", note: "", happenedOn: "2027-06-01" }, TODAY))).code).toBe("delivery_project_not_funded");
    const unpublished = await closedRoundWithVotes(handle, { countingRule: "greedy" });
    await countRound(handle.db, unpublished.officer, unpublished.roundId);
    expect((await domainError(recordSpending(handle.db, unpublished.officer, unpublished.benches, payment(100n, "X-2"), TODAY))).code).toBe("delivery_project_not_funded");
    expect((await domainError(deliveryReport(handle.db, unpublished.roundId))).code).toBe("results_not_published");
  });

  it("only the round's officers record delivery, with checked dates and texts", async () => {
    const round = await publishedGreedyRound();
    const resident = await person(handle, "Nosy Resident");
    expect((await domainError(recordSpending(handle.db, resident, round.benches, payment(100n, "X-3"), TODAY))).code).toBe("forbidden");
    expect((await domainError(recordDeliveryUpdate(handle.db, round.officer, round.benches, { status: "delivered", note: "", happenedOn: "2027-07-01" }, TODAY))).code).toBe("delivery_date_future");
    expect((await domainError(recordDeliveryUpdate(handle.db, round.officer, round.benches, { status: "delivered", note: "", happenedOn: "2027-02-30" }, TODAY))).code).toBe("delivery_date_invalid");
    expect((await domainError(recordSpending(handle.db, round.officer, round.benches, { ...payment(100n, "X-4"), supplier: " " }, TODAY))).code).toBe("delivery_text_invalid");
    // A resent form (same key) pays once.
    await recordSpending(handle.db, round.officer, round.benches, { ...payment(10_000n, "X-5"), idempotencyKey: "form-1" }, TODAY);
    await recordSpending(handle.db, round.officer, round.benches, { ...payment(10_000n, "X-5"), idempotencyKey: "form-1" }, TODAY);
    const report = await deliveryReport(handle.db, round.roundId);
    expect(report.projects.find((p) => p.id === round.benches)?.spentMinor).toBe(10_000n);
  });
});
