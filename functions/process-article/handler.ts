import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { SNSClient } from '@aws-sdk/client-sns';
import type { SQSEvent, SQSRecord } from 'aws-lambda';
import { SnsSink } from '../../shared/alerts/sns-sink.ts';
import { extractFigures } from '../../shared/figures/extract-figures.ts';
import { ENV, optionalEnv, requiredEnv } from '../../shared/lambda/env.ts';
import { lazy } from '../../shared/lambda/lazy.ts';
import { observed } from '../../shared/lambda/observability.ts';
import { pipelineDepsFromEnv } from '../../shared/lambda/pipeline-deps.ts';
import { extractArticle } from '../../shared/pages/extract-article.ts';
import { processArticleRecord } from '../../shared/lambda/process-article-record.ts';

const processor = new BatchProcessor(EventType.SQS);
const sns = new SNSClient({});
const deps = lazy(() =>
  pipelineDepsFromEnv({ sink: new SnsSink(sns, requiredEnv(ENV.alertTopicArn), optionalEnv(ENV.reportUrl)), extractArticle, extractFigures }),
);

/** Reads the articles of a batch, stores their figures and publishes alerts; failed records go back to the queue. */
export const handler = observed((event: SQSEvent, context) =>
  processPartialResponse(event, (record: SQSRecord) => processArticleRecord(record, deps()), processor, { context, throwOnFullBatchFailure: false }),
);
