import type { Alert } from '../../shared/domain/types.ts';
import type { AlertSink } from '../../shared/alerts/sink.ts';
import type { Fetcher } from '../../shared/http/fetcher.ts';
import type { PipelineDeps } from '../../shared/pipeline/deps.ts';
import { withExtractors } from '../../shared/pipeline/with-extractors.ts';
import { connectStore, type StoreConnection } from '../../shared/store/connect.ts';

/** Collects delivered alerts; can be told to fail, to test that nothing is lost. */
export class MemorySink implements AlertSink {
  delivered: Alert[] = [];
  failNext = 0;
  async deliver(alert: Alert): Promise<void> {
    if (this.failNext > 0) {
      this.failNext--;
      throw new Error('injected delivery failure');
    }
    this.delivered.push(alert);
  }
}

export async function memoryStore(): Promise<StoreConnection> {
  return connectStore({ inMemory: true, tableName: `t${Math.random().toString(36).slice(2, 8)}` });
}

export function testDeps(conn: StoreConnection, fetcher: Fetcher, sink: AlertSink = new MemorySink()): PipelineDeps {
  return withExtractors({ fetcher, store: conn.store, sink });
}
