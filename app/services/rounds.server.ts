import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.js";

export const ROUNDS_LIMIT = 100;

export async function listRounds(db: Kysely<Database>) {
  const rows = await db
    .selectFrom("budget_round")
    .innerJoin("organisation", "organisation.id", "budget_round.organisation_id")
    .select([
      "budget_round.slug",
      "budget_round.title",
      "budget_round.description",
      "budget_round.phase",
      "budget_round.budget_minor",
      "organisation.name as organisationName",
    ])
    .orderBy("budget_round.created_at", "desc")
    .limit(ROUNDS_LIMIT)
    .execute();
  return rows.map(({ budget_minor, ...rest }) => ({ ...rest, budgetMinor: budget_minor }));
}
