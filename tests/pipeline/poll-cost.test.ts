import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Fetcher, FetchRequest, FetchResponse } from '../../shared/http/fetcher.ts';
import { commitFeedPoll, pollFeed } from '../../shared/pipeline/poll-feeds.ts';
import type { StoreConnection } from '../../shared/store/connect.ts';
import { memoryStore, testDeps } from '../helpers/pipeline-harness.ts';

const feedUrl = 'https://feeds.example.org/world.rss';
const rss = (links: string[]) =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>World</title><link>https://example.org/</link><description>d</description>${links
    .map((l, i) => `<item><title>Story ${i}</title><link>${l}</link><pubDate>Mon, 0${i + 1} May 2023 10:00:00 GMT</pubDate></item>`)
    .join('')}</channel></rss>`;

/** A feed server in memory: answers with the current body, or 304 when the ETag matches. */
class FakeFeed implements Fetcher {
  body = rss(['https://example.org/a', 'https://example.org/b']);
  etag?: string;
  async fetch(req: FetchRequest): Promise<FetchResponse> {
    if (this.etag && req.etag === this.etag) return { url: req.url, status: 304, notModified: true, text: '' };
    return { url: req.url, status: 200, notModified: false, text: this.body, etag: this.etag };
  }
}

const writes = (c: StoreConnection) => (c.store.requestCounts.PutItemCommand ?? 0) + (c.store.requestCounts.UpdateItemCommand ?? 0);
const reads = (c: StoreConnection) => (c.store.requestCounts.GetItemCommand ?? 0) + (c.store.requestCounts.BatchGetItemCommand ?? 0);

describe('a poll that finds nothing new costs one read', () => {
  let conn: StoreConnection;
  const feed = new FakeFeed();
  beforeAll(async () => {
    conn = await memoryStore();
  });
  afterAll(async () => conn.close());

  it('first poll: every item is new, state written once after the hand-off', async () => {
    const deps = testDeps(conn, feed);
    const result = await pollFeed({ url: feedUrl }, deps);
    expect(result.items.map((i) => i.link)).toEqual(['https://example.org/a', 'https://example.org/b']);
    await commitFeedPoll(result, deps);
    expect(writes(conn)).toBe(1);
  });

  it('same body again: no parsing, no item lookups, no write', async () => {
    const deps = testDeps(conn, feed);
    const [r0, w0] = [reads(conn), writes(conn)];
    const result = await pollFeed({ url: feedUrl }, deps);
    await commitFeedPoll(result, deps);
    expect(result).toMatchObject({ notModified: true, items: [], known: 2 });
    expect(reads(conn) - r0).toBe(1);
    expect(writes(conn) - w0).toBe(0);
  });

  it('a new item: only it is handed on; the old ones need no lookup', async () => {
    feed.body = rss(['https://example.org/c', 'https://example.org/a', 'https://example.org/b']);
    const deps = testDeps(conn, feed);
    const result = await pollFeed({ url: feedUrl }, deps);
    expect(result.items.map((i) => i.link)).toEqual(['https://example.org/c']);
    expect(result.known).toBe(2);
    await commitFeedPoll(result, deps);
  });

  it('an item that was not handed off is offered again on the next poll', async () => {
    feed.body = rss(['https://example.org/d', 'https://example.org/c', 'https://example.org/a']);
    const deps = testDeps(conn, feed);
    const first = await pollFeed({ url: feedUrl }, deps);
    await commitFeedPoll(first, deps, new Set(['https://example.org/d']));
    const again = await pollFeed({ url: feedUrl }, deps);
    expect(again.items.map((i) => i.link)).toEqual(['https://example.org/d']);
    await commitFeedPoll(again, deps);
    expect((await pollFeed({ url: feedUrl }, deps)).items).toEqual([]);
  });

  it('a 304 answers from the validators; the hourly heartbeat still records health', async () => {
    feed.etag = '"v9"';
    let now = new Date('2023-05-10T10:00:00Z');
    const deps = { ...testDeps(conn, feed), now: () => now };
    await commitFeedPoll(await pollFeed({ url: feedUrl }, deps), deps); // learns the ETag
    const w0 = writes(conn);
    now = new Date('2023-05-10T10:05:00Z');
    const notModified = await pollFeed({ url: feedUrl }, deps);
    expect(notModified.notModified).toBe(true);
    await commitFeedPoll(notModified, deps);
    expect(writes(conn) - w0).toBe(0);
    now = new Date('2023-05-10T11:06:00Z');
    await commitFeedPoll(await pollFeed({ url: feedUrl }, deps), deps);
    expect(writes(conn) - w0).toBe(1);
    expect((await conn.store.getFeedState(feedUrl))?.lastSuccessAt).toBe('2023-05-10T11:06:00.000Z');
  });

  it('a failure is recorded at once with its count', async () => {
    const broken: Fetcher = { fetch: () => Promise.reject(Object.assign(new Error('no response in 20 s'), { reason: 'timeout' })) };
    const deps = testDeps(conn, broken);
    const result = await pollFeed({ url: feedUrl }, deps);
    expect(result.error).toBe('timeout: no response in 20 s');
    expect(await conn.store.getFeedState(feedUrl)).toMatchObject({ consecutiveFailures: 1, lastError: 'timeout: no response in 20 s' });
  });
});
