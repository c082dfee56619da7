import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Alert, Article, Feed, Figure } from '../../shared/domain/types.ts';
import { FetchError, type Fetcher, type FetchRequest, type FetchResponse } from '../../shared/http/fetcher.ts';
import type { PipelineDeps, ProgressEvent } from '../../shared/pipeline/deps.ts';
import { runOnce, type RunOnceOptions, type RunSummary } from '../../shared/pipeline/run-once.ts';
import type { StoreConnection } from '../../shared/store/connect.ts';
import type { Store } from '../../shared/store/store.ts';
import { MemorySink, memoryStore } from '../helpers/pipeline-harness.ts';

// runOnce end to end over the embedded store, with the web and the extractors faked:
// a page's body is a small JSON object naming its count and publication time, so each
// test decides exactly which figures a story holds and when each answer arrives.

interface Story {
  link: string;
  published: string;
  /** The border-crossing count the page reports; none when absent. */
  count?: number;
  /** The date the feed gives, when it differs from the page's own. */
  feedDate?: string;
}

const sleep = (ms: number) => new Promise<void>((ok) => setTimeout(ok, ms));

const rss = (stories: readonly Story[]) =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>F</title><link>https://example.org/</link><description>d</description>${stories
    .map((s, i) => `<item><title>Story ${i}</title><link>${s.link}</link><pubDate>${new Date(s.feedDate ?? s.published).toUTCString()}</pubDate></item>`)
    .join('')}</channel></rss>`;

/** The web in memory: feeds and pages by URL, each answer optionally late or held until a promise settles. */
class FakeWeb implements Fetcher {
  private readonly bodies = new Map<string, string>();
  readonly delays = new Map<string, number>();
  readonly holds = new Map<string, Promise<unknown>>();
  readonly broken = new Set<string>();
  readonly fetches = new Map<string, number>();
  /** URLs in the order their answers left. */
  readonly answered: string[] = [];
  /** Called as each request arrives, before it is answered. */
  onRequest?: (request: FetchRequest) => void;

  feed(url: string, stories: readonly Story[]): Feed {
    this.bodies.set(url, rss(stories));
    for (const story of stories) this.bodies.set(story.link, JSON.stringify({ count: story.count, published: story.published }));
    return { url };
  }

  async fetch(request: FetchRequest): Promise<FetchResponse> {
    this.fetches.set(request.url, (this.fetches.get(request.url) ?? 0) + 1);
    this.onRequest?.(request);
    await sleep(this.delays.get(request.url) ?? 0);
    await this.holds.get(request.url);
    const text = this.bodies.get(request.url);
    this.answered.push(request.url);
    if (this.broken.has(request.url) || text === undefined) throw new FetchError(request.url, 'http_status', 'HTTP 503', 503);
    return { url: request.url, status: 200, notModified: false, text };
  }
}

const extractArticle = (html: string, url: string): Article => {
  const page = JSON.parse(html) as { published?: string };
  return { url, body: html, published: page.published, outlet: new URL(url).host };
};
const extractFigures = (article: Article): Figure[] => {
  const { count } = JSON.parse(article.body) as { count?: number };
  if (count === undefined) return [];
  return [{ metric: 'border_crossing', count, qualifier: 'exact', unit: 'people', origin: 'Russia', destination: 'Georgia', quote: `${count} crossed.` }];
};

/** The store with some methods replaced; the rest answer from the real one. */
const storeWith = (base: Store, overrides: Partial<Store>): Store => Object.assign(Object.create(base) as Store, overrides);

/** Fails instead of waiting forever, so a deadlock shows as a clear failure. */
function within<T>(ms: number, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, fail) => {
    timer = setTimeout(() => fail(new Error(`runOnce did not settle within ${ms} ms`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

let conn: StoreConnection;
beforeEach(async () => {
  conn = await memoryStore();
});
afterEach(async () => conn.close());

function depsFor(web: FakeWeb, extra: Partial<PipelineDeps> = {}): PipelineDeps & { sink: MemorySink } {
  return { fetcher: web, store: conn.store, sink: new MemorySink(), extractArticle, extractFigures, now: () => new Date(), ...extra } as PipelineDeps & { sink: MemorySink };
}

const day = (n: number) => `2023-05-${String(n).padStart(2, '0')}T10:00:00.000Z`;

describe('stream mode delivers alerts while feeds are still being polled', () => {
  // The last feed answers only once an alert has been delivered (or after 2 s, so
  // a run that waits for every poll still ends, and fails the order check instead).
  async function run(order: RunOnceOptions['order']) {
    const web = new FakeWeb();
    const log: string[] = [];
    let alerted!: () => void;
    const firstAlert = new Promise<void>((ok) => (alerted = ok));
    const sink = new (class extends MemorySink {
      override async deliver(alert: Alert) {
        await super.deliver(alert);
        log.push(`alert ${alert.figure.count}`);
        alerted();
      }
    })();
    const feeds = [
      web.feed('https://a.example/feed', [{ link: 'https://a.example/s1', published: day(1), count: 100 }]),
      web.feed('https://b.example/feed', [{ link: 'https://b.example/s1', published: day(2), count: 200 }]),
      web.feed('https://c.example/feed', [{ link: 'https://c.example/s1', published: day(3), count: 300 }]),
    ];
    web.holds.set('https://c.example/feed', Promise.race([firstAlert, sleep(2000)]));
    web.onRequest = (r) => log.push(`request ${r.url}`);
    const onProgress = (e: ProgressEvent) => {
      if (e.type === 'feed') log.push(`polled ${e.feed.url}`);
    };
    const summary = await within(10_000, runOnce(feeds, depsFor(web, { sink, onProgress }), { order }));
    return { summary, sink, log };
  }

  it('the first alert leaves before the last feed has answered, and the run then finishes', async () => {
    const { summary, sink, log } = await run('stream');
    const asked = log.indexOf('request https://c.example/feed');
    const firstAlert = log.findIndex((line) => line.startsWith('alert'));
    const answered = log.indexOf('polled https://c.example/feed');
    expect(asked).toBeGreaterThanOrEqual(0);
    expect(firstAlert).toBeGreaterThan(asked);
    expect(answered).toBeGreaterThan(firstAlert);
    expect([100, 200]).toContain(sink.delivered[0].figure.count);
    expect(sink.delivered.map((a) => a.figure.count).sort((x, y) => x! - y!)).toEqual([100, 200, 300]);
    expect(summary).toMatchObject({ feedsOk: 3, articlesNew: 3, articlesFailed: 0, figuresStored: 3 });
    expect(summary.alerts).toHaveLength(3);
  });

  it('tick mode, by contrast, reads nothing until every feed has answered', async () => {
    const { sink, log } = await run('tick');
    expect(log.findIndex((line) => line.startsWith('alert'))).toBeGreaterThan(log.indexOf('polled https://c.example/feed'));
    expect(sink.delivered.map((a) => a.figure.count)).toEqual([100, 200, 300]);
  });
});

describe('stream mode holds back polls while found stories are unread', () => {
  const SITES = 60;
  const PER_FEED = 20;
  // MAX_UNREAD found stories, plus what every poll under way (concurrency 8) may bring.
  const BOUND = 128 + 8 * PER_FEED;

  it(`never has more than ${BOUND} found stories unrecorded, and records each exactly once`, async () => {
    const web = new FakeWeb();
    const feeds: Feed[] = [];
    const links: string[] = [];
    for (let site = 0; site < SITES; site++) {
      const stories = Array.from({ length: PER_FEED }, (_, j) => ({ link: `https://site${site}.example/story/${j}`, published: day(1 + (j % 28)) }));
      links.push(...stories.map((s) => s.link));
      feeds.push(web.feed(`https://site${site}.example/feed`, stories));
      web.delays.set(`https://site${site}.example/feed`, 2);
    }
    const states = new Map<string, string[]>();
    // Recording is the slow part: each story's state write waits a little.
    const store = storeWith(conn.store, {
      putArticleState: async (state) => {
        await sleep(1);
        states.set(state.url, [...(states.get(state.url) ?? []), state.status]);
        return conn.store.putArticleState(state);
      },
    });
    let unrecorded = 0;
    let most = 0;
    let recordedWhilePolling = 0;
    const onProgress = (e: ProgressEvent) => {
      if (e.type === 'feed') unrecorded += e.newItems;
      if (e.type === 'article') {
        unrecorded--;
        if (e.polling) recordedWhilePolling++;
      }
      most = Math.max(most, unrecorded);
    };

    const summary = await within(50_000, runOnce(feeds, depsFor(web, { store, onProgress })));

    expect(most).toBeLessThanOrEqual(BOUND);
    expect(recordedWhilePolling).toBeGreaterThan(0);
    expect(unrecorded).toBe(0);
    expect(summary).toMatchObject({ feeds: SITES, feedsOk: SITES, feedsFailed: 0, articlesNew: SITES * PER_FEED, articlesSeen: 0, articlesFailed: 0, errors: [] });
    expect(links.filter((link) => web.fetches.get(link) !== 1)).toEqual([]);
    expect(states.size).toBe(SITES * PER_FEED);
    expect([...states.values()].filter((s) => s.join() !== 'done')).toEqual([]);
    expect((await conn.store.settledArticles(links, 3)).size).toBe(SITES * PER_FEED);
  }, 60_000);
});

