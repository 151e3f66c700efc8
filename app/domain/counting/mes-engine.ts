import type { PreparedInstance } from "./prepare.js";
import type { MesUtility } from "./types.js";

/*
 * Method of Equal Shares, exact and fast.
 *
 * Exactness. Every voter starts with t = Tnum/Tden. A voter's money is always
 * t minus the payments q_r of the rounds in which the voter could pay the full
 * price (a voter who could not pays everything and is left with 0). So voters
 * with the same payment history have the same money: they form a "class", and
 * a class is a node in a tree (parent class + the round of the payment). All
 * money is kept as bigint numerators over one common denominator D that grows
 * by a factor of at most N_R (the number of full payers) per round. Sums over
 * many classes are never added class by class: the money of a set of classes is
 * |set|·t − Σ_r m_r·q_r where m_r counts the voters of the set who paid in round
 * r, so only the integer counts m_r are accumulated per class and at most one
 * bigint product per round is needed.
 *
 * Speed. Each class also carries an integer interval [lo, hi] that contains
 * its money times 2^e (e chosen per run so that all keys stay below 2^28 and
 * every Number product in the approximate pass stays an exact integer below
 * 2^53). The intervals only steer the search: the candidate split between
 * voters who pay the full price and voters who pay all they have is found on
 * the intervals, then checked exactly, and when an interval cannot decide a
 * comparison the exact bigint value is computed. A wrong guess falls back to
 * the textbook exact computation, so results never depend on the intervals.
 *
 * Laziness. A project's price per unit of utility (rho) can only go up from
 * one round to the next because voters only lose money. As in pabutools, the
 * last computed rho is a lower bound, and a round only recomputes projects
 * whose bound is not already above the best rho found in that round. Two more
 * lower bounds cut the work further without changing any decision:
 *  - any split of a project's supporters, with every class at its upper key,
 *    prices the project no higher than it really is, so a contender whose
 *    bound is already above the round's best is not priced exactly;
 *  - with the same winners so far, a larger starting budget can only lower
 *    prices, so the prices a run at t+1 saw in round r (its trace) bound the
 *    prices of round r at t from below, and what it found unaffordable is
 *    unaffordable at t too.
 * Winners, and every project that may tie with them, are always priced
 * exactly, so payments and tie-breaks are exactly those of pabutools.
 */

const EXHAUSTED = -1;

export interface MesModel {
  readonly prepared: PreparedInstance;
  readonly utility: MesUtility;
  readonly voterCount: number;
  /** Utility of one supporter for each project: its cost, or 1. */
  readonly util: readonly bigint[];
  /** Supported projects with positive cost and utility, the ones rounds choose from. */
  readonly candidates: Int32Array;
  readonly isCandidate: Uint8Array;
  /** Supported free projects (positive utility), funded before round 1, in tie-break order. */
  readonly free: readonly number[];
  /** Voters with the same candidate projects on their ballot always have the same money. */
  readonly groupCount: number;
  readonly groupMult: Int32Array;
  readonly supStart: Int32Array;
  readonly supGroups: Int32Array;
  /** Number of voters supporting each project. */
  readonly supVoters: Int32Array;
}

export function buildMesModel(prepared: PreparedInstance, utility: MesUtility): MesModel {
  const m = prepared.ids.length;
  const util: bigint[] = prepared.costs.map((c) => (utility === "cost" ? c : 1n));
  const isCandidate = new Uint8Array(m);
  const candidateList: number[] = [];
  const free: number[] = [];
  for (let p = 0; p < m; p++) {
    const supported = (prepared.approvals[p] ?? 0) > 0;
    const u = util[p] ?? 0n;
    if (!supported || u <= 0n) continue;
    if ((prepared.costs[p] ?? 0n) > 0n) {
      isCandidate[p] = 1;
      candidateList.push(p);
    } else {
      free.push(p);
    }
  }
  free.sort((a, b) => (prepared.tieRank[a] ?? 0) - (prepared.tieRank[b] ?? 0));

  const groupIndex = new Map<string, number>();
  const groupMultList: number[] = [];
  const groupProjects: number[][] = [];
  const n = prepared.voterCount;
  const scratch: number[] = [];
  for (let b = 0; b < n; b++) {
    scratch.length = 0;
    const end = prepared.ballotStart[b + 1] ?? 0;
    for (let k = prepared.ballotStart[b] ?? 0; k < end; k++) {
      const p = prepared.ballotItems[k] ?? 0;
      if (isCandidate[p] === 1) scratch.push(p);
    }
    if (scratch.length === 0) continue;
    scratch.sort((x, y) => x - y);
    const key = scratch.join(",");
    const g = groupIndex.get(key);
    if (g === undefined) {
      groupIndex.set(key, groupMultList.length);
      groupMultList.push(1);
      groupProjects.push(scratch.slice());
    } else {
      groupMultList[g] = (groupMultList[g] ?? 0) + 1;
    }
  }
  const groupCount = groupMultList.length;
  const groupMult = Int32Array.from(groupMultList);
  const supCount = new Int32Array(m);
  const supVoters = new Int32Array(m);
  groupProjects.forEach((projects, g) => {
    for (const p of projects) {
      supCount[p] = (supCount[p] ?? 0) + 1;
      supVoters[p] = (supVoters[p] ?? 0) + (groupMult[g] ?? 0);
    }
  });
  const supStart = new Int32Array(m + 1);
  for (let p = 0; p < m; p++) supStart[p + 1] = (supStart[p] ?? 0) + (supCount[p] ?? 0);
  const fillPos = supStart.slice(0, m);
  const supGroups = new Int32Array(supStart[m] ?? 0);
  groupProjects.forEach((projects, g) => {
    for (const p of projects) {
      const at = fillPos[p] ?? 0;
      supGroups[at] = g;
      fillPos[p] = at + 1;
    }
  });
  return {
    prepared,
    utility,
    voterCount: n,
    util,
    candidates: Int32Array.from(candidateList),
    isCandidate,
    free,
    groupCount,
    groupMult,
    supStart,
    supGroups,
    supVoters,
  };
}

