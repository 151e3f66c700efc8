import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/client.js";
import { DomainError } from "../../app/domain/errors.js";
import { getBalances } from "../../app/services/ledger/accounts.server.js";
import { verifyLedger } from "../../app/services/ledger/verify.server.js";
import { acceptBatch, createPaperBatch, keyPaperSheet } from "../../app/services/rounds/paper.server.js";
import { roundPotAccount } from "../../app/services/rounds/rounds.server.js";
import { countRound, notificationsFor, projectBudgetAccount, publishResults, readRoundResult } from "../../app/services/results/results.server.js";
import { testDatabases } from "./databases.js";
import { APP_URL, approve, closedRoundWithVotes } from "./results-fixtures.js";
import { person } from "./rounds-fixtures.js";

async function domainError(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

describe.each(testDatabases)("counting and publishing results on $name", (database) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await database.open();
  });
  afterAll(async () => {
    await handle?.close();
  });

  it("counts a greedy round, publishes it and commits each winner's cost from the pot", async () => {
    const round = await closedRoundWithVotes(handle, { countingRule: "greedy" });
    const counted = await countRound(handle.db, round.officer, round.roundId);
    // Benches 4 votes, play area 3: both fit (£45,000); trees (3 votes, £30,000) do not.
    expect(counted.result.winners).toEqual([round.benches, round.play]);
    expect(counted.result.turnout).toEqual({ online: 5, code: 1, paper: 1, total: 7 });
    expect(counted.result.comparison.otherRule).toBe("equal_shares");
    expect(counted.result.projects.find((p) => p.id === round.trees)?.explanation).toMatch(/did not fit in the £5,000 left/);
    expect(counted.ballotsHash).toMatch(/^[0-9a-f]{64}$/);

    // Before publishing only officers see it.
    expect(await readRoundResult(handle.db, round.roundId, "public")).toBeNull();
    expect((await readRoundResult(handle.db, round.roundId, "officer"))?.published).toBe(false);

    const published = await publishResults(handle.db, round.officer, round.roundId, { appUrl: APP_URL });
    expect(published.committedMinor).toBe(4_500_000n);
    const balances = await getBalances(handle.db, [roundPotAccount(round.roundId), projectBudgetAccount(round.benches), projectBudgetAccount(round.play), projectBudgetAccount(round.trees)]);
    expect(balances.get(roundPotAccount(round.roundId))?.balanceMinor).toBe(500_000n);
    expect(balances.get(projectBudgetAccount(round.benches))?.balanceMinor).toBe(2_000_000n);
    expect(balances.get(projectBudgetAccount(round.play))?.balanceMinor).toBe(2_500_000n);
    expect(balances.has(projectBudgetAccount(round.trees))).toBe(false);
    expect((await readRoundResult(handle.db, round.roundId, "public"))?.published).toBe(true);
    expect((await verifyLedger(handle.db)).ok).toBe(true);
  });

  it("counts equal shares with completion and states the greedy comparison", async () => {
    const round = await closedRoundWithVotes(handle, { countingRule: "equal_shares" });
    const { result } = await countRound(handle.db, round.officer, round.roundId);
    expect(result.rule).toBe("equal_shares");
    expect(result.comparison.otherRule).toBe("greedy");
    expect(result.comparison.otherWinners).toEqual([round.benches, round.play]);
    expect(BigInt(result.totalCostMinor)).toBeLessThanOrEqual(5_000_000n);
    for (const p of result.projects) expect(p.explanation.length).toBeGreaterThan(10);
    expect(result.comparison.votersWithFundedProject.other).toBe(5);
    expect(result.tieBreak).toContain('"seed"');
  });

  it("writes 'You said, we did' to every proposer and every voter with an account", async () => {
    const round = await closedRoundWithVotes(handle, { countingRule: "greedy" });
    await countRound(handle.db, round.officer, round.roundId);
    const { notified } = await publishResults(handle.db, round.officer, round.roundId, { appUrl: APP_URL });
    expect(notified).toBe(5);
    const authorNotes = await notificationsFor(handle.db, round.resident.user!.id);
    expect(authorNotes).toHaveLength(1);
    expect(authorNotes[0]!.body).toContain("Park benches: funded, with £20,000 committed");
    expect(authorNotes[0]!.body).toContain("Tree planting: not funded this time");
    expect(authorNotes[0]!.link).toBe(`/rounds/${round.slug}/results`);
    const voterNotes = await notificationsFor(handle.db, round.voters[2]!.user!.id);
    expect(voterNotes[0]!.body).toContain("What happened to the projects you voted for:\n- Tree planting: not funded");
    const emails = await handle.db.selectFrom("outbox_message").select(["to_address", "body_text"]).where("subject", "like", "You said, we did%").where("to_address", "in", [round.resident.user!.email, ...round.voters.map((v) => v.user!.email)]).execute();
    expect(emails).toHaveLength(5);
    expect(emails.every((e) => e.body_text.includes(`${APP_URL}/rounds/${round.slug}/results`))).toBe(true);
  });

  it("refuses to count or publish an open round, and to publish one not yet counted", async () => {
    const open = await closedRoundWithVotes(handle, {}, { close: false });
    expect((await domainError(countRound(handle.db, open.officer, open.roundId))).code).toBe("results_round_not_closed");
    expect((await domainError(publishResults(handle.db, open.officer, open.roundId, { appUrl: APP_URL }))).code).toBe("results_round_not_closed");

    const closed = await closedRoundWithVotes(handle);
    expect((await domainError(publishResults(handle.db, closed.officer, closed.roundId, { appUrl: APP_URL }))).code).toBe("results_not_counted");
    const balances = await getBalances(handle.db, [roundPotAccount(closed.roundId)]);
    expect(balances.get(roundPotAccount(closed.roundId))?.balanceMinor).toBe(5_000_000n);
  });

  it("refuses officers of other councils and residents", async () => {
    const round = await closedRoundWithVotes(handle);
    const stranger = await person(handle, "Stranger Resident");
    expect((await domainError(countRound(handle.db, stranger, round.roundId))).code).toBe("forbidden");
    await countRound(handle.db, round.officer, round.roundId);
    expect((await domainError(publishResults(handle.db, stranger, round.roundId, { appUrl: APP_URL }))).code).toBe("forbidden");
  });

  it("refuses to publish a count the ballots have moved on from, and to publish twice", async () => {
    const round = await closedRoundWithVotes(handle);
    await countRound(handle.db, round.officer, round.roundId);
    // A paper batch accepted after the count changes the ballots.
    const batchId = await createPaperBatch(handle.db, round.officer, round.roundId, { label: "Late post", doubleKeying: false });
    await keyPaperSheet(handle.db, round.officer, batchId, { pass: 1, sheetNumber: 1, choices: approve(round.trees) });
    await acceptBatch(handle.db, round.officer, batchId);
    expect((await domainError(publishResults(handle.db, round.officer, round.roundId, { appUrl: APP_URL }))).code).toBe("results_count_stale");
    const recount = await countRound(handle.db, round.officer, round.roundId);
    expect(recount.result.turnout.paper).toBe(2);
    await publishResults(handle.db, round.officer, round.roundId, { appUrl: APP_URL });
    expect((await domainError(publishResults(handle.db, round.officer, round.roundId, { appUrl: APP_URL }))).code).toBe("results_already_published");
    expect((await domainError(countRound(handle.db, round.officer, round.roundId))).code).toBe("results_already_published");
    // The database itself refuses to change a published result.
    await expect(handle.db.updateTable("round_result").set({ ballot_count: 0 }).where("round_id", "=", round.roundId).execute()).rejects.toThrow(/published/);
  });
});
