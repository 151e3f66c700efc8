import { fromBigInt, type Rational } from "./rational.js";
import type {
  CountingResult,
  EqualSharesCompletedResult,
  GreedyScore,
  GreedyStep,
  MesDroppedStep,
  MesStep,
} from "./types.js";

/*
 * Why a project was or was not funded, as data. Sentences are built from it
 * by describeExplanation (or by the UI in other languages), never stored.
 */

interface RankFacts {
  readonly rank: number;
  readonly score: bigint;
  readonly scoreKind: GreedyScore;
  readonly cost: bigint;
  readonly remainingBefore: bigint;
}

export type Explanation =
  | ({ readonly code: "greedy-funded"; readonly projectId: string } & RankFacts)
  | ({ readonly code: "greedy-over-budget"; readonly projectId: string } & RankFacts)
  | {
      readonly code: "mes-funded";
      readonly projectId: string;
      readonly round: number;
      readonly cost: bigint;
      readonly supporters: number;
      readonly payingAll: number;
      readonly payment: Rational;
      readonly rho: Rational;
    }
  | { readonly code: "mes-free"; readonly projectId: string; readonly supporters: number }
  | {
      readonly code: "mes-dropped";
      readonly projectId: string;
      readonly round: number;
      readonly cost: bigint;
      readonly supporters: number;
      readonly supportersMoney: Rational;
    }
  | { readonly code: "mes-no-supporters"; readonly projectId: string; readonly cost: bigint }
  | { readonly code: "mes-zero-utility"; readonly projectId: string; readonly cost: bigint }
  | ({
      readonly code: "completion-funded" | "completion-over-budget";
      readonly projectId: string;
      /** Why equal shares itself did not fund it. */
      readonly equalShares: MesMiss | null;
    } & RankFacts)
  | { readonly code: "unknown-project"; readonly projectId: string };

/** The equal-shares part of a completion explanation. */
export type MesMiss =
  | { readonly code: "mes-dropped"; readonly round: number; readonly supportersMoney: Rational; readonly cost: bigint }
  | { readonly code: "mes-no-supporters" }
  | { readonly code: "mes-zero-utility" };

function rankFacts(step: GreedyStep, scoreKind: GreedyScore): RankFacts {
  return {
    rank: step.rank,
    score: step.score,
    scoreKind,
    cost: step.cost,
    remainingBefore: step.remainingBefore,
  };
}

function fromMesStep(step: MesStep): Explanation {
  switch (step.kind) {
    case "funded":
      return {
        code: "mes-funded",
        projectId: step.projectId,
        round: step.round,
        cost: step.cost,
        supporters: step.supporters,
        payingAll: step.payingAll,
        payment: step.payment,
        rho: step.rho,
      };
    case "free":
      return { code: "mes-free", projectId: step.projectId, supporters: step.supporters };
    case "dropped":
      return {
        code: "mes-dropped",
        projectId: step.projectId,
        round: step.round,
        cost: step.cost,
        supporters: step.supporters,
        supportersMoney: step.supportersMoney,
      };
    case "ignored":
      return step.reason === "no-supporters"
        ? { code: "mes-no-supporters", projectId: step.projectId, cost: step.cost }
        : { code: "mes-zero-utility", projectId: step.projectId, cost: step.cost };
  }
}

function mesMiss(step: MesStep | undefined): MesMiss | null {
  if (step === undefined) return null;
  if (step.kind === "dropped") {
    const d: MesDroppedStep = step;
    return { code: "mes-dropped", round: d.round, supportersMoney: d.supportersMoney, cost: d.cost };
  }
  if (step.kind === "ignored") return { code: step.reason === "no-supporters" ? "mes-no-supporters" : "mes-zero-utility" };
  return null;
}

function explainCompleted(result: EqualSharesCompletedResult, projectId: string): Explanation {
  const mesStep = result.steps.find((s) => s.projectId === projectId);
  if (mesStep !== undefined && (mesStep.kind === "funded" || mesStep.kind === "free")) return fromMesStep(mesStep);
  const fill = result.completionSteps.find((s) => s.projectId === projectId);
  if (fill === undefined) return { code: "unknown-project", projectId };
  return {
    code: fill.outcome === "funded" ? "completion-funded" : "completion-over-budget",
    projectId,
    equalShares: mesMiss(mesStep),
    ...rankFacts(fill, result.completionScore),
  };
}

