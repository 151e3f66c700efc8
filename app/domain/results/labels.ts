// What a stored result looks like, and its labels: small and pure, so pages can import it
// without pulling the counting code into the browser bundle.
import type { BallotType, CountingRule } from "../../../db/schema-rounds.js";
import type { MessageKey } from "../../i18n/en.js";

export interface StoredProject {
  id: number;
  title: string;
  costMinor: string;
  votes: number;
  points: number;
  funded: boolean;
  /** 1-based position among the winners, in the order the rule chose them. */
  position: number | null;
  explanation: string;
  /** Funded under the other rule of the comparison. */
  fundedByOther: boolean;
}

export interface StoredResult {
  version: 1;
  round: string;
  budgetMinor: string;
  ballotType: BallotType;
  rule: CountingRule;
  utility: "cost";
  tieBreak: string;
  /** Project ids in the order the tie-break seed puts them (third tie-break). */
  seedOrder: number[];
  winners: number[];
  totalCostMinor: string;
  turnout: { online: number; code: number; paper: number; total: number };
  projects: StoredProject[];
  comparison: {
    otherRule: CountingRule;
    otherWinners: number[];
    otherTotalCostMinor: string;
    /** Funded by the round's rule only. */
    onlyByRule: number[];
    /** Funded by the other rule only. */
    onlyByOther: number[];
    /** Voters with at least one funded project they chose. */
    votersWithFundedProject: { rule: number; other: number };
  };
}

export const RULE_LABELS = {
  greedy: "results.rule.greedy",
  equal_shares: "results.rule.equal_shares",
} as const satisfies Record<CountingRule, MessageKey>;


/** Limits on what officers type when recording delivery. */
export const DELIVERY_LIMITS = { note: 2000, supplier: 120, reference: 80, reason: 400, updatesShown: 200, paymentsShown: 500 } as const;

/** The rule's name inside a sentence ("counted with ..."), keeping Equal Shares a proper name. */
export const RULE_IN_SENTENCE = {
  greedy: "results.rule.inSentence.greedy",
  equal_shares: "results.rule.inSentence.equal_shares",
} as const satisfies Record<CountingRule, MessageKey>;