/** An exact rho: num / den, den > 0, not necessarily in lowest terms. */
export interface RawRho {
  readonly num: bigint;
  readonly den: bigint;
}

export interface RoundRecord {
  readonly project: number;
  /** q = x / (d · fullPayers) is what each full payer paid. */
  readonly x: bigint;
  readonly d: bigint;
  readonly fullPayers: number;
  readonly supporters: number;
  readonly payingAll: number;
}

export interface DropRecord {
  readonly project: number;
  readonly roundsDone: number;
  readonly moneyNum: bigint;
  readonly moneyDen: bigint;
  readonly supporters: number;
}

/**
 * What a run learnt about prices, round by round, for a run with a smaller
 * starting budget to reuse: with the same winners so far, every price at the
 * smaller budget is at least the price here, so these are lower bounds there,
 * and a project unaffordable here is unaffordable there.
 */
export interface RunTrace {
  readonly eRho: number;
  readonly winners: readonly number[];
  readonly rounds: readonly TraceRound[];
}

export interface TraceRound {
  readonly projects: number[];
  readonly nums: bigint[];
  readonly dens: bigint[];
  readonly keys: number[];
  readonly dropped: number[];
}

export interface RunOutput {
  /** Candidate projects in the order rounds chose them (free projects excluded). */
  readonly winners: number[];
  /** Exact rho of each round's winner. */
  readonly rhos: RawRho[];
  readonly rounds?: RoundRecord[];
  readonly drops?: DropRecord[];
  /** How often the exact fallback had to redo a whole split (for benchmarks). */
  readonly slowPaths: number;
  /** Projects whose price was computed, summed over rounds (for benchmarks). */
  readonly evaluations: number;
  readonly trace?: RunTrace;
}

export interface RunOptions {
  readonly details?: boolean;
  /**
   * Certification: instead of choosing winners, follow `winners` and fail as
   * soon as some other project's rho is not above `thresholds[r]` (ties count
   * against `winners[r]` when the tie-break favours the other project), or a
   * project is still affordable at the end.
   */
  readonly certify?: { readonly winners: readonly number[]; readonly thresholds: readonly RawRho[] };
  readonly onRound?: (decided: number) => void;
  /** Record a trace for a later run with a smaller starting budget. */
  readonly trace?: boolean;
  /** Trace of a run with a larger starting budget (never combined with details or certify). */
  readonly assist?: RunTrace;
}

function bitLength(x: bigint): number {
  return x <= 0n ? 0 : x.toString(2).length;
}

/** floor(num · 2^e / den) for num ≥ 0, den > 0. */
function scaledFloor(num: bigint, den: bigint, e: number): bigint {
  return e >= 0 ? (num << BigInt(e)) / den : num / (den << BigInt(-e));
}

function toKey(x: bigint): number {
  return Number(x);
}

function growInt32(a: Int32Array, size: number): Int32Array {
  const b = new Int32Array(size);
  b.set(a);
  return b;
}

