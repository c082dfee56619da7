import { decodeBytes } from './charset.ts';
import { FetchError, type Fetcher, type FetchRequest, type FetchResponse } from './fetcher.ts';

export interface HttpFetcherOptions {
  /** Allow 127.0.0.0/8 and ::1 (tests and the demo); never the default. */
  allowLoopback?: boolean;
  timeoutMs?: number;
  maxBytes?: number;
  userAgent?: string;
}

export const USER_AGENT = 'news-figure-monitor/0.1 (+https://github.com/news-figure-monitor)';

/** Reads feeds and pages over HTTP(S). */
export class HttpFetcher implements Fetcher {
  constructor(private readonly options: HttpFetcherOptions = {}) {}

  async fetch(request: FetchRequest): Promise<FetchResponse> {
    const headers: Record<string, string> = { 'user-agent': this.options.userAgent ?? USER_AGENT };
    if (request.etag) headers['if-none-match'] = request.etag;
    if (request.lastModified) headers['if-modified-since'] = request.lastModified;
    let res: Response;
    try {
      res = await fetch(request.url, { headers, signal: AbortSignal.timeout(this.options.timeoutMs ?? 20_000) });
    } catch (err) {
      const cause = (err as { cause?: { code?: string } }).cause?.code ?? (err as Error).name;
      throw new FetchError(request.url, 'network', String(cause));
    }
    if (res.status === 304) {
      return { url: res.url || request.url, status: 304, notModified: true, text: '' };
    }
    if (!res.ok) throw new FetchError(request.url, 'http_status', `HTTP ${res.status}`, res.status);
    const bytes = new Uint8Array(await res.arrayBuffer());
    const contentType = res.headers.get('content-type') ?? undefined;
    return {
      url: res.url || request.url,
      status: res.status,
      notModified: false,
      contentType,
      etag: res.headers.get('etag') ?? undefined,
      lastModified: res.headers.get('last-modified') ?? undefined,
      text: decodeBytes(bytes, contentType, request.kind),
    };
  }
}
