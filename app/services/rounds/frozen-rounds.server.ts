// The frozen rules of rounds in voting, kept in memory. Once voting opens a round's rules never
// change (the database refuses it, migration 0003), so each process reads them once per round
// instead of once per ballot. cast_ballot() still compares their sha256 with the round's, so
// rules kept by mistake are refused, never used.
import type { Kysely } from "kysely";
import type { Database } from "../../../db/schema.js";
import type { BallotType } from "../../../db/schema-rounds.js";
import { DomainError } from "../../domain/errors.js";
import type { BallotRules } from "../../domain/rounds/ballot.js";
import { ballotRulesOf } from "../../domain/rounds/rules.js";

/** Rounds one process keeps at once, per database; the oldest goes first. */
const MAX_KEPT_ROUNDS = 1_000;

export interface FrozenRound {
  id: number;
  slug: string;
  ballot_type: BallotType;
  frozen_rules: unknown;
  hash: string;
  rules: BallotRules;
}

interface Kept {
  byId: Map<number, FrozenRound>;
  idBySlug: Map<string, number>;
}

const keptByDb = new WeakMap<Kysely<Database>, Kept>();

function keptFor(db: Kysely<Database>): Kept {
  let kept = keptByDb.get(db);
  if (!kept) keptByDb.set(db, (kept = { byId: new Map(), idBySlug: new Map() }));
  return kept;
}

function keep(kept: Kept, round: FrozenRound): void {
  if (kept.byId.size >= MAX_KEPT_ROUNDS) {
    const oldest = kept.byId.values().next().value!;
    forget(kept, oldest.id);
  }
  kept.byId.set(round.id, round);
  kept.idBySlug.set(round.slug, round.id);
}

function forget(kept: Kept, roundId: number): void {
  const round = kept.byId.get(roundId);
  if (!round) return;
  kept.byId.delete(roundId);
  if (kept.idBySlug.get(round.slug) === roundId) kept.idBySlug.delete(round.slug);
}

/** Reads a round; undefined when there is none, or when its rules are not frozen yet (nothing kept). */
async function readFrozen(db: Kysely<Database>, where: { id: number } | { slug: string }): Promise<FrozenRound | null | undefined> {
  const query = db.selectFrom("budget_round").select(["id", "slug", "ballot_type", "frozen_rules", "frozen_rules_hash"]);
  const row = await ("id" in where ? query.where("id", "=", where.id) : query.where("slug", "=", where.slug)).executeTakeFirst();
  if (!row) return undefined;
  if (!row.frozen_rules_hash) return null;
  const round: FrozenRound = { id: row.id, slug: row.slug, ballot_type: row.ballot_type, frozen_rules: row.frozen_rules, hash: row.frozen_rules_hash, rules: ballotRulesOf(row) };
  keep(keptFor(db), round);
  return round;
}

/** The frozen rules a ballot in this round is checked against. */
export async function frozenBallotRules(db: Kysely<Database>, roundId: number): Promise<FrozenRound> {
  const kept = keptFor(db).byId.get(roundId);
  if (kept) return kept;
  const round = await readFrozen(db, { id: roundId });
  if (round === undefined) throw new DomainError("round_not_found", { status: 404 });
  // Rules not frozen yet: voting has not opened.
  if (round === null) throw new DomainError("voting_closed", { status: 409 });
  return round;
}

/** The round with this address when its rules are frozen; undefined when it has none or is not frozen yet. */
export async function frozenRoundBySlug(db: Kysely<Database>, slug: string): Promise<FrozenRound | undefined> {
  const kept = keptFor(db);
  const id = kept.idBySlug.get(slug);
  const round = id === undefined ? undefined : kept.byId.get(id);
  if (round) return round;
  return (await readFrozen(db, { slug })) ?? undefined;
}

export function forgetFrozenRound(db: Kysely<Database>, roundId: number): void {
  forget(keptFor(db), roundId);
}
