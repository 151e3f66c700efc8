// Builds a round with people, proposals and reviews, for the budget round tests.
import type { DbHandle } from "../../db/client.js";
import { registerResident } from "../../app/services/accounts.server.js";
import type { Actor } from "../../app/services/current-user.js";
import { grantRole } from "../../app/services/people.server.js";
import { loadCurrentUser } from "../../app/services/sessions.server.js";
import { createRound, movePhase, type RoundInput } from "../../app/services/rounds/rounds.server.js";
import { reviewProposal, submitProposal } from "../../app/services/rounds/proposals.server.js";

let counter = 0;
const SYSTEM: Actor = { user: null, ip: null, system: true };

export async function person(handle: DbHandle, name: string, options: { role?: "officer" | "moderator"; organisationId?: number; area?: string } = {}): Promise<Actor> {
  const email = `${name.toLowerCase().replace(/\W+/g, ".")}.${++counter}.${Date.now()}@example.org`;
  const userId = await registerResident(handle.db, { name, email, password: "a good password", area: options.area ?? null }, { user: null, ip: null });
  if (options.role) await grantRole(handle.db, SYSTEM, { userId, role: options.role, organisationId: options.organisationId ?? null });
  return { user: (await loadCurrentUser(handle.db, userId))!, ip: "192.0.2.10" };
}

export async function council(handle: DbHandle): Promise<number> {
  const row = await handle.db
    .insertInto("organisation")
    .values({ slug: `council-${++counter}-${Date.now() % 100000}`, name: "Test Council", kind: "council" })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export function roundInput(overrides: Partial<RoundInput> = {}): RoundInput {
  return {
    slug: `round-${++counter}-${Date.now() % 100000}`,
    title: "Riverside Fund",
    description: "Projects for Riverside",
    area: "Riverside",
    theme: null,
    budgetMinor: 5_000_000n,
    proposalsOpenAt: null,
    reviewStartsAt: null,
    votingOpensAt: null,
    votingClosesAt: null,
    ballotType: "approval",
    minChoices: 1,
    maxChoices: 3,
    pointsTotal: 10,
    countingRule: "equal_shares",
    tieBreakSeed: "seed",
    liveCounts: "public",
    allowAccountVotes: true,
    allowCodeVotes: true,
    allowPaperVotes: true,
    areaOnly: false,
    ...overrides,
  };
}

export const proposalInput = (title: string, costMinor: bigint) => ({
  title,
  summary: `${title} summary`,
  description: `${title} description`,
  costMinor,
  costLines: [],
  area: "Riverside",
  theme: "Parks",
  coauthorEmails: [],
});

/** A round in voting with three feasible projects costing £20,000, £25,000 and £30,000. */
export async function roundInVoting(handle: DbHandle, overrides: Partial<RoundInput> = {}) {
  const organisationId = await council(handle);
  const officer = await person(handle, "Olive Officer", { role: "officer", organisationId });
  const resident = await person(handle, "Rita Resident", { area: "Riverside" });
  const round = await createRound(handle.db, officer, organisationId, roundInput(overrides));
  await movePhase(handle.db, officer, round.id, "proposals", "Open");
  const ids: number[] = [];
  for (const [title, cost] of [["Park benches", 2_000_000n], ["Play area", 2_500_000n], ["Tree planting", 3_000_000n]] as const) {
    ids.push(await submitProposal(handle.db, resident, round.id, proposalInput(title, cost)));
  }
  await movePhase(handle.db, officer, round.id, "review", "Review");
  for (const id of ids) await reviewProposal(handle.db, officer, id, { feasible: true, reason: "Can be delivered", adjustedCostMinor: null, costReason: null });
  await movePhase(handle.db, officer, round.id, "voting", "Vote");
  return { organisationId, officer, resident, roundId: round.id, slug: round.slug, projectIds: ids };
}
