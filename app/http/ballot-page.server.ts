import type { AppLoadContext } from "@remix-run/node";
import { formatPounds } from "../domain/format.js";
import type { FrozenRules } from "../domain/rounds/rules.js";
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
