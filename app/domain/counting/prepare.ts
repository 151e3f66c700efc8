import { t } from "../../i18n/translate.js";
import { byProjectId } from "./tie-break.js";
import type { CountingInstance, TieBreak, TieBreakProject } from "./types.js";

export class CountingInputError extends Error {
  override readonly name = "CountingInputError"; // i18n-exempt: class name
  constructor(
    message: string,
    readonly projectId?: string,
    readonly ballotIndex?: number,
  ) {
    super(message);
  }
}

/** The instance checked and indexed once, shared by every rule. */
export interface PreparedInstance {
  readonly budget: bigint;
  readonly ids: readonly string[];
  readonly costs: readonly bigint[];
  /** Ballots listing each project. */
  readonly approvals: Int32Array;
  /** Total points per project (one point per listing on ballots without points). */
  readonly points: readonly bigint[];
  /** Ballot b lists projects ballotItems[ballotStart[b] .. ballotStart[b+1]). */
  readonly ballotStart: Int32Array;
  readonly ballotItems: Int32Array;
  readonly voterCount: number;
  /** tieRank[p] < tieRank[q] means p wins a tie against q. */
  readonly tieRank: Int32Array;
}

export function prepareInstance(instance: CountingInstance, tieBreak: TieBreak = byProjectId): PreparedInstance {
  if (typeof instance.budget !== "bigint" || instance.budget < 0n) {
    throw new CountingInputError(t("results.counting.budgetInvalid"));
  }
  const m = instance.projects.length;
  const ids: string[] = new Array<string>(m);
  const costs: bigint[] = new Array<bigint>(m);
  const index = new Map<string, number>();
  instance.projects.forEach((p, i) => {
    if (typeof p.id !== "string" || p.id.length === 0) {
      throw new CountingInputError(t("results.counting.projectIdEmpty", { number: i + 1 }));
    }
    if (index.has(p.id)) throw new CountingInputError(t("results.counting.projectIdTwice", { id: p.id }), p.id);
    if (typeof p.cost !== "bigint" || p.cost < 0n) {
      throw new CountingInputError(t("results.counting.projectCostInvalid", { id: p.id }), p.id);
    }
    index.set(p.id, i);
    ids[i] = p.id;
    costs[i] = p.cost;
  });

  const nBallots = instance.ballots.length;
  const ballotStart = new Int32Array(nBallots + 1);
  let total = 0;
  for (let b = 0; b < nBallots; b++) {
    const ballot = instance.ballots[b];
    if (ballot === undefined) throw new CountingInputError(t("results.counting.ballotMissing", { number: b + 1 }), undefined, b);
    total += ballot.projectIds.length;
    ballotStart[b + 1] = total;
  }
  const ballotItems = new Int32Array(total);
  const approvals = new Int32Array(m);
  const points: bigint[] = new Array<bigint>(m).fill(0n);
  const seenStamp = new Int32Array(m).fill(-1);
  for (let b = 0; b < nBallots; b++) {
    const ballot = instance.ballots[b];
    if (ballot === undefined) continue;
    const pts = ballot.points;
    if (pts !== undefined && pts.length !== ballot.projectIds.length) {
      throw new CountingInputError(
        t("results.counting.ballotPointsMismatch", { number: b + 1, projects: ballot.projectIds.length, points: pts.length }),
        undefined,
        b,
      );
    }
    let k = ballotStart[b] ?? 0;
    ballot.projectIds.forEach((id, j) => {
      const p = index.get(id);
      if (p === undefined) throw new CountingInputError(t("results.counting.ballotUnknownProject", { number: b + 1, id }), id, b);
      if (seenStamp[p] === b) throw new CountingInputError(t("results.counting.ballotProjectTwice", { number: b + 1, id }), id, b);
      seenStamp[p] = b;
      ballotItems[k++] = p;
      approvals[p] = (approvals[p] ?? 0) + 1;
      const pt = pts === undefined ? 1n : pts[j];
      if (typeof pt !== "bigint") throw new CountingInputError(t("results.counting.ballotPointInvalid", { number: b + 1 }), id, b);
      points[p] = (points[p] ?? 0n) + pt;
    });
  }

  const infos: TieBreakProject[] = ids.map((id, i) => ({
    id,
    cost: costs[i] ?? 0n,
    index: i,
    approvals: approvals[i] ?? 0,
    points: points[i] ?? 0n,
  }));
  const order = infos.slice().sort((a, b) => tieBreak(a, b) || a.index - b.index);
  const tieRank = new Int32Array(m);
  order.forEach((info, rank) => {
    tieRank[info.index] = rank;
  });

  return { budget: instance.budget, ids, costs, approvals, points, ballotStart, ballotItems, voterCount: nBallots, tieRank };
}
