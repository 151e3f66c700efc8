// All of Potluck's words are reachable from here: the catalogue of page text (en.ts, English
// first) and the words for domain errors (app/domain/messages*.ts). A translation is another
// catalogue with the same keys and the same placeholders; checkCatalogue says what differs.
import { DOMAIN_MESSAGES, hasMessage, messageFor } from "../domain/messages.js";
import { CATALOGUE_AREAS, en, type MessageKey } from "./en.js";
import { bracesWellFormed, placeholdersOf } from "./translate.js";

export { CATALOGUE_AREAS, en, type MessageKey };
export { bracesWellFormed, format, placeholdersOf, pluralKey, t, tp, type MessageValues, type Placeholders, type PluralKey } from "./translate.js";
export { DOMAIN_MESSAGES, hasMessage, messageFor };

export interface CatalogueProblem {
  key: string;
  problem: "missing" | "empty" | "extra" | "placeholders differ" | "braces";
}

/** What a translation gets wrong against the English: missing or extra keys, placeholders that differ. */
export function checkCatalogue(translation: Record<string, string>, base: Record<string, string> = en): CatalogueProblem[] {
  const problems: CatalogueProblem[] = [];
  for (const [key, english] of Object.entries(base)) {
    const text = translation[key];
    if (text === undefined) problems.push({ key, problem: "missing" });
    else if (text.trim() === "") problems.push({ key, problem: "empty" });
    else if (!bracesWellFormed(text)) problems.push({ key, problem: "braces" });
    else if (placeholdersOf(text).join(",") !== placeholdersOf(english).join(",")) problems.push({ key, problem: "placeholders differ" });
  }
  for (const key of Object.keys(translation)) if (!(key in base)) problems.push({ key, problem: "extra" });
  return problems;
}
