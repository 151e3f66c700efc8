// Words with elements inside them: a sentence that holds a link or emphasis stays one
// catalogue string ("Read the {link} before you vote."), so a translator can move the link to
// wherever the sentence needs it. The elements are given as placeholder values.
import { Fragment, type ReactNode } from "react";
import { en, type MessageKey } from "./en.js";
import { PLACEHOLDER, type Placeholders } from "./translate.js";

/** The words for a key with elements (links, <strong>, <Term>) or text in its placeholders. */
export function tr<K extends MessageKey>(key: K, values: Record<Placeholders<(typeof en)[K]>, ReactNode>): ReactNode {
  const text: string = en[key];
  const filled = values as Record<string, ReactNode>;
  const parts: ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(PLACEHOLDER)) {
    const name = match[1]!;
    if (!(name in filled)) throw new Error(`Invariant failed: no value for {${name}} in "${text}"`);
    parts.push(text.slice(last, match.index), <Fragment key={parts.length}>{filled[name]}</Fragment>);
    last = match.index! + match[0].length;
  }
  parts.push(text.slice(last));
  return <>{parts}</>;
}
