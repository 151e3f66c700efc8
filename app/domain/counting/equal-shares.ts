import { greedyFill } from "./greedy.js";
import { buildMesModel, MesRunner, type MesModel, type RunOutput } from "./mes-engine.js";
import { prepareInstance, type PreparedInstance } from "./prepare.js";
import { rational } from "./rational.js";
import { byProjectId } from "./tie-break.js";
import type {
  CountingInstance,
  CountingProgress,
  EqualSharesCompletedResult,
  EqualSharesResult,
  GreedyScore,
  MesStep,
  MesUtility,
  TieBreak,
} from "./types.js";

export interface EqualSharesOptions {
  readonly utility: MesUtility;
  readonly tieBreak?: TieBreak;
  readonly onProgress?: (progress: CountingProgress) => void;
}

export interface EqualSharesCompletedOptions extends EqualSharesOptions {
  /** How much every voter's starting money grows per step ("add1": one currency unit). */
  readonly increment?: bigint;
  /** Score of the greedy fill after equal shares; "points" counts one point per listing on ballots without points. */
  readonly completionScore?: GreedyScore;
}

/**
 * Method of Equal Shares as pabutools 1.2.3 computes it: every voter starts
 * with budget / voters (empty ballots count); each round funds the project
 * with the lowest price per unit of utility, its supporters paying equal
 * amounts or all they have left; ties go to the tie-break; it stops when no
 * project's supporters can pay for it.
 */
export function equalShares(instance: CountingInstance, options: EqualSharesOptions): EqualSharesResult {
  const prepared = prepareInstance(instance, options.tieBreak ?? byProjectId);
  const model = buildMesModel(prepared, options.utility);
  const n = prepared.voterCount;
  const perVoter = n === 0 ? rational(0n) : rational(prepared.budget, BigInt(n));
  const out = n === 0 ? emptyRun() : runWithProgress(new MesRunner(model), model, prepared.budget, BigInt(n), options, 0n, 1, true);
  const steps = mesSteps(model, out);
  const winners = [...model.free, ...out.winners];
  return {
    rule: "equal-shares",
    utility: options.utility,
    selected: winners.map((p) => prepared.ids[p] ?? ""),
    totalCost: totalCost(prepared, winners),
    perVoterBudget: perVoter,
    steps,
  };
}

/**
 * Equal shares completed the way equalshares.net and pabutools ("add1") do:
 * run equal shares; while the outcome is feasible but not exhaustive, give
 * every voter one more unit of money and run it again from scratch; keep the
 * last feasible outcome (or the first exhaustive one); then fund whatever
 * still fits, most supported first.
 *
 * The loop gives exactly pabutools' answer but does not run every step. For
 * a fixed sequence of winners, each voter's money after every round is a
 * non-decreasing function of the starting money t, and so every price is a
 * non-increasing one (the payment solving Σ min(money, price) = cost only
 * falls when money rises). Hence if the run at t0 picked w_1..w_K, and at t1 >
 * t0 following the same winners every other project's rho in round r is
 * still above rho_{w_r}(t0) (or equal and loses the tie-break), and nothing is
 * affordable after round K, then for every t in [t0, t1]
 *   rho_p(t) ≥ rho_p(t1) > rho_{w_r}(t0) ≥ rho_{w_r}(t)
 * and equal shares at t picks exactly w_1..w_K too. Every skipped step has
 * that same outcome, which was feasible and not exhaustive, so pabutools
 * would have moved past it as well. Jumps double while they succeed, then a
 * binary search finds how far the outcome provably lasts.
 *
 * Where the outcome changes every step or two (Warszawa Mokotów: 50 rounds
 * with many near ties) certificates fail, and every step is computed in
 * full, in blocks taken from the top down so that each run can use the
 * prices of the run just above it as lower bounds (see mes-engine.ts). The
 * outcomes are then read bottom up exactly as pabutools reads them; the few
 * runs past the stopping step are wasted, never used.
 */
