import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { SQSClient } from '@aws-sdk/client-sqs';
import type { SQSRecord } from 'aws-lambda';
import type { PipelineDeps } from '../pipeline/deps.ts';
import { commitFeedPoll, pollFeed } from '../pipeline/poll-feeds.ts';
import { MAX_ARTICLE_ATTEMPTS } from '../pipeline/process-article.ts';
import { readingOrder } from '../pipeline/reading-order.ts';
import { decodeFeed, encodeArticle } from './messages.ts';
import { METRIC } from './metric-names.ts';
import { logger, metrics } from './observability.ts';
import { POLL_MAX_RECEIVES } from './queues.ts';
import { logRecordFailure } from './record-failure.ts';
import { sendInBatches } from './send-batches.ts';

export interface PollFeedWiring {
  deps: PipelineDeps;
  sqs: SQSClient;
  articleQueueUrl: string;
}

/**
 * Polls one feed and queues its articles that the store has not settled, oldest first.
 * A feed that fails to answer is recorded in the store and counted, not retried: the
 * next schedule polls it again. Only store or queue faults fail the record.
 */
export async function pollFeedRecord(record: SQSRecord, wiring: PollFeedWiring): Promise<{ queued: number; error?: string }> {
  try {
    return await pollAndQueue(record, wiring);
  } catch (err) {
    logRecordFailure(record, err, POLL_MAX_RECEIVES);
    throw err;
  }
}

async function pollAndQueue(record: SQSRecord, wiring: PollFeedWiring): Promise<{ queued: number; error?: string }> {
  const feed = decodeFeed(record.body);
  const result = await pollFeed(feed, wiring.deps);
  metrics.addMetric(METRIC.feedsPolled, MetricUnit.Count, 1);
  if (result.error) {
    metrics.addMetric(METRIC.feedFailures, MetricUnit.Count, 1);
    logger.warn('feed failed', { feed: feed.url, error: result.error, messageId: record.messageId });
    return { queued: 0, error: result.error };
  }
  const settled = await wiring.deps.store.settledArticles(result.items.map((item) => item.link), MAX_ARTICLE_ATTEMPTS);
  const fresh = readingOrder(result.items.filter((item) => !settled.has(item.link)));
  if (fresh.length > 0) await sendInBatches(wiring.sqs, wiring.articleQueueUrl, fresh.map(encodeArticle));
  await commitFeedPoll(result, wiring.deps);
  metrics.addMetric(METRIC.articlesQueued, MetricUnit.Count, fresh.length);
  // Most polls find nothing; at 10,000 feeds an info line each would be most of the log bill.
  const log = fresh.length > 0 ? logger.info.bind(logger) : logger.debug.bind(logger);
  log('feed polled', { feed: feed.url, items: result.items.length, queued: fresh.length, notModified: result.notModified });
  return { queued: fresh.length };
}