/** Runs equal shares on one model; the scratch memory is reused between runs. */
export class MesRunner {
  private readonly model: MesModel;
  private readonly m: number;
  private cap = 0;
  private parent: Int32Array = new Int32Array(0);
  private roundOf: Int32Array = new Int32Array(0);
  private lo: Int32Array = new Int32Array(0);
  private hi: Int32Array = new Int32Array(0);
  private cnt: Int32Array = new Int32Array(0);
  private childStamp: Int32Array = new Int32Array(0);
  private childOf: Int32Array = new Int32Array(0);
  private poorStamp: Int32Array = new Int32Array(0);
  private touched: Int32Array = new Int32Array(0);
  private bufA: Int32Array = new Int32Array(0);
  private bufB: Int32Array = new Int32Array(0);
  private eqBuf: Int32Array = new Int32Array(0);
  private bestPoor: Int32Array = new Int32Array(0);
  private bestEq: Int32Array = new Int32Array(0);
  private nClasses = 0;
  private readonly groupCls: Int32Array;
  /** Per run: each project's supporter groups, live ones first (see gather). */
  private readonly activeGroups: Int32Array;
  private readonly activeEnd: Int32Array;
  private readonly exhaustedVoters: Int32Array;
  private readonly counts256 = new Int32Array(256);
  private mr: Int32Array;

  // per run
  private e = 0;
  private eRho = 0;
  private d = 1n;
  private tCur = 0n;
  private q: bigint[] = [];
  private rounds = 0;
  private stamp = 0;
  private costKey: number[] = [];
  slowPaths = 0;

  /** When thrOn, evaluate() may stop at a lower bound above thrNum/thrDen instead of the exact price. */
  private thrOn = false;
  private thrNum = 0n;
  private thrDen = 1n;

  // result of the last evaluate()
  private evBounded = false;
  private evBoundNum = 0n;
  private evBoundDen = 1n;
  private evAffordable = false;
  private evX = 0n;
  private evFull = 0;
  private evPoorVoters = 0;
  private evExhausted = 0;
  private evMoney = 0n;
  private evSorted: Int32Array = new Int32Array(0);
  private evSplit = 0;
  private evEqLen = 0;
  private evEqVoters = 0;
  /** Voters in the paying-all part whose money was exactly the price. */
  private evPoorEqVoters = 0;

  constructor(model: MesModel) {
    this.model = model;
    this.m = model.prepared.ids.length;
    this.groupCls = new Int32Array(model.groupCount);
    this.activeGroups = new Int32Array(model.supGroups.length);
    this.activeEnd = new Int32Array(this.m);
    this.exhaustedVoters = new Int32Array(this.m);
    this.mr = new Int32Array(model.candidates.length + 1);
    this.ensureCapacity(Math.max(64, model.groupCount * 2));
  }

  private ensureCapacity(size: number): void {
    if (size <= this.cap) return;
    let cap = Math.max(this.cap * 2, 64);
    while (cap < size) cap *= 2;
    this.parent = growInt32(this.parent, cap);
    this.roundOf = growInt32(this.roundOf, cap);
    this.lo = growInt32(this.lo, cap);
    this.hi = growInt32(this.hi, cap);
    this.cnt = growInt32(this.cnt, cap);
    this.childStamp = growInt32(this.childStamp, cap);
    this.childOf = growInt32(this.childOf, cap);
    this.poorStamp = growInt32(this.poorStamp, cap);
    this.touched = new Int32Array(cap);
    this.bufA = new Int32Array(cap);
    this.bufB = new Int32Array(cap);
    this.eqBuf = new Int32Array(cap);
    this.bestPoor = growInt32(this.bestPoor, cap);
    this.bestEq = growInt32(this.bestEq, cap);
    this.cap = cap;
  }

  /** Money of class c, as a numerator over the current D. */
  private classValue(c: number): bigint {
    let v = this.tCur;
    let x = c;
    while (x > 0) {
      v -= this.q[this.roundOf[x]!]!;
      x = this.parent[x]!;
    }
    return v;
  }

  /** Adds cnt[c] to mr[r] for every round r in which class c's voters paid in full. */
  private accumulateRounds(list: Int32Array, from: number, to: number): number {
    const mr = this.mr;
    const parent = this.parent;
    const roundOf = this.roundOf;
    const cnt = this.cnt;
    let voters = 0;
    for (let i = from; i < to; i++) {
      const c = list[i]!;
      const w = cnt[c]!;
      voters += w;
      let x = c;
      while (x > 0) {
        mr[roundOf[x]!]! += w;
        x = parent[x]!;
      }
    }
    return voters;
  }

  /** Money of `voters` voters whose payments were accumulated in mr; resets mr. */
  private moneyFromRounds(voters: number): bigint {
    let s = BigInt(voters) * this.tCur;
    const mr = this.mr;
    for (let r = 0; r < this.rounds; r++) {
      const k = mr[r]!;
      if (k !== 0) {
        s -= BigInt(k) * this.q[r]!;
        mr[r] = 0;
      }
    }
    return s;
  }

