import type { FeedItem } from '../domain/types.ts';

// Kept apart from run-once.ts so a Lambda bundle can order items without pulling in the
// feed parser.

/** Oldest first by the given time; undated last, in their given order. */
export function oldestFirst<T>(list: readonly T[], timeOf: (x: T) => string | undefined): T[] {
  return list
    .map((x, i) => ({ x, i, t: Date.parse(timeOf(x) ?? '') }))
    .sort((a, b) => (Number.isNaN(a.t) ? Infinity : a.t) - (Number.isNaN(b.t) ? Infinity : b.t) || a.i - b.i)
    .map((e) => e.x);
}

/** Items oldest publication first, as the alert contract reads them. */
export const readingOrder = (items: readonly FeedItem[]) => oldestFirst(items, (i) => i.published);
