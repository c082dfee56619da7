import { sameCount } from '../alerts/new-count.ts';
import type { Source, StoredFigure } from '../domain/types.ts';

/** Figures of one series that give the same count (the 2% rule), with who gave it. */
export interface CountGroup {
  seriesKey: string;
  /** The smallest count of the group: every other count is within 2% of it. */
  count: number;
  figures: StoredFigure[];
  /** Distinct outlets, in the order of the figures. */
  outlets: string[];
  /** Distinct articles (by URL), in the order of the figures. */
  sources: Source[];
}

/** Outlets disagreeing about one series on one publication day. */
export interface Conflict {
  seriesKey: string;
  /** UTC publication date, YYYY-MM-DD. */
  day: string;
  /** The day's counts, grouped by the 2% rule, smallest first. */
  groups: CountGroup[];
}

/** The outlet's name as the page gives it, else the article's host (with any port: another origin) without "www.". */
export function outletOf(source: Source): string {
  const name = source.outlet?.trim();
  if (name) return name;
  try {
    return new URL(source.articleUrl).host.replace(/^www\./, '');
  } catch {
    return source.articleUrl;
  }
}

/** The UTC date a figure was published (its own time, else its article's); undefined when unknown. */
export function publicationDay(f: StoredFigure): string | undefined {
  const when = f.figure.published ?? f.source.published;
  const t = when ? Date.parse(when) : Number.NaN;
  return Number.isNaN(t) ? undefined : new Date(t).toISOString().slice(0, 10);
}

const outletKey = (f: StoredFigure) => outletOf(f.source).toLowerCase();
const counted = (figures: readonly StoredFigure[]) => figures.filter((f) => typeof f.figure.count === 'number');

const inRange = (f: StoredFigure, n: number) =>
  f.figure.low !== undefined && f.figure.high !== undefined && f.figure.low <= n && n <= f.figure.high;

/** Two readings agree when their counts are the same, or one's range holds the other's count. */
export function agree(a: StoredFigure, b: StoredFigure): boolean {
  const x = a.figure.count as number;
  const y = b.figure.count as number;
  return sameCount(x, y) || inRange(a, y) || inRange(b, x);
}

function bySeries(figures: readonly StoredFigure[]): Map<string, StoredFigure[]> {
  const out = new Map<string, StoredFigure[]>();
  for (const f of counted(figures)) out.set(f.seriesKey, [...(out.get(f.seriesKey) ?? []), f]);
  return out;
}

/** The first item of each key, in order. */
function distinct<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => !seen.has(key(item)) && seen.add(key(item)));
}

function group(seriesKey: string, count: number, figures: StoredFigure[]): CountGroup {
  const outlets = distinct(figures, outletKey).map((f) => outletOf(f.source));
  const sources = distinct(figures, (f) => f.source.articleUrl).map((f) => f.source);
  return { seriesKey, count, figures, outlets, sources };
}

/**
 * Groups the figures of ONE series by count: sorted ascending, each figure joins the
 * group of the smallest count it is the same as. Sorting first makes the grouping
 * independent of the order figures arrived in (sameCount alone is not transitive).
 */
export function groupSameCounts(figures: readonly StoredFigure[]): CountGroup[] {
  const sorted = counted(figures).sort((a, b) => (a.figure.count as number) - (b.figure.count as number) || a.id.localeCompare(b.id));
  const groups: { count: number; figures: StoredFigure[] }[] = [];
  for (const f of sorted) {
    const last = groups.at(-1);
    if (last && sameCount(last.count, f.figure.count as number)) last.figures.push(f);
    else groups.push({ count: f.figure.count as number, figures: [f] });
  }
  return groups.map((g) => group(g.figures[0].seriesKey, g.count, g.figures));
}

/** Counts of each series that two or more outlets gave: the corroborated figures. */
export function corroborations(figures: readonly StoredFigure[]): CountGroup[] {
  return [...bySeries(figures).values()].flatMap((fs) => groupSameCounts(fs).filter((g) => g.outlets.length > 1));
}

/**
 * Series and publication days on which two outlets gave counts that disagree (not the
 * same under the 2% rule, neither inside the other's range). One outlet giving two
 * counts is not a conflict: an article often gives several days' figures.
 */
export function conflicts(figures: readonly StoredFigure[]): Conflict[] {
  const out: Conflict[] = [];
  for (const [seriesKey, fs] of bySeries(figures)) {
    const byDay = new Map<string, StoredFigure[]>();
    for (const f of fs) {
      const day = publicationDay(f);
      if (day) byDay.set(day, [...(byDay.get(day) ?? []), f]);
    }
    for (const [day, dayFigures] of byDay) {
      const disputed = dayFigures.some((a, i) => dayFigures.slice(i + 1).some((b) => outletKey(a) !== outletKey(b) && !agree(a, b)));
      if (disputed) out.push({ seriesKey, day, groups: groupSameCounts(dayFigures) });
    }
  }
  return out.sort((a, b) => a.seriesKey.localeCompare(b.seriesKey) || a.day.localeCompare(b.day));
}