export function explainProject(result: CountingResult, projectId: string): Explanation {
  switch (result.rule) {
    case "greedy": {
      const step = result.steps.find((s) => s.projectId === projectId);
      if (step === undefined) return { code: "unknown-project", projectId };
      return {
        code: step.outcome === "funded" ? "greedy-funded" : "greedy-over-budget",
        projectId,
        ...rankFacts(step, result.score),
      };
    }
    case "equal-shares": {
      const step = result.steps.find((s) => s.projectId === projectId);
      return step === undefined ? { code: "unknown-project", projectId } : fromMesStep(step);
    }
    case "equal-shares-completed":
      return explainCompleted(result, projectId);
  }
}

/** "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", … */
export function ordinal(n: number): string {
  const mod100 = n % 100;
  const mod10 = n % 10;
  const suffix = mod100 >= 11 && mod100 <= 13 ? "th" : mod10 === 1 ? "st" : mod10 === 2 ? "nd" : mod10 === 3 ? "rd" : "th";
  return `${n}${suffix}`;
}

/** Whole number with comma thousands separators, independent of locale. */
export function formatCount(n: number | bigint): string {
  const s = (typeof n === "bigint" ? n : BigInt(Math.trunc(n))).toString();
  const negative = s.startsWith("-");
  const digits = negative ? s.slice(1) : s;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return negative ? `-${grouped}` : grouped;
}

function plural(n: number | bigint, one: string, many: string): string {
  return `${formatCount(n)} ${n === 1 || n === 1n ? one : many}`;
}

function rankSentence(f: RankFacts, fits: boolean, money: (a: Rational) => string): string {
  const score = f.scoreKind === "points" ? plural(f.score, "point", "points") : plural(f.score, "vote", "votes");
  const cost = money(fromBigInt(f.cost));
  const left = money(fromBigInt(f.remainingBefore));
  return fits
    ? `Ranked ${ordinal(f.rank)} with ${score}; its cost ${cost} fitted in the ${left} left`
    : `Ranked ${ordinal(f.rank)} with ${score}; its cost ${cost} did not fit in the ${left} left`;
}

function missSentence(miss: MesMiss, money: (a: Rational) => string): string {
  switch (miss.code) {
    case "mes-dropped":
      return `Its supporters had ${money(miss.supportersMoney)} left, short of its ${money(fromBigInt(miss.cost))} cost`;
    case "mes-no-supporters":
      return "Nobody voted for it";
    case "mes-zero-utility":
      return "It costs nothing, so a count weighted by cost gives it no weight";
  }
}

/**
 * Plain English for an explanation. `formatMoney` turns an exact amount in
 * the counting unit into text (currency, rounding) the way the caller wants.
 */
export function describeExplanation(expl: Explanation, formatMoney: (amount: Rational) => string): string {
  switch (expl.code) {
    case "greedy-funded":
      return rankSentence(expl, true, formatMoney);
    case "greedy-over-budget":
      return rankSentence(expl, false, formatMoney);
    case "mes-funded": {
      const paid = formatMoney(expl.payment);
      if (expl.payingAll === 0) {
        return `Chosen in round ${expl.round}; each of its ${plural(expl.supporters, "supporter", "supporters")} paid ${paid}`;
      }
      const full = expl.supporters - expl.payingAll;
      return `Chosen in round ${expl.round}; ${formatCount(full)} of its ${plural(expl.supporters, "supporter", "supporters")} paid ${paid} each and the other ${formatCount(expl.payingAll)} paid all they had left`;
    }
    case "mes-free":
      return `Costs nothing and has ${plural(expl.supporters, "supporter", "supporters")}, so it was funded before the first round`;
    case "mes-dropped":
      return missSentence({ code: "mes-dropped", round: expl.round, supportersMoney: expl.supportersMoney, cost: expl.cost }, formatMoney);
    case "mes-no-supporters":
      return missSentence({ code: "mes-no-supporters" }, formatMoney);
    case "mes-zero-utility":
      return missSentence({ code: "mes-zero-utility" }, formatMoney);
    case "completion-funded":
    case "completion-over-budget": {
      const top = rankSentence(expl, expl.code === "completion-funded", formatMoney);
      const topUp = `In the top-up after equal shares it ranked ${top.slice("Ranked ".length)}`;
      return expl.equalShares === null ? topUp : `${missSentence(expl.equalShares, formatMoney)}. ${topUp}`;
    }
    case "unknown-project":
      return `There is no project "${expl.projectId}" in this count`;
  }
}