  /** Sorts touched[0..len) by lo (radix sort on 28-bit keys); returns the sorted buffer. */
  private sortTouched(len: number): Int32Array {
    const lo = this.lo;
    if (len <= 48) {
      const a = this.touched;
      for (let i = 1; i < len; i++) {
        const c = a[i]!;
        const k = lo[c]!;
        let j = i - 1;
        while (j >= 0 && lo[a[j]!]! > k) {
          a[j + 1] = a[j]!;
          j--;
        }
        a[j + 1] = c;
      }
      return a;
    }
    let src = this.touched;
    let dst = this.bufA;
    const counts = this.counts256;
    for (let shift = 0; shift < 32; shift += 8) {
      counts.fill(0);
      for (let i = 0; i < len; i++) counts[(lo[src[i]!]! >>> shift) & 255]!++;
      if (counts[(lo[src[0]!]! >>> shift) & 255] === len) continue;
      let sum = 0;
      for (let b = 0; b < 256; b++) {
        const k = counts[b]!;
        counts[b] = sum;
        sum += k;
      }
      for (let i = 0; i < len; i++) {
        const c = src[i]!;
        dst[counts[(lo[c]! >>> shift) & 255]!++] = c;
      }
      const t = src;
      src = dst;
      dst = t === this.touched ? this.bufB : t;
    }
    return src;
  }

  /**
   * Evaluates project p against the current money. Sets evAffordable and, if
   * affordable, the exact price q = evX / (D · evFull) with the split in
   * evSorted[0..evSplit) (classes paying all they have) and eqBuf (classes whose
   * money equals q exactly); otherwise evMoney is the supporters' money (over D).
   */
  /**
   * Counts project p's live supporters per class into cnt[] and lists the
   * classes in touched[]. Voters who have nothing left stay that way for the
   * rest of the run, so their groups are swapped out of p's list as they are
   * met and only counted in exhaustedVoters[p].
   */
  private gather(p: number): number {
    const groupCls = this.groupCls;
    const groupMult = this.model.groupMult;
    const act = this.activeGroups;
    const cnt = this.cnt;
    const touched = this.touched;
    let end = this.activeEnd[p]!;
    let tl = 0;
    let exh = 0;
    for (let i = this.model.supStart[p]!; i < end; i++) {
      const g = act[i]!;
      const c = groupCls[g]!;
      if (c < 0) {
        exh += groupMult[g]!;
        end--;
        act[i] = act[end]!;
        act[end] = g;
        i--;
        continue;
      }
      const k = cnt[c]!;
      if (k === 0) touched[tl++] = c;
      cnt[c] = k + groupMult[g]!;
    }
    this.activeEnd[p] = end;
    this.exhaustedVoters[p]! += exh;
    return tl;
  }

  /**
   * The poor/rich iteration of pabutools on the integer keys: classes whose key
   * is below the current price move to the front of touched[] and the price is
   * recomputed until nothing moves. Returns how many classes are at the front,
   * or -1 if it did not settle within a few passes (the caller then sorts).
   */
  private partition(tl: number, costKey: number, live: number, startKey: number): number {
    const a = this.touched;
    const lo = this.lo;
    const cnt = this.cnt;
    let front = 0;
    let poorSum = 0;
    let rem = live;
    // Classes below a known lower bound on the price are certainly among the payers of all they have.
    if (startKey > 0) {
      for (let i = 0; i < tl; i++) {
        const c = a[i]!;
        const l = lo[c]!;
        if (l < startKey) {
          const w = cnt[c]!;
          poorSum += w * l;
          rem -= w;
          a[i] = a[front]!;
          a[front++] = c;
        }
      }
    }
    for (let pass = 0; pass < 12; pass++) {
      if (rem === 0) return tl;
      const num = costKey - poorSum;
      let addSum = 0;
      let addCnt = 0;
      const before = front;
      for (let i = front; i < tl; i++) {
        const c = a[i]!;
        const l = lo[c]!;
        if (l * rem < num) {
          const w = cnt[c]!;
          addSum += w * l;
          addCnt += w;
          a[i] = a[front]!;
          a[front++] = c;
        }
      }
      if (front === before) return front;
      poorSum += addSum;
      rem -= addCnt;
    }
    return -1;
  }

  private walk(sorted: Int32Array, tl: number, costKey: number, live: number): number {
    const lo = this.lo;
    const cnt = this.cnt;
    let contrib = 0;
    let rem = live;
    let j = 0;
    for (; j < tl; j++) {
      const c = sorted[j]!;
      const l = lo[c]!;
      if (costKey - contrib <= l * rem) break;
      const w = cnt[c]!;
      contrib += w * l;
      rem -= w;
    }
    return j;
  }

