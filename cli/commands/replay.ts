import { join, resolve } from 'node:path';
import { OutboxSink } from '../../shared/alerts/outbox-sink.ts';
import { describeCount } from '../../shared/alerts/render-email.ts';
import { seriesLabel } from '../../shared/alerts/series.ts';
import { replayTimeline, type TickResult } from '../../shared/pipeline/replay-timeline.ts';
import { compareAlerts, firedAlertJson, readExpectedAlerts } from '../../shared/pipeline/timeline.ts';
import { localDeps, openLocalStore } from '../wire.ts';

export interface ReplayOptions {
  data: string;
  endpoint?: string;
  json?: boolean;
}

function printTick({ tick, summary, alerts }: TickResult, json: boolean | undefined): void {
  if (json) {
    for (const alert of alerts) process.stdout.write(`${JSON.stringify(firedAlertJson({ tick, alert }))}\n`);
    return;
  }
  process.stdout.write(
    `${tick}: ${summary.articlesNew} new articles, ${summary.figures} figures, ${alerts.length} alerts${summary.errors.length ? `, ${summary.errors.length} errors` : ''}\n`,
  );
  for (const a of alerts) {
    const prev = a.previous === null ? 'new series' : `previous ${a.previous.toLocaleString('en-US')}`;
    process.stdout.write(`  ${seriesLabel(a.series)}: ${describeCount(a.figure)} (${prev})\n`);
  }
  for (const e of summary.errors) process.stdout.write(`  error ${e.url}: ${e.error}\n`);
}

/** `monitor replay`: a timeline's ticks against one store, compared with its expected alerts. */
export async function replayCommand(dir: string, opts: ReplayOptions): Promise<number> {
  const root = resolve(dir);
  const expected = await readExpectedAlerts(root);
  const conn = await openLocalStore(opts);
  let fired;
  try {
    const outbox = new OutboxSink({ dir: join(resolve(opts.data), 'outbox') });
    fired = await replayTimeline(root, (fetcher, sink) => localDeps(conn, fetcher, { ...opts, quiet: true, sink }), outbox, (r) => printTick(r, opts.json));
  } finally {
    await conn.close();
  }
  const out = opts.json ? process.stderr : process.stdout;
  if (!expected) {
    out.write(`${fired.length} fired (no expected-alerts.jsonl to compare)\n`);
    return 0;
  }
  const cmp = compareAlerts(expected, fired);
  for (const m of cmp.missing) out.write(`missing: ${JSON.stringify(m)}\n`);
  for (const x of cmp.extra) out.write(`extra: ${JSON.stringify(firedAlertJson(x))}\n`);
  out.write(`${expected.length} expected, ${fired.length} fired, ${cmp.missing.length} missing, ${cmp.extra.length} extra\n`);
  return cmp.missing.length || cmp.extra.length ? 1 : 0;
}
