import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { decodeBytes } from './charset.ts';
import { FetchError, type Fetcher, type FetchRequest, type FetchResponse } from './fetcher.ts';

/** A saved crawl: feed and page URLs mapped to files, relative to the manifest's folder. */
export interface Manifest {
  feeds: Record<string, string>;
  pages: Record<string, string>;
}

export async function loadManifest(path: string): Promise<{ manifest: Manifest; dir: string }> {
  let raw: string;
  try {
    raw = await readFile(path, 'utf8');
  } catch (err) {
    throw new Error(`cannot read manifest ${path}: ${(err as Error).message}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (err) {
    throw new Error(`manifest ${path} is not JSON: ${(err as Error).message}`);
  }
  const m = parsed as Partial<Manifest>;
  if (!m || typeof m !== 'object' || typeof m.feeds !== 'object' || typeof m.pages !== 'object') {
    throw new Error(`manifest ${path} must be {"feeds": {url: file}, "pages": {url: file}}`);
  }
  return { manifest: { feeds: m.feeds ?? {}, pages: m.pages ?? {} }, dir: dirname(resolve(path)) };
}

/** Answers every URL from disk through a manifest, as if the web had served it. */
export class ReplayFetcher implements Fetcher {
  constructor(
    private readonly manifest: Manifest,
    private readonly dir: string,
  ) {}

  static async fromFile(path: string): Promise<ReplayFetcher> {
    const { manifest, dir } = await loadManifest(path);
    return new ReplayFetcher(manifest, dir);
  }

  /** The file (relative to the manifest) that answers a URL, if any. */
  fileFor(url: string): string | undefined {
    return this.manifest.feeds[url] ?? this.manifest.pages[url];
  }

  feedUrls(): string[] {
    return Object.keys(this.manifest.feeds);
  }

  async fetch(request: FetchRequest): Promise<FetchResponse> {
    const file = this.manifest.feeds[request.url] ?? this.manifest.pages[request.url];
    if (file === undefined) {
      throw new FetchError(request.url, 'not_found', `${request.url}: not in the replay manifest`, 404);
    }
    let bytes: Buffer;
    try {
      bytes = await readFile(resolve(this.dir, file));
    } catch (err) {
      throw new FetchError(request.url, 'not_found', `${request.url}: ${(err as Error).message}`, 404);
    }
    const isFeed = request.url in this.manifest.feeds;
    return {
      url: request.url,
      status: 200,
      notModified: false,
      contentType: isFeed ? 'application/xml' : 'text/html',
      text: decodeBytes(bytes, undefined, isFeed ? 'feed' : 'page'),
    };
  }
}
