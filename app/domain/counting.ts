/**
 * Counting rules for participatory budgeting: greedy ("most support first"),
 * the Method of Equal Shares, and equal shares completed with "add1" and a
 * greedy top-up, all on exact integers and rationals, matching pabutools
 * 1.2.3 with its default tie-break.
 */
export type {
  CountingBallot,
  CountingInstance,
  CountingProgress,
  CountingProject,
  CountingResult,
  EqualSharesCompletedResult,
  EqualSharesResult,
  GreedyResult,
  GreedyScore,
  GreedyStep,
  MesDroppedStep,
  MesFreeStep,
  MesFundedStep,
  MesIgnoredStep,
  MesStep,
  MesUtility,
  TieBreak,
  TieBreakProject,
} from "./counting/types.js";
export { greedy, type GreedyOptions } from "./counting/greedy.js";
export {
  equalShares,
  equalSharesCompleted,
  type EqualSharesCompletedOptions,
  type EqualSharesOptions,
} from "./counting/equal-shares.js";
export { byProjectId, bySupportThenCostThenSeed, compareCodePoints } from "./counting/tie-break.js";
export { CountingInputError } from "./counting/prepare.js";
export {
  describeExplanation,
  explainProject,
  formatCount,
  ordinal,
  type Explanation,
  type MesMiss,
} from "./counting/explain.js";
export * as rational from "./counting/rational.js";
export type { Rational } from "./counting/rational.js";
