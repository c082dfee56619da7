import { isIP, type LookupFunction } from 'node:net';
import pLimit from 'p-limit';
import { forbiddenAddressReason } from './address-guard.ts';
import { decodeBytes } from './charset.ts';
import { realClock, type Clock } from './clock.ts';
import { contentTypeProblem } from './content-type-policy.ts';
import { FetchError, type Fetcher, type FetchKind, type FetchRequest, type FetchResponse } from './fetcher.ts';
import { guardedLookup, systemResolver, type Resolver } from './guarded-lookup.ts';
import { HostPoliteness } from './host-politeness.ts';
import { isRetryableStatus, parseRetryAfter, retryDelayMs } from './retry-policy.ts';
import { RobotsCache } from './robots-cache.ts';
import { sendRequest } from './send-request.ts';
import type { IncomingHttpHeaders } from 'node:http';

export interface HttpFetcherOptions {
  /** Allow 127.0.0.0/8 and ::1 (tests and the demo); never the default. */
  allowLoopback?: boolean;
  /** Whole request, headers and body, per attempt. */
  timeoutMs?: number;
  connectTimeoutMs?: number;
  /** Cap on a body, as received and after decompression. */
  maxBytes?: number;
  userAgent?: string;
  maxRedirects?: number;
  /** Further attempts after a 5xx, 429 or network failure. */
  retries?: number;
  retryBaseDelayMs?: number;
  /** Cap on one backoff, including what Retry-After asks for. */
  maxRetryDelayMs?: number;
  maxConcurrentPerHost?: number;
  minDelayPerHostMs?: number;
  /** Requests in flight across all hosts, counted once a host's manners let one start; default 64. */
  maxConcurrent?: number;
  /** Honour robots.txt for pages (feeds are published to be polled). */
  respectRobots?: boolean;
  robotsTtlMs?: number;
  robotsFailureTtlMs?: number;
  /** Name resolution; tests make made-up names resolve where they like. */
  resolver?: Resolver;
  clock?: Clock;
  random?: () => number;
}

export const USER_AGENT = 'news-figure-monitor/0.1 (+https://github.com/news-figure-monitor)';
/** The product token robots.txt groups are matched against. */
export const ROBOTS_TOKEN = 'news-figure-monitor';

const ACCEPT: Record<FetchKind, string> = {
  feed: 'application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5',
  page: 'text/html, application/xhtml+xml;q=0.9, */*;q=0.5',
};

const ROBOTS_MAX_BYTES = 512 * 1024;

interface Exchange {
  url: URL;
  status: number;
  headers: IncomingHttpHeaders;
  body?: Buffer;
}

type BodyCheck = (headers: IncomingHttpHeaders) => string | undefined;

/** Reads feeds and pages over HTTP(S), safely: see the options for the limits it keeps. */
export class HttpFetcher implements Fetcher {
  private readonly clock: Clock;
  private readonly lookup: LookupFunction;
  private readonly politeness: HostPoliteness;
  readonly perHostRate?: number;
  private readonly robots: RobotsCache;

  constructor(private readonly options: HttpFetcherOptions = {}) {
    const minDelay = options.minDelayPerHostMs ?? 500;
    if (minDelay > 0) this.perHostRate = 1000 / minDelay;
    this.clock = options.clock ?? realClock;
    this.lookup = guardedLookup(options.resolver ?? systemResolver, { allowLoopback: options.allowLoopback });
    // Slots are taken after a host's turn comes, so a request waiting on one slow or
    // busy site holds no slot that a request to another site could use.
    // The default lets a poll-feed Lambda fetch its whole batch (up to 50 feeds) at once.
    const slots = pLimit(options.maxConcurrent ?? 64);
    this.politeness = new HostPoliteness(options.maxConcurrentPerHost ?? 2, minDelay, this.clock, (task) => slots(task));
    this.robots = new RobotsCache(
      async (url) => {
        const res = await this.get(new URL(url), 'text/plain', ROBOTS_MAX_BYTES, () => undefined);
        return { status: res.status, text: res.body ? decodeBytes(res.body, res.headers['content-type'], 'page') : '' };
      },
      this.clock,
      { userAgent: ROBOTS_TOKEN, ttlMs: options.robotsTtlMs ?? 6 * 3600_000, failureTtlMs: options.robotsFailureTtlMs ?? 10 * 60_000 },
    );
  }

