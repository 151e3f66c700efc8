// The tally of a round. Hidden rounds show turnout to everyone and counts only to the round's
// officers until voting closes; round_tally() in the database is the one place that decides.
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

interface TallyRow {
  phase: string;
  counts_visible: boolean;
  turnout: Partial<Record<"online" | "code" | "paper", number | string>>;
  projects: FrozenRules["projects"] | null;
  /** [proposal id, votes, points] for each proposal with a vote. */
  counts: [number, number | string, number | string][] | null;
}

/**
 * Turnout and, when this audience may see them, the counts: one statement, round_tally()
 * (migration 0016), which reads both from one snapshot so they always agree, and which decides
 * whether the counts are visible. Hidden counts are not even computed for the public.
 */
export async function roundTally(db: Kysely<Database>, roundId: number, audience: TallyAudience): Promise<Tally> {
  const result = await sql<TallyRow>`select * from round_tally(${roundId}::int, ${audience === "officer"})`.execute(db);
  const row = result.rows[0];
  if (!row) throw new DomainError("round_not_found", { status: 404 });
  const turnout = { online: 0, code: 0, paper: 0, total: 0 };
  for (const channel of ["online", "code", "paper"] as const) {
    turnout[channel] = Number(row.turnout[channel] ?? 0);
    turnout.total += turnout[channel];
  }
  if (!row.counts_visible) return { roundId, phase: row.phase, countsVisible: false, turnout, projects: null };

  const byId = new Map((row.counts ?? []).map(([proposalId, votes, points]) => [proposalId, { votes: Number(votes), points: Number(points) }]));
  const projects = (row.projects ?? []).map((p) => ({
    id: p.id,
    title: p.title,
    costMinor: p.costMinor,
    votes: byId.get(p.id)?.votes ?? 0,
    points: byId.get(p.id)?.points ?? 0,
  }));
  projects.sort((a, b) => b.points - a.points || b.votes - a.votes || a.id - b.id);
  return { roundId, phase: row.phase, countsVisible: true, turnout, projects };
}