  /** startKey: a price (times 2^e) known not to exceed the true one, or 0. */
  private evaluate(p: number, cost: bigint, startKey: number): void {
    const model = this.model;
    const cnt = this.cnt;
    const tl = this.gather(p);
    const nExh = this.exhaustedVoters[p]!;
    const live = model.supVoters[p]! - nExh;
    this.evBounded = false;
    this.evExhausted = nExh;
    this.evEqLen = 0;
    this.evEqVoters = 0;
    if (tl === 0) {
      this.evAffordable = false;
      this.evMoney = 0n;
      return;
    }
    const costKey = this.costKey[p]!;
    let sorted = this.touched;
    let j = tl;
    if (costKey >= 0) {
      j = this.partition(tl, costKey, live, startKey);
      if (j < 0) {
        sorted = this.sortTouched(tl);
        j = this.walk(sorted, tl, costKey, live);
      }
    }
    this.evSorted = sorted;
    if (this.thrOn && j > 0 && j < tl && sorted === this.touched) {
      // With every budget replaced by its upper key, this split gives a price no higher than the true one.
      const hi = this.hi;
      let sumHi = 0;
      let poor = 0;
      for (let i = 0; i < j; i++) {
        const c = sorted[i]!;
        const w = cnt[c]!;
        sumHi += w * hi[c]!;
        poor += w;
      }
      const a = costKey - sumHi;
      const rem = live - poor;
      if (a > 0 && rem > 0) {
        let num = BigInt(a);
        let den = BigInt(rem) * this.model.util[p]!;
        if (this.e >= 0) den <<= BigInt(this.e);
        else num <<= BigInt(-this.e);
        if (num * this.thrDen > this.thrNum * den) {
          this.evBounded = true;
          this.evBoundNum = num;
          this.evBoundDen = den;
          for (let i = 0; i < tl; i++) cnt[sorted[i]!] = 0;
          return;
        }
      }
    }
    const costD = cost * this.d;
    let ok = false;
    if (j === tl) {
      this.accumulateRounds(sorted, 0, tl);
      const money = this.moneyFromRounds(live);
      if (money < costD) {
        this.evAffordable = false;
        this.evMoney = money;
        ok = true;
      }
    } else {
      const poorVoters = this.accumulateRounds(sorted, 0, j);
      const x = costD - this.moneyFromRounds(poorVoters);
      const full = live - poorVoters;
      if (x > 0n && this.verifySplit(sorted, j, tl, x, full)) {
        this.evAffordable = true;
        this.evX = x;
        this.evFull = full;
        this.evPoorVoters = poorVoters;
        this.evSplit = j;
        ok = true;
      }
    }
    if (!ok) this.exactSplit(sorted, tl, live, costD);
    for (let i = 0; i < tl; i++) cnt[sorted[i]!] = 0;
  }

  /** Checks that classes before j have money ≤ q and the others ≥ q, q = x/(D·full). */
  private verifySplit(sorted: Int32Array, j: number, tl: number, x: bigint, full: number): boolean {
    const scaledNum = this.e >= 0 ? x << BigInt(this.e) : x;
    const scaledDen = this.e >= 0 ? this.d * BigInt(full) : (this.d * BigInt(full)) << BigInt(-this.e);
    const qlBig = scaledNum / scaledDen;
    const ql = toKey(qlBig);
    const qu = qlBig * scaledDen === scaledNum ? ql : ql + 1;
    const lo = this.lo;
    const hi = this.hi;
    const fullBig = BigInt(full);
    let poorEqVoters = 0;
    for (let i = 0; i < j; i++) {
      const c = sorted[i]!;
      const h = hi[c]!;
      if (h < ql || (h === ql && ql < qu)) continue;
      if (lo[c]! > qu) return false;
      const v = this.classValue(c) * fullBig;
      if (v > x) return false;
      if (v === x) poorEqVoters += this.cnt[c]!;
    }
    this.evPoorEqVoters = poorEqVoters;
    let eqLen = 0;
    let eqVoters = 0;
    for (let i = j; i < tl; i++) {
      const c = sorted[i]!;
      const l = lo[c]!;
      if (l > qu || (l === qu && ql < qu)) continue;
      if (hi[c]! < ql) return false;
      const v = this.classValue(c) * fullBig;
      if (v < x) return false;
      if (v === x) {
        this.eqBuf[eqLen++] = c;
        eqVoters += this.cnt[c]!;
      }
    }
    this.evEqLen = eqLen;
    this.evEqVoters = eqVoters;
    return true;
  }

