import type { AppLoadContext } from "@remix-run/node";
import { formatPounds } from "../domain/format.js";
import type { FrozenRules } from "../domain/rounds/rules.js";
import { frozenRoundBySlug } from "../services/rounds/frozen-rounds.server.js";
import { roundForPage } from "./rounds.server.js";

/** The projects and rules a ballot page shows, from the frozen rules. */
export async function ballotPage(context: AppLoadContext, slug: string | undefined) {
  const { round } = await roundForPage(context, slug);
  const frozen = round.frozen_rules as FrozenRules | null;
  return {
    round,
    view: {
      slug: round.slug,
      title: round.title,
      phase: round.phase,
      ballotType: round.ballot_type,
      rules: { minChoices: round.min_choices, maxChoices: round.max_choices, pointsTotal: round.points_total, budget: formatPounds(round.budget_minor) },
      projects: (frozen?.projects ?? []).map((p) => ({ id: p.id, title: p.title, cost: formatPounds(BigInt(p.costMinor)) })),
    },
  };
}

/**
 * What a ballot form is checked and cast against: a round in voting from the frozen rules this
 * process keeps (no query), any other round read afresh. The phase is checked when the ballot
 * is cast.
 */
export async function ballotRound(context: AppLoadContext, slug: string | undefined) {
  return (await frozenRoundBySlug(context.db, slug ?? "")) ?? (await roundForPage(context, slug)).round;
}
