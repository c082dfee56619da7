import { describe, expect, it } from 'vitest';
import { isNewCount, sameCount } from '../../shared/alerts/new-count.ts';

describe('the 2% rule', () => {
  it.each([
    [98_000, 100_000, true], // 2.0% of the larger: the same
    [100_000, 98_000, true], // whichever comes first
    [97_999, 100_000, false],
    [64_000, 64_234, true],
    [10_000, 10_000, true],
    [1, 2, false],
    [0, 0, true],
  ])('sameCount(%i, %i) is %s', (a, b, same) => {
    expect(sameCount(a, b)).toBe(same);
  });

  it('a count is new only when away from every stored count', () => {
    expect(isNewCount(99_000, [])).toBe(true);
    expect(isNewCount(99_000, [50_000, 98_000])).toBe(false);
    expect(isNewCount(101_900, [98_000, 100_000])).toBe(false); // within 2% of the repeat
    expect(isNewCount(105_000, [98_000, 100_000])).toBe(true);
  });
});
