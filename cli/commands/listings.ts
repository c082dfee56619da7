import { FIGURE_COLUMNS, feedRow, figureRow, SERIES_COLUMNS, seriesRow, toCsv, toJsonl } from '../../shared/store/exports.ts';
import type { FigureFilter } from '../../shared/store/store.ts';
import { table } from '../format.ts';
import { openLocalStore, type LocalOptions } from '../wire.ts';

export type Format = 'table' | 'csv' | 'jsonl';

function checkFormat(format: string): Format {
  if (format === 'table' || format === 'csv' || format === 'jsonl') return format;
  throw new Error(`--format ${format}: use table, csv or jsonl`);
}

const show = (v: unknown) => (v === null || v === undefined ? '' : String(v));
const num = (v: number | null) => (v === null ? '' : v.toLocaleString('en-US'));

export async function seriesCommand(opts: LocalOptions & { format: string }): Promise<number> {
  const format = checkFormat(opts.format);
  const conn = await openLocalStore(opts);
  try {
    const rows = (await conn.store.listSeries()).map(seriesRow);
    if (format === 'csv') process.stdout.write(toCsv(rows, SERIES_COLUMNS));
    else if (format === 'jsonl') process.stdout.write(toJsonl(rows));
    else {
      process.stdout.write(
        `${table(
          ['series', 'latest', 'previous', 'change', 'sources', 'last update'],
          rows.map((r) => [r.series, num(r.latest as number), num(r.previous as number | null), num(r.change as number | null), show(r.figures), show(r.latest_published ?? r.updated_at)]),
        )}\n`,
      );
    }
  } finally {
    await conn.close();
  }
  return 0;
}

export async function figuresCommand(opts: LocalOptions & FigureFilter & { format: string }): Promise<number> {
  const format = checkFormat(opts.format);
  if (opts.since && Number.isNaN(Date.parse(opts.since))) throw new Error(`--since ${opts.since}: not a date (use e.g. 2022-09-21)`);
  const conn = await openLocalStore(opts);
  try {
    const rows = (await conn.store.listFigures({ metric: opts.metric, place: opts.place, since: opts.since })).map(figureRow);
    if (format === 'csv') process.stdout.write(toCsv(rows, FIGURE_COLUMNS));
    else if (format === 'jsonl') process.stdout.write(toJsonl(rows));
    else {
      process.stdout.write(
        `${table(
          ['published', 'metric', 'count', 'qualifier', 'per', 'places', 'attribution', 'outlet'],
          rows.map((r) => [
            show(r.published).slice(0, 10),
            show(r.metric),
            num(r.count as number | null),
            show(r.qualifier),
            show(r.per),
            r.metric === 'border_crossing' ? `${show(r.origin) || '?'} -> ${show(r.destination) || '?'}` : `${show(r.country)} ${show(r.status)}`,
            show(r.attribution).slice(0, 40),
            show(r.outlet ?? r.article_url).slice(0, 40),
          ]),
        )}\n`,
      );
    }
  } finally {
    await conn.close();
  }
  return 0;
}

export async function feedsCommand(opts: LocalOptions & { format: string }): Promise<number> {
  const format = checkFormat(opts.format);
  const conn = await openLocalStore(opts);
  try {
    const rows = (await conn.store.listFeedStates()).map(feedRow).sort((a, b) => a.url.localeCompare(b.url));
    if (format === 'csv') process.stdout.write(toCsv(rows, Object.keys(feedRow({ url: '', consecutiveFailures: 0 }))));
    else if (format === 'jsonl') process.stdout.write(toJsonl(rows));
    else {
      process.stdout.write(
        `${table(
          ['feed', 'last success', 'failures in a row', 'last error'],
          rows.map((r) => [r.url, show(r.last_success), r.consecutive_failures, show(r.last_error).slice(0, 60)]),
        )}\n`,
      );
    }
  } finally {
    await conn.close();
  }
  return 0;
}
