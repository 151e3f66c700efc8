// The rules a round's votes are cast under, in one canonical JSON form, so anyone can
// recompute the published hash.
import type { BallotType, CountingRule } from "../../../db/schema-rounds.js";
import { canonicalJson } from "../ledger/canonical.js";
import { sha256Hex } from "../ledger/hashing.js";

export interface FrozenRules {
  round: string;
  budgetMinor: string;
  ballotType: BallotType;
  minChoices: number;
  maxChoices: number;
  pointsTotal: number;
  countingRule: CountingRule;
  tieBreakSeed: string;
  eligibility: { accounts: boolean; areaOnly: boolean; area: string | null; codes: boolean; paper: boolean };
  projects: { id: number; title: string; costMinor: string }[];
}

export function freezeRules(rules: FrozenRules): { json: string; hashHex: string } {
  const json = canonicalJson({ ...rules, projects: [...rules.projects].sort((a, b) => a.id - b.id) });
  return { json, hashHex: sha256Hex(json) };
}
