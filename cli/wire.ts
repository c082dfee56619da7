import { join, resolve } from 'node:path';
import { OutboxSink } from '../shared/alerts/outbox-sink.ts';
import type { AlertSink } from '../shared/alerts/sink.ts';
import type { Fetcher } from '../shared/http/fetcher.ts';
import type { PipelineDeps, ProgressEvent } from '../shared/pipeline/deps.ts';
import { withExtractors } from '../shared/pipeline/with-extractors.ts';
import { connectStore, type StoreConnection } from '../shared/store/connect.ts';

export interface LocalOptions {
  data: string;
  endpoint?: string;
}

export async function openLocalStore(opts: LocalOptions): Promise<StoreConnection> {
  return connectStore({ dataDir: resolve(opts.data), endpoint: opts.endpoint });
}

/** The local pipeline: embedded (or given) store, .eml outbox under the data folder. */
export function localDeps(
  conn: StoreConnection,
  fetcher: Fetcher,
  opts: LocalOptions & { onProgress?: (e: ProgressEvent) => void; quiet?: boolean; concurrency?: number; sink?: AlertSink },
): PipelineDeps {
  const sink =
    opts.sink ??
    new OutboxSink({
      dir: join(resolve(opts.data), 'outbox'),
      onDeliver: (_alert, subject, file) => {
        if (!opts.quiet) process.stderr.write(`ALERT ${subject}\n      -> ${file}\n`);
      },
    });
  return withExtractors({ fetcher, store: conn.store, sink, onProgress: opts.onProgress, concurrency: opts.concurrency });
}
