import { t, tp } from "../../i18n/translate.js";
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

function supporters(n: number): string {
  return tp("results.explain.supporters", n, { number: formatCount(n) });
}

/** The facts of a ranking as placeholder values: rank, score, cost and what was left. */
function rankValues(f: RankFacts, money: (a: Rational) => string) {
  const score =
    f.scoreKind === "points"
      ? tp("results.explain.points", f.score, { number: formatCount(f.score) })
      : tp("results.explain.votes", f.score, { number: formatCount(f.score) });
  return { rank: ordinal(f.rank), score, cost: money(fromBigInt(f.cost)), left: money(fromBigInt(f.remainingBefore)) };
}

function rankSentence(f: RankFacts, fits: boolean, money: (a: Rational) => string): string {
  return t(fits ? "results.explain.rankedFits" : "results.explain.rankedDoesNotFit", rankValues(f, money));
}

function missSentence(miss: MesMiss, money: (a: Rational) => string): string {
  switch (miss.code) {
    case "mes-dropped":
      return t("results.explain.mesDropped", { money: money(miss.supportersMoney), cost: money(fromBigInt(miss.cost)) });
    case "mes-no-supporters":
      return t("results.explain.noSupporters");
    case "mes-zero-utility":
      return t("results.explain.zeroUtility");
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
        return t("results.explain.mesFundedEqual", { round: expl.round, supporters: supporters(expl.supporters), paid });
      }
      const full = expl.supporters - expl.payingAll;
      return t("results.explain.mesFundedPartly", {
        round: expl.round,
        full: formatCount(full),
        supporters: supporters(expl.supporters),
        paid,
        payingAll: formatCount(expl.payingAll),
      });
    }
    case "mes-free":
      return t("results.explain.mesFree", { supporters: supporters(expl.supporters) });
    case "mes-dropped":
      return missSentence({ code: "mes-dropped", round: expl.round, supportersMoney: expl.supportersMoney, cost: expl.cost }, formatMoney);
    case "mes-no-supporters":
      return missSentence({ code: "mes-no-supporters" }, formatMoney);
    case "mes-zero-utility":
      return missSentence({ code: "mes-zero-utility" }, formatMoney);
    case "completion-funded":
    case "completion-over-budget": {
      const topUp = t(
        expl.code === "completion-funded" ? "results.explain.topUpFits" : "results.explain.topUpDoesNotFit",
        rankValues(expl, formatMoney),
      );
      return expl.equalShares === null ? topUp : t("results.explain.missThenTopUp", { miss: missSentence(expl.equalShares, formatMoney), topUp });
    }
    case "unknown-project":
      return t("results.explain.unknownProject", { projectId: expl.projectId });
  }
}