  /** The textbook computation on exact values; only used when the fast split was wrong. */
  private exactSplit(sorted: Int32Array, tl: number, live: number, costD: bigint): void {
    this.slowPaths++;
    const values = new Map<number, bigint>();
    const list: number[] = [];
    for (let i = 0; i < tl; i++) {
      const c = sorted[i]!;
      list.push(c);
      values.set(c, this.classValue(c));
    }
    list.sort((a, b) => {
      const va = values.get(a)!;
      const vb = values.get(b)!;
      return va < vb ? -1 : va > vb ? 1 : 0;
    });
    list.forEach((c, i) => {
      sorted[i] = c;
    });
    let contrib = 0n;
    let rem = live;
    let poorVoters = 0;
    for (let j = 0; j < tl; j++) {
      const c = sorted[j]!;
      const v = values.get(c)!;
      if (costD - contrib <= BigInt(rem) * v) {
        const x = costD - contrib;
        const fullBig = BigInt(rem);
        let eqLen = 0;
        let eqVoters = 0;
        for (let i = j; i < tl; i++) {
          const ci = sorted[i]!;
          if (values.get(ci)! * fullBig === x) {
            this.eqBuf[eqLen++] = ci;
            eqVoters += this.cnt[ci]!;
          }
        }
        this.evAffordable = true;
        this.evX = x;
        this.evFull = rem;
        this.evPoorVoters = poorVoters;
        this.evPoorEqVoters = 0;
        this.evSplit = j;
        this.evEqLen = eqLen;
        this.evEqVoters = eqVoters;
        return;
      }
      const w = this.cnt[c]!;
      contrib += BigInt(w) * v;
      rem -= w;
      poorVoters += w;
    }
    this.evAffordable = false;
    this.evMoney = contrib;
  }

  /**
   * After `best` is funded: its supporters who paid all they had go to the
   * exhausted class, the others to a child class (money lowered by q).
   */
  private moveSupporters(best: number, round: number, bestPoorLen: number, bestEqLen: number, ql: number, qu: number): void {
    const model = this.model;
    const stamp = ++this.stamp;
    for (let i = 0; i < bestPoorLen; i++) this.poorStamp[this.bestPoor[i]!] = stamp;
    for (let i = 0; i < bestEqLen; i++) this.poorStamp[this.bestEq[i]!] = stamp;
    const start = model.supStart[best]!;
    const end = this.activeEnd[best]!;
    // At most one new class per live supporter group.
    this.ensureCapacity(this.nClasses + (end - start));
    const poorStamp = this.poorStamp;
    const childStamp = this.childStamp;
    const childOf = this.childOf;
    const parent = this.parent;
    const roundOf = this.roundOf;
    const lo = this.lo;
    const hi = this.hi;
    const act = this.activeGroups;
    const groupCls = this.groupCls;
    let nc = this.nClasses;
    for (let i = start; i < end; i++) {
      const grp = act[i]!;
      const c = groupCls[grp]!;
      if (c < 0) continue;
      if (childStamp[c] !== stamp) {
        childStamp[c] = stamp;
        if (poorStamp[c] === stamp) {
          childOf[c] = EXHAUSTED;
        } else {
          parent[nc] = c;
          roundOf[nc] = round;
          const l = lo[c]! - qu;
          lo[nc] = l > 0 ? l : 0;
          hi[nc] = hi[c]! - ql;
          childOf[c] = nc++;
        }
      }
      groupCls[grp] = childOf[c]!;
    }
    this.nClasses = nc;
  }

