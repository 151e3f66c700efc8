// The rules a round's votes are cast under, in one canonical JSON form, so anyone can
// recompute the published hash.
import type { BallotType, CountingRule } from "../../../db/schema-rounds.js";
import { canonicalJson } from "../ledger/canonical.js";
import { sha256Hex } from "../ledger/hashing.js";
import { DomainError } from "../errors.js";
import type { BallotRules } from "./ballot.js";

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

/** The ballot rules of a round whose rules are frozen; a round not yet frozen is not in voting. */
export function ballotRulesOf(round: { frozen_rules: unknown }): BallotRules {
  const frozen = (typeof round.frozen_rules === "string" ? JSON.parse(round.frozen_rules) : round.frozen_rules) as FrozenRules | null;
  if (!frozen) throw new DomainError("voting_closed", { status: 409 });
  return {
    type: frozen.ballotType,
    minChoices: frozen.minChoices,
    maxChoices: frozen.maxChoices,
    pointsTotal: frozen.pointsTotal,
    budgetMinor: BigInt(frozen.budgetMinor),
    projects: frozen.projects.map((p) => ({ id: p.id, costMinor: BigInt(p.costMinor) })),
  };
}
