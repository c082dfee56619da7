import { stringify } from 'csv-stringify/sync';
import type { StoredFigure } from '../domain/types.ts';
import type { FeedState, SeriesSummary } from './store.ts';

// Stable column names for analysts' tools; documented in the README. Add columns
// at the end only.
export const FIGURE_COLUMNS = [
  'published', 'metric', 'count', 'low', 'high', 'qualifier', 'unit', 'per', 'origin', 'destination',
  'country', 'status', 'who', 'period', 'attribution', 'quote', 'article_url', 'article_title', 'outlet',
  'series', 'figure_id', 'stored_at',
] as const;

export const SERIES_COLUMNS = [
  'series', 'metric', 'origin', 'destination', 'country', 'status', 'per', 'latest', 'previous', 'change',
  'figures', 'distinct_counts', 'pending_alerts', 'latest_published', 'updated_at',
] as const;

export function figureRow(f: StoredFigure): Record<(typeof FIGURE_COLUMNS)[number], string | number | null> {
  const g = f.figure;
  return {
    published: g.published ?? f.source.published ?? null,
    metric: g.metric,
    count: g.count,
    low: g.low ?? null,
    high: g.high ?? null,
    qualifier: g.qualifier,
    unit: g.unit,
    per: g.per ?? null,
    origin: g.origin ?? null,
    destination: g.destination ?? null,
    country: g.country ?? null,
    status: g.status ?? null,
    who: g.who ?? null,
    period: g.period ?? null,
    attribution: g.attribution ?? null,
    quote: g.quote,
    article_url: f.source.articleUrl,
    article_title: f.source.articleTitle ?? null,
    outlet: f.source.outlet ?? null,
    series: f.seriesKey,
    figure_id: f.id,
    stored_at: f.storedAt,
  };
}

export function seriesRow(s: SeriesSummary): Record<(typeof SERIES_COLUMNS)[number], string | number | null> {
  return {
    series: s.series.key,
    metric: s.series.metric,
    origin: s.series.origin ?? null,
    destination: s.series.destination ?? null,
    country: s.series.country ?? null,
    status: s.series.status ?? null,
    per: s.series.per ?? null,
    latest: s.latest,
    previous: s.previous,
    change: s.previous === null ? null : s.latest - s.previous,
    figures: s.figures,
    distinct_counts: s.counts.length,
    pending_alerts: s.pendingAlerts,
    latest_published: s.latestPublished ?? null,
    updated_at: s.updatedAt,
  };
}

export const FEED_COLUMNS = ['url', 'name', 'last_success', 'last_error', 'last_error_at', 'consecutive_failures', 'items'] as const;

export function feedRow(f: FeedState): Record<(typeof FEED_COLUMNS)[number], string | number | null> {
  return {
    url: f.url,
    name: f.name ?? null,
    last_success: f.lastSuccessAt ?? null,
    last_error: f.lastError ?? null,
    last_error_at: f.lastErrorAt ?? null,
    consecutive_failures: f.consecutiveFailures,
    items: f.itemsSeen ?? null,
  };
}

/**
 * RFC 4180 quoting: fields with quotes, commas or newlines are quoted, quotes doubled.
 * Text that a spreadsheet would run as a formula (=, +, -, @ first) is prefixed with an
 * apostrophe: quotes come from web pages, and analysts open these files in Excel.
 * Numbers are written as they are.
 */
export function toCsv<T extends Record<string, unknown>>(rows: T[], columns: readonly string[]): string {
  return stringify(rows, {
    header: true,
    columns: [...columns],
    cast: { number: (n) => String(n), string: (s) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s) },
  });
}

export function toJsonl(rows: object[]): string {
  return rows.map((r) => JSON.stringify(r)).join('\n') + (rows.length ? '\n' : '');
}
