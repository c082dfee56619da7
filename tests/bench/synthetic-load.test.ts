import { describe, expect, it } from 'vitest';
import { extractFigures } from '../../shared/figures/extract-figures.ts';
import { extractArticle } from '../../shared/pages/extract-article.ts';
import { parseFeed } from '../../shared/feeds/parse-feed.ts';
import { feedItemsAt, generateLoad, type LoadOptions } from '../../bench/lib/synthetic-load.ts';
import { renderArticle, renderChrome, renderFeed } from '../../bench/lib/synthetic-pages.ts';

const small: LoadOptions = { feeds: 40, itemsPerFeed: 20, articles: 200, outlets: 4, followUps: 10, seed: 3, start: '2026-11-30T12:00:00.000Z' };
const origin = (outlet: number) => `http://outlet-${outlet}.bench.test:8080`;

describe('synthetic load', () => {
  it('is the same for the same seed and differs for another', () => {
    expect(generateLoad(small)).toEqual(generateLoad(small));
    expect(generateLoad({ ...small, seed: 4 }).articles.map((a) => a.paragraphs)).not.toEqual(generateLoad(small).articles.map((a) => a.paragraphs));
  });

  it('lists every first-poll article in some feed, each feed with itemsPerFeed distinct items of its own site', () => {
    const load = generateLoad(small);
    const listed = new Set(load.feeds.flatMap((f) => f.items));
    expect(listed.size).toBe(small.articles);
    for (const feed of load.feeds) {
      expect(new Set(feed.items).size).toBe(small.itemsPerFeed);
      for (const i of feed.items) expect(load.articles[i].outlet).toBe(feed.outlet);
    }
  });

  it('adds each follow-up to exactly one feed, only at the second poll', () => {
    const load = generateLoad(small);
    const followUps = load.feeds.flatMap((f) => f.followUps);
    expect(followUps.sort((a, b) => a - b)).toEqual(Array.from({ length: small.followUps }, (_, i) => small.articles + i));
    const feed = load.feeds.find((f) => f.followUps.length > 0)!;
    expect(feedItemsAt(load, feed, 0)).toHaveLength(small.itemsPerFeed);
    expect(feedItemsAt(load, feed, 1)).toHaveLength(small.itemsPerFeed + feed.followUps.length);
  });

  it('mixes articles with figures, without, and syndicated copies of another site', () => {
    const load = generateLoad(small);
    const kinds = (k: string) => load.articles.filter((a) => a.kind === k);
    expect(kinds('figures').length).toBeGreaterThan(small.articles * 0.25);
    expect(kinds('plain').length).toBeGreaterThan(small.articles * 0.25);
    expect(kinds('syndicated').length).toBeGreaterThan(0);
    for (const copy of kinds('syndicated')) {
      const original = load.articles[copy.copyOf!];
      expect(copy.paragraphs).toEqual(original.paragraphs);
      expect(copy.outlet).not.toBe(original.outlet);
    }
    for (const a of kinds('plain')) expect(a.figureSentences).toBe(0);
  });

  it('renders feeds the feed parser reads and pages whose figures the extractor finds', async () => {
    const load = generateLoad(small);
    const feed = load.feeds[5];
    const items = await parseFeed(renderFeed(load, feed, 0, origin), origin(feed.outlet) + feed.path);
    expect(items.map((i) => i.link).sort()).toEqual(feed.items.map((i) => origin(load.articles[i].outlet) + load.articles[i].path).sort());

    const withFigures = load.articles.filter((a) => a.kind === 'figures').slice(0, 20);
    let found = 0;
    for (const a of withFigures) {
      const html = renderArticle(a, [], renderChrome(a.outlet), origin);
      expect(html.length).toBeGreaterThan(40_000);
      const article = extractArticle(html, origin(a.outlet) + a.path);
      expect(article.published).toBe(a.published);
      found += extractFigures({ title: article.title, body: article.body, published: article.published }).length > 0 ? 1 : 0;
    }
    expect(found).toBeGreaterThanOrEqual(withFigures.length * 0.8);
  });
});
