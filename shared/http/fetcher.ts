// The one seam through which the pipeline reads the web. A live run uses the
// HTTP client; a replay answers from a saved crawl on disk; tests use either.

export type FetchKind = 'feed' | 'page';

export interface FetchRequest {
  url: string;
  kind: FetchKind;
  /** Validators from the previous fetch of a feed, for a conditional GET. */
  etag?: string;
  lastModified?: string;
}

export interface FetchResponse {
  /** The URL finally answered, after redirects. */
  url: string;
  status: number;
  /** True when the server answered 304: nothing changed since the validators. */
  notModified: boolean;
  contentType?: string;
  etag?: string;
  lastModified?: string;
  /** The body decoded to text (charset from header, BOM, XML declaration or meta). */
  text: string;
}

/** A failure with a reason an operator can act on; never thrown for a 304. */
export class FetchError extends Error {
  constructor(
    readonly url: string,
    readonly reason: string,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'FetchError';
  }
}

export interface Fetcher {
  fetch(request: FetchRequest): Promise<FetchResponse>;
  /** Requests one host is served per second at most under this fetcher's manners; absent: no limit. */
  readonly perHostRate?: number;
}
