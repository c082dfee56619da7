import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasShared, sharedDir, warnIfNoShared } from '../helpers/paths.ts';
import { serveCrawl, type CrawlRun } from '../helpers/serve-crawl.ts';

warnIfNoShared('end-to-end run over ../shared/corpus');

describe.skipIf(!hasShared)('end to end over the shared corpus, served over HTTP', () => {
  let run: CrawlRun;
  beforeAll(async () => {
    run = await serveCrawl(join(sharedDir, 'corpus'));
  }, 120_000);
  afterAll(async () => run?.close());

  it('stores and alerts the seed article figures exactly once', async () => {
    const summary = await run.poll();
    expect(summary.feedsFailed).toBe(0);
    // Some feed items link to pages the crawl did not save: those, and only those, fail.
    const saved = new Set(Object.keys(run.manifest.pages));
    for (const e of summary.errors) {
      expect(saved.has(run.server.originalUrl(e.url))).toBe(false);
      expect(e.error).toMatch(/404/);
    }
    const seed = 'https://www.latimes.com/world-nation/story/2022-09-27/98000-russians-cross-into-kazakhstan-after-putin-orders-military-call-up';
    const figures = (await run.conn.store.listFigures()).filter((f) => run.server.originalUrl(f.source.articleUrl) === seed);
    expect(figures.map((f) => [f.figure.metric, f.figure.count]).sort()).toEqual([
      ['border_crossing', 98_000],
      ['mobilization', 300_000],
    ]);
    const kz = run.sink.delivered.filter((a) => a.series.origin === 'Russia' && a.series.destination === 'Kazakhstan' && !a.series.per && a.figure.count === 98_000);
    expect(kz).toHaveLength(1);
    const call = run.sink.delivered.filter((a) => a.series.metric === 'mobilization' && a.series.country === 'Russia' && a.series.status === 'planned' && a.figure.count === 300_000);
    expect(call).toHaveLength(1);
  }, 120_000);

  it('a second run over the same feeds stores and alerts nothing new', async () => {
    const figures = (await run.conn.store.listFigures()).length;
    const alerts = run.sink.delivered.length;
    const summary = await run.poll();
    // Only the unsaved pages are tried again; nothing is stored or alerted.
    expect(summary.articlesNew).toBe(summary.articlesFailed);
    expect(run.sink.delivered.length).toBe(alerts);
    expect((await run.conn.store.listFigures()).length).toBe(figures);
  }, 120_000);
});