describe('a fetcher that paces each host lets more sites be read at once', () => {
  // 30 sites whose feeds list 20 stories each; every page takes 300 ms. Counts the
  // sites with stories found and not yet recorded, at most, over the run.
  async function sitesAtOnce(perHostRate: number | undefined) {
    const web = Object.assign(new FakeWeb(), { perHostRate });
    const feeds: Feed[] = [];
    for (let site = 0; site < 30; site++) {
      const stories = Array.from({ length: 20 }, (_, j) => ({ link: `https://s${site}.example/${j}`, published: day(1 + (j % 28)) }));
      feeds.push(web.feed(`https://s${site}.example/feed`, stories));
      for (const story of stories) web.delays.set(story.link, 300);
    }
    const unread = new Map<string, number>();
    let most = 0;
    const onProgress = (e: ProgressEvent) => {
      if (e.type === 'feed' && e.newItems > 0) unread.set(new URL(e.feed.url).host, e.newItems);
      if (e.type === 'article') {
        const host = new URL(e.url).host;
        const left = (unread.get(host) ?? 1) - 1;
        if (left > 0) unread.set(host, left);
        else unread.delete(host);
      }
      most = Math.max(most, unread.size);
    };
    const summary = await within(30_000, runOnce(feeds, depsFor(web, { onProgress })));
    expect(summary).toMatchObject({ articlesNew: 600, articlesFailed: 0 });
    return most;
  }

  it('counting only the stories a paced site can serve soon keeps more sites busy', async () => {
    // Unpaced: 128 unread stories (+ polls under way) hold about 6-14 sites of 20.
    const unpaced = await sitesAtOnce(undefined);
    expect(unpaced).toBeLessThanOrEqual(15);
    // One page per second per host: each site counts 2 stories, so every site can go.
    await conn.close();
    conn = await memoryStore();
    const paced = await sitesAtOnce(1);
    expect(paced).toBeGreaterThanOrEqual(25);
  }, 60_000);
});

