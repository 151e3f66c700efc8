// Potluck's words in English, the first language. One flat catalogue, kept in one file per
// area of the service (app/i18n/en/*.ts): a key names where the words are used, the value is
// the English. Placeholders are written {name} and every call to t() must give a value for
// each one (the type of t() checks this). Plurals are two keys, "<key>.one" and "<key>.other",
// chosen by tp() with the language's plural rules.
import { common } from "./en/common.js";
import { rounds } from "./en/rounds.js";
import { results } from "./en/results.js";
import { timebank } from "./en/timebank.js";
import { timebankAdmin } from "./en/timebank-admin.js";
import { meetings } from "./en/meetings.js";
import { coproduction } from "./en/coproduction.js";
import { accounts } from "./en/accounts.js";
import { ledger } from "./en/ledger.js";
import { cli } from "./en/cli.js";

/** Each area's words; no key may appear in two areas (a unit test checks this). */
export const CATALOGUE_AREAS = { common, rounds, results, timebank, timebankAdmin, meetings, coproduction, accounts, ledger, cli } as const;

export const en = {
  ...common,
  ...rounds,
  ...results,
  ...timebank,
  ...timebankAdmin,
  ...meetings,
  ...coproduction,
  ...accounts,
  ...ledger,
  ...cli,
} as const;

export type MessageKey = keyof typeof en;
