import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Figure } from '../../shared/domain/types.ts';
import { recordArticle, type ReadArticle } from '../../shared/pipeline/process-article.ts';
import type { StoreConnection } from '../../shared/store/connect.ts';
import { connectStore } from '../../shared/store/connect.ts';
import { MemorySink, memoryStore, testDeps } from '../helpers/pipeline-harness.ts';
import type { Fetcher } from '../../shared/http/fetcher.ts';

const noFetch: Fetcher = { fetch: () => Promise.reject(new Error('not used')) };

function copy(outlet: string, count: number): ReadArticle {
  const figure: Figure = { metric: 'border_crossing', count, qualifier: 'about', unit: 'people', origin: 'Russia', destination: 'Georgia', quote: `About ${count} crossed into Georgia.` };
  return {
    item: { feedUrl: `https://${outlet}/feed`, link: `https://${outlet}/story`, published: '2022-09-27T10:00:00Z' },
    article: { url: `https://${outlet}/story`, title: 'Crossings', body: figure.quote, outlet },
    figures: [figure],
  };
}

// Two workers (each its own DynamoDB client, as two Lambdas would be) process copies of
// one story at the same moment: the store's conditional write lets only one alert.
describe('syndicated copies processed concurrently by separate workers', () => {
  let a: StoreConnection;
  let b: StoreConnection;
  beforeAll(async () => {
    a = await memoryStore();
    b = await connectStore({ endpoint: a.url, tableName: a.store.tableName });
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('fire exactly one alert', async () => {
    const sinkA = new MemorySink();
    const sinkB = new MemorySink();
    const copies = ['wire.example.com', 'metro.example.net', 'herald.example.org', 'post.example.io'];
    await Promise.all(
      copies.map((outlet, i) => recordArticle(copy(outlet, 53_000 + i * 200), testDeps(i % 2 ? b : a, noFetch, i % 2 ? sinkB : sinkA))),
    );
    expect(sinkA.delivered.length + sinkB.delivered.length).toBe(1);
    const [series] = await a.store.listSeries();
    expect(series.figures).toBe(4);
    expect((await a.store.listAlerts())).toHaveLength(1);
  });
});
