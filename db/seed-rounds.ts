// The demo budget round: Northfield Neighbourhood Fund 2027, mid-vote, with reviewed proposals,
// debate, online and code ballots, and its pot funded in the ledger.
import type { Kysely } from "kysely";
import type { Database } from "./schema.js";
import { freezeRules } from "../app/domain/rounds/rules.js";
import { openAccount } from "../app/services/ledger/accounts.server.js";
import { postEntry } from "../app/services/ledger/post.server.js";
import { councilBudgetAccount, roundPotAccount } from "../app/services/rounds/rounds.server.js";
import { insertBallot, readRoundForVoting } from "../app/services/rounds/voting.server.js";

const PROPOSALS: { title: string; summary: string; costMinor: bigint; area: string; theme: string; feasible: boolean; reason: string }[] = [
  { title: "Benches and shade in Riverside Park", summary: "Ten benches and two shade sails so older residents can rest on walks.", costMinor: 1_800_000n, area: "Riverside", theme: "Green spaces", feasible: true, reason: "Parks team can install these in spring." },
  { title: "Free holiday lunch club", summary: "Lunches and activities for children at Millbrook Community Centre in the school holidays.", costMinor: 2_400_000n, area: "Millbrook", theme: "Food", feasible: true, reason: "The centre has a kitchen and a food hygiene rating of 5." },
  { title: "Safer crossing on Old Town Road", summary: "A zebra crossing by the primary school.", costMinor: 4_500_000n, area: "Old Town", theme: "Getting around", feasible: true, reason: "Highways confirmed the site; cost includes lighting." },
  { title: "Youth music studio", summary: "Turn the empty room at North Ward library into a recording studio for young people.", costMinor: 3_200_000n, area: "North Ward", theme: "Youth", feasible: true, reason: "Library service will host it; equipment quote attached." },
  { title: "Community fridge", summary: "A shared fridge where shops and neighbours leave surplus food.", costMinor: 600_000n, area: "Riverside", theme: "Food", feasible: true, reason: "Run with the food bank; covers two years of electricity." },
  { title: "Tree planting on estates", summary: "Plant 150 street trees across the three estates.", costMinor: 3_000_000n, area: "North Ward", theme: "Green spaces", feasible: true, reason: "Tree officer agreed the locations." },
  { title: "Swimming pool on the green", summary: "An outdoor pool on Millbrook Green.", costMinor: 14_000_000n, area: "Millbrook", theme: "Sport", feasible: false, reason: "The cost is close to the whole budget and the green is common land, which cannot be built on." },
];

