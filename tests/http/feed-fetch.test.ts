import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFeed } from '../../shared/feeds/parse-feed.ts';
import { HttpFetcher } from '../../shared/http/http-fetcher.ts';
import { fakeClock, startServer, type TestServer } from './misbehaving-server.ts';

// The fetch-then-parse path the pipeline takes, against documents that are not
// (quite) feeds.
let server: TestServer;
beforeAll(async () => {
  const xml = (body: string | Buffer, type = 'application/rss+xml') => (_req: unknown, res: import('node:http').ServerResponse) => res.writeHead(200, { 'content-type': type }).end(body);
  server = await startServer({
    '/malformed.xml': xml('<rss version="2.0"><channel><title>x</title><item><title>open'),
    '/entities.xml': xml('<rss version="2.0"><channel><title>x</title><item><title>Fran&ccedil;ais&nbsp;&amp; more</title><link>/a</link></item></channel></rss>'),
    '/empty-feed.xml': xml('<?xml version="1.0"?><rss version="2.0"><channel><title>quiet</title></channel></rss>'),
    '/empty-body.xml': xml(''),
    '/actually-html.xml': xml('<!doctype html><html><head><title>Sign in</title></head><body><form></form></body></html>', 'text/html; charset=utf-8'),
    '/cp1251.xml': xml(Buffer.concat([Buffer.from('<?xml version="1.0" encoding="windows-1251"?><rss version="2.0"><channel><title>c</title><item><title>'), iconv.encode('Мобилизация в регионе', 'windows-1251'), Buffer.from('</title><link>/n/1</link></item></channel></rss>')])),
  });
});
afterAll(() => server.close());

const fetcher = () => new HttpFetcher({ allowLoopback: true, clock: fakeClock(), minDelayPerHostMs: 0 });

async function fetchAndParse(path: string) {
  const res = await fetcher().fetch({ url: `${server.origin}${path}`, kind: 'feed' });
  return parseFeed(res.text, res.url);
}

describe('fetching documents that are not good feeds', () => {
  it('refuses malformed XML, an empty body and an HTML page as bad_feed', async () => {
    for (const path of ['/malformed.xml', '/empty-body.xml', '/actually-html.xml']) {
      await expect(fetchAndParse(path), path).rejects.toMatchObject({ name: 'FetchError', reason: 'bad_feed' });
    }
  });

  it('reads an empty feed as no items and recovers HTML entities', async () => {
    expect(await fetchAndParse('/empty-feed.xml')).toEqual([]);
    const [item] = await fetchAndParse('/entities.xml');
    expect(item.title).toBe('Français & more');
    expect(item.link).toBe(`${server.origin}/a`);
  });

  it('decodes a windows-1251 feed from its XML declaration', async () => {
    const [item] = await fetchAndParse('/cp1251.xml');
    expect(item.title).toBe('Мобилизация в регионе');
  });
});
