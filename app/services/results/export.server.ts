// The round as a Pabulib .pb file (with `selected` once published) and the result as CSV.
import type { Kysely } from "kysely";
import type { Database } from "../../../db/schema.js";
import { DomainError } from "../../domain/errors.js";
import { serialisePabulib } from "../../domain/pabulib.js";
import { resultCsv } from "../../domain/results/count.js";
import type { StoredResult } from "../../domain/results/labels.js";
import { roundToPabulib } from "../../domain/results/pabulib-round.js";
import { liveBallots, parseFrozenRules, readRoundResult, seedOrderOf } from "./results.server.js";

/**
 * The .pb text of a round. The public (`audience: "public"`) gets it only once the results are
 * published, so the ballots counted and the winners stated always belong together; officers and
 * the command line may export a closed round before publishing (without `selected`).
 */
export async function exportRoundPabulib(db: Kysely<Database>, roundId: number, audience: "public" | "officer"): Promise<string> {
  const round = await db
    .selectFrom("budget_round")
    .innerJoin("organisation", "organisation.id", "budget_round.organisation_id")
    .select(["budget_round.id", "budget_round.title", "budget_round.description", "budget_round.phase", "budget_round.frozen_rules", "organisation.name as organisation_name"])
    .where("budget_round.id", "=", roundId)
    .executeTakeFirst();
  if (!round) throw new DomainError("round_not_found", { status: 404 });
  const rules = parseFrozenRules(round.frozen_rules);
  if (!rules) throw new DomainError("results_no_frozen_rules", { status: 409 });
  const view = await readRoundResult(db, roundId, "officer");
  if (audience === "public" && !view?.published) throw new DomainError("results_not_published", { status: 404 });
  if (round.phase !== "closed") throw new DomainError("results_round_not_closed", { values: { phase: round.phase }, status: 409 });
  const ballots = await liveBallots(db, roundId, rules.ballotType);
  const instance = roundToPabulib({
    title: round.title,
    description: round.description,
    organisationName: round.organisation_name,
    rules,
    seedOrder: seedOrderOf(rules.tieBreakSeed, rules.projects.map((p) => p.id)),
    ballots,
    winners: view?.published ? view.result.winners : null,
  });
  return serialisePabulib(instance);
}

export async function exportResultCsv(db: Kysely<Database>, roundId: number): Promise<string> {
  const view = await readRoundResult(db, roundId, "public");
  if (!view) throw new DomainError("results_not_published", { status: 404 });
  return resultCsv(view.result as StoredResult);
}