export function equalSharesCompleted(
  instance: CountingInstance,
  options: EqualSharesCompletedOptions,
): EqualSharesCompletedResult {
  const prepared = prepareInstance(instance, options.tieBreak ?? byProjectId);
  const model = buildMesModel(prepared, options.utility);
  const increment = options.increment ?? 1n;
  if (increment <= 0n) throw new RangeError("increment must be positive");
  const n = prepared.voterCount;
  const budget = prepared.budget;
  const nBig = BigInt(n);
  const runner = new MesRunner(model);
  const tNum = (k: bigint): bigint => budget + nBig * k * increment;

  let runs = 0;
  const fullRun = (k: bigint, assist?: RunOutput): RunOutput => {
    runs++;
    if (n === 0) return emptyRun();
    const onProgress = options.onProgress;
    const total = prepared.ids.length;
    const out = runner.run(tNum(k), nBig, {
      trace: true,
      assist: assist?.trace,
      onRound:
        onProgress === undefined
          ? undefined
          : (decided) => onProgress({ phase: "equal-shares", runs, budgetIncrease: k * increment, decided, total }),
    });
    if (out === null) throw new Error("equal shares: unexpected certification failure");
    return out;
  };

  const candidateCosts = Array.from(model.candidates, (p) => ({ p, cost: prepared.costs[p] ?? 0n }));
  type Status = "continue" | "overspends" | "exhaustive";
  const decide = (out: RunOutput): Status => {
    const winners = [...model.free, ...out.winners];
    const total = totalCost(prepared, winners);
    if (total > budget) return "overspends";
    const chosen = new Set(winners);
    return candidateCosts.every(({ p, cost }) => chosen.has(p) || total + cost > budget) ? "exhaustive" : "continue";
  };

  // Invariant: `kept` is the outcome at step kept.k, and every step up to it was feasible and not exhaustive.
  const first = fullRun(0n);
  let kept = { k: 0n, out: first };
  let stoppedBecause: "exhaustive" | "next-overspends";
  const firstStatus = decide(first);
  if (firstStatus === "overspends") {
    // Voters start with the budget itself, so the first run cannot overspend.
    throw new Error("equal shares with completion: the first run overspends");
  }
  if (firstStatus === "exhaustive") {
    stoppedBecause = "exhaustive";
  } else {
    let certOn = n > 0;
    let blockSize = 2;
    search: for (;;) {
      // Long stretches with one outcome: certify ever longer jumps, then binary-search the end of the stretch.
      let progressed = false;
      if (certOn) {
        let step = 2n;
        let descending = false;
        while (step >= 2n) {
          runs++;
          const cert = runner.run(tNum(kept.k + step), nBig, {
            certify: { winners: kept.out.winners, thresholds: kept.out.rhos },
          });
          if (cert === null) {
            descending = true;
            step /= 2n;
            continue;
          }
          kept = { k: kept.k + step, out: { ...cert, trace: undefined } };
          progressed = true;
          step = descending ? step / 2n : step * 2n;
        }
      }
      // Where outcomes change often, certificates fail: compute a block of steps instead, top down,
      // each run using the one above for its price bounds. Blocks grow while certificates keep failing.
      blockSize = progressed ? 2 : Math.min(16, blockSize * 2);
      const outs: RunOutput[] = new Array<RunOutput>(blockSize);
      let above: RunOutput | undefined;
      for (let j = blockSize; j >= 1; j--) {
        above = fullRun(kept.k + BigInt(j), above);
        outs[j - 1] = above;
      }
      const base = kept.k;
      for (let j = 1; j <= blockSize; j++) {
        const out = outs[j - 1]!;
        const status = decide(out);
        if (status === "overspends") {
          stoppedBecause = "next-overspends";
          break search;
        }
        kept = { k: base + BigInt(j), out };
        if (status === "exhaustive") {
          stoppedBecause = "exhaustive";
          break search;
        }
      }
      const tail = Math.min(blockSize, 3);
      certOn = n > 0;
      for (let j = blockSize - tail; j < blockSize - 1; j++) {
        if (!sameWinners(outs[j]!.winners, outs[j + 1]!.winners)) certOn = false;
      }
    }
  }
  const keptK = kept.k;
  const finalRun = n === 0 ? emptyRun() : runner.run(tNum(keptK), nBig, { details: true });
  if (finalRun === null) throw new Error("equal shares with completion: detail run failed");
  const mesWinners = [...model.free, ...finalRun.winners];
  const mesTotal = totalCost(prepared, mesWinners);
  options.onProgress?.({
    phase: "completion",
    runs,
    budgetIncrease: keptK * increment,
    decided: mesWinners.length,
    total: prepared.ids.length,
  });
  const completionScore = options.completionScore ?? "points";
  const fill = greedyFill(prepared, completionScore, mesWinners, budget - mesTotal);
  const mesSelected = mesWinners.map((p) => prepared.ids[p] ?? "");
  return {
    rule: "equal-shares-completed",
    utility: options.utility,
    selected: [...mesSelected, ...fill.selected],
    totalCost: mesTotal + fill.totalCost,
    mesSelected,
    mesTotalCost: mesTotal,
    perVoterBudget: n === 0 ? rational(0n) : rational(tNum(keptK), nBig),
    budgetIncrease: keptK * increment,
    stoppedBecause,
    mesRuns: runs,
    steps: mesSteps(model, finalRun),
    completionScore,
    completionSteps: fill.steps,
  };
}

