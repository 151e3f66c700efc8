// All of Potluck's words are reachable from here: the catalogue of page text (en.ts, English
// first) and the words for domain errors (app/domain/messages*.ts). A translation is another
// catalogue with the same keys and the same placeholders; checkCatalogue says what differs.
import { DOMAIN_MESSAGES, hasMessage, messageFor } from "../domain/messages.js";
import { en, type MessageKey } from "./en.js";

export { en, type MessageKey };
export { DOMAIN_MESSAGES, hasMessage, messageFor };

/** The names inside {braces} in a catalogue string, as a union type. */
export type Placeholders<S extends string> = S extends `${string}{${infer Name}}${infer Rest}` ? Name | Placeholders<Rest> : never;

export type MessageValues<K extends MessageKey> = [Placeholders<(typeof en)[K]>] extends [never]
  ? []
  : [values: Record<Placeholders<(typeof en)[K]>, string | number>];

export type Catalogue = { readonly [K in MessageKey]: string };

const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9]*)\}/g;

/** The placeholder names a string uses, sorted and without repeats. */
export function placeholdersOf(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((match) => match[1]!))].sort();
}

/** True when every brace in the text belongs to a well-formed {name} placeholder. */
export function bracesWellFormed(text: string): boolean {
  return !/[{}]/.test(text.replace(PLACEHOLDER, ""));
}

/** Fills a string's placeholders; a missing value is a bug in the caller, so it throws. */
export function format(text: string, values: Record<string, string | number> = {}): string {
  return text.replace(PLACEHOLDER, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`Invariant failed: no value for {${name}} in "${text}"`);
    return String(value);
  });
}

/** The English words for a key, with its placeholders filled in. */
export function t<K extends MessageKey>(key: K, ...values: MessageValues<K>): string {
  return format(en[key], values[0] as Record<string, string | number> | undefined);
}

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
