// Credit limits: the ledger refuses a balance outside an account's bounds; these functions work
// out, for the person reading the refusal, why and by how much.
import { assert } from "../errors.js";
import { floorToQuarterHours } from "./hours.js";

export interface LimitRefusal {
  side: "below" | "above";
  /** How far past the limit the exchange would take the balance (more than zero). */
  overByCentihours: bigint;
  /** The most this account could move in this direction now, in whole quarter hours. */
  mostPossibleCentihours: bigint;
}

/**
 * What a refused change means. `changeCentihours` is signed: negative when the account would
 * spend. Returns null when the change fits inside the limits.
 */
export function describeLimit(input: {
  balanceCentihours: bigint;
  changeCentihours: bigint;
  minimumCentihours: bigint | null;
  maximumCentihours: bigint | null;
}): LimitRefusal | null {
  const after = input.balanceCentihours + input.changeCentihours;
  if (input.minimumCentihours !== null && input.changeCentihours < 0n && after < input.minimumCentihours) {
    const overBy = input.minimumCentihours - after;
    const room = input.balanceCentihours - input.minimumCentihours;
    const result = { side: "below" as const, overByCentihours: overBy, mostPossibleCentihours: floorToQuarterHours(room) };
    assert(result.overByCentihours > 0n, "a refusal is past the limit");
    return result;
  }
  if (input.maximumCentihours !== null && input.changeCentihours > 0n && after > input.maximumCentihours) {
    const overBy = after - input.maximumCentihours;
    const room = input.maximumCentihours - input.balanceCentihours;
    return { side: "above", overByCentihours: overBy, mostPossibleCentihours: floorToQuarterHours(room) };
  }
  return null;
}
