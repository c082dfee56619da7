import { gzipSync, brotliCompressSync, deflateRawSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FetchError } from '../../shared/http/fetcher.ts';
import { HttpFetcher, type HttpFetcherOptions } from '../../shared/http/http-fetcher.ts';
import type { Resolver } from '../../shared/http/guarded-lookup.ts';
import { fakeClock, startServer, type TestServer } from './misbehaving-server.ts';

const RSS = `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>
<item><title>One</title><link>/a/1</link><guid>1</guid></item></channel></rss>`;

const counters = new Map<string, number>();
const nth = (key: string) => {
  const n = (counters.get(key) ?? 0) + 1;
  counters.set(key, n);
  return n;
};

let server: TestServer;
beforeAll(async () => {
  server = await startServer({
    '/feed.xml': (req, res) => {
      if (req.headers['if-none-match'] === '"v1"' || req.headers['if-modified-since'] === 'Sun, 01 Mar 2026 10:00:00 GMT') {
        res.writeHead(304).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"v1"', 'last-modified': 'Sun, 01 Mar 2026 10:00:00 GMT' }).end(RSS);
    },
    '/slow-headers': (_req, res) => {
      setTimeout(() => res.writeHead(200, { 'content-type': 'text/html' }).end('late'), 3000).unref();
    },
    '/slow-body': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      const timer = setInterval(() => res.write('.'), 50);
      res.on('close', () => clearInterval(timer));
    },
    '/endless': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      const chunk = Buffer.alloc(64 * 1024, 'a');
      const pump = () => {
        while (!res.destroyed && res.write(chunk));
        if (!res.destroyed) res.once('drain', pump);
      };
      pump();
    },
    '/twenty-mb': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(20 * 1024 * 1024) });
      res.end(Buffer.alloc(20 * 1024 * 1024, 'x'));
    },
    '/gzip-bomb': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }).end(bomb);
    },
    '/gzip': (_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'gzip' }).end(gzipSync('<p>gzipped тест</p>')),
    '/br': (_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'br' }).end(brotliCompressSync('<p>brotli</p>')),
    '/deflate-raw': (_req, res) => res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'deflate' }).end(deflateRawSync('<p>raw deflate</p>')),
    '/loop-a': (_req, res, origin) => res.writeHead(302, { location: `${origin}/loop-b` }).end(),
    '/loop-b': (_req, res) => res.writeHead(301, { location: '/loop-a' }).end(),
    '/chain': (req, res) => {
      const n = Number(new URL(req.url!, 'http://x').searchParams.get('n') ?? 0);
      res.writeHead(302, { location: `/chain?n=${n + 1}` }).end();
    },
    '/five-hops': (req, res) => {
      const n = Number(new URL(req.url!, 'http://x').searchParams.get('n') ?? 0);
      if (n < 5) res.writeHead(307, { location: `/five-hops?n=${n + 1}` }).end();
      else res.writeHead(200, { 'content-type': 'text/html' }).end('<p>arrived</p>');
    },
    '/to-metadata': (_req, res) => res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end(),
    '/to-private-v6': (_req, res) => res.writeHead(302, { location: 'http://[fd00::1]/' }).end(),
    '/to-ten': (_req, res) => res.writeHead(302, { location: 'http://10.1.2.3/' }).end(),
    '/to-internal-name': (_req, res) => res.writeHead(302, { location: 'http://intranet.example/admin' }).end(),
    '/to-mapped-loopback': (_req, res, origin) => res.writeHead(302, { location: origin.replace('127.0.0.1', '[::ffff:127.0.0.1]') + '/ua' }).end(),
    '/to-unspecified': (_req, res, origin) => res.writeHead(302, { location: origin.replace('127.0.0.1', '0.0.0.0') + '/ua' }).end(),
    '/to-file': (_req, res) => res.writeHead(302, { location: 'file:///etc/passwd' }).end(),
    '/flaky': (_req, res) => {
      if (nth('flaky') === 1) res.writeHead(500, { 'content-type': 'text/plain' }).end('oops');
      else res.writeHead(200, { 'content-type': 'text/html' }).end('<p>recovered</p>');
    },
    '/always-503': (_req, res) => res.writeHead(503, { 'content-type': 'text/plain' }).end('down'),
    '/rate-limited': (_req, res) => {
      if (nth('rate') === 1) res.writeHead(429, { 'retry-after': '7' }).end();
      else res.writeHead(200, { 'content-type': 'text/html' }).end('<p>ok now</p>');
    },
    '/rate-limited-date': (_req, res) => {
      if (nth('rate-date') === 1) res.writeHead(503, { 'retry-after': 'Sun, 01 Mar 2026 12:00:30 GMT' }).end();
      else res.writeHead(200, { 'content-type': 'text/html' }).end('<p>ok</p>');
    },
    '/rate-limited-long': (_req, res) => {
      if (nth('rate-long') === 1) res.writeHead(429, { 'retry-after': '86400' }).end();
      else res.writeHead(200, { 'content-type': 'text/html' }).end('<p>ok</p>');
    },
    '/not-found': (_req, res) => res.writeHead(404, { 'content-type': 'text/html' }).end('gone'),
    '/image.png': (_req, res) => res.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.alloc(1024)),
    '/doc.pdf': (_req, res) => res.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF-1.4'),
    '/cp1251': (_req, res) =>
      res
        .writeHead(200, { 'content-type': 'text/html' })
        .end(Buffer.concat([Buffer.from('<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251"></head><body><p>'), iconv.encode('Мобилизация: 300 тысяч человек', 'windows-1251'), Buffer.from('</p></body></html>')])),
    '/koi8r': (_req, res) =>
      res.writeHead(200, { 'content-type': 'text/html; charset=KOI8-R' }).end(Buffer.concat([Buffer.from('<p>'), iconv.encode('Граница закрыта', 'koi8-r'), Buffer.from('</p>')])),
    '/ua': (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<p>hi</p>'),
    '/slow-page': (_req, res) => {
      setTimeout(() => res.writeHead(200, { 'content-type': 'text/html' }).end('<p>slow</p>'), 100);
    },
    '/robots.txt': (_req, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nDisallow: /\n\nUser-agent: news-figure-monitor\nDisallow: /private/\nDisallow: /no-monitors/\n'),
    '/private/page': (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<p>secret</p>'),
    '/no-monitors/page': (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<p>secret</p>'),
    '/public/page': (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<p>public</p>'),
  });
});
afterAll(() => server.close());

const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024));

