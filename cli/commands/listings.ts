import { FEED_COLUMNS, FIGURE_COLUMNS, feedRow, figureRow, SERIES_COLUMNS, seriesRow, toCsv, toJsonl } from '../../shared/store/exports.ts';
import type { FigureFilter, Store } from '../../shared/store/store.ts';
import { table } from '../format.ts';
import { openLocalStore, type LocalOptions } from '../wire.ts';

export type Format = 'table' | 'csv' | 'jsonl';

type Row = Record<string, string | number | null>;

function checkFormat(format: string): Format {
  if (format === 'table' || format === 'csv' || format === 'jsonl') return format;
  throw new Error(`--format ${format}: use table, csv or jsonl`);
}

const show = (v: unknown) => (v === null || v === undefined ? '' : String(v));
const num = (v: unknown) => (typeof v === 'number' ? v.toLocaleString('en-US') : '');

/**
 * What every listing command does: read rows from the store, then print them as CSV
 * and JSON lines with the stable export columns, or as a short terminal table.
 */
async function printListing<R extends Row>(
  opts: LocalOptions & { format: string },
  load: (store: Store) => Promise<R[]>,
  columns: readonly string[],
  terminal: { header: string[]; cells: (row: R) => (string | number | null)[] },
): Promise<number> {
  const format = checkFormat(opts.format);
  const conn = await openLocalStore(opts);
  try {
    const rows = await load(conn.store);
    if (format === 'csv') process.stdout.write(toCsv(rows, columns));
    else if (format === 'jsonl') process.stdout.write(toJsonl(rows));
    else process.stdout.write(`${table(terminal.header, rows.map(terminal.cells))}\n`);
  } finally {
    await conn.close();
  }
  return 0;
}

export function seriesCommand(opts: LocalOptions & { format: string }): Promise<number> {
  return printListing(opts, async (store) => (await store.listSeries()).map(seriesRow), SERIES_COLUMNS, {
    header: ['series', 'latest', 'previous', 'change', 'sources', 'last update'],
    cells: (r) => [r.series, num(r.latest), num(r.previous), num(r.change), show(r.figures), show(r.latest_published ?? r.updated_at)],
  });
}

export async function figuresCommand(opts: LocalOptions & FigureFilter & { format: string }): Promise<number> {
  if (opts.since && Number.isNaN(Date.parse(opts.since))) throw new Error(`--since ${opts.since}: not a date (use e.g. 2022-09-21)`);
  return printListing(opts, async (store) => (await store.listFigures({ metric: opts.metric, place: opts.place, since: opts.since })).map(figureRow), FIGURE_COLUMNS, {
    header: ['published', 'metric', 'count', 'qualifier', 'per', 'places', 'attribution', 'outlet'],
    cells: (r) => [
      show(r.published).slice(0, 10),
      show(r.metric),
      num(r.count),
      show(r.qualifier),
      show(r.per),
      r.metric === 'border_crossing' ? `${show(r.origin) || '?'} -> ${show(r.destination) || '?'}` : `${show(r.country)} ${show(r.status)}`,
      show(r.attribution).slice(0, 40),
      show(r.outlet ?? r.article_url).slice(0, 40),
    ],
  });
}

export function feedsCommand(opts: LocalOptions & { format: string }): Promise<number> {
  return printListing(opts, async (store) => (await store.listFeedStates()).map(feedRow).sort((a, b) => String(a.url).localeCompare(String(b.url))), FEED_COLUMNS, {
    header: ['feed', 'last success', 'failures in a row', 'last error'],
    cells: (r) => [r.url, show(r.last_success), r.consecutive_failures, show(r.last_error).slice(0, 60)],
  });
}
