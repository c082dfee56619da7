import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ENV } from '../../shared/lambda/env.ts';
import { lambdaContext } from './harness.ts';

const s3 = mockClient(S3Client);
const sqs = mockClient(SQSClient);
const feedList = (text: string) => ({ Body: { transformToString: async () => text } }) as never;
// What the EventBridge Scheduler target of the stack sends.
const scheduleEvent = { scheduledTime: '2026-12-01T12:05:00Z' };
let handler: typeof import('../../functions/schedule-feeds/handler.ts').handler;

describe('schedule-feeds handler', () => {
  beforeAll(async () => {
    vi.stubEnv('AWS_REGION', 'us-east-1');
    vi.stubEnv('POWERTOOLS_LOG_LEVEL', 'SILENT');
    vi.stubEnv('POWERTOOLS_METRICS_DISABLED', 'true');
    vi.stubEnv(ENV.feedsBucket, 'feeds-bucket');
    vi.stubEnv(ENV.feedsKey, 'feeds.txt');
    vi.stubEnv(ENV.pollQueueUrl, 'https://sqs.us-east-1.amazonaws.com/123456789012/poll');
    ({ handler } = await import('../../functions/schedule-feeds/handler.ts'));
  });
  afterAll(() => vi.unstubAllEnvs());
  beforeEach(() => {
    s3.reset();
    sqs.reset();
  });

  it('queues one message per feed, ten per SendMessageBatch call', async () => {
    const urls = Array.from({ length: 23 }, (_, i) => `https://news${i}.example/rss`);
    s3.on(GetObjectCommand, { Bucket: 'feeds-bucket', Key: 'feeds.txt' }).resolves(feedList(`# test list\n${urls.join('\n')}\n`));
    sqs.on(SendMessageBatchCommand).resolves({ Successful: [], Failed: [] });
    const out = await handler(scheduleEvent, lambdaContext('schedule-feeds'));
    expect(out).toEqual({ scheduled: 23 });
    const calls = sqs.commandCalls(SendMessageBatchCommand).map((c) => c.args[0].input);
    expect(calls.map((c) => c.Entries!.length).sort()).toEqual([10, 10, 3]);
    expect(calls.every((c) => c.QueueUrl === 'https://sqs.us-east-1.amazonaws.com/123456789012/poll')).toBe(true);
    const sent = calls.flatMap((c) => c.Entries!.map((e) => JSON.parse(e.MessageBody!).url));
    expect(sent.sort()).toEqual([...urls].sort());
  });

  it('queues a feed listed twice once', async () => {
    s3.on(GetObjectCommand).resolves(feedList('https://a.example/rss\nhttps://b.example/rss\nhttps://a.example/rss\n'));
    sqs.on(SendMessageBatchCommand).resolves({ Failed: [] });
    expect(await handler(scheduleEvent, lambdaContext('schedule-feeds'))).toEqual({ scheduled: 2 });
  });

  it('resends the entries SQS reports as failed', async () => {
    s3.on(GetObjectCommand).resolves(feedList('https://a.example/rss\nhttps://b.example/rss\n'));
    sqs
      .on(SendMessageBatchCommand)
      .resolvesOnce({ Failed: [{ Id: '1', SenderFault: false, Code: 'InternalError' }] })
      .resolves({ Failed: [] });
    await handler(scheduleEvent, lambdaContext('schedule-feeds'));
    const calls = sqs.commandCalls(SendMessageBatchCommand).map((c) => c.args[0].input);
    expect(calls).toHaveLength(2);
    expect(calls[1].Entries!.map((e) => JSON.parse(e.MessageBody!).url)).toEqual(['https://b.example/rss']);
  });

  it('fails the invocation when entries keep failing, instead of dropping feeds', async () => {
    s3.on(GetObjectCommand).resolves(feedList('https://a.example/rss\n'));
    sqs.on(SendMessageBatchCommand).resolves({ Failed: [{ Id: '0', SenderFault: false, Code: 'InternalError' }] });
    await expect(handler(scheduleEvent, lambdaContext('schedule-feeds'))).rejects.toThrow(/1 of 1 messages could not be sent/);
  });

  it('rejects a feed list with a line that is not a URL, naming the line', async () => {
    s3.on(GetObjectCommand).resolves(feedList('https://a.example/rss\nftp://nope\n'));
    await expect(handler(scheduleEvent, lambdaContext('schedule-feeds'))).rejects.toThrow(/:2: not an http\(s\) URL/);
    expect(sqs.commandCalls(SendMessageBatchCommand)).toHaveLength(0);
  });
});
