import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Figure } from '../../shared/domain/types.ts';
import { replayTimeline } from '../../shared/pipeline/replay-timeline.ts';
import { compareAlerts, readExpectedAlerts } from '../../shared/pipeline/timeline.ts';
import { MemorySink, memoryStore, testDeps } from '../helpers/pipeline-harness.ts';
import { hasShared, sharedDir, warnIfNoShared } from '../helpers/paths.ts';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import type { ReplayFetcher } from '../../shared/http/replay-fetcher.ts';

// The series and alert machinery checked on its own: the labelled figures stand in for
// the extractor, so any difference from expected-alerts.jsonl is the pipeline's fault
// (reading order, the 2% rule, series keys, seen items), not extraction's.
warnIfNoShared('alert rules over labelled timelines');
const corpus = join(sharedDir, 'corpus');
const timelinesDir = join(corpus, 'timelines');
const timelines = hasShared && existsSync(timelinesDir) ? readdirSync(timelinesDir).filter((n) => existsSync(join(timelinesDir, n, 'expected-alerts.jsonl'))) : [];

describe.skipIf(!hasShared)('alert rules with labelled figures as the extractor', () => {
  const labels = new Map<string, Figure[]>();
  if (hasShared) {
    for (const line of readFileSync(join(corpus, 'labels.jsonl'), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const { file, ...figure } = JSON.parse(line);
      if (figure.metric) labels.set(file, [...(labels.get(file) ?? []), figure as Figure]);
    }
  }

  it.each(timelines)('%s', async (name) => {
    const dir = join(timelinesDir, name);
    const conn = await memoryStore();
    try {
      const fired = await replayTimeline(
        dir,
        (fetcher, sink) => {
          const deps = testDeps(conn, fetcher, sink);
          const replay = fetcher as ReplayFetcher;
          return { ...deps, extractFigures: (article) => labels.get(basename(replay.fileFor(article.url) ?? '')) ?? [] };
        },
        new MemorySink(),
      );
      const cmp = compareAlerts((await readExpectedAlerts(dir))!, fired);
      expect({ missing: cmp.missing, extra: cmp.extra.map((x) => [x.tick, x.alert.series.key, x.alert.figure.count]) }).toEqual({ missing: [], extra: [] });
    } finally {
      await conn.close();
    }
  }, 60_000);
});
