import type { TieBreak, TieBreakProject } from "./types.js";

/**
 * Compares strings by Unicode code point, which is how Python compares str
 * (pabutools sorts tied projects by their id this way). JavaScript's `<`
 * compares UTF-16 code units instead, which differs for characters outside
 * the Basic Multilingual Plane.
 */
export function compareCodePoints(a: string, b: string): number {
  const la = a.length;
  const lb = b.length;
  let i = 0;
  let j = 0;
  while (i < la && j < lb) {
    const ca = a.codePointAt(i) ?? 0;
    const cb = b.codePointAt(j) ?? 0;
    if (ca !== cb) return ca < cb ? -1 : 1;
    i += ca > 0xffff ? 2 : 1;
    j += cb > 0xffff ? 2 : 1;
  }
  if (i < la) return 1;
  if (j < lb) return -1;
  return 0;
}

/** pabutools' default: the smallest project id, compared as a plain string ("1" < "10" < "2" < "A"). */
export const byProjectId: TieBreak = (a, b) => compareCodePoints(a.id, b.id);

/**
 * More supporters first, then the cheaper project, then the position in
 * `seedOrder` (for example a published random order), then the id.
 */
export function bySupportThenCostThenSeed(seedOrder: readonly string[]): TieBreak {
  const position = new Map<string, number>();
  seedOrder.forEach((id, i) => {
    if (!position.has(id)) position.set(id, i);
  });
  return (a: TieBreakProject, b: TieBreakProject) => {
    if (a.approvals !== b.approvals) return b.approvals - a.approvals;
    if (a.cost !== b.cost) return a.cost < b.cost ? -1 : 1;
    const pa = position.get(a.id) ?? Number.MAX_SAFE_INTEGER;
    const pb = position.get(b.id) ?? Number.MAX_SAFE_INTEGER;
    if (pa !== pb) return pa - pb;
    return compareCodePoints(a.id, b.id);
  };
}