describe('feeds are polled a site at a time in turn', () => {
  it('three sites of five feeds, listed site by site: the first polls cover every site before any second feed', async () => {
    const web = new FakeWeb();
    const feeds: Feed[] = [];
    for (const site of ['a', 'b', 'c'])
      for (let n = 1; n <= 5; n++) feeds.push(web.feed(`https://${site}.example/feed${n}`, [{ link: `https://${site}.example/story${n}`, published: day(n) }]));
    const started: string[] = [];
    // A poll starts by reading its feed's state: the order of those reads is the order polls are handed out.
    const store = storeWith(conn.store, {
      getFeedState: (url) => {
        started.push(url);
        return conn.store.getFeedState(url);
      },
    });

    const summary = await within(20_000, runOnce(feeds, depsFor(web, { store })));

    expect(new Set(started.slice(0, 3).map((url) => new URL(url).host))).toEqual(new Set(['a.example', 'b.example', 'c.example']));
    expect(started).toEqual([1, 2, 3, 4, 5].flatMap((n) => ['a', 'b', 'c'].map((site) => `https://${site}.example/feed${n}`)));
    expect(summary).toMatchObject({ feedsOk: 15, articlesNew: 15 });
  });
});

describe('tick mode records new stories oldest publication first across feeds', () => {
  it('an older story from a slow feed alerts before a newer one from a fast feed', async () => {
    const web = new FakeWeb();
    const older = { link: 'https://slow.example/older', published: day(1), count: 1100 };
    const newer = { link: 'https://fast.example/newer', published: day(2), count: 1000 };
    const feeds = [web.feed('https://fast.example/feed', [newer]), web.feed('https://slow.example/feed', [older])];
    // The older story's feed and page both answer last.
    web.delays.set('https://slow.example/feed', 150);
    web.delays.set(older.link, 150);
    const deps = depsFor(web);

    const summary = await within(20_000, runOnce(feeds, deps, { order: 'tick' }));

    expect(web.answered).toEqual(['https://fast.example/feed', 'https://slow.example/feed', newer.link, older.link]);
    expect(deps.sink.delivered.map((a) => [a.figure.count, a.previous])).toEqual([
      [1100, null],
      [1000, 1100],
    ]);
    expect(summary.alerts.map((a) => a.source.articleUrl)).toEqual([older.link, newer.link]);
    const [series] = await conn.store.listSeries();
    expect(series).toMatchObject({ latest: 1000, previous: 1100, figures: 2 });
  });

  it("the pages' own publication times decide the order over the feeds' dates", async () => {
    const web = new FakeWeb();
    const first = { link: 'https://one.example/first', published: day(3), feedDate: day(9), count: 400 };
    const second = { link: 'https://two.example/second', published: day(5), feedDate: day(1), count: 600 };
    const feeds = [web.feed('https://two.example/feed', [second]), web.feed('https://one.example/feed', [first])];
    const deps = depsFor(web);
    await within(20_000, runOnce(feeds, deps, { order: 'tick' }));
    expect(deps.sink.delivered.map((a) => [a.figure.count, a.previous])).toEqual([
      [400, null],
      [600, 400],
    ]);
  });
});

