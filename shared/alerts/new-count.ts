/** The contract's tolerance: two counts are the same when within 2% of the larger. */
export const SAME_COUNT_TOLERANCE = 0.02;

export function sameCount(a: number, b: number): boolean {
  return Math.abs(a - b) <= SAME_COUNT_TOLERANCE * Math.max(Math.abs(a), Math.abs(b));
}

/** A count is new for its series when it is not the same as any count already stored. */
export function isNewCount(count: number, stored: readonly number[]): boolean {
  return stored.every((s) => !sameCount(count, s));
}
