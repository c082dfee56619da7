import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ENV } from '../../shared/lambda/env.ts';
import { logger } from '../../shared/lambda/observability.ts';
import type { StoreConnection } from '../../shared/store/connect.ts';
import { lambdaContext, lambdaEnvironment, rssFeed, serveSite, sqsEvent, sqsRecord, type LocalSite } from './harness.ts';

const sqs = mockClient(SQSClient);
const ARTICLE_QUEUE = 'https://sqs.us-east-1.amazonaws.com/123456789012/articles';
let conn: StoreConnection;
let site: LocalSite;
let handler: typeof import('../../functions/poll-feed/handler.ts').handler;

describe('poll-feed handler', () => {
  beforeAll(async () => {
    site = await serveSite({
      '/wire.xml': {
        type: 'application/rss+xml',
        // Listed newest first, as feeds usually are.
        body: rssFeed([
          { title: 'Third', link: 'http://127.0.0.1/third', published: '2026-11-30T12:00:00Z' },
          { title: 'First', link: 'http://127.0.0.1/first', published: '2026-11-28T12:00:00Z' },
          { title: 'Second', link: 'http://127.0.0.1/second', published: '2026-11-29T12:00:00Z' },
        ]),
      },
      '/broken.xml': { type: 'text/plain', body: 'upstream down', status: 503 },
    });
    conn = await lambdaEnvironment({ [ENV.articleQueueUrl]: ARTICLE_QUEUE });
    ({ handler } = await import('../../functions/poll-feed/handler.ts'));
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await site.close();
    await conn.close();
  });
  beforeEach(() => {
    sqs.reset();
    sqs.on(SendMessageBatchCommand).resolves({ Failed: [] });
  });

  it('queues the articles the store has not settled, oldest first', async () => {
    await conn.store.putArticleState({ url: 'http://127.0.0.1/second', status: 'done', attempts: 1, processedAt: '2026-11-29T13:00:00Z' });
    const out = await handler(sqsEvent(sqsRecord(JSON.stringify({ url: site.url('/wire.xml') }))), lambdaContext('poll-feed'));
    expect(out).toEqual({ batchItemFailures: [] });
    const calls = sqs.commandCalls(SendMessageBatchCommand).map((c) => c.args[0].input);
    expect(calls).toHaveLength(1);
    expect(calls[0].QueueUrl).toBe(ARTICLE_QUEUE);
    const queued = calls[0].Entries!.map((e) => JSON.parse(e.MessageBody!));
    expect(queued.map((q) => q.link)).toEqual(['http://127.0.0.1/first', 'http://127.0.0.1/third']);
    expect(queued[0].feedUrl).toBe(site.url('/wire.xml'));
    expect((await conn.store.getFeedState(site.url('/wire.xml')))?.itemsSeen).toBe(3);
  });

  it('reports only the malformed record as failed; a failing feed is recorded, not retried', async () => {
    const good = sqsRecord(JSON.stringify({ url: site.url('/wire.xml') }));
    const malformed = sqsRecord('{"url": "not a url"}');
    const down = sqsRecord(JSON.stringify({ url: site.url('/broken.xml'), name: 'Broken wire' }));
    const logged = vi.spyOn(logger, 'error');
    const out = await handler(sqsEvent(good, malformed, down), lambdaContext('poll-feed'));
    expect(out.batchItemFailures).toEqual([{ itemIdentifier: malformed.messageId }]);
    expect(logged).toHaveBeenCalledWith('record failed', expect.objectContaining({ messageId: malformed.messageId, error: expect.stringMatching(/url is not an http\(s\) URL/) }));
    logged.mockRestore();
    const health = await conn.store.getFeedState(site.url('/broken.xml'));
    expect(health).toMatchObject({ name: 'Broken wire', consecutiveFailures: 1 });
    expect(health?.lastError).toMatch(/503/);
  });

  it('fails the record when its articles cannot be queued, so the poll is retried', async () => {
    sqs.on(SendMessageBatchCommand).rejects(new Error('AWS.SimpleQueueService.NonExistentQueue'));
    await conn.store.putFeedState({ url: site.url('/wire.xml'), consecutiveFailures: 0 }); // forget validators: a full fetch
    const record = sqsRecord(JSON.stringify({ url: site.url('/wire.xml') }));
    const out = await handler(sqsEvent(record), lambdaContext('poll-feed'));
    expect(out.batchItemFailures).toEqual([{ itemIdentifier: record.messageId }]);
  });
});
