import { describe, expect, it } from 'vitest';
import { dedupeItems } from '../../shared/feeds/dedupe-items.ts';
import { normalizeUrl } from '../../shared/feeds/normalize-url.ts';

describe('normalizeUrl', () => {
  it('strips tracking parameters, fragments, default ports and upper-case hosts', () => {
    expect(normalizeUrl('HTTPS://News.Example:443/a/b?id=7&utm_source=rss&utm_medium=feed&fbclid=x#top')).toBe('https://news.example/a/b?id=7');
    expect(normalizeUrl('https://news.example/a?utm_campaign=z')).toBe('https://news.example/a');
    expect(normalizeUrl('/a/b?xtor=RSS-1&page=2', 'https://news.example/feed')).toBe('https://news.example/a/b?page=2');
  });
  it('keeps parameters that choose the content', () => {
    expect(normalizeUrl('https://news.example/story?id=12&lang=uk')).toBe('https://news.example/story?id=12&lang=uk');
  });
});

describe('dedupeItems', () => {
  const feedUrl = 'https://news.example/rss';
  it('drops repeats by guid, then by canonical link, keeping the first', () => {
    const items = dedupeItems([
      { feedUrl, guid: 'g1', link: 'https://news.example/a?utm_source=rss', title: 'first' },
      { feedUrl, guid: 'g1', link: 'https://news.example/a-updated', title: 'same guid' },
      { feedUrl, guid: 'g2', link: 'https://news.example/a#comments', title: 'same link' },
      { feedUrl, link: 'https://news.example/b', title: 'other' },
      { feedUrl, link: 'not a url', title: 'broken' },
    ]);
    expect(items.map((i) => i.title)).toEqual(['first', 'other']);
    expect(items[0].link).toBe('https://news.example/a');
  });
  it('scopes guids to their feed', () => {
    const items = dedupeItems([
      { feedUrl: 'https://one.example/rss', guid: '1', link: 'https://one.example/x' },
      { feedUrl: 'https://two.example/rss', guid: '1', link: 'https://two.example/y' },
    ]);
    expect(items).toHaveLength(2);
  });
});
