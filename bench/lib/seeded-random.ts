import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

/** A reproducible source of choices: the same seed makes the same synthetic load. */
export interface Random {
  /** An integer in min..max, both included. */
  int(min: number, max: number): number;
  pick<T>(list: readonly T[]): T;
  /** True with probability p. */
  chance(p: number): boolean;
}

export function seededRandom(seed: number): Random {
  const rng = xoroshiro128plus(seed);
  const int = (min: number, max: number) => uniformInt(rng, min, max);
  return {
    int,
    pick: (list) => list[int(0, list.length - 1)],
    chance: (p) => int(0, 999_999) < p * 1_000_000,
  };
}
