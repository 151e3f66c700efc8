// The life of a budget round: draft -> proposals -> review -> voting -> closed.
import type { Phase } from "../../../db/schema-rounds.js";
import type { MessageKey } from "../../i18n/en.js";
import { t } from "../../i18n/translate.js";

export const PHASES: readonly Phase[] = ["draft", "proposals", "review", "voting", "closed"];

/** The catalogue key of each phase's name. */
export const PHASE_LABEL_KEYS = {
  draft: "rounds.phase.draft",
  proposals: "rounds.phase.proposals",
  review: "rounds.phase.review",
  voting: "rounds.phase.voting",
  closed: "rounds.phase.closed",
} as const satisfies Record<Phase, MessageKey>;

/** The name of a phase, as people read it. */
export function phaseLabel(phase: Phase): string {
  return t(PHASE_LABEL_KEYS[phase]);
}

/** A phase's name for a value that may not be a phase (an error's values): the value itself then. */
export function phaseLabelOf(value: unknown): string {
  return typeof value === "string" && value in PHASE_LABEL_KEYS ? phaseLabel(value as Phase) : String(value);
}

/** The phase after this one, or null at the end. Rounds only move forward. */
export function nextPhase(phase: Phase): Phase | null {
  const index = PHASES.indexOf(phase);
  return index >= 0 && index < PHASES.length - 1 ? PHASES[index + 1]! : null;
}

export interface PhaseDates {
  phase: Phase;
  proposalsOpenAt: Date | null;
  reviewStartsAt: Date | null;
  votingOpensAt: Date | null;
  votingClosesAt: Date | null;
}

/** The date at which a round leaves its current phase by itself, if one is set. */
export function dateLeavingPhase(round: PhaseDates): Date | null {
  switch (round.phase) {
    case "draft":
      return round.proposalsOpenAt;
    case "proposals":
      return round.reviewStartsAt;
    case "review":
      return round.votingOpensAt;
    case "voting":
      return round.votingClosesAt;
    case "closed":
      return null;
  }
}

/** Whether the round is due to move on by date. */
export function isDueToMove(round: PhaseDates, now: Date): boolean {
  const at = dateLeavingPhase(round);
  return at !== null && at.getTime() <= now.getTime();
}

/** Dates must follow the phases in order; returns the first field out of order. */
export function checkPhaseDates(dates: Omit<PhaseDates, "phase">): { field: string } | null {
  const ordered: [string, Date | null][] = [
    ["proposalsOpenAt", dates.proposalsOpenAt],
    ["reviewStartsAt", dates.reviewStartsAt],
    ["votingOpensAt", dates.votingOpensAt],
    ["votingClosesAt", dates.votingClosesAt],
  ];
  let previous: Date | null = null;
  for (const [field, date] of ordered) {
    if (date === null) continue;
    if (previous !== null && date.getTime() <= previous.getTime()) return { field };
    previous = date;
  }
  return null;
}
