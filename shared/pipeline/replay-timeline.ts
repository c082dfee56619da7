import { join, resolve } from 'node:path';
import type { Alert } from '../domain/types.ts';
import type { AlertSink } from '../alerts/sink.ts';
import type { Fetcher } from '../http/fetcher.ts';
import { ReplayFetcher } from '../http/replay-fetcher.ts';
import type { PipelineDeps } from './deps.ts';
import { runOnce, type RunSummary } from './run-once.ts';
import { listTicks, type FiredAlert } from './timeline.ts';

export interface TickResult {
  tick: string;
  summary: RunSummary;
  alerts: Alert[];
}

/**
 * Runs a timeline's ticks in order against one store: each tick's feeds and pages are
 * answered from its manifest through the same fetcher seam and pipeline as a live run.
 * `depsFor` wires the pipeline for a tick's fetcher and a sink that records the tick.
 */
export async function replayTimeline(
  dir: string,
  depsFor: (fetcher: Fetcher, sink: AlertSink) => PipelineDeps,
  sink: AlertSink,
  onTick?: (result: TickResult) => void,
): Promise<FiredAlert[]> {
  const root = resolve(dir);
  const fired: FiredAlert[] = [];
  for (const tick of await listTicks(root)) {
    const fetcher = await ReplayFetcher.fromFile(join(root, tick, 'manifest.json'));
    const alerts: Alert[] = [];
    const recording: AlertSink = {
      deliver: async (a) => {
        await sink.deliver(a);
        alerts.push(a);
      },
    };
    const summary = await runOnce(fetcher.feedUrls().map((url) => ({ url })), depsFor(fetcher, recording), { order: 'tick' });
    for (const alert of alerts) fired.push({ tick, alert });
    onTick?.({ tick, summary, alerts });
  }
  return fired;
}
