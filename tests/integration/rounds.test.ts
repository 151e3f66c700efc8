import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/client.js";
import { DomainError } from "../../app/domain/errors.js";
import { getBalances } from "../../app/services/ledger/accounts.server.js";
import { acceptBatch, createPaperBatch, keyPaperSheet, reconcileBatch, rekeySheet } from "../../app/services/rounds/paper.server.js";
import { addComment, hideContent, listProposals, reviewProposal, setSupport, submitProposal, withdrawProposal, getProposal } from "../../app/services/rounds/proposals.server.js";
import { advanceDueRounds, councilBudgetAccount, createRound, movePhase, roundPotAccount, updateRound } from "../../app/services/rounds/rounds.server.js";
import { roundTally } from "../../app/services/rounds/tally.server.js";
import { loadCurrentUser } from "../../app/services/sessions.server.js";
import { announceCommitted } from "../../app/services/live-announce.server.js";
import { castCodeBallot, castOnlineBallot, checkReceipt, generateVotingCodes, publishedBallots } from "../../app/services/rounds/voting.server.js";
import { testDatabases } from "./databases.js";
import { council, person, proposalInput, roundInput, roundInVoting } from "./rounds-fixtures.js";

async function domainError(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

const approve = (...ids: number[]) => ids.map((proposalId) => ({ proposalId, points: 1, rank: null }));

describe.each(testDatabases)("budget rounds on $name", (database) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await database.open();
  });
  afterAll(async () => {
    await handle?.close();
  });

  it("funds the round's pot from the council's budget account in the ledger", async () => {
    const organisationId = await council(handle);
    const officer = await person(handle, "Fund Officer", { role: "officer", organisationId });
    const round = await createRound(handle.db, officer, organisationId, roundInput({ budgetMinor: 5_000_000n }));
    let balances = await getBalances(handle.db, [roundPotAccount(round.id), councilBudgetAccount(organisationId)]);
    expect(balances.get(roundPotAccount(round.id))?.balanceMinor).toBe(5_000_000n);
    expect(balances.get(councilBudgetAccount(organisationId))?.balanceMinor).toBe(-5_000_000n);
    await updateRound(handle.db, officer, round.id, roundInput({ slug: round.slug, budgetMinor: 4_000_000n }));
    balances = await getBalances(handle.db, [roundPotAccount(round.id)]);
    expect(balances.get(roundPotAccount(round.id))?.balanceMinor).toBe(4_000_000n);
  });

  it("only officers of the owning council run a round", async () => {
    const organisationId = await council(handle);
    const otherCouncil = await council(handle);
    const stranger = await person(handle, "Other Officer", { role: "officer", organisationId: otherCouncil });
    const resident = await person(handle, "Just Resident");
    expect((await domainError(createRound(handle.db, stranger, organisationId, roundInput()))).code).toBe("forbidden");
    expect((await domainError(createRound(handle.db, resident, organisationId, roundInput()))).code).toBe("forbidden");
  });

  it("keeps each phase's rules: no proposals outside the proposals phase, no votes outside voting", async () => {
    const organisationId = await council(handle);
    const officer = await person(handle, "Phase Officer", { role: "officer", organisationId });
    const resident = await person(handle, "Phase Resident");
    const round = await createRound(handle.db, officer, organisationId, roundInput());
    expect((await domainError(submitProposal(handle.db, resident, round.id, proposalInput("Too early", 100_000n)))).code).toBe("proposals_closed");
    expect((await domainError(movePhase(handle.db, officer, round.id, "voting", "skip"))).code).toBe("round_cannot_move");
    await movePhase(handle.db, officer, round.id, "proposals", "Open");
    const id = await submitProposal(handle.db, resident, round.id, proposalInput("Bike racks", 300_000n));
    await setSupport(handle.db, officer, id, true);
    await movePhase(handle.db, officer, round.id, "review", "Review");
    expect((await domainError(submitProposal(handle.db, resident, round.id, proposalInput("Too late", 100_000n)))).code).toBe("proposals_closed");
    expect((await domainError(setSupport(handle.db, resident, id, true))).code).toBe("support_closed");
    expect((await domainError(castOnlineBallot(handle.db, resident, round.id, approve(id)))).code).toBe("voting_closed");
    // Voting cannot open while a proposal waits for review.
    expect((await domainError(movePhase(handle.db, officer, round.id, "voting", "Vote"))).code).toBe("round_unreviewed_proposals");
    await reviewProposal(handle.db, officer, id, { feasible: false, reason: "Not on council land", adjustedCostMinor: null, costReason: null });
    expect((await domainError(movePhase(handle.db, officer, round.id, "voting", "Vote"))).code).toBe("round_no_feasible_projects");
    const history = await handle.db.selectFrom("round_phase_change").select(["from_phase", "to_phase"]).where("round_id", "=", round.id).orderBy("id").execute();
    expect(history).toEqual([{ from_phase: "draft", to_phase: "proposals" }, { from_phase: "proposals", to_phase: "review" }]);
    expect((await handle.db.selectFrom("audit_event").select("id").where("action", "=", "round.phase_changed").where("subject_id", "=", String(round.id)).execute()).length).toBe(2);
  });

  it("lets authors edit or withdraw until review, and checks cost lines add up", async () => {
    const organisationId = await council(handle);
    const officer = await person(handle, "Edit Officer", { role: "officer", organisationId });
    const author = await person(handle, "Ann Author");
    const other = await person(handle, "Ollie Other");
    const round = await createRound(handle.db, officer, organisationId, roundInput());
    await movePhase(handle.db, officer, round.id, "proposals", "Open");
    const mismatch = await domainError(
      submitProposal(handle.db, author, round.id, { ...proposalInput("Mural", 500_000n), costLines: [{ description: "Paint", amountMinor: 100_000n }] }),
    );
    expect(mismatch.code).toBe("proposal_cost_lines_mismatch");
    const id = await submitProposal(handle.db, author, round.id, { ...proposalInput("Mural", 500_000n), costLines: [{ description: "Paint", amountMinor: 200_000n }, { description: "Artist", amountMinor: 300_000n }] });
    expect((await domainError(withdrawProposal(handle.db, other, id))).code).toBe("proposal_not_author");
    await withdrawProposal(handle.db, author, id);
    const listed = await listProposals(handle.db, round.id, { status: "withdrawn", page: 1 });
    expect(listed.proposals.map((p) => p.id)).toEqual([id]);
  });

  it("hides a comment or proposal with a public reason, and allows replies only one level deep", async () => {
    const { roundId } = await roundInVoting(handle);
    const moderator = await person(handle, "Mo Moderator", { role: "moderator", organisationId: await council(handle) });
    const resident = await person(handle, "Chatty Resident");
    const [proposalId] = (await listProposals(handle.db, roundId, { page: 1 })).proposals.map((p) => p.id);
    const commentId = await addComment(handle.db, resident, proposalId!, "I would use this every day", null);
    const replyId = await addComment(handle.db, moderator, proposalId!, "Thanks for saying", commentId);
    expect((await domainError(addComment(handle.db, resident, proposalId!, "Reply to a reply", replyId))).code).toBe("comment_reply_depth");
    expect((await domainError(hideContent(handle.db, resident, { kind: "comment", id: commentId }, "no"))).code).toBe("forbidden");
    await hideContent(handle.db, moderator, { kind: "comment", id: commentId }, "Personal details");
    const view = await getProposal(handle.db, proposalId!, null);
    const hidden = view.comments.find((c) => c.id === commentId)!;
    expect(hidden.body).toBe("");
    expect(hidden.hidden_reason).toBe("Personal details");
    expect(view.events.some((e) => e.kind === "comment_hidden")).toBe(true);
  });

  it("freezes the rules when voting opens: the service and raw SQL both refuse changes", async () => {
    const { roundId, officer, slug } = await roundInVoting(handle);
    const round = await handle.db.selectFrom("budget_round").select(["frozen_rules_hash", "frozen_rules"]).where("id", "=", roundId).executeTakeFirstOrThrow();
    expect(round.frozen_rules_hash).toMatch(/^[0-9a-f]{64}$/);
    expect((await domainError(updateRound(handle.db, officer, roundId, roundInput({ slug, budgetMinor: 9_000_000n })))).code).toBe("round_rules_frozen");
    await expect(sql`update budget_round set budget_minor = 1 where id = ${roundId}`.execute(handle.db)).rejects.toThrow(/frozen/);
    await expect(sql`update budget_round set max_choices = 9 where id = ${roundId}`.execute(handle.db)).rejects.toThrow(/frozen/);
  });

  it("keeps one live ballot per voter under 100 concurrent submissions; the latest counts", async () => {
    const { roundId, projectIds } = await roundInVoting(handle);
    const voter = await person(handle, "Eager Voter");
    const results = await Promise.allSettled(
      Array.from({ length: 100 }, (_, i) => castOnlineBallot(handle.db, voter, roundId, approve(projectIds[i % 3]!))),
    );
    const rejected = results.filter((r) => r.status === "rejected").map((r) => String((r as PromiseRejectedResult).reason));
    expect(rejected).toEqual([]);
    const live = await handle.db.selectFrom("ballot").select(["id"]).where("round_id", "=", roundId).where("voter_user_id", "=", voter.user!.id).where("superseded_at", "is", null).execute();
    expect(live).toHaveLength(1);
    const tally = await roundTally(handle.db, roundId, "public");
    expect(tally.turnout.online).toBe(1);
    expect(tally.projects!.reduce((sum, p) => sum + p.votes, 0)).toBe(1);
  });

  it("reads turnout and counts from one snapshot, so they agree while ballots arrive", async () => {
    const { roundId, projectIds } = await roundInVoting(handle);
    const ids = (await sql<{ id: number }>`
      insert into app_user (name, email, email_normalised, area)
      select 'Snapshot ' || g, 'snapshot' || g || '-' || ${roundId} || '@example.org', 'snapshot' || g || '-' || ${roundId} || '@example.org', 'Riverside'
      from generate_series(1, 100) g returning id`.execute(handle.db)).rows.map((r) => r.id);
    const voters = await Promise.all(ids.map(async (id) => ({ user: (await loadCurrentUser(handle.db, id))!, ip: "192.0.2.11" })));
    // Every ballot chooses exactly two projects: any tally read mid-stream must count twice
    // as many choices as ballots.
    let casting = true;
    const ballots = Promise.all(voters.map((voter, i) => castOnlineBallot(handle.db, voter, roundId, approve(projectIds[i % 3]!, projectIds[(i + 1) % 3]!)))).finally(() => (casting = false));
    const reads: { turnout: number; votes: number }[] = [];
    while (casting || reads.length === 0) {
      const tally = await roundTally(handle.db, roundId, "public");
      reads.push({ turnout: tally.turnout.total, votes: tally.projects!.reduce((sum, p) => sum + p.votes, 0) });
    }
    await ballots;
    const final = await roundTally(handle.db, roundId, "officer");
    reads.push({ turnout: final.turnout.total, votes: final.projects!.reduce((sum, p) => sum + p.votes, 0) });
    expect(reads.filter((r) => r.votes !== 2 * r.turnout)).toEqual([]);
    expect(reads.at(-1)).toEqual({ turnout: 100, votes: 200 });
    await expect(roundTally(handle.db, 999_999, "officer")).rejects.toMatchObject({ code: "round_not_found" });
  });

  it("announces a ballot on the round's live channel after it commits, and a refused one not at all", async () => {
    const { roundId, projectIds } = await roundInVoting(handle);
    const voter = await person(handle, "Announced Voter");
    const heard: string[] = [];
    const unlisten = await handle.listen("potluck_live", (payload) => heard.push((JSON.parse(payload) as { channel: string }).channel));
    const waitToHear = async (channel: string) => {
      for (let waited = 0; !heard.includes(channel) && waited < 200; waited++) await new Promise((r) => setTimeout(r, 50));
      expect(heard).toContain(channel);
    };
    try {
      await domainError(castOnlineBallot(handle.db, voter, roundId, approve(999_999)));
      // Notifications arrive in commit order: once this marker is heard, anything the refused
      // ballot had announced would have been heard too.
      void announceCommitted(handle.db, "test:marker");
      await waitToHear("test:marker");
      expect(heard).not.toContain(`round:${roundId}`);
      await castOnlineBallot(handle.db, voter, roundId, approve(projectIds[0]!));
      await waitToHear(`round:${roundId}`);
    } finally {
      await unlisten();
    }
  });

  it("refuses bad ballots with specific messages and stores nothing", async () => {
    const { roundId, projectIds } = await roundInVoting(handle, { ballotType: "knapsack", budgetMinor: 5_000_000n });
    const voter = await person(handle, "Careful Voter");
    const over = await domainError(castOnlineBallot(handle.db, voter, roundId, approve(projectIds[1]!, projectIds[2]!)));
    expect(over.code).toBe("ballot_over_budget");
    expect(over.values).toMatchObject({ totalMinor: "5500000", budgetMinor: "5000000" });
    expect((await domainError(castOnlineBallot(handle.db, voter, roundId, approve(999_999)))).code).toBe("ballot_unknown_project");
    expect((await domainError(castOnlineBallot(handle.db, voter, roundId, approve(projectIds[0]!, projectIds[0]!)))).code).toBe("ballot_duplicate_project");
    const stored = await handle.db.selectFrom("ballot").select("id").where("round_id", "=", roundId).execute();
    expect(stored).toHaveLength(0);
  });

  it("lets a one-time code vote once, and never again", async () => {
    const { roundId, officer, projectIds } = await roundInVoting(handle);
    const [code] = await generateVotingCodes(handle.db, officer, roundId, 3, "Library drop-in");
    const first = await castCodeBallot(handle.db, roundId, code!.toLowerCase().replace(/-/g, " "), approve(projectIds[0]!));
    expect(first.receipt).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect((await domainError(castCodeBallot(handle.db, roundId, code!, approve(projectIds[1]!)))).code).toBe("voting_code_used");
    expect((await domainError(castCodeBallot(handle.db, roundId, "AAAA-BBBB-CCCC", approve(projectIds[1]!)))).code).toBe("voting_code_invalid");
    const concurrent = await Promise.allSettled([1, 2, 3, 4, 5].map(() => castCodeBallot(handle.db, roundId, (code === undefined ? "" : code), approve(projectIds[1]!))));
    expect(concurrent.every((r) => r.status === "rejected")).toBe(true);
    expect((await roundTally(handle.db, roundId, "public")).turnout.code).toBe(1);
  });

  it("never shows hidden counts to a resident before close, only turnout", async () => {
    const { roundId, officer, resident, projectIds } = await roundInVoting(handle, { liveCounts: "hidden" });
    await castOnlineBallot(handle.db, resident, roundId, approve(projectIds[0]!));
    const publicView = await roundTally(handle.db, roundId, "public");
    expect(publicView.countsVisible).toBe(false);
    expect(publicView.projects).toBeNull();
    expect(publicView.turnout.total).toBe(1);
    expect(JSON.stringify(publicView)).not.toContain("Park benches");
    const officerView = await roundTally(handle.db, roundId, "officer");
    expect(officerView.projects!.find((p) => p.id === projectIds[0])!.votes).toBe(1);
    expect((await domainError(publishedBallots(handle.db, roundId, { afterReceiptHash: "", limit: 10 }))).code).toBe("round_phase_wrong");
    await movePhase(handle.db, officer, roundId, "closed", "Close");
    expect((await roundTally(handle.db, roundId, "public")).projects!.find((p) => p.id === projectIds[0])!.votes).toBe(1);
  });

  it("counts a paper batch only after two different officers' keyings agree", async () => {
    const { roundId, officer, organisationId, projectIds } = await roundInVoting(handle);
    const second = await person(handle, "Second Keyer", { role: "officer", organisationId });
    const batchId = await createPaperBatch(handle.db, officer, roundId, { label: "Town hall box 1", doubleKeying: true });
    await keyPaperSheet(handle.db, officer, batchId, { pass: 1, sheetNumber: 1, choices: approve(projectIds[0]!) });
    await keyPaperSheet(handle.db, officer, batchId, { pass: 1, sheetNumber: 2, choices: approve(projectIds[1]!, projectIds[2]!) });
    expect((await domainError(keyPaperSheet(handle.db, officer, batchId, { pass: 2, sheetNumber: 1, choices: approve(projectIds[0]!) }))).code).toBe("paper_second_keyer_same");
    await keyPaperSheet(handle.db, second, batchId, { pass: 2, sheetNumber: 1, choices: approve(projectIds[0]!) });
    await keyPaperSheet(handle.db, second, batchId, { pass: 2, sheetNumber: 2, choices: approve(projectIds[1]!) });
    const reconciliation = await reconcileBatch(handle.db, batchId);
    expect(reconciliation.mismatches.map((m) => m.sheetNumber)).toEqual([2]);
    expect((await domainError(acceptBatch(handle.db, officer, batchId))).code).toBe("paper_batch_mismatches");
    expect((await roundTally(handle.db, roundId, "public")).turnout.paper).toBe(0);
    await rekeySheet(handle.db, second, batchId, { pass: 2, sheetNumber: 2, choices: approve(projectIds[2]!, projectIds[1]!) });
    expect(await acceptBatch(handle.db, officer, batchId)).toEqual({ ballots: 2 });
    expect((await roundTally(handle.db, roundId, "public")).turnout.paper).toBe(2);
    expect((await domainError(acceptBatch(handle.db, officer, batchId))).code).toBe("paper_batch_accepted");
  });

  it("publishes an anonymised ballot list after close that a receipt can be checked against", async () => {
    const { roundId, officer, resident, projectIds } = await roundInVoting(handle);
    const first = await castOnlineBallot(handle.db, resident, roundId, approve(projectIds[0]!));
    const second = await castOnlineBallot(handle.db, resident, roundId, approve(projectIds[1]!));
    expect(second.replacedEarlierBallot).toBe(true);
    await movePhase(handle.db, officer, roundId, "closed", "Close");
    const list = await publishedBallots(handle.db, roundId, { afterReceiptHash: "", limit: 100 });
    expect(list).toHaveLength(1);
    // Nothing that identifies the voter or when they voted.
    expect(Object.keys(list[0]!).sort()).toEqual(["channel", "choices", "receiptHash"]);
    const counted = await checkReceipt(handle.db, roundId, second.receipt);
    expect(counted).toMatchObject({ counted: true, receiptHash: list[0]!.receiptHash });
    expect(counted.choices.map((c) => c.proposalId)).toEqual([projectIds[1]]);
    expect((await checkReceipt(handle.db, roundId, first.receipt)).counted).toBe(false);
    expect((await domainError(castOnlineBallot(handle.db, resident, roundId, approve(projectIds[2]!)))).code).toBe("voting_closed");
  });

  it("moves rounds on by date", async () => {
    const organisationId = await council(handle);
    const officer = await person(handle, "Date Officer", { role: "officer", organisationId });
    const now = new Date();
    const round = await createRound(handle.db, officer, organisationId, roundInput({ proposalsOpenAt: new Date(now.getTime() - 60_000), reviewStartsAt: new Date(now.getTime() + 86_400_000) }));
    const result = await advanceDueRounds(handle.db, now);
    expect(result.moved).toBeGreaterThanOrEqual(1);
    const row = await handle.db.selectFrom("budget_round").select("phase").where("id", "=", round.id).executeTakeFirstOrThrow();
    expect(row.phase).toBe("proposals");
  });
});
