// The jargon buster's terms, in the order the glossary page lists them. Each id is the anchor on
// /glossary and names its words in the catalogue (glossary.term.<id>, glossary.definition.<id>).
import { t } from "./index.js";

export const GLOSSARY_IDS = [
  "participatory-budgeting",
  "budget-round",
  "approval-ballot",
  "knapsack-ballot",
  "cumulative-ballot",
  "ranked-ballot",
  "voting-code",
  "receipt",
  "greedy-counting",
  "equal-shares",
  "co-production",
  "ladder-of-participation",
  "timebank",
  "time-credit",
  "pledge",
  "community-pot",
  "expenses",
  "ledger",
  "double-entry",
  "checkpoint",
  "easy-read",
  "large-print",
] as const;

export type GlossaryId = (typeof GLOSSARY_IDS)[number];

export function glossaryTerm(id: GlossaryId): string {
  return t(`glossary.term.${id}`);
}

export function glossaryDefinition(id: GlossaryId): string {
  return t(`glossary.definition.${id}`);
}

/** The glossary in alphabetical order of its English terms, as the page shows it. */
export function glossaryEntries(): { id: GlossaryId; term: string; definition: string }[] {
  return GLOSSARY_IDS.map((id) => ({ id, term: glossaryTerm(id), definition: glossaryDefinition(id) })).sort((a, b) => a.term.localeCompare(b.term, "en-GB"));
}
