import { join, resolve } from 'node:path';
import type { Alert } from '../../shared/domain/types.ts';
import { ReplayFetcher } from '../../shared/http/replay-fetcher.ts';
import { runOnce } from '../../shared/pipeline/run-once.ts';
import { compareAlerts, firedAlertJson, listTicks, readExpectedAlerts, type FiredAlert } from '../../shared/pipeline/timeline.ts';
import { OutboxSink } from '../../shared/alerts/outbox-sink.ts';
import { describeCount } from '../../shared/alerts/render-email.ts';
import { seriesLabel } from '../../shared/alerts/series.ts';
import { localDeps, openLocalStore } from '../wire.ts';

export interface ReplayOptions {
  data: string;
  endpoint?: string;
  json?: boolean;
}

/**
 * Runs a timeline's ticks in order against one store, through the same replay fetcher
 * and pipeline as `monitor run --replay`, and compares the alerts with the expected ones.
 */
export async function replayCommand(dir: string, opts: ReplayOptions): Promise<number> {
  const root = resolve(dir);
  const ticks = await listTicks(root);
  const expected = await readExpectedAlerts(root);
  const conn = await openLocalStore(opts);
  const fired: FiredAlert[] = [];
  try {
    for (const tick of ticks) {
      const fetcher = await ReplayFetcher.fromFile(join(root, tick, 'manifest.json'));
      const outbox = new OutboxSink({ dir: join(resolve(opts.data), 'outbox') });
      const tickAlerts: Alert[] = [];
      const deps = localDeps(conn, fetcher, {
        ...opts,
        quiet: true,
        sink: { deliver: async (a) => (await outbox.deliver(a), void tickAlerts.push(a)) },
      });
      const summary = await runOnce(fetcher.feedUrls().map((url) => ({ url })), deps);
      for (const alert of tickAlerts) fired.push({ tick, alert });
      if (opts.json) {
        for (const alert of tickAlerts) process.stdout.write(`${JSON.stringify(firedAlertJson({ tick, alert }))}\n`);
      } else {
        process.stdout.write(`${tick}: ${summary.articlesNew} new articles, ${summary.figures} figures, ${tickAlerts.length} alerts${summary.errors.length ? `, ${summary.errors.length} errors` : ''}\n`);
        for (const a of tickAlerts) {
          const prev = a.previous === null ? 'new series' : `previous ${a.previous.toLocaleString('en-US')}`;
          process.stdout.write(`  ${seriesLabel(a.series)}: ${describeCount(a.figure)} (${prev})\n`);
        }
        for (const e of summary.errors) process.stdout.write(`  error ${e.url}: ${e.error}\n`);
      }
    }
  } finally {
    await conn.close();
  }
  if (!expected) {
    (opts.json ? process.stderr : process.stdout).write(`${fired.length} fired (no expected-alerts.jsonl to compare)\n`);
    return 0;
  }
  const cmp = compareAlerts(expected, fired);
  const out = opts.json ? process.stderr : process.stdout;
  for (const m of cmp.missing) out.write(`missing: ${JSON.stringify(m)}\n`);
  for (const x of cmp.extra) out.write(`extra: ${JSON.stringify(firedAlertJson(x))}\n`);
  out.write(`${expected.length} expected, ${fired.length} fired, ${cmp.missing.length} missing, ${cmp.extra.length} extra\n`);
  return cmp.missing.length || cmp.extra.length ? 1 : 0;
}
