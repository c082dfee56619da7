import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';
import { vi } from 'vitest';
import { ENV } from '../../shared/lambda/env.ts';
import { connectStore, type StoreConnection } from '../../shared/store/connect.ts';

/** A site on 127.0.0.1 answering fixed paths; anything else is a 404. */
export interface LocalSite {
  url(path: string): string;
  requests: string[];
  close(): Promise<void>;
}

export async function serveSite(routes: Record<string, { type: string; body: string; status?: number; delayMs?: number }>): Promise<LocalSite> {
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    requests.push(req.url ?? '');
    const route = routes[req.url ?? ''];
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    setTimeout(() => res.writeHead(route.status ?? 200, { 'content-type': route.type }).end(route.body), route.delayMs ?? 0);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', () => ok()));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: (path) => `${base}${path}`,
    requests,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}

/**
 * The embedded DynamoDB engine, with the environment a deployed function would have
 * pointing at it (plus the test-only switches). Call before importing a handler.
 */
export async function lambdaEnvironment(extra: Record<string, string> = {}): Promise<StoreConnection> {
  const tableName = `fn${Math.random().toString(36).slice(2, 8)}`;
  const conn = await connectStore({ inMemory: true, tableName });
  const endpoint = await conn.client.config.endpoint!();
  vi.stubEnv('AWS_REGION', 'us-east-1');
  vi.stubEnv('AWS_ACCESS_KEY_ID', 'local');
  vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'local');
  // Keep test output readable; the handlers' logs and metrics are not what these tests check.
  vi.stubEnv('POWERTOOLS_LOG_LEVEL', 'SILENT');
  vi.stubEnv('POWERTOOLS_METRICS_DISABLED', 'true');
  vi.stubEnv(ENV.tableName, tableName);
  vi.stubEnv(ENV.dynamodbEndpoint, `${endpoint.protocol}//${endpoint.hostname}:${endpoint.port}`);
  vi.stubEnv(ENV.allowLoopback, '1');
  for (const [k, v] of Object.entries(extra)) vi.stubEnv(k, v);
  return conn;
}

let messageCounter = 0;

/** An SQS record as the event source mapping delivers it. */
export function sqsRecord(body: string, receiveCount = 1): SQSRecord {
  const id = `0000000${++messageCounter}-aaaa-bbbb-cccc-dddddddddddd`;
  return {
    messageId: id,
    receiptHandle: `AQEB${id}`,
    body,
    attributes: {
      ApproximateReceiveCount: String(receiveCount),
      SentTimestamp: '1764590000000',
      SenderId: 'AROAEXAMPLE:poll-feed',
      ApproximateFirstReceiveTimestamp: '1764590000100',
    },
    messageAttributes: {},
    md5OfBody: 'd41d8cd98f00b204e9800998ecf8427e',
    eventSource: 'aws:sqs',
    eventSourceARN: 'arn:aws:sqs:us-east-1:123456789012:queue',
    awsRegion: 'us-east-1',
  };
}

export const sqsEvent = (...records: SQSRecord[]): SQSEvent => ({ Records: records });

export const lambdaContext = (functionName: string): Context => ({
  callbackWaitsForEmptyEventLoop: true,
  functionName,
  functionVersion: '$LATEST',
  invokedFunctionArn: `arn:aws:lambda:us-east-1:123456789012:function:${functionName}`,
  memoryLimitInMB: '512',
  awsRequestId: 'c6af9ac6-7b61-11e6-9a41-93e8deadbeef',
  logGroupName: `/aws/lambda/${functionName}`,
  logStreamName: '2026/12/01/[$LATEST]abcdef',
  getRemainingTimeInMillis: () => 30_000,
  done: () => undefined,
  fail: () => undefined,
  succeed: () => undefined,
});

export function rssFeed(items: { title: string; link: string; published: string }[]): string {
  const entries = items
    .map((i) => `<item><title>${i.title}</title><link>${i.link}</link><guid>${i.link}</guid><pubDate>${new Date(i.published).toUTCString()}</pubDate></item>`)
    .join('');
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Test wire</title><link>http://127.0.0.1/</link><description>t</description>${entries}</channel></rss>`;
}

export function articlePage(title: string, paragraphs: string[], published: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<meta property="article:published_time" content="${published}"></head>
<body><article><h1>${title}</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}</article></body></html>`;
}
