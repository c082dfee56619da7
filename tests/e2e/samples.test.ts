import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { samplesDir } from '../helpers/paths.ts';
import { serveCrawl, type CrawlRun } from '../helpers/serve-crawl.ts';

// The project's own sample crawl, always present: the whole local path over real HTTP.
describe('end to end over the sample crawl', () => {
  let run: CrawlRun;
  beforeAll(async () => {
    run = await serveCrawl(samplesDir);
  });
  afterAll(async () => run?.close());

  it('stores the figures and alerts each new count once; a syndicated copy fires nothing', async () => {
    const summary = await run.poll();
    expect(summary).toMatchObject({ feeds: 2, feedsFailed: 0, articlesNew: 4, articlesFailed: 0 });
    const alerts = run.sink.delivered.map((a) => [a.series.key, a.figure.count]);
    expect(alerts).toEqual([
      ['border_crossing|ukraine|moldova|-', 12_000],
      ['mobilization|serbia|planned|-', 40_000],
    ]);
    const figures = await run.conn.store.listFigures();
    // The wire story and its syndicated copy both stored, in one series.
    expect(figures.filter((f) => f.figure.count === 12_000 && f.figure.destination === 'Moldova')).toHaveLength(2);
    // Nothing from navigation, asides, distances, vehicles, ages or money.
    for (const f of figures) expect([12_000, 40_000]).toContain(f.figure.count);
    const alert = run.sink.delivered[0];
    expect(run.server.originalUrl(alert.source.articleUrl)).toBe('https://news.example-north.org/2023/03/02/eastland-crossings-rise');
    expect(alert.source.published).toBe('2023-03-02T09:00:00Z');
  });

  it('a second poll of the same feeds stores and alerts nothing new', async () => {
    const before = (await run.conn.store.listFigures()).length;
    const delivered = run.sink.delivered.length;
    const summary = await run.poll();
    expect(summary).toMatchObject({ articlesNew: 0, articlesSeen: 4, figures: 0 });
    expect(summary.alerts).toHaveLength(0);
    expect(run.sink.delivered).toHaveLength(delivered);
    expect(await run.conn.store.listFigures()).toHaveLength(before);
  });

  it('records each feed as healthy', async () => {
    const feeds = await run.conn.store.listFeedStates();
    expect(feeds).toHaveLength(2);
    for (const f of feeds) expect(f).toMatchObject({ consecutiveFailures: 0 });
  });
});

describe('nothing lost when delivery fails', () => {
  let run: CrawlRun;
  beforeAll(async () => {
    run = await serveCrawl(samplesDir);
  });
  afterAll(async () => run?.close());

  it('an alert whose delivery failed is delivered by the next run, once', async () => {
    run.sink.failNext = 1;
    const first = await run.poll();
    expect(first.articlesFailed).toBe(1);
    expect(first.errors[0].error).toMatch(/injected delivery failure/);
    const firstKeys = run.sink.delivered.map((a) => a.figure.count);

    const second = await run.poll();
    expect(second.articlesNew).toBe(1); // only the failed article is read again
    const all = run.sink.delivered.map((a) => a.figure.count).sort();
    expect(all).toEqual([12_000, 40_000]);
    expect(firstKeys).toHaveLength(1);

    const third = await run.poll();
    expect(third.articlesNew).toBe(0);
    expect(run.sink.delivered).toHaveLength(2);
    // Every figure stored once despite the retry.
    expect((await run.conn.store.listFigures()).length).toBe(3);
  });
});
