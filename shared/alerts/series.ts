import type { Figure, Series } from '../domain/types.ts';

/**
 * The series a figure belongs to: border_crossing by (origin, destination, per),
 * mobilization by (country, status, per). A missing field is its own value ("-").
 * Places are compared case-insensitively, as the contract matches them.
 */
export function seriesOf(figure: Figure): Series {
  const part = (v: string | undefined) => (v ? v.trim().toLowerCase() : '-');
  if (figure.metric === 'border_crossing') {
    return {
      key: ['border_crossing', part(figure.origin), part(figure.destination), part(figure.per)].join('|'),
      metric: figure.metric,
      origin: figure.origin,
      destination: figure.destination,
      per: figure.per,
    };
  }
  return {
    key: ['mobilization', part(figure.country), part(figure.status), part(figure.per)].join('|'),
    metric: figure.metric,
    country: figure.country,
    status: figure.status,
    per: figure.per,
  };
}

/** Only numeric people counts join series; vague amounts and vehicle counts do not. */
export function joinsSeries(figure: Figure): figure is Figure & { count: number } {
  return figure.unit === 'people' && typeof figure.count === 'number' && Number.isFinite(figure.count);
}

/** A human label for a series: "Border crossings Russia -> Kazakhstan (per day)". */
export function seriesLabel(series: Series): string {
  const rate = series.per ? ` (per ${series.per})` : '';
  if (series.metric === 'border_crossing') {
    return `Border crossings ${series.origin ?? '?'} -> ${series.destination ?? 'abroad'}${rate}`;
  }
  return `Mobilization ${series.country ?? '?'}, ${series.status ?? 'status unknown'}${rate}`;
}
