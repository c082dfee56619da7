import { gunzipSync } from 'node:zlib';
import type { LambdaFunctionURLEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { seriesOf } from '../../shared/alerts/series.ts';
import type { StoreConnection } from '../../shared/store/connect.ts';
import { lambdaContext, lambdaEnvironment } from './harness.ts';

let conn: StoreConnection;
let handler: typeof import('../../functions/report/handler.ts').handler;

/** A request to the function URL as Lambda hands it over (payload format 2.0). */
function urlEvent(method: string, headers: Record<string, string> = {}): LambdaFunctionURLEvent {
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: '/',
    rawQueryString: '',
    headers: { host: 'abc123.lambda-url.us-east-1.on.aws', ...headers },
    requestContext: {
      accountId: '123456789012',
      apiId: 'abc123',
      domainName: 'abc123.lambda-url.us-east-1.on.aws',
      domainPrefix: 'abc123',
      http: { method, path: '/', protocol: 'HTTP/1.1', sourceIp: '203.0.113.9', userAgent: 'curl/8' },
      requestId: 'r1',
      routeKey: '$default',
      stage: '$default',
      time: '01/Dec/2026:12:00:00 +0000',
      timeEpoch: 1764590400000,
    },
    isBase64Encoded: false,
  };
}

describe('report handler', () => {
  beforeAll(async () => {
    conn = await lambdaEnvironment();
    const figure = { metric: 'border_crossing' as const, count: 9_000, qualifier: 'exact' as const, unit: 'people', origin: 'Russia', destination: 'Finland', quote: 'q' };
    const series = seriesOf(figure);
    await conn.store.recordFigure({ id: 'f1', seriesKey: series.key, figure, source: { articleUrl: 'https://news.example/a' }, storedAt: '2026-11-30T00:00:00Z' }, series);
    ({ handler } = await import('../../functions/report/handler.ts'));
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await conn.close();
  });

  it('renders the report from the table as HTML', async () => {
    const out = await handler(urlEvent('GET'), lambdaContext('report'));
    expect(out).toMatchObject({ statusCode: 200, headers: { 'content-type': 'text/html; charset=utf-8' } });
    expect(typeof out === 'object' && out.body).toMatch(/<html/i);
  });

  it('compresses the page for clients that accept gzip', async () => {
    const out = await handler(urlEvent('GET', { 'accept-encoding': 'gzip, deflate, br' }), lambdaContext('report'));
    if (typeof out !== 'object') throw new Error('expected a structured response');
    expect(out.isBase64Encoded).toBe(true);
    expect(out.headers?.['content-encoding']).toBe('gzip');
    expect(gunzipSync(Buffer.from(out.body!, 'base64')).toString('utf8')).toMatch(/<html/i);
  });

  it('answers 405 to anything but GET and HEAD', async () => {
    const out = await handler(urlEvent('POST'), lambdaContext('report'));
    expect(out).toMatchObject({ statusCode: 405 });
  });
});
