import { gzipSync } from 'node:zlib';
import type { LambdaFunctionURLEvent, LambdaFunctionURLResult } from 'aws-lambda';
import { loadReportInput, renderReport } from '../report/render-report.ts';
import type { Store } from '../store/store.ts';

/**
 * The report page for a function URL request. Compressed when the client accepts it,
 * since a function URL response is capped at 6 MB and the page grows with the store.
 */
export async function reportResponse(event: LambdaFunctionURLEvent, store: Store, now = new Date()): Promise<LambdaFunctionURLResult> {
  const method = event.requestContext.http.method;
  if (method !== 'GET' && method !== 'HEAD') return { statusCode: 405, headers: { allow: 'GET, HEAD' }, body: 'method not allowed' };
  const html = renderReport(await loadReportInput(store, now));
  const headers = { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' };
  if (/\bgzip\b/.test(event.headers['accept-encoding'] ?? '')) {
    return { statusCode: 200, headers: { ...headers, 'content-encoding': 'gzip' }, body: gzipSync(html).toString('base64'), isBase64Encoded: true };
  }
  return { statusCode: 200, headers, body: html };
}
