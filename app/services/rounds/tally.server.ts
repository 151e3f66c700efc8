// The tally of a round. Hidden rounds show turnout to everyone and counts only to the round's
// officers until voting closes; this function is the one place that decides.
import { sql, type Kysely } from "kysely";
import type { Database } from "../../../db/schema.js";
import { DomainError } from "../../domain/errors.js";
import type { FrozenRules } from "../../domain/rounds/rules.js";
import type { CurrentUser } from "../current-user.js";
import { isOfficerFor } from "./access.server.js";

export type TallyAudience = "public" | "officer";

export interface Tally {
  roundId: number;
  phase: string;
  countsVisible: boolean;
  turnout: { online: number; code: number; paper: number; total: number };
  /** Null when counts are hidden from this audience. */
  projects: { id: number; title: string; costMinor: string; votes: number; points: number }[] | null;
}

export function audienceFor(viewer: CurrentUser | null, organisationId: number): TallyAudience {
  return isOfficerFor(viewer, organisationId) ? "officer" : "public";
}

/**
 * Reads turnout and counts from one snapshot of the database (repeatable read), so the two
 * always agree. Call with the database, not a transaction.
 */
export async function roundTally(db: Kysely<Database>, roundId: number, audience: TallyAudience): Promise<Tally> {
  // i18n-exempt: an isolation level, not words for people
  return db.transaction().setIsolationLevel("repeatable read").execute(async (trx) => {
    // Counting a round reads most of its ballots, which a hash join does in one pass. The
    // planner picks a nested loop instead (an index lookup per ballot) while the ballot table's
    // statistics still describe it as nearly empty, as on a round's first day until autovacuum
    // comes by: measured, that made each count read grow with the round and slowed the tally.
    await sql`set local enable_nestloop = off`.execute(trx);
    return tallyIn(trx, roundId, audience);
  });
}

async function tallyIn(db: Kysely<Database>, roundId: number, audience: TallyAudience): Promise<Tally> {
  const round = await db
    .selectFrom("budget_round")
    .select(["id", "phase", "live_counts", "frozen_rules"])
    .where("id", "=", roundId)
    .executeTakeFirst();
  if (!round) throw new DomainError("round_not_found", { status: 404 });
  const countsVisible = round.live_counts === "public" || round.phase === "closed" || audience === "officer";
  const turnoutRows = await db
    .selectFrom("ballot")
    .select(["channel", sql<bigint>`count(*)`.as("n")])
    .where("round_id", "=", roundId)
    .where("superseded_at", "is", null)
    .groupBy("channel")
    .execute();
  const turnout = { online: 0, code: 0, paper: 0, total: 0 };
  for (const row of turnoutRows) {
    turnout[row.channel] = Number(row.n);
    turnout.total += Number(row.n);
  }
  if (!countsVisible) return { roundId, phase: round.phase, countsVisible, turnout, projects: null };

  const frozen = round.frozen_rules as FrozenRules | null;
  const counts = await db
    .selectFrom("ballot_choice")
    .innerJoin("ballot", "ballot.id", "ballot_choice.ballot_id")
    .select(["ballot_choice.proposal_id", sql<bigint>`count(*)`.as("votes"), sql<bigint>`sum(ballot_choice.points)::int8`.as("points")])
    .where("ballot.round_id", "=", roundId)
    .where("ballot.superseded_at", "is", null)
    .groupBy("ballot_choice.proposal_id")
    .execute();
  const byId = new Map(counts.map((c) => [c.proposal_id, c]));
  const projects = (frozen?.projects ?? []).map((p) => ({
    id: p.id,
    title: p.title,
    costMinor: p.costMinor,
    votes: Number(byId.get(p.id)?.votes ?? 0n),
    points: Number(byId.get(p.id)?.points ?? 0n),
  }));
  projects.sort((a, b) => b.points - a.points || b.votes - a.votes || a.id - b.id);
  return { roundId, phase: round.phase, countsVisible, turnout, projects };
}