describe('duplicates, failures and store errors', () => {
  it('a story listed by two feeds is read once', async () => {
    const web = new FakeWeb();
    const shared = { link: 'https://wire.example/story', published: day(3), count: 5000 };
    const feeds = [
      web.feed('https://one.example/feed', [shared, { link: 'https://one.example/own', published: day(2) }]),
      web.feed('https://two.example/feed', [shared]),
    ];
    const deps = depsFor(web);
    const summary = await within(20_000, runOnce(feeds, deps));
    expect(web.fetches.get(shared.link)).toBe(1);
    expect(summary).toMatchObject({ feedsOk: 2, articlesNew: 2, articlesFailed: 0, figuresStored: 1 });
    expect(deps.sink.delivered).toHaveLength(1);
  });

  it('an article that fails to fetch is counted failed, the rest are recorded, and the next run reads only it again', async () => {
    const web = new FakeWeb();
    const good = { link: 'https://news.example/good', published: day(1), count: 700 };
    const bad = { link: 'https://news.example/bad', published: day(2), count: 900 };
    const feeds = [web.feed('https://news.example/feed', [good, bad])];
    web.broken.add(bad.link);

    const first = await within(20_000, runOnce(feeds, depsFor(web)));
    expect(first).toMatchObject({ feedsOk: 1, articlesNew: 2, articlesFailed: 1, figuresStored: 1 });
    expect(first.errors).toEqual([{ url: bad.link, error: 'HTTP 503' }]);
    expect(await conn.store.getArticleState(bad.link)).toMatchObject({ status: 'failed', attempts: 1 });
    expect(await conn.store.getArticleState(good.link)).toMatchObject({ status: 'done' });

    web.broken.delete(bad.link);
    const second: RunSummary = await within(20_000, runOnce(feeds, depsFor(web)));
    expect(second).toMatchObject({ articlesNew: 1, articlesFailed: 0, figuresStored: 1 });
    expect(web.fetches.get(bad.link)).toBe(2);
    expect(web.fetches.get(good.link)).toBe(1);
  });

  it.each(['stream', 'tick'] as const)('%s: a store error while recording rejects the run instead of hanging', async (order) => {
    const web = new FakeWeb();
    // Enough stories that polls are held back when the store fails: they must be let go too.
    const feeds = Array.from({ length: 30 }, (_, i) =>
      web.feed(`https://s${i}.example/feed`, Array.from({ length: 20 }, (_, j) => ({ link: `https://s${i}.example/${j}`, published: day(j + 1), count: 1000 * (i + 1) + j * 10 }))),
    );
    // Failing late, once every story found so far is queued and the polls wait for them to be recorded.
    const store = storeWith(conn.store, { putArticleState: () => sleep(100).then(() => Promise.reject(new Error('store unavailable'))) });
    await expect(within(5_000, runOnce(feeds, depsFor(web, { store }), { order }))).rejects.toThrow('store unavailable');
  });

  it.each(['stream', 'tick'] as const)('%s: a store error looking found stories up rejects the run, and the next run finds them again', async (order) => {
    const web = new FakeWeb();
    const feeds = Array.from({ length: 12 }, (_, i) => web.feed(`https://t${i}.example/feed`, [{ link: `https://t${i}.example/s`, published: day(i + 1), count: 100 * (i + 1) }]));
    let down = true;
    const store = storeWith(conn.store, {
      settledArticles: (urls, giveUpAfter) => (down ? sleep(20).then(() => Promise.reject(new Error('lookup failed'))) : conn.store.settledArticles(urls, giveUpAfter)),
    });
    await expect(within(5_000, runOnce(feeds, depsFor(web, { store }), { order }))).rejects.toThrow('lookup failed');
    expect([...web.fetches.keys()].filter((url) => url.endsWith('/s'))).toEqual([]);
    down = false;
    expect(await within(5_000, runOnce(feeds, depsFor(web, { store }), { order }))).toMatchObject({ articlesNew: 12, figuresStored: 12 });
  });
});

