// Fills the catalogue's words in. Everything that shows words to people calls t() or tp() from
// here (not app/i18n/index.ts, which also reaches the domain messages, so that domain code can
// use these without an import cycle).
import { en, type MessageKey } from "./en.js";

/** The names inside {braces} in a catalogue string, as a union type. */
export type Placeholders<S extends string> = S extends `${string}{${infer Name}}${infer Rest}` ? Name | Placeholders<Rest> : never;

export type MessageValues<K extends MessageKey> = [Placeholders<(typeof en)[K]>] extends [never]
  ? []
  : [values: Record<Placeholders<(typeof en)[K]>, string | number>];

/** Keys that come as a pair "<key>.one" and "<key>.other": the <key> part. */
export type PluralKey = {
  [K in MessageKey]: K extends `${infer Base}.one` ? (`${Base}.other` extends MessageKey ? Base : never) : never;
}[MessageKey];

type PluralPlaceholders<B extends PluralKey> = Exclude<Placeholders<(typeof en)[`${B}.one` & MessageKey]> | Placeholders<(typeof en)[`${B}.other` & MessageKey]>, "count">;

export type PluralValues<B extends PluralKey> = [PluralPlaceholders<B>] extends [never]
  ? []
  : [values: Record<PluralPlaceholders<B>, string | number>];

/** A {name} placeholder; shared with tr() in rich.tsx, so both read placeholders alike. */
export const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9]*)\}/g;
const PLURAL_RULES = new Intl.PluralRules("en-GB");

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

/** Which of a plural pair a count takes, by the language's plural rules: for tr(), when the count is an element. */
export function pluralKey<B extends PluralKey>(key: B, count: number | bigint | string): `${B}.one` | `${B}.other` {
  return PLURAL_RULES.select(Number(count)) === "one" ? `${key}.one` : `${key}.other`;
}

/**
 * The words for a count: "<key>.one" or "<key>.other" as the language's plural rules choose,
 * with {count} and the other placeholders filled in ("1 proposal", "3 proposals"). A count may be
 * a decimal string ("2.5" hours): it is shown exactly as given and only its plural form is chosen
 * from its value.
 */
export function tp<B extends PluralKey>(key: B, count: number | bigint | string, ...values: PluralValues<B>): string {
  const formKey = pluralKey(key, count) as MessageKey;
  const text = en[formKey];
  if (text === undefined) throw new Error(`Invariant failed: no plural form ${formKey}`);
  return format(text, { ...(values[0] as Record<string, string | number> | undefined), count: String(count) });
}
