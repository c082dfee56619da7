import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { SQSClient } from '@aws-sdk/client-sqs';
import type { SQSEvent, SQSRecord } from 'aws-lambda';
import { ENV, requiredEnv } from '../../shared/lambda/env.ts';
import { lazy } from '../../shared/lambda/lazy.ts';
import { observed } from '../../shared/lambda/observability.ts';
import { pipelineDepsFromEnv, pollingOnly } from '../../shared/lambda/pipeline-deps.ts';
import { pollFeedRecord } from '../../shared/lambda/poll-feed-record.ts';

const processor = new BatchProcessor(EventType.SQS);
const sqs = new SQSClient({});
const wiring = lazy(() => ({ deps: pipelineDepsFromEnv(pollingOnly), sqs, articleQueueUrl: requiredEnv(ENV.articleQueueUrl) }));

/** Polls the feeds of a batch in parallel; failed records go back to the queue. */
export const handler = observed((event: SQSEvent, context) =>
  processPartialResponse(event, (record: SQSRecord) => pollFeedRecord(record, wiring()), processor, { context, throwOnFullBatchFailure: false }),
);
