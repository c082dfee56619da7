import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { renderArticle, renderChrome, renderFeed, type Chrome } from './synthetic-pages.ts';
import type { SyntheticLoad } from './synthetic-load.ts';

/** Every outlet is its own host name, so the fetcher's per-host manners apply per site. */
export const BENCH_DOMAIN = 'bench.test';
export const outletHost = (outlet: number) => `outlet-${outlet}.${BENCH_DOMAIN}`;

export interface LoadServer {
  port: number;
  /** Moves the sites on to the second poll: follow-up articles appear in their feeds. */
  setTick(tick: 0 | 1): void;
  served: Record<string, number>;
  bytes: number;
  close(): Promise<void>;
}

const RELATED = 10;

/**
 * Serves a synthetic load: feeds with ETags (a feed unchanged since the client's copy
 * answers 304), article pages, and no robots.txt (404: everything allowed).
 */
export async function serveLoad(load: SyntheticLoad): Promise<LoadServer> {
  let tick: 0 | 1 = 0;
  let port = 0;
  const chromes = new Map<number, Chrome>();
  const origin = (outlet: number) => `http://${outletHost(outlet)}:${port}`;
  const state: LoadServer = { port: 0, setTick: (t) => void (tick = t), served: {}, bytes: 0, close: async () => undefined };
  const count = (what: string) => void (state.served[what] = (state.served[what] ?? 0) + 1);

  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const feed = /^\/feeds\/(\d+)\.xml$/.exec(path);
    const page = /^\/news\/([01])\/(\d+)\.html$/.exec(path);
    const send = (what: string, type: string, body: string, headers: Record<string, string> = {}) => {
      count(what);
      state.bytes += Buffer.byteLength(body);
      res.writeHead(200, { 'content-type': `${type}; charset=utf-8`, ...headers }).end(body);
    };
    if (feed && load.feeds[Number(feed[1])]) {
      const f = load.feeds[Number(feed[1])];
      const etag = `"feed-${f.index}-v${tick === 1 && f.followUps.length > 0 ? 1 : 0}"`;
      if (req.headers['if-none-match'] === etag) {
        count('feed 304');
        res.writeHead(304, { etag }).end();
        return;
      }
      send('feed 200', 'application/rss+xml', renderFeed(load, f, tick, origin), { etag });
      return;
    }
    const article = page ? load.articles[Number(page[2])] : undefined;
    if (article && article.tick <= tick && page && Number(page[1]) === article.tick) {
      let chrome = chromes.get(article.outlet);
      if (!chrome) chromes.set(article.outlet, (chrome = renderChrome(article.outlet)));
      const siblings = load.articles.slice(article.index + 1, article.index + 1 + RELATED);
      send('page', 'text/html', renderArticle(article, siblings, chrome, origin));
      return;
    }
    count(`404 ${path === '/robots.txt' ? 'robots.txt' : 'other'}`);
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  port = state.port = (server.address() as AddressInfo).port;
  state.close = () => new Promise<void>((ok) => server.close(() => ok()));
  return state;
}