describe('a store error inside a feed poll', () => {
  // One feed's state cannot be read (5 ms in); the other feeds answer 50 ms after they are
  // asked. Counts the feeds answered by the time runOnce rejects and once all is quiet.
  async function failOnePoll(order: RunOnceOptions['order']) {
    const web = new FakeWeb();
    const feeds = Array.from({ length: 30 }, (_, i) => web.feed(`https://p${i}.example/feed`, [{ link: `https://p${i}.example/s`, published: day(1), count: 100 * (i + 1) }]));
    for (const feed of feeds) web.delays.set(feed.url, 50);
    const broken = feeds[3].url;
    const store = storeWith(conn.store, {
      getFeedState: (url) => (url === broken ? sleep(5).then(() => Promise.reject(new Error('state read failed'))) : conn.store.getFeedState(url)),
    });
    const polled = () => feeds.filter((feed) => web.answered.includes(feed.url)).length;
    await expect(within(5_000, runOnce(feeds, depsFor(web, { store }), { order }))).rejects.toThrow('state read failed');
    const atRejection = polled();
    await sleep(500);
    return { atRejection, later: polled() };
  }

  // Found by these tests: the poll's rejection once reached runOnce through the pollers'
  // Promise.all at once, and stream mode went on polling every other feed.
  it('stream: the other feeds are left for the next run, and the run settles after the polls under way', async () => {
    const { atRejection, later } = await failOnePoll('stream');
    expect(later).toBeLessThanOrEqual(8);
    expect(later).toBe(atRejection);
  });

  it('tick: the run settles only after the polls under way have finished', async () => {
    const { atRejection, later } = await failOnePoll('tick');
    expect(later).toBeLessThanOrEqual(8);
    expect(later).toBe(atRejection);
  });
});
