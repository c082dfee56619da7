import type { Feed, FeedItem } from '../domain/types.ts';

// The bodies of the poll and article queue messages. Checked on receipt, so a
// malformed message fails its record (and ends in the dead-letter queue) with a reason.
// Checked by hand: a schema library would be most of a small bundle.

type Fields = Record<string, unknown>;

function parseObject(body: string, what: string): Fields {
  const value: unknown = JSON.parse(body);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new Error(`${what} message is not a JSON object`);
  return value as Fields;
}

function httpUrl(fields: Fields, key: string, what: string): string {
  const value = fields[key];
  if (typeof value !== 'string' || !URL.canParse(value) || !/^https?:$/.test(new URL(value).protocol)) {
    throw new Error(`${what} message: ${key} is not an http(s) URL`);
  }
  return value;
}

function optionalText(fields: Fields, key: string, what: string): string | undefined {
  const value = fields[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new Error(`${what} message: ${key} is not a string`);
  return value;
}

export const encodeFeed = (feed: Feed): string => JSON.stringify({ url: feed.url, name: feed.name });

export function decodeFeed(body: string): Feed {
  const fields = parseObject(body, 'feed');
  const name = optionalText(fields, 'name', 'feed');
  return { url: httpUrl(fields, 'url', 'feed'), ...(name ? { name } : {}) };
}

/** The summary stays behind: the article worker reads the page, and messages stay small. */
export const encodeArticle = (item: FeedItem): string =>
  JSON.stringify({ feedUrl: item.feedUrl, link: item.link, guid: item.guid, title: item.title, published: item.published });

export function decodeArticle(body: string): FeedItem {
  const fields = parseObject(body, 'article');
  const item: FeedItem = { feedUrl: httpUrl(fields, 'feedUrl', 'article'), link: httpUrl(fields, 'link', 'article') };
  for (const key of ['guid', 'title', 'published'] as const) {
    const value = optionalText(fields, key, 'article');
    if (value !== undefined) item[key] = value;
  }
  return item;
}