function fetcher(extra: HttpFetcherOptions = {}) {
  const clock = fakeClock();
  const f = new HttpFetcher({ allowLoopback: true, clock, random: () => 0.5, minDelayPerHostMs: 0, timeoutMs: 2000, connectTimeoutMs: 1000, ...extra });
  return { f, clock };
}

async function failure(promise: Promise<unknown>): Promise<FetchError> {
  try {
    await promise;
  } catch (err) {
    expect(err).toBeInstanceOf(FetchError);
    // the run summary prints the URL beside the message
    expect((err as FetchError).message).not.toContain(server.origin);
    return err as FetchError;
  }
  throw new Error('expected a FetchError');
}

describe('HttpFetcher against a misbehaving local server', () => {
  it('fetches a feed and answers a conditional GET with notModified', async () => {
    const { f } = fetcher();
    const first = await f.fetch({ url: `${server.origin}/feed.xml`, kind: 'feed' });
    expect(first).toMatchObject({ status: 200, notModified: false, etag: '"v1"', lastModified: 'Sun, 01 Mar 2026 10:00:00 GMT' });
    expect(first.text).toContain('<rss');
    const again = await f.fetch({ url: `${server.origin}/feed.xml`, kind: 'feed', etag: first.etag });
    expect(again).toMatchObject({ status: 304, notModified: true, text: '' });
    expect(server.lastHeaders.get('/feed.xml')?.['if-none-match']).toBe('"v1"');
    const byDate = await f.fetch({ url: `${server.origin}/feed.xml`, kind: 'feed', lastModified: first.lastModified });
    expect(byDate.notModified).toBe(true);
    expect(server.lastHeaders.get('/feed.xml')?.['if-modified-since']).toBe(first.lastModified);
  });

  it('names the project in its User-Agent and asks for compression', async () => {
    await fetcher().f.fetch({ url: `${server.origin}/ua`, kind: 'page' });
    const headers = server.lastHeaders.get('/ua')!;
    expect(headers['user-agent']).toMatch(/news-figure-monitor/);
    expect(headers['accept-encoding']).toMatch(/gzip/);
  });

  it('times out on slow headers', async () => {
    const started = Date.now();
    const err = await failure(fetcher({ timeoutMs: 300 }).f.fetch({ url: `${server.origin}/slow-headers`, kind: 'page' }));
    expect(err.reason).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(2000);
    expect(err.message).not.toContain(server.origin);
  });

  it('gives up connecting after the connect timeout (here: a name that never resolves)', async () => {
    const resolver: Resolver = () => new Promise(() => {});
    const started = Date.now();
    const err = await failure(fetcher({ resolver, connectTimeoutMs: 200, timeoutMs: 5000 }).f.fetch({ url: 'http://stuck.example/', kind: 'feed' }));
    expect(err.reason).toBe('timeout');
    expect(err.message).toMatch(/connect/);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('times out on a body that trickles in forever', async () => {
    const err = await failure(fetcher({ timeoutMs: 400 }).f.fetch({ url: `${server.origin}/slow-body`, kind: 'page' }));
    expect(err.reason).toBe('timeout');
  });

  it('aborts an endless body at the byte cap while streaming', async () => {
    const err = await failure(fetcher({ maxBytes: 1024 * 1024 }).f.fetch({ url: `${server.origin}/endless`, kind: 'page' }));
    expect(err.reason).toBe('too_large');
  });

  it('refuses a 20 MB page over the cap', async () => {
    const err = await failure(fetcher({ maxBytes: 5 * 1024 * 1024 }).f.fetch({ url: `${server.origin}/twenty-mb`, kind: 'page' }));
    expect(err.reason).toBe('too_large');
  });

  it('caps decompressed bytes too (gzip bomb)', async () => {
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const err = await failure(fetcher({ maxBytes: 2 * 1024 * 1024 }).f.fetch({ url: `${server.origin}/gzip-bomb`, kind: 'page' }));
    expect(err.reason).toBe('too_large');
    expect(err.message).toMatch(/decompressed/);
  });

  it('decodes gzip, brotli and raw deflate bodies', async () => {
    const { f } = fetcher();
    expect((await f.fetch({ url: `${server.origin}/gzip`, kind: 'page' })).text).toBe('<p>gzipped тест</p>');
    expect((await f.fetch({ url: `${server.origin}/br`, kind: 'page' })).text).toBe('<p>brotli</p>');
    expect((await f.fetch({ url: `${server.origin}/deflate-raw`, kind: 'page' })).text).toBe('<p>raw deflate</p>');
  });

  it('detects a redirect loop', async () => {
    const err = await failure(fetcher().f.fetch({ url: `${server.origin}/loop-a`, kind: 'page' }));
    expect(err.reason).toBe('redirect_loop');
  });

  it('follows five redirects but not six', async () => {
    const { f } = fetcher();
    const ok = await f.fetch({ url: `${server.origin}/five-hops`, kind: 'page' });
    expect(ok.url).toBe(`${server.origin}/five-hops?n=5`);
    expect(ok.text).toContain('arrived');
    const err = await failure(f.fetch({ url: `${server.origin}/chain`, kind: 'page' }));
    expect(err.reason).toBe('too_many_redirects');
  });

  it('re-checks every redirect target against the address guard', async () => {
    const resolver: Resolver = async (host) => (host === 'intranet.example' ? [{ address: '192.168.1.10', family: 4 }] : [{ address: '127.0.0.1', family: 4 }]);
    const { f } = fetcher({ resolver });
    for (const path of ['/to-metadata', '/to-private-v6', '/to-ten', '/to-internal-name', '/to-mapped-loopback', '/to-unspecified']) {
      const err = await failure(f.fetch({ url: `${server.origin}${path}`, kind: 'feed' }));
      expect(err.reason, path).toBe('ssrf_blocked');
    }
    const file = await failure(f.fetch({ url: `${server.origin}/to-file`, kind: 'feed' }));
    expect(file.reason).toBe('bad_url');
  });

  it('blocks a public-looking name that resolves to loopback when loopback is not allowed, before connecting', async () => {
    const resolver: Resolver = async () => [{ address: '127.0.0.1', family: 4 }];
    const { f } = fetcher({ allowLoopback: false, resolver });
    const before = server.hits.get('/ua') ?? 0;
    const err = await failure(f.fetch({ url: `http://public.example:${server.port}/ua`, kind: 'feed' }));
    expect(err.reason).toBe('ssrf_blocked');
    expect(err.message).toMatch(/127\.0\.0\.1/);
    for (const url of [`${server.origin}/ua`, `http://[::1]:${server.port}/ua`, `http://169.254.169.254/`, 'http://[::ffff:127.0.0.1]/', 'http://0.0.0.0/']) {
      expect((await failure(f.fetch({ url, kind: 'feed' }))).reason, url).toBe('ssrf_blocked');
    }
    expect(server.hits.get('/ua') ?? 0).toBe(before);
  });

  it('lets a resolved name through when loopback is allowed, connecting to the checked address', async () => {
    const asked: string[] = [];
    const resolver: Resolver = async (host) => {
      asked.push(host);
      return [{ address: '127.0.0.1', family: 4 }];
    };
    const res = await fetcher({ resolver }).f.fetch({ url: `http://public.example:${server.port}/ua`, kind: 'feed' });
    expect(res.text).toBe('<p>hi</p>');
    expect(asked).toEqual(['public.example']);
  });

  it('retries a 500 and succeeds, with a backoff from the injected clock', async () => {
    const { f, clock } = fetcher();
    const res = await f.fetch({ url: `${server.origin}/flaky`, kind: 'page' });
    expect(res.text).toContain('recovered');
    expect(server.hits.get('/flaky')).toBe(2);
    expect(clock.sleeps.length).toBeGreaterThan(0);
  });

  it('gives up after the retries with http_status', async () => {
    const { f, clock } = fetcher({ retries: 2, retryBaseDelayMs: 100 });
    const err = await failure(f.fetch({ url: `${server.origin}/always-503`, kind: 'page' }));
    expect(err).toMatchObject({ reason: 'http_status', status: 503 });
    expect(server.hits.get('/always-503')).toBe(3);
    // exponential: the second wait is about twice the first (jitter fixed by random 0.5)
    const backoffs = clock.sleeps.filter((ms) => ms >= 50);
    expect(backoffs[1]).toBeGreaterThan(backoffs[0]);
  });

  it('honours Retry-After in seconds and as an HTTP date, capped', async () => {
    const a = fetcher();
    await a.f.fetch({ url: `${server.origin}/rate-limited`, kind: 'page' });
    expect(a.clock.sleeps).toContain(7000);
    const b = fetcher();
    await b.f.fetch({ url: `${server.origin}/rate-limited-date`, kind: 'page' });
    expect(b.clock.sleeps).toContain(30_000);
    const c = fetcher({ maxRetryDelayMs: 5000 });
    await c.f.fetch({ url: `${server.origin}/rate-limited-long`, kind: 'page' });
    expect(Math.max(...c.clock.sleeps)).toBe(5000);
  });

  it('reports a 404 as http_status without retrying', async () => {
    const err = await failure(fetcher().f.fetch({ url: `${server.origin}/not-found`, kind: 'page' }));
    expect(err).toMatchObject({ reason: 'http_status', status: 404 });
    expect(server.hits.get('/not-found')).toBe(1);
  });

  it('refuses the wrong content type before reading the body', async () => {
    const { f } = fetcher();
    expect((await failure(f.fetch({ url: `${server.origin}/image.png`, kind: 'page' }))).reason).toBe('content_type');
    expect((await failure(f.fetch({ url: `${server.origin}/doc.pdf`, kind: 'feed' }))).reason).toBe('content_type');
    expect((await failure(f.fetch({ url: `${server.origin}/feed.xml`, kind: 'page' }))).reason).toBe('content_type');
  });

  it('decodes windows-1251 (meta http-equiv) and KOI8-R (header) pages', async () => {
    const { f } = fetcher();
    expect((await f.fetch({ url: `${server.origin}/cp1251`, kind: 'page' })).text).toContain('Мобилизация: 300 тысяч человек');
    expect((await f.fetch({ url: `${server.origin}/koi8r`, kind: 'page' })).text).toBe('<p>Граница закрыта</p>');
  });

  it('honours robots.txt for pages (our own group over *), fetched once per host, but not for feeds', async () => {
    const { f } = fetcher();
    const robotsBefore = server.hits.get('/robots.txt') ?? 0;
    expect((await failure(f.fetch({ url: `${server.origin}/private/page`, kind: 'page' }))).reason).toBe('robots_disallowed');
    expect((await failure(f.fetch({ url: `${server.origin}/no-monitors/page`, kind: 'page' }))).reason).toBe('robots_disallowed');
    expect((await f.fetch({ url: `${server.origin}/public/page`, kind: 'page' })).text).toContain('public');
    expect(server.hits.get('/private/page') ?? 0).toBe(0);
    expect(server.hits.get('/robots.txt')).toBe(robotsBefore + 1);
    expect((await f.fetch({ url: `${server.origin}/private/page`, kind: 'feed' })).status).toBe(200);
  });

  it('keeps to the per-host concurrency limit and spaces requests', async () => {
    const { f, clock } = fetcher({ maxConcurrentPerHost: 1, minDelayPerHostMs: 250 });
    const local = await startServer({ '/p': (_req, res) => setTimeout(() => res.writeHead(200, { 'content-type': 'text/html' }).end('<p>x</p>'), 30) });
    try {
      await Promise.all([1, 2, 3, 4].map((i) => f.fetch({ url: `${local.origin}/p?i=${i}`, kind: 'feed' })));
      expect(local.maxInFlight).toBe(1);
      expect(clock.sleeps.filter((ms) => ms === 250).length).toBeGreaterThanOrEqual(3);
    } finally {
      await local.close();
    }
  });
});

describe('robots.txt failures', () => {
  it('a * group applies when no group names us', async () => {
    const closed = await startServer({
      '/robots.txt': (_req, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: otherbot\nAllow: /\n\nUser-agent: *\nDisallow: /\n'),
      '/a': (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<p>a</p>'),
    });
    try {
      expect((await failure(fetcher().f.fetch({ url: `${closed.origin}/a`, kind: 'page' }))).reason).toBe('robots_disallowed');
    } finally {
      await closed.close();
    }
  });

  it('404 means allowed; 5xx means the site is skipped for now', async () => {
    const missing = await startServer({ '/a': (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<p>a</p>') });
    const broken = await startServer({
      '/robots.txt': (_req, res) => res.writeHead(503).end(),
      '/a': (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<p>a</p>'),
    });
    try {
      const { f } = fetcher({ retries: 0 });
      expect((await f.fetch({ url: `${missing.origin}/a`, kind: 'page' })).text).toBe('<p>a</p>');
      expect((await failure(f.fetch({ url: `${broken.origin}/a`, kind: 'page' }))).reason).toBe('robots_unavailable');
      expect(broken.hits.get('/a') ?? 0).toBe(0);
    } finally {
      await missing.close();
      await broken.close();
    }
  });
});

describe('the pace it keeps per host, as the pipeline reads it', () => {
  it('serves a host 2 requests a second by default, 1000/delay with another delay, without limit at 0', () => {
    expect(new HttpFetcher().perHostRate).toBe(2);
    expect(new HttpFetcher({ minDelayPerHostMs: 250 }).perHostRate).toBe(4);
    expect(new HttpFetcher({ minDelayPerHostMs: 0 }).perHostRate).toBeUndefined();
  });
});

describe('requests in flight across hosts (maxConcurrent)', () => {
  // Made-up host names, all answered by the one local server: each is its own site to the fetcher.
  const toLoopback: Resolver = async () => [{ address: '127.0.0.1', family: 4 }];
  const slowly = (hosts: string[]): Parameters<typeof startServer>[0][string] => (req, res) => {
    hosts.push(String(req.headers.host).split(':')[0]);
    setTimeout(() => res.writeHead(200, { 'content-type': 'text/html' }).end('<p>x</p>'), 40);
  };
  const urls = (port: number, hosts: string[], perHost: number) => hosts.flatMap((host) => Array.from({ length: perHost }, (_, i) => `http://${host}:${port}/p?i=${i}`));

  it('keeps at most maxConcurrent requests in flight over four hosts', async () => {
    const hosts = ['h0.example', 'h1.example', 'h2.example', 'h3.example'];
    const seen: string[] = [];
    const capped = await startServer({ '/p': slowly(seen) });
    const uncapped = await startServer({ '/p': slowly([]) });
    try {
      const { f } = fetcher({ resolver: toLoopback, maxConcurrent: 2 });
      const answers = await Promise.all(urls(capped.port, hosts, 3).map((url) => f.fetch({ url, kind: 'feed' })));
      expect(answers.map((a) => a.status)).toEqual(new Array(12).fill(200));
      expect(new Set(seen)).toEqual(new Set(hosts));
      expect(capped.maxInFlight).toBe(2);
      // The same load without the cap: only the per-host limit (2 x 4 hosts) holds it back.
      const free = fetcher({ resolver: toLoopback }).f;
      await Promise.all(urls(uncapped.port, hosts, 3).map((url) => free.fetch({ url, kind: 'feed' })));
      expect(uncapped.maxInFlight).toBeGreaterThan(2);
    } finally {
      await capped.close();
      await uncapped.close();
    }
  });

  it('a request waiting for its host\'s turn holds no slot: another host goes ahead', async () => {
    // Waits for a host's turn last until released (and the clock moves on by the wait),
    // so the test decides when the turn comes.
    const held: Array<() => void> = [];
    let now = Date.parse('2026-03-01T12:00:00Z');
    const clock = {
      now: () => now,
      sleep: (ms: number) =>
        ms > 0
          ? new Promise<void>((ok) =>
              held.push(() => {
                now += ms;
                ok();
              }),
            )
          : Promise.resolve(),
    };
    const seen: string[] = [];
    const local = await startServer({ '/p': slowly(seen) });
    try {
      const { f } = fetcher({ resolver: toLoopback, clock, maxConcurrent: 1, minDelayPerHostMs: 60_000 });
      const busyFirst = f.fetch({ url: `http://busy.example:${local.port}/p?i=1`, kind: 'feed' });
      let secondDone = false;
      const busySecond = f.fetch({ url: `http://busy.example:${local.port}/p?i=2`, kind: 'feed' }).finally(() => (secondDone = true));
      const other = f.fetch({ url: `http://other.example:${local.port}/p`, kind: 'feed' });
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<never>((_, fail) => (timer = setTimeout(() => fail(new Error('other.example waited behind busy.example')), 3000)));
      await Promise.race([Promise.all([busyFirst, other]), late]).finally(() => clearTimeout(timer));
      expect(secondDone).toBe(false);
      expect(seen).toEqual(['busy.example', 'other.example']);
      expect(held).toHaveLength(1);
      held.splice(0).forEach((wake) => wake());
      expect((await busySecond).status).toBe(200);
      expect(seen).toEqual(['busy.example', 'other.example', 'busy.example']);
    } finally {
      await local.close();
    }
  });

  // Found by this test: a host's turn is granted before the request waits for a slot, so
  // a long wait for the slot once ate the spacing and two requests started back to back.
  it('keeps request starts to one host minDelayPerHostMs apart while slots are scarce', async () => {
    const starts = new Map<string, number[]>();
    const local = await startServer({
      '/p': (req, res) => {
        const host = String(req.headers.host).split(':')[0];
        starts.set(host, [...(starts.get(host) ?? []), Date.now()]);
        const ms = host === 'slow.example' ? 800 : 5;
        setTimeout(() => res.writeHead(200, { 'content-type': 'text/html' }).end('<p>x</p>'), ms);
      },
    });
    try {
      const f = new HttpFetcher({ allowLoopback: true, resolver: toLoopback, maxConcurrent: 1, minDelayPerHostMs: 300, timeoutMs: 5000 });
      const slow = f.fetch({ url: `http://slow.example:${local.port}/p`, kind: 'feed' });
      await new Promise((ok) => setTimeout(ok, 20));
      await Promise.all([slow, ...[1, 2].map((i) => f.fetch({ url: `http://polite.example:${local.port}/p?i=${i}`, kind: 'feed' }))]);
      const [first, second] = starts.get('polite.example')!;
      expect(second - first).toBeGreaterThanOrEqual(250);
    } finally {
      await local.close();
    }
  });
});
