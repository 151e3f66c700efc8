import type { Rational } from "./rational.js";

/**
 * Counting input, independent of any file format. Money is an exact integer in
 * whatever unit the caller chose (whole currency units, cents, …); callers with
 * decimal costs scale everything to a common integer unit first.
 */
export interface CountingProject {
  readonly id: string;
  readonly cost: bigint;
}

export interface CountingBallot {
  /** Projects the voter listed, in ballot order (preference order for ordinal ballots). */
  readonly projectIds: readonly string[];
  /** Points per listed project (cumulative/scoring ballots), aligned with projectIds. */
  readonly points?: readonly bigint[];
}

export interface CountingInstance {
  readonly budget: bigint;
  readonly projects: readonly CountingProject[];
  readonly ballots: readonly CountingBallot[];
}

/** What a tie-break comparator sees about a project. */
export interface TieBreakProject {
  readonly id: string;
  readonly cost: bigint;
  /** Position in CountingInstance.projects. */
  readonly index: number;
  /** Number of ballots listing the project. */
  readonly approvals: number;
  /** Total points (equals approvals for ballots without points). */
  readonly points: bigint;
}

/** Negative when `a` must come first. It must define a strict total order on distinct projects. */
export type TieBreak = (a: TieBreakProject, b: TieBreakProject) => number;

export type GreedyScore = "approvals" | "points";
export type MesUtility = "cost" | "approval";

export interface GreedyStep {
  /** 1-based position in the support ranking. */
  readonly rank: number;
  readonly projectId: string;
  readonly score: bigint;
  readonly cost: bigint;
  readonly remainingBefore: bigint;
  readonly outcome: "funded" | "over-budget";
}

export interface GreedyResult {
  readonly rule: "greedy";
  readonly score: GreedyScore;
  readonly selected: string[];
  readonly totalCost: bigint;
  readonly steps: GreedyStep[];
}

/** A project funded by equal shares. */
export interface MesFundedStep {
  readonly kind: "funded";
  /** 1-based round in which it was chosen. */
  readonly round: number;
  readonly projectId: string;
  readonly cost: bigint;
  /** Price per unit of utility (the quantity equal shares minimises). */
  readonly rho: Rational;
  /** What each supporter who could afford it paid. */
  readonly payment: Rational;
  readonly supporters: number;
  /** Supporters who had less than `payment` left and paid all of it (including those who had nothing left). */
  readonly payingAll: number;
}

/** A supported project costing nothing, funded before the first round. */
export interface MesFreeStep {
  readonly kind: "free";
  readonly round: 0;
  readonly projectId: string;
  readonly cost: bigint;
  readonly supporters: number;
}

/** A project whose supporters no longer had enough money between them. */
export interface MesDroppedStep {
  readonly kind: "dropped";
  /** Number of rounds completed when the shortfall was found. */
  readonly round: number;
  readonly projectId: string;
  readonly cost: bigint;
  readonly supporters: number;
  readonly supportersMoney: Rational;
}

/** A project equal shares never considered. */
export interface MesIgnoredStep {
  readonly kind: "ignored";
  readonly projectId: string;
  readonly cost: bigint;
  /** no-supporters: nobody listed it; zero-utility: with cost utility a free project is worth nothing to anyone. */
  readonly reason: "no-supporters" | "zero-utility";
}

export type MesStep = MesFundedStep | MesFreeStep | MesDroppedStep | MesIgnoredStep;

export interface EqualSharesResult {
  readonly rule: "equal-shares";
  readonly utility: MesUtility;
  readonly selected: string[];
  readonly totalCost: bigint;
  /** The money every voter started with. */
  readonly perVoterBudget: Rational;
  readonly steps: MesStep[];
}

export interface EqualSharesCompletedResult {
  readonly rule: "equal-shares-completed";
  readonly utility: MesUtility;
  /** Equal-shares winners (selection order) followed by the greedy completion. */
  readonly selected: string[];
  readonly totalCost: bigint;
  /** Winners of the equal-shares run that was kept. */
  readonly mesSelected: string[];
  readonly mesTotalCost: bigint;
  /** Starting money per voter in the kept run: budget / voters + budgetIncrease. */
  readonly perVoterBudget: Rational;
  readonly budgetIncrease: bigint;
  /** Why the search for a larger starting budget stopped. */
  readonly stoppedBecause: "exhaustive" | "next-overspends";
  /** Full equal-shares computations done (skipped increments are not counted). */
  readonly mesRuns: number;
  readonly steps: MesStep[];
  readonly completionScore: GreedyScore;
  readonly completionSteps: GreedyStep[];
}

export type CountingResult = GreedyResult | EqualSharesResult | EqualSharesCompletedResult;

export interface CountingProgress {
  readonly phase: "equal-shares" | "completion";
  /** Equal-shares computations so far. */
  readonly runs: number;
  /** Current increase of every voter's starting money. */
  readonly budgetIncrease: bigint;
  /** Projects funded or dropped in the latest computation, out of `total`. */
  readonly decided: number;
  readonly total: number;
}
