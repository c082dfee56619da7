import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import type { Feed } from '../../shared/domain/types.ts';
import { loadFeedList } from '../../shared/feeds/feed-list.ts';
import type { Fetcher } from '../../shared/http/fetcher.ts';
import { HttpFetcher } from '../../shared/http/http-fetcher.ts';
import { ReplayFetcher } from '../../shared/http/replay-fetcher.ts';
import { runOnce, type RunSummary } from '../../shared/pipeline/run-once.ts';
import { parseDuration, table } from '../format.ts';
import { progressPrinter } from '../progress.ts';
import { localDeps, openLocalStore } from '../wire.ts';

export const DEFAULT_FEEDS = fileURLToPath(new URL('../../feeds/default-feeds.txt', import.meta.url));

export interface RunOptions {
  feeds?: string;
  once?: boolean;
  every?: string;
  data: string;
  replay?: string;
  endpoint?: string;
  allowLoopback?: boolean;
  concurrency?: string;
  quiet?: boolean;
}

export function summaryTable(s: RunSummary): string {
  return table(
    ['feeds polled', 'ok', 'not modified', 'failed', 'articles new', 'seen', 'failed', 'figures', 'alerts', 'errors'],
    [[s.feeds, s.feedsOk, s.feedsNotModified, s.feedsFailed, s.articlesNew, s.articlesSeen, s.articlesFailed, s.figures, s.alerts.length, s.errors.length]],
  );
}

export async function runCommand(opts: RunOptions): Promise<number> {
  if (opts.once && opts.every) throw new Error('--once and --every exclude each other');
  const interval = opts.every ? parseDuration(opts.every) : undefined;
  const concurrency = opts.concurrency === undefined ? undefined : Number(opts.concurrency);
  if (concurrency !== undefined && !(Number.isInteger(concurrency) && concurrency >= 1 && concurrency <= 256)) {
    throw new Error(`--concurrency ${opts.concurrency}: a whole number from 1 to 256`);
  }
  let fetcher: Fetcher;
  let feeds: Feed[];
  if (opts.replay) {
    const replay = await ReplayFetcher.fromFile(join(resolve(opts.replay), 'manifest.json'));
    fetcher = replay;
    feeds = opts.feeds ? await loadFeedList(opts.feeds) : replay.feedUrls().map((url) => ({ url }));
  } else {
    fetcher = new HttpFetcher({ allowLoopback: opts.allowLoopback, maxConcurrent: concurrency });
    feeds = await loadFeedList(opts.feeds ?? DEFAULT_FEEDS);
  }
  if (feeds.length === 0) throw new Error('no feeds to poll');
  const conn = await openLocalStore(opts);
  const progress = opts.quiet ? undefined : progressPrinter();
  const deps = localDeps(conn, fetcher, { ...opts, onProgress: progress, concurrency });
  // Ctrl-C or SIGTERM ends the wait between polls, never a poll half way.
  const stop = new AbortController();
  const onSignal = () => stop.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    for (;;) {
      // A replayed snapshot is one tick of a timeline: its items are read in the tick's order.
      const summary = await runOnce(feeds, deps, { order: opts.replay ? 'tick' : 'stream' });
      progress?.end();
      process.stdout.write(`${summaryTable(summary)}\n`);
      // With progress on, each error was already shown as it happened.
      if (opts.quiet) {
        for (const e of summary.errors.slice(0, 20)) process.stdout.write(`  error ${e.url}: ${e.error}\n`);
        if (summary.errors.length > 20) process.stdout.write(`  ... and ${summary.errors.length - 20} more errors\n`);
      }
      if (summary.feeds > 0 && summary.feedsFailed === summary.feeds) {
        process.stdout.write('No feed could be read: is the network reachable? `monitor feeds` shows each feed\'s last error.\n');
      }
      if (!interval || stop.signal.aborted) break;
      process.stderr.write(`next poll in ${opts.every}\n`);
      try {
        await sleep(interval, undefined, { signal: stop.signal });
      } catch {
        break;
      }
    }
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await conn.close();
  }
  return 0;
}
