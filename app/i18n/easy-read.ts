// The Easy Read pages: one idea per line, each with a picture from public/easy-read/. The words
// live in the catalogue (en.ts); this file says which words and which picture, in what order.
import type { MessageKey } from "./en.js";

export const EASY_READ_PICTURES = [
  "adviser", "bag", "bus", "calendar", "clock", "computer", "confirm", "document", "equal", "flag", "gift", "heart", "idea", "letter",
  "list", "lock", "magnifier", "no-money", "one", "paper-ballot", "people", "pot", "pound", "question", "receipt", "star", "tick-box", "ticket",
] as const;

export type EasyReadPicture = (typeof EASY_READ_PICTURES)[number];

export interface EasyReadPage {
  title: MessageKey;
  link: MessageKey;
  points: readonly { picture: EasyReadPicture; text: MessageKey }[];
  /** The standard page this one explains, when there is one. */
  standard: { to: string; label: MessageKey } | null;
}

export const EASY_READ_PAGES = {
  voting: {
    title: "easyRead.voting.title",
    link: "easyRead.link.voting",
    points: [
      { picture: "pound", text: "easyRead.voting.1" },
      { picture: "idea", text: "easyRead.voting.2" },
      { picture: "tick-box", text: "easyRead.voting.3" },
      { picture: "computer", text: "easyRead.voting.4" },
      { picture: "letter", text: "easyRead.voting.5" },
      { picture: "paper-ballot", text: "easyRead.voting.6" },
      { picture: "list", text: "easyRead.voting.7" },
      { picture: "one", text: "easyRead.voting.8" },
      { picture: "lock", text: "easyRead.voting.9" },
      { picture: "receipt", text: "easyRead.voting.10" },
      { picture: "magnifier", text: "easyRead.voting.11" },
      { picture: "star", text: "easyRead.voting.12" },
    ],
    standard: { to: "/rounds", label: "easyRead.voting.standard" },
  },
  timebank: {
    title: "easyRead.timebank.title",
    link: "easyRead.link.timebank",
    points: [
      { picture: "people", text: "easyRead.timebank.1" },
      { picture: "clock", text: "easyRead.timebank.2" },
      { picture: "equal", text: "easyRead.timebank.3" },
      { picture: "bag", text: "easyRead.timebank.4" },
      { picture: "ticket", text: "easyRead.timebank.5" },
      { picture: "confirm", text: "easyRead.timebank.6" },
      { picture: "flag", text: "easyRead.timebank.7" },
      { picture: "calendar", text: "easyRead.timebank.8" },
      { picture: "heart", text: "easyRead.timebank.9" },
      { picture: "pot", text: "easyRead.timebank.10" },
      { picture: "no-money", text: "easyRead.timebank.11" },
      { picture: "question", text: "easyRead.timebank.12" },
    ],
    standard: { to: "/timebanks", label: "easyRead.timebank.standard" },
  },
  payments: {
    title: "easyRead.payments.title",
    link: "easyRead.link.payments",
    points: [
      { picture: "pound", text: "easyRead.payments.1" },
      { picture: "receipt", text: "easyRead.payments.2" },
      { picture: "bus", text: "easyRead.payments.3" },
      { picture: "calendar", text: "easyRead.payments.4" },
      { picture: "question", text: "easyRead.payments.5" },
      { picture: "document", text: "easyRead.payments.6" },
      { picture: "gift", text: "easyRead.payments.7" },
      { picture: "clock", text: "easyRead.payments.8" },
      { picture: "equal", text: "easyRead.payments.9" },
      { picture: "flag", text: "easyRead.payments.10" },
      { picture: "adviser", text: "easyRead.payments.11" },
      { picture: "confirm", text: "easyRead.payments.12" },
    ],
    standard: null,
  },
} as const satisfies Record<string, EasyReadPage>;

export type EasyReadSlug = keyof typeof EASY_READ_PAGES;

export function isEasyReadSlug(value: string | undefined): value is EasyReadSlug {
  return value !== undefined && Object.prototype.hasOwnProperty.call(EASY_READ_PAGES, value);
}
