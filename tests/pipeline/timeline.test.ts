import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Alert } from '../../shared/domain/types.ts';
import { seriesOf } from '../../shared/alerts/series.ts';
import { replayTimeline } from '../../shared/pipeline/replay-timeline.ts';
import { compareAlerts, readExpectedAlerts, type ExpectedAlert } from '../../shared/pipeline/timeline.ts';
import { MemorySink, memoryStore, testDeps } from '../helpers/pipeline-harness.ts';
import { hasShared, sharedDir, warnIfNoShared } from '../helpers/paths.ts';

function fired(tick: string, fig: Partial<Alert['figure']> & { count: number }): { tick: string; alert: Alert } {
  const figure = { metric: 'border_crossing' as const, qualifier: 'exact' as const, unit: 'people', quote: 'q', ...fig };
  return { tick, alert: { id: 'x', series: seriesOf(figure), figure, source: { articleUrl: 'u' }, previous: null, createdAt: '' } };
}

describe('comparing fired alerts with expected ones', () => {
  const expected: ExpectedAlert[] = [
    { tick: 1, metric: 'border_crossing', count: 8000, origin: 'Russia', destination: 'Finland', per: 'day' },
    { tick: 2, metric: 'mobilization', count: 300000, country: 'Russia', status: 'planned', per: null },
  ];

  it('matches on tick, metric, count, places and per, ignoring case', () => {
    const cmp = compareAlerts(expected, [
      fired('tick-01', { count: 8000, origin: 'russia', destination: 'FINLAND', per: 'day' }),
      fired('tick-02', { metric: 'mobilization', count: 300000, country: 'Russia', status: 'planned' }),
    ]);
    expect(cmp).toEqual({ matched: 2, missing: [], extra: [] });
  });

  it('a right alert at the wrong tick is both missing and extra', () => {
    const cmp = compareAlerts(expected.slice(0, 1), [fired('tick-02', { count: 8000, origin: 'Russia', destination: 'Finland', per: 'day' })]);
    expect(cmp.missing).toHaveLength(1);
    expect(cmp.extra).toHaveLength(1);
  });

  it('a missing rate or place does not match', () => {
    expect(compareAlerts(expected.slice(0, 1), [fired('tick-01', { count: 8000, origin: 'Russia', destination: 'Finland' })]).matched).toBe(0);
    expect(compareAlerts(expected.slice(0, 1), [fired('tick-01', { count: 8000, destination: 'Finland', per: 'day' })]).matched).toBe(0);
  });

  it('an alert fired twice counts once as matched and once as extra', () => {
    const f = fired('tick-01', { count: 8000, origin: 'Russia', destination: 'Finland', per: 'day' });
    expect(compareAlerts(expected.slice(0, 1), [f, f])).toMatchObject({ matched: 1, extra: [f] });
  });
});

warnIfNoShared('timeline replays over ../shared/corpus/timelines');
const timelinesDir = join(sharedDir, 'corpus/timelines');
const timelines = hasShared && existsSync(timelinesDir) ? readdirSync(timelinesDir).filter((n) => existsSync(join(timelinesDir, n, 'expected-alerts.jsonl'))) : [];

describe.skipIf(!hasShared)('timelines replayed tick by tick', () => {
  it.each(timelines)('%s fires exactly the expected alerts at the expected ticks', async (name) => {
    const dir = join(timelinesDir, name);
    const conn = await memoryStore();
    try {
      const sink = new MemorySink();
      const result = await replayTimeline(dir, (fetcher, s) => testDeps(conn, fetcher, s), sink);
      const cmp = compareAlerts((await readExpectedAlerts(dir))!, result);
      expect({ missing: cmp.missing, extra: cmp.extra.map((x) => ({ tick: x.tick, series: x.alert.series.key, count: x.alert.figure.count })) }).toEqual({ missing: [], extra: [] });
    } finally {
      await conn.close();
    }
  }, 120_000);
});