  async fetch(request: FetchRequest): Promise<FetchResponse> {
    const url = this.checkUrl(request.url);
    const conditional: Record<string, string> = {};
    if (request.kind === 'feed' && request.etag) conditional['if-none-match'] = request.etag;
    if (request.kind === 'feed' && request.lastModified) conditional['if-modified-since'] = request.lastModified;
    const res = await this.get(url, ACCEPT[request.kind], this.options.maxBytes ?? 5 * 1024 * 1024, (headers) => contentTypeProblem(headers['content-type'], request.kind), {
      headers: conditional,
      robots: request.kind === 'page' && this.options.respectRobots !== false,
    });
    const base = {
      url: res.url.href,
      status: res.status,
      contentType: res.headers['content-type'],
      etag: header(res.headers, 'etag'),
      lastModified: header(res.headers, 'last-modified'),
    };
    if (res.status === 304) return { ...base, notModified: true, text: '' };
    if (res.status < 200 || res.status > 299) {
      throw new FetchError(res.url.href, 'http_status', `HTTP ${res.status}`, res.status);
    }
    return { ...base, notModified: false, text: decodeBytes(res.body ?? Buffer.alloc(0), res.headers['content-type'], request.kind) };
  }

  /** GET with redirects (each hop re-checked) and retries; bodies read only for 2xx that pass `check`. */
  private async get(start: URL, accept: string, maxBytes: number, check: BodyCheck, extra: { headers?: Record<string, string>; robots?: boolean } = {}): Promise<Exchange> {
    const maxRedirects = this.options.maxRedirects ?? 5;
    const seen = new Set<string>();
    let url = start;
    for (let hop = 0; ; hop++) {
      this.checkUrl(url.href);
      if (extra.robots) await this.robots.check(url);
      seen.add(url.href);
      const res = await this.withRetries(url, () => this.exchange(url, accept, maxBytes, check, extra.headers ?? {}));
      const location = header(res.headers, 'location');
      if (res.status < 300 || res.status > 399 || res.status === 304 || !location) return res;
      let next: URL;
      try {
        next = new URL(location, url);
      } catch {
        throw new FetchError(url.href, 'bad_redirect', `redirect to an unreadable location ${JSON.stringify(location.slice(0, 200))}`, res.status);
      }
      next.hash = '';
      if (seen.has(next.href)) throw new FetchError(start.href, 'redirect_loop', `redirect ${hop + 1} leads back to an address already visited`, res.status);
      if (hop + 1 > maxRedirects) throw new FetchError(start.href, 'too_many_redirects', `more than ${maxRedirects} redirects`, res.status);
      url = next;
    }
  }

  private async withRetries(url: URL, attempt: () => Promise<Exchange>): Promise<Exchange> {
    const retries = this.options.retries ?? 2;
    for (let n = 1; ; n++) {
      let retryAfter: number | undefined;
      try {
        const res = await attempt();
        if (!isRetryableStatus(res.status) || n > retries) return res;
        retryAfter = parseRetryAfter(header(res.headers, 'retry-after'), this.clock.now());
      } catch (err) {
        if (!(err instanceof FetchError) || err.reason !== 'network' || n > retries) throw err;
      }
      const wait = retryDelayMs(n, retryAfter, { baseDelayMs: this.options.retryBaseDelayMs ?? 1000, maxDelayMs: this.options.maxRetryDelayMs ?? 30_000 }, this.options.random ?? Math.random);
      await this.clock.sleep(wait);
    }
  }

  private exchange(url: URL, accept: string, maxBytes: number, check: BodyCheck, headers: Record<string, string>): Promise<Exchange> {
    return this.politeness.run(url.host, async () => {
      const res = await sendRequest({
        url,
        headers: { 'user-agent': this.options.userAgent ?? USER_AGENT, accept, 'accept-encoding': 'gzip, deflate, br', ...headers },
        lookup: this.lookup,
        connectTimeoutMs: this.options.connectTimeoutMs ?? 5_000,
        totalTimeoutMs: this.options.timeoutMs ?? 20_000,
        maxBytes,
      });
      if (res.status < 200 || res.status > 299) {
        res.discard();
        return { url, status: res.status, headers: res.headers };
      }
      const problem = check(res.headers);
      if (problem) {
        res.discard();
        throw new FetchError(url.href, 'content_type', problem, res.status);
      }
      return { url, status: res.status, headers: res.headers, body: await res.readBody() };
    });
  }

  /** Only http(s), and a literal IP host must pass the same guard the DNS lookup applies. */
  private checkUrl(raw: string): URL {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw new FetchError(raw, 'bad_url', 'not a valid URL');
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new FetchError(raw, 'bad_url', `scheme ${url.protocol} is not fetched (only http and https)`);
    const host = url.hostname.replace(/^\[|\]$/g, '');
    if (isIP(host)) {
      const reason = forbiddenAddressReason(host, { allowLoopback: this.options.allowLoopback });
      if (reason) throw new FetchError(raw, 'ssrf_blocked', `host ${host} is a ${reason}`);
    }
    return url;
  }
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}
