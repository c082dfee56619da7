import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ENV } from '../../shared/lambda/env.ts';
import { logger } from '../../shared/lambda/observability.ts';
import { MAX_ARTICLE_ATTEMPTS } from '../../shared/pipeline/process-article.ts';
import type { StoreConnection } from '../../shared/store/connect.ts';
import { articlePage, lambdaContext, lambdaEnvironment, serveSite, sqsEvent, sqsRecord, type LocalSite } from './harness.ts';

const sns = mockClient(SNSClient);
const TOPIC = 'arn:aws:sns:us-east-1:123456789012:alerts';
const REPORT = 'https://abc123.lambda-url.us-east-1.on.aws/';
let conn: StoreConnection;
let site: LocalSite;
let handler: typeof import('../../functions/process-article/handler.ts').handler;

const page = (count: string, into = 'Finland from Russia', published = '2026-11-30T09:00:00Z') =>
  articlePage(
    'Crossings continue at the border',
    [
      'The border guard gave an update on Tuesday morning.',
      `About ${count} people have crossed into ${into} since the announcement, the guard said.`,
      'Queues at the checkpoints were several kilometres long.',
    ],
    published,
  );
const item = (path: string, published = '2026-11-30T09:00:00Z') => JSON.stringify({ feedUrl: site.url('/wire.xml'), link: site.url(path), title: 'Crossings', published });

describe('process-article handler', () => {
  beforeAll(async () => {
    site = await serveSite({
      '/a/first': { type: 'text/html; charset=utf-8', body: page('17,000') },
      '/a/second': { type: 'text/html; charset=utf-8', body: page('43,000') },
      '/a/third': { type: 'text/html; charset=utf-8', body: page('66,000') },
      // Same series, the older story on the slower server.
      '/b/newer': { type: 'text/html; charset=utf-8', body: page('5,000', 'Norway from Finland', '2026-11-30T08:00:00Z') },
      '/b/older': { type: 'text/html; charset=utf-8', body: page('2,000', 'Norway from Finland', '2026-11-28T08:00:00Z'), delayMs: 300 },
    });
    conn = await lambdaEnvironment({ [ENV.alertTopicArn]: TOPIC, [ENV.reportUrl]: REPORT });
    ({ handler } = await import('../../functions/process-article/handler.ts'));
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await site.close();
    await conn.close();
  });
  beforeEach(() => {
    sns.reset();
    sns.on(PublishCommand).resolves({ MessageId: 'm' });
  });

  it('stores the figures, publishes the alert with its attributes and fails only the missing page', async () => {
    const good = sqsRecord(item('/a/first'));
    const missing = sqsRecord(item('/a/gone'));
    const logged = vi.spyOn(logger, 'error');
    const out = await handler(sqsEvent(good, missing), lambdaContext('process-article'));
    expect(out.batchItemFailures).toEqual([{ itemIdentifier: missing.messageId }]);
    // The reason stays findable by message id, should the message reach the dead-letter queue.
    expect(logged).toHaveBeenCalledWith('record failed', expect.objectContaining({ messageId: missing.messageId, url: site.url('/a/gone'), deadLetter: false }));
    logged.mockRestore();

    const published = sns.commandCalls(PublishCommand).map((c) => c.args[0].input);
    expect(published).toHaveLength(1);
    expect(published[0].TopicArn).toBe(TOPIC);
    expect(published[0].MessageAttributes?.destination.StringValue).toBe('Finland');
    expect(published[0].Message).toContain(REPORT);
    expect((await conn.store.listFigures()).map((f) => f.figure.count)).toEqual([17_000]);
    expect(await conn.store.getArticleState(site.url('/a/first'))).toMatchObject({ status: 'done' });
    expect(await conn.store.getArticleState(site.url('/a/gone'))).toMatchObject({ status: 'failed', attempts: 1 });
  });

  it('skips an article already processed (queued twice by two polls)', async () => {
    const before = site.requests.length;
    const out = await handler(sqsEvent(sqsRecord(item('/a/first'))), lambdaContext('process-article'));
    expect(out.batchItemFailures).toEqual([]);
    expect(site.requests.length).toBe(before);
    expect(sns.commandCalls(PublishCommand)).toHaveLength(0);
  });

  it('a failed publish fails the record; the redelivery sends the alert the store kept', async () => {
    sns.on(PublishCommand).rejectsOnce(new Error('Throttling')).resolves({ MessageId: 'm' });
    const record = sqsRecord(item('/a/second'));
    expect((await handler(sqsEvent(record), lambdaContext('process-article'))).batchItemFailures).toEqual([{ itemIdentifier: record.messageId }]);
    const again = await handler(sqsEvent(sqsRecord(item('/a/second'), 2)), lambdaContext('process-article'));
    expect(again.batchItemFailures).toEqual([]);
    const published = sns.commandCalls(PublishCommand).map((c) => c.args[0].input);
    expect(published).toHaveLength(2);
    expect(published[1].Subject).toBe(published[0].Subject);
    expect((await conn.store.listFigures()).map((f) => f.figure.count).sort()).toEqual([17_000, 43_000]);
  });

  it(`gives an article up after ${MAX_ARTICLE_ATTEMPTS} failed receives`, async () => {
    const logged = vi.spyOn(logger, 'error');
    for (let receive = 1; receive <= MAX_ARTICLE_ATTEMPTS; receive++) {
      const record = sqsRecord(item('/a/never'), receive);
      expect((await handler(sqsEvent(record), lambdaContext('process-article'))).batchItemFailures).toHaveLength(1);
      expect(logged).toHaveBeenLastCalledWith('record failed', expect.objectContaining({ messageId: record.messageId, deadLetter: receive === MAX_ARTICLE_ATTEMPTS }));
    }
    logged.mockRestore();
    const settled = await conn.store.settledArticles([site.url('/a/never')], MAX_ARTICLE_ATTEMPTS);
    expect(settled.has(site.url('/a/never'))).toBe(true);
    // Queued again by a later poll: skipped without fetching.
    const before = site.requests.length;
    expect((await handler(sqsEvent(sqsRecord(item('/a/never'))), lambdaContext('process-article'))).batchItemFailures).toEqual([]);
    expect(site.requests.length).toBe(before);
  });

  it('stores a batch oldest publication first, whatever order the messages and downloads come in', async () => {
    const newer = sqsRecord(item('/b/newer', '2026-11-30T08:00:00Z'));
    const older = sqsRecord(item('/b/older', '2026-11-28T08:00:00Z'));
    expect((await handler(sqsEvent(newer, older), lambdaContext('process-article'))).batchItemFailures).toEqual([]);
    const norway = (await conn.store.listAlerts()).filter((a) => a.series.destination === 'Norway');
    const byCount = new Map(norway.map((a) => [a.figure.count, a]));
    expect(byCount.get(2_000)?.previous).toBeNull();
    expect(byCount.get(5_000)?.previous).toBe(2_000);
    const subjects = sns.commandCalls(PublishCommand).map((c) => c.args[0].input.Subject ?? '');
    expect(subjects.findIndex((s) => s.includes('2,000'))).toBeLessThan(subjects.findIndex((s) => s.includes('5,000')));
  });

  it('fails a record whose body is not an article message', async () => {
    const bad = sqsRecord('{"link": 42}');
    const ok = sqsRecord(item('/a/third'));
    const out = await handler(sqsEvent(bad, ok), lambdaContext('process-article'));
    expect(out.batchItemFailures).toEqual([{ itemIdentifier: bad.messageId }]);
  });
});
