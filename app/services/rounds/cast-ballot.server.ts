// Casting an online or code ballot in one database statement (cast_ballot(), migration 0011).
// The ballot is checked here against the round's frozen rules (kept by frozen-rounds.server.ts);
// the database checks everything that can change (phase, closing time, code use, the voter's
// earlier ballot) and that the rules this process checked against are still the round's.
import { sql, type Kysely } from "kysely";
import type { Database } from "../../../db/schema.js";
import { DomainError } from "../../domain/errors.js";
import { BallotRejected, checkBallot, type BallotChoice } from "../../domain/rounds/ballot.js";
import { isUniqueViolation, sqlState } from "../db-errors.js";
import { announceCommitted } from "../live-announce.server.js";
import { readableCode } from "../../domain/rounds/codes.js";
import { sha256Hex } from "../../domain/ledger/hashing.js";
import { forgetFrozenRound, frozenBallotRules } from "./frozen-rounds.server.js";

/** Raised by cast_ballot() for a refusal; the message is the domain error's code. */
const BALLOT_REFUSED_SQLSTATE = "PBV01";
const REFUSAL_STATUS: Record<string, number> = {
  round_not_found: 404,
  voting_closed: 409,
  voting_accounts_not_allowed: 403,
  voting_codes_not_allowed: 403,
  voting_not_eligible_area: 403,
  voting_code_used: 409,
  voting_code_invalid: 400,
  ballot_rules_changed: 409,
};

/** The DomainError for a refusal raised by cast_ballot(), or undefined for any other error. */
function refusalFrom(error: unknown): DomainError | undefined {
  if (sqlState(error) !== BALLOT_REFUSED_SQLSTATE) return undefined;
  const { message, detail } = error as { message?: unknown; detail?: unknown };
  if (typeof message !== "string" || !(message in REFUSAL_STATUS)) return undefined;
  const field = message.startsWith("voting_code_") ? "code" : undefined;
  const values = message === "voting_not_eligible_area" && typeof detail === "string" ? { area: detail } : undefined;
  return new DomainError(message, { status: REFUSAL_STATUS[message], field, values });
}

export type BallotVoter = { channel: "online"; userId: number } | { channel: "code"; code: string };

export interface CastBallot {
  ballotId: number;
  receipt: string;
  replacedEarlierBallot: boolean;
}

async function callCastBallot(db: Kysely<Database>, roundId: number, rulesHash: string, voter: BallotVoter, choices: readonly BallotChoice[], receiptHash: string | null, now: Date) {
  const checkOnly = receiptHash === null;
  const result = await sql<{ ballot_id: number | null; replaced: boolean | null }>`
    select ballot_id, replaced from cast_ballot(
      ${roundId}::int, ${rulesHash}::text, ${voter.channel}::text,
      ${voter.channel === "online" ? voter.userId : null}::int, ${voter.channel === "code" ? sha256Hex(voter.code) : null}::text,
      ${now}::timestamptz, ${receiptHash}::text, ${checkOnly ? null : JSON.stringify(choices)}::jsonb,
      ${choices.map((c) => c.proposalId)}::int[], ${choices.map((c) => c.points)}::int[], ${choices.map((c) => c.rank)}::int[],
      ${checkOnly}::boolean)`.execute(db);
  return result.rows[0];
}

/**
 * Casts one ballot: the round must be in voting, the voter eligible and the choices within the
 * rules. Call with the database, not a transaction: the ballot commits on its own, and the live
 * tally is told after it has.
 */
export async function castBallot(db: Kysely<Database>, roundId: number, voter: BallotVoter, choices: readonly BallotChoice[], now: Date): Promise<CastBallot> {
  for (let attempt = 1; ; attempt++) {
    const frozen = await frozenBallotRules(db, roundId);
    try {
      const check = checkBallot(frozen.rules, choices);
      if (!check.ok) {
        // A closed round or an ineligible voter is the first thing to tell, as before the rules.
        await callCastBallot(db, roundId, frozen.hash, voter, [], null, now);
        throw new BallotRejected(check.problems);
      }
      const receipt = readableCode();
      const row = await callCastBallot(db, roundId, frozen.hash, voter, check.choices, sha256Hex(receipt), now);
      if (!row || row.ballot_id === null) throw new Error("cast_ballot returned no ballot");
      void announceCommitted(db, `round:${roundId}`);
      return { ballotId: row.ballot_id, receipt, replacedEarlierBallot: row.replaced === true };
    } catch (error) {
      const refusal = refusalFrom(error);
      // Kept rules that are not the round's (a database restored from elsewhere): read them again, once.
      if (refusal?.code === "ballot_rules_changed" && attempt === 1) {
        forgetFrozenRound(db, roundId);
        continue;
      }
      if (refusal) throw refusal;
      if (voter.channel === "code" && isUniqueViolation(error)) throw new DomainError("voting_code_used", { field: "code", status: 409 });
      throw error;
    }
  }
}
