// A closed round with ballots on every channel, for the results tests.
import type { DbHandle } from "../../db/client.js";
import type { RoundInput } from "../../app/services/rounds/rounds.server.js";
import { movePhase } from "../../app/services/rounds/rounds.server.js";
import { acceptBatch, createPaperBatch, keyPaperSheet } from "../../app/services/rounds/paper.server.js";
import { castCodeBallot, castOnlineBallot, generateVotingCodes } from "../../app/services/rounds/voting.server.js";
import { person, roundInVoting } from "./rounds-fixtures.js";

export const approve = (...ids: number[]) => ids.map((proposalId) => ({ proposalId, points: 1, rank: null }));

/**
 * Park benches (£20,000), Play area (£25,000), Tree planting (£30,000); budget £50,000.
 * Votes: benches 3 + 1 paper, play area 3, trees 2 + 1 code. Four online voters with accounts
 * plus the author (who voted for play area and trees).
 */
export async function closedRoundWithVotes(handle: DbHandle, overrides: Partial<RoundInput> = {}, options: { close?: boolean } = {}) {
  const round = await roundInVoting(handle, overrides);
  const [benches, play, trees] = round.projectIds as [number, number, number];
  const voters = [];
  for (const [name, choices] of [["Vera One", [benches, play]], ["Vic Two", [benches, play]], ["Val Three", [trees]], ["Van Four", [benches]]] as const) {
    const voter = await person(handle, name, { area: "Riverside" });
    await castOnlineBallot(handle.db, voter, round.roundId, approve(...choices));
    voters.push(voter);
  }
  await castOnlineBallot(handle.db, round.resident, round.roundId, approve(play, trees));
  const [code] = await generateVotingCodes(handle.db, round.officer, round.roundId, 1, "Library");
  await castCodeBallot(handle.db, round.roundId, code!, approve(trees));
  const batchId = await createPaperBatch(handle.db, round.officer, round.roundId, { label: "Town hall", doubleKeying: false });
  await keyPaperSheet(handle.db, round.officer, batchId, { pass: 1, sheetNumber: 1, choices: approve(benches) });
  await acceptBatch(handle.db, round.officer, batchId);
  if (options.close !== false) await movePhase(handle.db, round.officer, round.roundId, "closed", "Voting ended");
  return { ...round, voters, benches, play, trees };
}

export const APP_URL = "https://potluck.example.org";
