import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Alert } from '../domain/types.ts';

/** One line of a timeline's expected-alerts.jsonl. */
export interface ExpectedAlert {
  tick: number | string;
  metric: string;
  count: number;
  origin?: string | null;
  destination?: string | null;
  country?: string | null;
  status?: string | null;
  per?: string | null;
}

export interface FiredAlert {
  tick: string;
  alert: Alert;
}

export interface TimelineComparison {
  matched: number;
  missing: ExpectedAlert[];
  extra: FiredAlert[];
}

/** The tick folders of a timeline, in order: tick-01, tick-02, ... */
export async function listTicks(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (err) {
    throw new Error(`timeline ${dir}: ${(err as Error).message}`);
  }
  const ticks = names.filter((n) => /^tick-\d+$/.test(n)).sort((a, b) => tickNumber(a) - tickNumber(b));
  if (ticks.length === 0) throw new Error(`timeline ${dir}: no tick-NN folders`);
  return ticks;
}

export const tickNumber = (tick: string | number) => (typeof tick === 'number' ? tick : Number(String(tick).replace(/^\D+/, '')));

export async function readExpectedAlerts(dir: string): Promise<ExpectedAlert[] | undefined> {
  let text: string;
  try {
    text = await readFile(join(dir, 'expected-alerts.jsonl'), 'utf8');
  } catch {
    return undefined;
  }
  return text
    .split('\n')
    .filter((l) => l.trim())
    .map((l, i) => {
      try {
        return JSON.parse(l) as ExpectedAlert;
      } catch {
        throw new Error(`${dir}/expected-alerts.jsonl:${i + 1}: not JSON`);
      }
    });
}

const place = (v: string | null | undefined) => (v ? v.trim().toLowerCase() : null);

/** The fields an expected alert is matched on: tick, metric, count, places and per. */
function matchKey(tick: number, metric: string, count: number | null, p: { origin?: string | null; destination?: string | null; country?: string | null; per?: string | null }): string {
  return JSON.stringify([tick, metric, count, place(p.origin), place(p.destination), place(p.country), p.per ?? null]);
}

export function compareAlerts(expected: readonly ExpectedAlert[], fired: readonly FiredAlert[]): TimelineComparison {
  const remaining = new Map<string, ExpectedAlert[]>();
  for (const e of expected) {
    const k = matchKey(tickNumber(e.tick), e.metric, e.count, e);
    remaining.set(k, [...(remaining.get(k) ?? []), e]);
  }
  const extra: FiredAlert[] = [];
  let matched = 0;
  for (const f of fired) {
    const s = f.alert.series;
    const k = matchKey(tickNumber(f.tick), s.metric, f.alert.figure.count, { origin: s.origin, destination: s.destination, country: s.country, per: s.per });
    const list = remaining.get(k);
    if (list?.length) {
      list.shift();
      matched++;
    } else extra.push(f);
  }
  return { matched, missing: [...remaining.values()].flat(), extra };
}

/** The JSON line `monitor replay --json` prints for a fired alert. */
export function firedAlertJson(f: FiredAlert) {
  const { alert } = f;
  return {
    tick: f.tick,
    metric: alert.series.metric,
    count: alert.figure.count,
    low: alert.figure.low ?? null,
    high: alert.figure.high ?? null,
    origin: alert.series.origin ?? null,
    destination: alert.series.destination ?? null,
    country: alert.series.country ?? null,
    status: alert.series.status ?? null,
    per: alert.series.per ?? null,
    previous: alert.previous,
    article: alert.source.articleUrl,
    quote: alert.figure.quote,
  };
}
