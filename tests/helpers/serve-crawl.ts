import { join } from 'node:path';
import { HttpFetcher } from '../../shared/http/http-fetcher.ts';
import { startManifestServer, type ManifestServer } from '../../shared/http/manifest-server.ts';
import { loadManifest, type Manifest } from '../../shared/http/replay-fetcher.ts';
import { runOnce, type RunSummary } from '../../shared/pipeline/run-once.ts';
import type { StoreConnection } from '../../shared/store/connect.ts';
import { MemorySink, memoryStore, testDeps } from './pipeline-harness.ts';

/** A saved crawl served over real HTTP on loopback, a fresh embedded store, and a way to run polls. */
export interface CrawlRun {
  server: ManifestServer;
  manifest: Manifest;
  conn: StoreConnection;
  sink: MemorySink;
  poll(): Promise<RunSummary>;
  close(): Promise<void>;
}

export async function serveCrawl(dir: string): Promise<CrawlRun> {
  const { manifest } = await loadManifest(join(dir, 'manifest.json'));
  const server = await startManifestServer(manifest, dir);
  const conn = await memoryStore();
  const sink = new MemorySink();
  // Our own loopback server needs no politeness delay between requests.
  const deps = testDeps(conn, new HttpFetcher({ allowLoopback: true, minDelayPerHostMs: 0 }), sink);
  const feeds = server.feedUrls().map((url) => ({ url }));
  return {
    server,
    manifest,
    conn,
    sink,
    poll: () => runOnce(feeds, deps),
    close: async () => {
      await conn.close();
      await server.close();
    },
  };
}