export async function seedRoundsDemo(trx: Kysely<Database>, ids: { councilId: number; officerId: number; residentIds: number[] }): Promise<void> {
  const now = Date.now();
  const day = 86_400_000;
  const round = await trx
    .insertInto("budget_round")
    .values({
      organisation_id: ids.councilId,
      slug: "northfield-neighbourhood-fund-2027",
      title: "Northfield Neighbourhood Fund 2027",
      description: "£150,000 for projects in Northfield chosen by the people who live here: parks, play, food, youth and getting around.",
      area: "Northfield",
      budget_minor: 15_000_000n,
      phase: "draft",
      proposals_open_at: new Date(now - 40 * day),
      review_starts_at: new Date(now - 20 * day),
      voting_opens_at: new Date(now - 5 * day),
      voting_closes_at: new Date(now + 14 * day),
      ballot_type: "approval",
      min_choices: 1,
      max_choices: 3,
      counting_rule: "equal_shares",
      tie_break_seed: "northfield-2027",
      live_counts: "public",
      created_by_user_id: ids.officerId,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await openAccount(trx, { code: councilBudgetAccount(ids.councilId), unit: "GBP", name: "Council participatory budget", ownerType: "organisation", ownerId: String(ids.councilId), isPublic: true });
  await openAccount(trx, { code: roundPotAccount(round.id), unit: "GBP", name: "Northfield Neighbourhood Fund 2027 pot", ownerType: "budget_round", ownerId: String(round.id), isPublic: true, minBalance: "0" });
  await postEntry(trx, {
    idempotencyKey: `round-budget:${round.id}:seed`,
    kind: "round_budget",
    memo: "Budget allocated to the round",
    createdBy: `user:${ids.officerId}`,
    metadata: { round: String(round.id) },
    postings: [
      { accountCode: councilBudgetAccount(ids.councilId), unit: "GBP", amount: "-150000.00" },
      { accountCode: roundPotAccount(round.id), unit: "GBP", amount: "150000.00" },
    ],
  });

  const projects: { id: number; title: string; costMinor: string }[] = [];
  for (const [index, p] of PROPOSALS.entries()) {
    const author = ids.residentIds[index % ids.residentIds.length]!;
    const row = await trx
      .insertInto("proposal")
      .values({ round_id: round.id, author_id: author, title: p.title, summary: p.summary, description: `${p.summary} Proposed by local residents after a meeting at the community centre.`, cost_minor: p.costMinor, area: p.area, theme: p.theme, status: p.feasible ? "feasible" : "not_feasible", review_reason: p.reason })
      .returning("id")
      .executeTakeFirstOrThrow();
    await trx.insertInto("proposal_event").values([
      { proposal_id: row.id, actor_user_id: author, kind: "submitted", details: JSON.stringify({}) },
      { proposal_id: row.id, actor_user_id: ids.officerId, kind: "reviewed", details: JSON.stringify({ status: p.feasible ? "feasible" : "not_feasible", reason: p.reason }) },
    ]).execute();
    for (const supporter of ids.residentIds.slice(0, 3 + index)) {
      await trx.insertInto("proposal_support").values({ proposal_id: row.id, user_id: supporter }).execute();
    }
    if (p.feasible) projects.push({ id: row.id, title: p.title, costMinor: p.costMinor.toString() });
  }
  const firstProposal = projects[0]!.id;
  const comment = await trx.insertInto("proposal_comment").values({ proposal_id: firstProposal, author_id: ids.residentIds[4]!, body: "My mum would walk to the park more if there were somewhere to sit halfway." }).returning("id").executeTakeFirstOrThrow();
  await trx.insertInto("proposal_comment").values({ proposal_id: firstProposal, parent_id: comment.id, author_id: ids.residentIds[0]!, body: "That is exactly why we proposed it." }).execute();

  const frozen = freezeRules({
    round: "northfield-neighbourhood-fund-2027",
    budgetMinor: "15000000",
    ballotType: "approval",
    minChoices: 1,
    maxChoices: 3,
    pointsTotal: 10,
    countingRule: "equal_shares",
    tieBreakSeed: "northfield-2027",
    eligibility: { accounts: true, areaOnly: false, area: "Northfield", codes: true, paper: true },
    projects,
  });
  await trx.updateTable("budget_round").set({ phase: "voting", frozen_rules: frozen.json, frozen_rules_hash: frozen.hashHex, frozen_at: new Date(now - 5 * day) }).where("id", "=", round.id).execute();
  for (const [from, to, at] of [["draft", "proposals", 40], ["proposals", "review", 20], ["review", "voting", 5]] as const) {
    await trx.insertInto("round_phase_change").values({ round_id: round.id, from_phase: from, to_phase: to, at: new Date(now - at * day), by_user_id: null, reason: "The date set for this stage was reached" }).execute();
  }

  // Half the residents have voted already; the rest (and the demo sign-ins) can still vote.
  const locked = await readRoundForVoting(trx, round.id);
  for (const [index, voter] of ids.residentIds.slice(10).entries()) {
    const picks = [projects[index % projects.length]!.id, projects[(index * 2 + 1) % projects.length]!.id];
    const choices = [...new Set(picks)].sort((a, b) => a - b).map((proposalId) => ({ proposalId, points: 1, rank: null }));
    await insertBallot(trx, locked, "online", { voterUserId: voter }, choices);
  }
}
