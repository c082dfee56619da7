import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { S3Client } from '@aws-sdk/client-s3';
import { SQSClient } from '@aws-sdk/client-sqs';
import { ENV, requiredEnv } from '../../shared/lambda/env.ts';
import { readFeedListObject } from '../../shared/lambda/feed-list-object.ts';
import { encodeFeed } from '../../shared/lambda/messages.ts';
import { METRIC } from '../../shared/lambda/metric-names.ts';
import { logger, metrics, observed } from '../../shared/lambda/observability.ts';
import { sendInBatches } from '../../shared/lambda/send-batches.ts';

/** What the EventBridge Scheduler target sends (see infra/constructs/feed-polling.ts). */
export interface ScheduleEvent {
  scheduledTime?: string;
}

const s3 = new S3Client({});
const sqs = new SQSClient({});

/** Reads the feed list and queues one poll message per feed. */
export const handler = observed(async (event: ScheduleEvent) => {
  const feeds = await readFeedListObject(s3, requiredEnv(ENV.feedsBucket), requiredEnv(ENV.feedsKey));
  // A feed listed twice is polled once.
  const unique = [...new Map(feeds.map((feed) => [feed.url, feed])).values()];
  const scheduled = await sendInBatches(sqs, requiredEnv(ENV.pollQueueUrl), unique.map(encodeFeed));
  metrics.addMetric(METRIC.feedsScheduled, MetricUnit.Count, scheduled);
  logger.info('feeds scheduled', { scheduled, scheduledTime: event.scheduledTime });
  return { scheduled };
});
