import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import type { FeedItem } from '../domain/types.ts';
import type { PipelineDeps } from '../pipeline/deps.ts';
import { MAX_ARTICLE_ATTEMPTS, readArticle, recordArticle, recordArticleFailure, type ReadArticle } from '../pipeline/process-article.ts';
import { oldestFirst } from '../pipeline/reading-order.ts';
import { decodeArticle } from './messages.ts';
import { METRIC } from './metric-names.ts';
import { logger, metrics } from './observability.ts';
import { ARTICLE_MAX_RECEIVES } from './queues.ts';
import { logRecordFailure } from './record-failure.ts';

/** What reading a record's page came to, before anything is stored. */
type Prepared =
  | { kind: 'invalid'; error: Error }
  | { kind: 'settled' }
  | { kind: 'read'; read: ReadArticle }
  | { kind: 'unreadable'; item: FeedItem; error: Error };

export type ArticleRecordResult = { skipped: true } | { skipped: false; figures: number; stored: number; alerts: number };

// Records one at a time, in the order given: the order is the point.
const processor = new BatchProcessor(EventType.SQS);

/**
 * One SQS batch of articles, handled as the local run handles a read window: pages
 * are read in parallel, then stored one at a time, oldest publication first (the page's
 * own time, else the feed's), so which count of a series is new does not depend on
 * which page downloaded first. Failed records are reported for SQS to redeliver.
 */
export async function processArticleBatch(event: SQSEvent, deps: PipelineDeps, context: Context): Promise<SQSBatchResponse> {
  const items = new Map<string, FeedItem | Error>();
  for (const record of event.Records) {
    try {
      items.set(record.messageId, decodeArticle(record.body));
    } catch (err) {
      items.set(record.messageId, err as Error);
    }
  }
  const valid = [...items.values()].filter((i): i is FeedItem => !(i instanceof Error));
  // Two polls can queue the same article before it is processed; read it once.
  const settled = await deps.store.settledArticles([...new Set(valid.map((i) => i.link))], MAX_ARTICLE_ATTEMPTS);
  const reads = new Map<string, Promise<Prepared>>();
  for (const item of valid) {
    if (settled.has(item.link) || reads.has(item.link)) continue;
    reads.set(item.link, readArticle(item, deps).then((read): Prepared => ({ kind: 'read', read }), (error: Error): Prepared => ({ kind: 'unreadable', item, error })));
  }
  const prepared = new Map<string, Prepared>();
  for (const record of event.Records) {
    const item = items.get(record.messageId)!;
    prepared.set(record.messageId, item instanceof Error ? { kind: 'invalid', error: item } : settled.has(item.link) ? { kind: 'settled' } : await reads.get(item.link)!);
  }
  return processPartialResponse({ Records: publicationOrder(event.Records, prepared) }, (record: SQSRecord) => recordOne(record, prepared.get(record.messageId)!, deps), processor, {
    context,
    throwOnFullBatchFailure: false,
    processInParallel: false,
  });
}

/** Records by their article's publication time (the page's, else the feed's), as the local run orders them. */
function publicationOrder(records: SQSRecord[], prepared: Map<string, Prepared>): SQSRecord[] {
  return oldestFirst(records, (record) => {
    const p = prepared.get(record.messageId)!;
    return p.kind === 'read' ? (p.read.article.published ?? p.read.item.published) : undefined;
  });
}

async function recordOne(record: SQSRecord, prepared: Prepared, deps: PipelineDeps): Promise<ArticleRecordResult> {
  if (prepared.kind === 'invalid') {
    logRecordFailure(record, prepared.error, ARTICLE_MAX_RECEIVES);
    throw prepared.error;
  }
  if (prepared.kind === 'settled') return { skipped: true };
  const item = prepared.kind === 'read' ? prepared.read.item : prepared.item;
  try {
    if (prepared.kind === 'unreadable') throw prepared.error;
    const outcome = await recordArticle(prepared.read, deps);
    metrics.addMetric(METRIC.articlesProcessed, MetricUnit.Count, 1);
    metrics.addMetric(METRIC.figuresStored, MetricUnit.Count, outcome.stored);
    metrics.addMetric(METRIC.alertsSent, MetricUnit.Count, outcome.alerts.length);
    logger.info('article processed', { url: item.link, figures: outcome.figures, stored: outcome.stored, alerts: outcome.alerts.map((a) => a.id) });
    return { skipped: false, figures: outcome.figures, stored: outcome.stored, alerts: outcome.alerts.length };
  } catch (err) {
    // The store keeps the reason by URL (and gives up after MAX_ARTICLE_ATTEMPTS), the log by message id.
    metrics.addMetric(METRIC.articleFailures, MetricUnit.Count, 1);
    logRecordFailure(record, err, ARTICLE_MAX_RECEIVES, { url: item.link });
    await recordArticleFailure(item, (err as Error).message || String(err), deps);
    throw err;
  }
}
