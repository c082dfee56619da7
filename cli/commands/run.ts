import { join, resolve } from 'node:path';
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
  let fetcher: Fetcher;
  let feeds: Feed[];
  if (opts.replay) {
    const replay = await ReplayFetcher.fromFile(join(resolve(opts.replay), 'manifest.json'));
    fetcher = replay;
    feeds = opts.feeds ? await loadFeedList(opts.feeds) : replay.feedUrls().map((url) => ({ url }));
  } else {
    fetcher = new HttpFetcher({ allowLoopback: opts.allowLoopback });
    feeds = await loadFeedList(opts.feeds ?? DEFAULT_FEEDS);
  }
  if (feeds.length === 0) throw new Error('no feeds to poll');
  const conn = await openLocalStore(opts);
  const deps = localDeps(conn, fetcher, {
    ...opts,
    onProgress: opts.quiet ? undefined : progressPrinter(),
    concurrency: opts.concurrency ? Number(opts.concurrency) : undefined,
  });
  let stop = false;
  const onSignal = () => {
    stop = true;
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    for (;;) {
      const summary = await runOnce(feeds, deps);
      process.stdout.write(`${summaryTable(summary)}\n`);
      for (const e of summary.errors.slice(0, 20)) process.stdout.write(`  error ${e.url}: ${e.error}\n`);
      if (summary.errors.length > 20) process.stdout.write(`  ... and ${summary.errors.length - 20} more errors\n`);
      if (!interval || stop) break;
      process.stderr.write(`next poll in ${opts.every}\n`);
      await new Promise<void>((ok) => {
        const t = setTimeout(ok, interval);
        const check = setInterval(() => stop && (clearTimeout(t), clearInterval(check), ok()), 200);
        t.unref?.();
        setTimeout(() => clearInterval(check), interval).unref?.();
      });
      if (stop) break;
    }
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await conn.close();
  }
  return 0;
}
