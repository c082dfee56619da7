import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { safeHref } from './html.ts';

/** One figure as a point of its series' chart. */
export interface ChartPoint {
  at: Date;
  count: number;
  /** The source article; only http(s) URLs become links. */
  url?: string;
  /** Tooltip text: count, qualifier, outlet, date. */
  label: string;
}

const CHART_POINT_CLASS = 'series-point';
const HALF_DAY = 12 * 3600 * 1000;

/**
 * A series' counts over time as an SVG string, drawn by Observable Plot at build
 * time into a server-side DOM (linkedom), so the page needs no script to show it.
 * Each point links to its article and carries its label as an SVG <title> tooltip.
 */
export function seriesChart(points: readonly ChartPoint[], yLabel: string): string {
  const data = [...points].sort((a, b) => a.at.getTime() - b.at.getTime()).map((p) => ({ ...p, href: safeHref(p.url) }));
  const times = data.map((p) => p.at.getTime());
  const [first, last] = [Math.min(...times), Math.max(...times)];
  // Points all at one time would give the axis no width: show the day around them.
  const domain = first === last ? [new Date(first - HALF_DAY), new Date(last + HALF_DAY)] : undefined;
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const svg = Plot.plot({
    document,
    width: 720,
    height: 240,
    marginLeft: 70,
    x: { type: 'utc', label: 'published', domain },
    y: { label: yLabel, grid: true, zero: true },
    marks: [
      Plot.lineY(data, { x: 'at', y: 'count', stroke: '#4a6fa5', strokeOpacity: 0.6 }),
      Plot.dot(data, {
        x: 'at',
        y: 'count',
        r: 4,
        fill: '#1f4e8c',
        href: 'href',
        target: '_blank',
        title: 'label',
        className: CHART_POINT_CLASS,
      }),
    ],
  });
  return (svg as unknown as Element).outerHTML;
}