  /**
   * One run of equal shares with every voter starting at tNum / tDen.
   * Returns null only in certification mode, when the certificate fails.
   */
  run(tNum: bigint, tDen: bigint, options: RunOptions = {}): RunOutput | null {
    const model = this.model;
    const prepared = model.prepared;
    const details = options.details === true;
    const certify = options.certify;
    const assist = details || certify !== undefined ? undefined : options.assist;
    const traceRounds: TraceRound[] | undefined = options.trace === true ? [] : undefined;
    this.slowPaths = 0;
    let evaluations = 0;

    // Scales for the integer intervals (see the header comment).
    const n = model.voterCount;
    const keyBits = Math.max(4, Math.min(28, 49 - bitLength(BigInt(n))));
    const tCeil = (tNum + tDen - 1n) / tDen;
    this.e = keyBits - bitLength(tCeil);
    this.eRho = 50 - bitLength(tCeil);
    this.d = tDen;
    this.tCur = tNum;
    this.q = [];
    this.rounds = 0;
    this.nClasses = 1;
    this.parent[0] = -1;
    this.roundOf[0] = -1;
    const rootNum = this.e >= 0 ? tNum << BigInt(this.e) : tNum;
    const rootDen = this.e >= 0 ? tDen : tDen << BigInt(-this.e);
    const rootLo = rootNum / rootDen;
    this.lo[0] = toKey(rootLo);
    this.hi[0] = toKey(rootLo * rootDen === rootNum ? rootLo : rootLo + 1n);
    this.groupCls.fill(0);
    this.activeGroups.set(model.supGroups);
    this.activeEnd.set(model.supStart.subarray(1));
    this.exhaustedVoters.fill(0);
    this.cnt.fill(0);
    this.childStamp.fill(0);
    this.poorStamp.fill(0);
    this.stamp = 0;

    const m = this.m;
    const costs = prepared.costs;
    const util = model.util;
    const tieRank = prepared.tieRank;
    const limit = 2n ** 50n;
    this.costKey = new Array<number>(m).fill(-1);
    const storedNum: bigint[] = new Array<bigint>(m).fill(0n);
    const storedDen: bigint[] = new Array<bigint>(m).fill(1n);
    const storedKey: number[] = new Array<number>(m).fill(0);
    const order: number[] = [];
    for (const p of model.candidates) {
      const c = costs[p]!;
      const ck = scaledFloor(c, 1n, this.e);
      this.costKey[p] = ck <= limit ? toKey(ck) : -1;
      storedNum[p] = c;
      storedDen[p] = BigInt(model.supVoters[p]!) * util[p]!;
      storedKey[p] = toKey(scaledFloor(c, storedDen[p]!, this.eRho));
      order.push(p);
    }
    const alive = new Uint8Array(m);
    for (const p of order) alive[p] = 1;

    const winners: number[] = [];
    const rhos: RawRho[] = [];
    const roundsOut: RoundRecord[] | undefined = details ? [] : undefined;
    const drops: DropRecord[] | undefined = details ? [] : undefined;
    let decided = 0;

    const drop = (p: number): void => {
      alive[p] = 0;
      decided++;
      if (drops !== undefined) {
        drops.push({
          project: p,
          roundsDone: this.rounds,
          moneyNum: this.evMoney,
          moneyDen: this.d,
          supporters: model.supVoters[p]!,
        });
      }
    };

    const maxRounds = model.candidates.length;
    let assisted = assist !== undefined;
    for (let r = 0; r <= maxRounds; r++) {
      const tr: TraceRound | undefined =
        traceRounds === undefined ? undefined : { projects: [], nums: [], dens: [], keys: [], dropped: [] };
      if (tr !== undefined) traceRounds!.push(tr);
      if (assisted && assist !== undefined) {
        if (r > 0 && assist.winners[r - 1] !== winners[r - 1]) assisted = false;
        const ar = assist.rounds[r];
        if (ar === undefined) assisted = false;
        if (assisted && ar !== undefined) {
          for (const p of ar.dropped) {
            if (alive[p] === 0) continue;
            alive[p] = 0;
            decided++;
            tr?.dropped.push(p);
          }
          for (let i = 0; i < ar.projects.length; i++) {
            const p = ar.projects[i]!;
            if (alive[p] === 0) continue;
            const num = ar.nums[i]!;
            const den = ar.dens[i]!;
            const key = assist.eRho === this.eRho ? ar.keys[i]! : toKey(scaledFloor(num, den, this.eRho));
            const sk = storedKey[p]!;
            if (key < sk || (key === sk && num * storedDen[p]! <= storedNum[p]! * den)) continue;
            storedNum[p] = num;
            storedDen[p] = den;
            storedKey[p] = key;
            if (tr !== undefined) {
              tr.projects.push(p);
              tr.nums.push(num);
              tr.dens.push(den);
              tr.keys.push(key);
            }
          }
        }
      }
      // Nearly sorted from the previous round: insertion sort is linear in practice.
      let len = 0;
      for (let i = 0; i < order.length; i++) {
        const p = order[i]!;
        if (alive[p] === 1) order[len++] = p;
      }
      order.length = len;
      for (let i = 1; i < len; i++) {
        const p = order[i]!;
        const k = storedKey[p]!;
        let j = i - 1;
        while (j >= 0 && storedKey[order[j]!]! > k) {
          order[j + 1] = order[j]!;
          j--;
        }
        order[j + 1] = p;
      }

      const target = certify !== undefined && r < certify.winners.length ? certify.winners[r]! : -1;
      const finalCheck = certify !== undefined && r >= certify.winners.length;
      const threshold = target >= 0 ? certify!.thresholds[r]! : undefined;
      const thresholdKey = threshold !== undefined ? toKey(scaledFloor(threshold.num, threshold.den, this.eRho)) : 0;

      let best = -1;
      let bestX = 0n;
      let bestDen = 1n;
      let bestFull = 0;
      let bestKey = 0;
      let bestPoorLen = 0;
      let bestPoorVoters = 0;
      let bestEqLen = 0;
      let bestEqVoters = 0;
      let bestExhausted = 0;
      let bestPoorEqVoters = 0;

      for (let i = 0; i < len; i++) {
        const p = order[i]!;
        if (alive[p] === 0) continue;
        if (threshold !== undefined) {
          if (p !== target) {
            const sk = storedKey[p]!;
            // The target's bound is at most the threshold, so it was already visited.
            if (sk > thresholdKey) break;
            if (sk === thresholdKey && storedNum[p]! * threshold.den > threshold.num * storedDen[p]!) continue;
          }
        } else if (best >= 0) {
          const sk = storedKey[p]!;
          if (sk > bestKey) break;
          if (sk === bestKey) {
            const l = storedNum[p]! * (this.d * BigInt(bestFull) * util[best]!);
            const rr = bestX * storedDen[p]!;
            if (l > rr) continue;
          }
        }
        const cost = costs[p]!;
        if (threshold !== undefined) {
          this.thrOn = p !== target;
          this.thrNum = threshold.num;
          this.thrDen = threshold.den;
        } else {
          this.thrOn = best >= 0;
          this.thrNum = bestX;
          this.thrDen = bestDen;
        }
        const startKey = toKey(scaledFloor(storedNum[p]! * util[p]!, storedDen[p]!, this.e));
        this.evaluate(p, cost, startKey < 2 ** 30 ? startKey : 0);
        evaluations++;
        if (this.evBounded) {
          const num = this.evBoundNum;
          const den = this.evBoundDen;
          const key = toKey(scaledFloor(num, den, this.eRho));
          if (key > storedKey[p]! || (key === storedKey[p]! && num * storedDen[p]! > storedNum[p]! * den)) {
            storedNum[p] = num;
            storedDen[p] = den;
            storedKey[p] = key;
            if (tr !== undefined) {
              tr.projects.push(p);
              tr.nums.push(num);
              tr.dens.push(den);
              tr.keys.push(key);
            }
          }
          continue;
        }
        if (!this.evAffordable) {
          if (p === target) return null;
          drop(p);
          tr?.dropped.push(p);
          continue;
        }
        if (finalCheck) return null;
        const x = this.evX;
        const full = this.evFull;
        const den = this.d * BigInt(full) * util[p]!;
        storedNum[p] = x;
        storedDen[p] = den;
        const key = toKey(scaledFloor(x, den, this.eRho));
        storedKey[p] = key;
        if (tr !== undefined) {
          tr.projects.push(p);
          tr.nums.push(x);
          tr.dens.push(den);
          tr.keys.push(key);
        }
        if (threshold !== undefined && p !== target) {
          // Must stay strictly above the threshold, or tie and lose the tie-break.
          const l = x * threshold.den;
          const rr = threshold.num * den;
          if (l < rr || (l === rr && tieRank[p]! < tieRank[target]!)) return null;
          continue;
        }
        let better = best < 0;
        if (!better) {
          const l = x * BigInt(bestFull) * util[best]!;
          const rr = bestX * BigInt(full) * util[p]!;
          better = l < rr || (l === rr && tieRank[p]! < tieRank[best]!);
        }
        if (better) {
          best = p;
          bestX = x;
          bestDen = den;
          bestFull = full;
          bestKey = key;
          bestPoorLen = this.evSplit;
          bestPoorVoters = this.evPoorVoters;
          bestEqLen = this.evEqLen;
          bestEqVoters = this.evEqVoters;
          bestExhausted = this.evExhausted;
          bestPoorEqVoters = this.evPoorEqVoters;
          this.bestPoor.set(this.evSorted.subarray(0, this.evSplit));
          this.bestEq.set(this.eqBuf.subarray(0, this.evEqLen));
        }
      }
      if (target >= 0 && best !== target) return null;
      if (best < 0) break;

      // Fund `best`: q = bestX / (D · bestFull).
      const fullBig = BigInt(bestFull);
      const remainder = Number(bestX % fullBig);
      let g = bestFull;
      let h = remainder;
      while (h !== 0) {
        const t = g % h;
        g = h;
        h = t;
      }
      const factor = bestFull / g;
      const factorBig = BigInt(factor);
      rhos.push({ num: bestX, den: this.d * fullBig * util[best]! });
      if (roundsOut !== undefined) {
        roundsOut.push({
          project: best,
          x: bestX,
          d: this.d,
          fullPayers: bestFull,
          supporters: model.supVoters[best]!,
          payingAll: bestPoorVoters - bestPoorEqVoters + bestExhausted,
        });
      }
      if (factor !== 1) {
        this.d *= factorBig;
        this.tCur *= factorBig;
        for (let k = 0; k < this.rounds; k++) this.q[k]! *= factorBig;
      }
      const qNum = bestX / BigInt(g);
      this.q.push(qNum);
      const round = this.rounds;
      this.rounds++;
      const qsNum = this.e >= 0 ? qNum << BigInt(this.e) : qNum;
      const qsDen = this.e >= 0 ? this.d : this.d << BigInt(-this.e);
      const qlBig = qsNum / qsDen;
      const ql = toKey(qlBig);
      const qu = qlBig * qsDen === qsNum ? ql : ql + 1;

      this.moveSupporters(best, round, bestPoorLen, bestEqLen, ql, qu);
      alive[best] = 0;
      winners.push(best);
      decided++;
      options.onRound?.(decided);
    }
    const trace = traceRounds === undefined ? undefined : { eRho: this.eRho, winners, rounds: traceRounds };
    return { winners, rhos, rounds: roundsOut, drops, slowPaths: this.slowPaths, evaluations, trace };
  }
}
