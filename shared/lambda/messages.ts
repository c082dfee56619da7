import { z } from 'zod';
import type { Feed, FeedItem } from '../domain/types.ts';

// The bodies of the poll and article queue messages. Parsed on receipt, so a
// malformed message fails its record (and ends in the dead-letter queue) with a reason.

const FeedMessage = z.object({ url: z.url(), name: z.string().optional() });
const ArticleMessage = z.object({
  feedUrl: z.string(),
  link: z.url(),
  guid: z.string().optional(),
  title: z.string().optional(),
  published: z.string().optional(),
});

export const encodeFeed = (feed: Feed): string => JSON.stringify({ url: feed.url, name: feed.name });
export const decodeFeed = (body: string): Feed => FeedMessage.parse(JSON.parse(body));

/** The summary stays behind: the article worker reads the page, and messages stay small. */
export const encodeArticle = (item: FeedItem): string =>
  JSON.stringify({ feedUrl: item.feedUrl, link: item.link, guid: item.guid, title: item.title, published: item.published });
export const decodeArticle = (body: string): FeedItem => ArticleMessage.parse(JSON.parse(body));
