import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Figure, StoredFigure } from '../../shared/domain/types.ts';
import { seriesOf } from '../../shared/alerts/series.ts';
import type { StoreConnection } from '../../shared/store/connect.ts';
import { memoryStore } from '../helpers/pipeline-harness.ts';
import { connectStore } from '../../shared/store/connect.ts';
import { hasDynamoDbLocal, startDynamoDbLocal, type DynamoDbLocal } from '../helpers/dynamodb-local.ts';

// The same cases on the embedded engine (always) and on AWS's DynamoDB Local (where Java is).
const engines = [{ name: 'dynalite (embedded)', local: false }, ...(hasDynamoDbLocal ? [{ name: 'DynamoDB Local', local: true }] : [])];
if (!hasDynamoDbLocal) console.warn('SKIPPED store tests on DynamoDB Local: no java or no amplify-dynamodb-simulator jar');

let conn: StoreConnection;
let n = 0;
function stored(figure: Partial<Figure> & { count: number }, id = `f${++n}`, place = 'Kazakhstan'): StoredFigure {
  const f: Figure = { metric: 'border_crossing', qualifier: 'about', unit: 'people', origin: 'Russia', destination: place, quote: `${figure.count} crossed`, ...figure };
  return { id, seriesKey: seriesOf(f).key, figure: f, source: { articleUrl: `https://example.org/${id}` }, storedAt: new Date().toISOString() };
}
const record = (s: StoredFigure) => conn.store.recordFigure(s, seriesOf(s.figure));

describe.each(engines)('DynamoStore on $name', ({ local }) => {
  let emulator: DynamoDbLocal | undefined;
  beforeAll(async () => {
    if (local) emulator = await startDynamoDbLocal();
    conn = emulator ? await connectStore({ endpoint: emulator.endpoint, tableName: 'monitor-test' }) : await memoryStore();
  }, 60_000);
  afterAll(async () => {
    await conn?.close();
    await emulator?.stop();
  });

  it('alerts on the first count of a series, then only on counts more than 2% away', async () => {
    const first = await record(stored({ count: 98_000 }, undefined, 'A'));
    expect(first.alert?.previous).toBeNull();
    expect((await record(stored({ count: 100_000 }, undefined, 'A'))).alert).toBeUndefined();
    const grown = await record(stored({ count: 200_000 }, undefined, 'A'));
    expect(grown.alert?.previous).toBe(100_000); // the latest stored, not the latest alerted
    expect(grown.alert?.figure.count).toBe(200_000);
    const [summary] = (await conn.store.listSeries()).filter((s) => s.series.destination === 'A');
    expect(summary).toMatchObject({ latest: 200_000, previous: 100_000, figures: 3, pendingAlerts: 2 });
  });

  it('stores the same figure once and hands back its undelivered alert on retry', async () => {
    const s = stored({ count: 5_000 }, 'same-id', 'B');
    const first = await record(s);
    expect(first).toMatchObject({ stored: true });
    expect(first.alert).toBeDefined();
    // The process died before delivery: the retry gets the same alert back, stores nothing.
    const retry = await record(s);
    expect(retry.stored).toBe(false);
    expect(retry.alert?.id).toBe(first.alert!.id);
    await conn.store.markDelivered(retry.alert!);
    const after = await record(s);
    expect(after).toEqual({ stored: false, alert: undefined });
    expect((await conn.store.listAlerts()).filter((a) => a.id === first.alert!.id)).toHaveLength(1);
    expect((await conn.store.listFigures({ place: 'b' })).length).toBe(1);
  });

  it('exactly one alert when copies of a story are recorded concurrently', async () => {
    // Ten workers read the same empty series at once; counts within 2% of each other.
    const copies = Array.from({ length: 10 }, (_, i) => stored({ count: 98_000 + i * 100 }, `copy-${i}`, 'C'));
    const outcomes = await Promise.all(copies.map(record));
    expect(outcomes.filter((o) => o.alert)).toHaveLength(1);
    expect(outcomes.every((o) => o.stored)).toBe(true);
    const [summary] = (await conn.store.listSeries()).filter((s) => s.series.destination === 'C');
    expect(summary.figures).toBe(10);
  });

  it('exactly one alert when two separate workers (own clients) race on one series', async () => {
    const second = await connectStore({ endpoint: conn.url, tableName: conn.store.tableName });
    try {
      const a = stored({ count: 300_000 }, 'w1', 'E');
      const b = stored({ count: 301_000 }, 'w2', 'E');
      const [x, y] = await Promise.all([record(a), second.store.recordFigure(b, seriesOf(b.figure))]);
      expect([x, y].filter((o) => o.alert)).toHaveLength(1);
    } finally {
      await second.close();
    }
  });

  it('concurrent distinct counts each alert once', async () => {
    const outcomes = await Promise.all([1_000, 5_000, 9_000, 1_010, 5_020].map((c, i) => record(stored({ count: c }, `d-${i}`, 'D'))));
    expect(outcomes.filter((o) => o.alert).map((o) => o.alert!.figure.count).sort((a, b) => a! - b!)).toHaveLength(3);
  });

  it('remembers processed articles in one batch round trip per 100 URLs', async () => {
    const urls = Array.from({ length: 150 }, (_, i) => `https://example.org/a${i}`);
    await conn.store.putArticleState({ url: urls[3], status: 'done', attempts: 1, processedAt: '2022-01-01T00:00:00Z' });
    await conn.store.putArticleState({ url: urls[120], status: 'failed', attempts: 3, processedAt: '2022-01-01T00:00:00Z' });
    await conn.store.putArticleState({ url: urls[7], status: 'failed', attempts: 1, processedAt: '2022-01-01T00:00:00Z' });
    const before = conn.store.requestCounts.BatchGetItemCommand ?? 0;
    const settled = await conn.store.settledArticles(urls, 3);
    expect([...settled].sort()).toEqual([urls[120], urls[3]].sort());
    expect((conn.store.requestCounts.BatchGetItemCommand ?? 0) - before).toBe(2);
  });

  it('keeps feed state', async () => {
    await conn.store.putFeedState({ url: 'https://example.org/feed', etag: '"v1"', consecutiveFailures: 2, lastError: 'HTTP 500' });
    expect(await conn.store.getFeedState('https://example.org/feed')).toMatchObject({ etag: '"v1"', consecutiveFailures: 2 });
    expect((await conn.store.listFeedStates()).map((f) => f.url)).toContain('https://example.org/feed');
  });
});
