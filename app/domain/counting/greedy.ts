import { prepareInstance, type PreparedInstance } from "./prepare.js";
import { byProjectId } from "./tie-break.js";
import type { CountingInstance, GreedyResult, GreedyScore, GreedyStep, TieBreak } from "./types.js";

export interface GreedyOptions {
  readonly score: GreedyScore;
  readonly tieBreak?: TieBreak;
}

/**
 * "Most support first": rank projects by score, walk the ranking and fund
 * every project that still fits. Projects nobody voted for are funded too if
 * they fit, as pabutools does.
 */
export function greedy(instance: CountingInstance, options: GreedyOptions): GreedyResult {
  const prepared = prepareInstance(instance, options.tieBreak ?? byProjectId);
  const fill = greedyFill(prepared, options.score, [], prepared.budget);
  return { rule: "greedy", score: options.score, selected: fill.selected, totalCost: fill.totalCost, steps: fill.steps };
}

export interface GreedyFill {
  readonly selected: string[];
  readonly totalCost: bigint;
  readonly steps: GreedyStep[];
}

/** Greedy over the projects not in `already`, spending at most `remaining`. */
export function greedyFill(
  prepared: PreparedInstance,
  score: GreedyScore,
  already: readonly number[],
  remaining: bigint,
): GreedyFill {
  const m = prepared.ids.length;
  const skip = new Uint8Array(m);
  for (const p of already) skip[p] = 1;
  const scoreOf = (p: number): bigint =>
    score === "points" ? (prepared.points[p] ?? 0n) : BigInt(prepared.approvals[p] ?? 0);
  const order: number[] = [];
  for (let p = 0; p < m; p++) if (skip[p] === 0) order.push(p);
  const scores = new Map<number, bigint>(order.map((p) => [p, scoreOf(p)]));
  order.sort((a, b) => {
    const sa = scores.get(a) ?? 0n;
    const sb = scores.get(b) ?? 0n;
    if (sa !== sb) return sa > sb ? -1 : 1;
    return (prepared.tieRank[a] ?? 0) - (prepared.tieRank[b] ?? 0);
  });
  const selected: string[] = [];
  const steps: GreedyStep[] = [];
  let left = remaining;
  let spent = 0n;
  order.forEach((p, i) => {
    const cost = prepared.costs[p] ?? 0n;
    const id = prepared.ids[p] ?? "";
    const fits = cost <= left;
    steps.push({
      rank: i + 1,
      projectId: id,
      score: scores.get(p) ?? 0n,
      cost,
      remainingBefore: left,
      outcome: fits ? "funded" : "over-budget",
    });
    if (fits) {
      selected.push(id);
      left -= cost;
      spent += cost;
    }
  });
  return { selected, totalCost: spent, steps };
}
