import Parser from 'rss-parser';
import type { FeedItem } from '../domain/types.ts';

const parser = new Parser();

/** Parses RSS 0.9x/1.0/2.0 or Atom text into items with absolute links. */
export async function parseFeed(xml: string, feedUrl: string): Promise<FeedItem[]> {
  const feed = await parser.parseString(xml);
  const items: FeedItem[] = [];
  for (const entry of feed.items ?? []) {
    if (!entry.link) continue;
    items.push({
      feedUrl,
      guid: entry.guid ?? (entry as { id?: string }).id,
      link: new URL(entry.link, feedUrl).href,
      title: entry.title,
      published: entry.isoDate,
      summary: entry.contentSnippet,
    });
  }
  return items;
}
