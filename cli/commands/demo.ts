import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HttpFetcher } from '../../shared/http/http-fetcher.ts';
import { startManifestServer } from '../../shared/http/manifest-server.ts';
import { loadManifest } from '../../shared/http/replay-fetcher.ts';
import { runOnce } from '../../shared/pipeline/run-once.ts';
import { progressPrinter } from '../progress.ts';
import { localDeps } from '../wire.ts';
import { connectStore } from '../../shared/store/connect.ts';
import { summaryTable } from './run.ts';
import { figuresCommand } from './listings.ts';

export const SAMPLES = fileURLToPath(new URL('../../samples/', import.meta.url));

/**
 * The whole pipeline, offline: the project's sample feeds and articles served by a
 * local HTTP server, read over real HTTP into a fresh embedded store.
 */
export async function demoCommand(opts: { data?: string; samples?: string }): Promise<number> {
  const dir = resolve(opts.samples ?? SAMPLES);
  const data = opts.data ?? (await mkdtemp(join(tmpdir(), 'monitor-demo-')));
  const { manifest } = await loadManifest(join(dir, 'manifest.json'));
  const server = await startManifestServer(manifest, dir);
  process.stderr.write(`serving ${dir} on loopback; data in ${data}\n`);
  const conn = await connectStore({ dataDir: data });
  try {
    // Our own loopback server needs no politeness delay between requests.
    const progress = progressPrinter();
    const deps = localDeps(conn, new HttpFetcher({ allowLoopback: true, minDelayPerHostMs: 0 }), { data, onProgress: progress });
    const summary = await runOnce(server.feedUrls().map((url) => ({ url })), deps);
    progress.end();
    process.stdout.write(`${summaryTable(summary)}\n\n`);
    for (const e of summary.errors) process.stdout.write(`  error ${e.url}: ${e.error}\n`);
  } finally {
    await conn.close();
    await server.close();
  }
  process.stdout.write('Figures stored:\n');
  await figuresCommand({ data, format: 'table' });
  process.stdout.write(`\nAlert emails: ${join(data, 'outbox')}\n`);
  return 0;
}
