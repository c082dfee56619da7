import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Manifest } from './replay-fetcher.ts';

export interface ManifestServer {
  /** The local URL that serves what the manifest says `url` serves. */
  localUrl(url: string): string;
  /** The manifest URL that a local URL stands for (to map results back). */
  originalUrl(localUrl: string): string;
  /** The manifest's feed URLs, as local URLs. */
  feedUrls(): string[];
  close(): Promise<void>;
}

/**
 * Real HTTP servers on loopback that answer every URL of a saved crawl from disk:
 * each origin of the manifest gets its own local port, so relative links resolve as
 * on the web, and absolute links inside served documents are rewritten to the local
 * origins. A live run over it follows the crawl exactly as it would follow the web.
 */
export async function startManifestServer(manifest: Manifest, dir: string): Promise<ManifestServer> {
  const entries = [
    ...Object.entries(manifest.feeds).map(([url, file]) => ({ url: new URL(url), file, feed: true })),
    ...Object.entries(manifest.pages).map(([url, file]) => ({ url: new URL(url), file, feed: false })),
  ];
  const byOrigin = new Map<string, Map<string, { file: string; feed: boolean }>>();
  for (const e of entries) {
    const files = byOrigin.get(e.url.origin) ?? new Map();
    files.set(e.url.pathname + e.url.search, { file: e.file, feed: e.feed });
    byOrigin.set(e.url.origin, files);
  }

  const local = new Map<string, string>(); // manifest origin -> local origin
  const rewrite = (text: string) => {
    let out = text;
    for (const [o, l] of local) out = out.split(o).join(l);
    return out;
  };
  const servers: Server[] = [];
  for (const [origin, files] of byOrigin) {
    const server = createServer(async (req, res) => {
      const entry = files.get(req.url ?? '/') ?? files.get(decodeURI(req.url ?? '/'));
      if (!entry) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not in manifest');
        return;
      }
      try {
        const text = rewrite(await readFile(resolve(dir, entry.file), 'utf8'));
        res.writeHead(200, { 'content-type': entry.feed ? 'application/xml; charset=utf-8' : 'text/html; charset=utf-8' }).end(text);
      } catch (err) {
        res.writeHead(500, { 'content-type': 'text/plain' }).end((err as Error).message);
      }
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    servers.push(server);
    local.set(origin, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  }
  const localUrl = (url: string) => {
    const u = new URL(url);
    const l = local.get(u.origin);
    if (!l) throw new Error(`${url}: origin not in the manifest`);
    return l + u.pathname + u.search;
  };
  const originalUrl = (url: string) => {
    for (const [o, l] of local) if (url.startsWith(l + '/')) return o + url.slice(l.length);
    return url;
  };
  return {
    localUrl,
    originalUrl,
    feedUrls: () => Object.keys(manifest.feeds).map(localUrl),
    close: () => Promise.all(servers.map((s) => new Promise<void>((ok) => s.close(() => ok())))).then(() => undefined),
  };
}