function emptyRun(): RunOutput {
  return { winners: [], rhos: [], rounds: [], drops: [], slowPaths: 0, evaluations: 0 };
}

function runWithProgress(
  runner: MesRunner,
  model: MesModel,
  budget: bigint,
  nBig: bigint,
  options: EqualSharesOptions,
  budgetIncrease: bigint,
  runs: number,
  details: boolean,
  tNum: bigint = budget,
): RunOutput {
  const onProgress = options.onProgress;
  const total = model.prepared.ids.length;
  const out = runner.run(tNum, nBig, {
    details,
    onRound:
      onProgress === undefined
        ? undefined
        : (decided) => onProgress({ phase: "equal-shares", runs, budgetIncrease, decided, total }),
  });
  if (out === null) throw new Error("equal shares: unexpected certification failure");
  return out;
}

function sameWinners(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((p, i) => p === b[i]);
}

function totalCost(prepared: PreparedInstance, projects: readonly number[]): bigint {
  let s = 0n;
  for (const p of projects) s += prepared.costs[p] ?? 0n;
  return s;
}

function mesSteps(model: MesModel, out: RunOutput): MesStep[] {
  const prepared = model.prepared;
  const steps: MesStep[] = [];
  const id = (p: number): string => prepared.ids[p] ?? "";
  for (const p of model.free) {
    steps.push({ kind: "free", round: 0, projectId: id(p), cost: prepared.costs[p] ?? 0n, supporters: model.supVoters[p] ?? 0 });
  }
  const rounds = out.rounds ?? [];
  const drops = out.drops ?? [];
  let di = 0;
  const pushDropsUpTo = (roundsDone: number): void => {
    while (di < drops.length && (drops[di]?.roundsDone ?? 0) <= roundsDone) {
      const d = drops[di++];
      if (d === undefined) break;
      steps.push({
        kind: "dropped",
        round: d.roundsDone,
        projectId: id(d.project),
        cost: prepared.costs[d.project] ?? 0n,
        supporters: d.supporters,
        supportersMoney: rational(d.moneyNum, d.moneyDen),
      });
    }
  };
  rounds.forEach((r, i) => {
    pushDropsUpTo(i);
    const u = model.util[r.project] ?? 1n;
    const den = r.d * BigInt(r.fullPayers);
    steps.push({
      kind: "funded",
      round: i + 1,
      projectId: id(r.project),
      cost: prepared.costs[r.project] ?? 0n,
      rho: rational(r.x, den * u),
      payment: rational(r.x, den),
      supporters: r.supporters,
      payingAll: r.payingAll,
    });
  });
  pushDropsUpTo(Number.MAX_SAFE_INTEGER);
  const m = prepared.ids.length;
  const freeSet = new Set(model.free);
  for (let p = 0; p < m; p++) {
    if (model.isCandidate[p] === 1 || freeSet.has(p)) continue;
    const supported = (prepared.approvals[p] ?? 0) > 0;
    steps.push({
      kind: "ignored",
      projectId: id(p),
      cost: prepared.costs[p] ?? 0n,
      reason: supported ? "zero-utility" : "no-supporters",
    });
  }
  return steps;
}
