import { SNSClient } from '@aws-sdk/client-sns';
import type { SQSEvent } from 'aws-lambda';
import { SnsSink } from '../../shared/alerts/sns-sink.ts';
import { extractFigures } from '../../shared/figures/extract-figures.ts';
import { processArticleBatch } from '../../shared/lambda/article-batch.ts';
import { ENV, optionalEnv, requiredEnv } from '../../shared/lambda/env.ts';
import { lazy } from '../../shared/lambda/lazy.ts';
import { observed } from '../../shared/lambda/observability.ts';
import { pipelineDepsFromEnv } from '../../shared/lambda/pipeline-deps.ts';
import { extractArticle } from '../../shared/pages/extract-article.ts';

const sns = new SNSClient({});
const deps = lazy(() =>
  pipelineDepsFromEnv({ sink: new SnsSink(sns, requiredEnv(ENV.alertTopicArn), optionalEnv(ENV.reportUrl)), extractArticle, extractFigures }),
);

/** Reads the articles of a batch, stores their figures in publication order and publishes alerts; failed records go back to the queue. */
export const handler = observed((event: SQSEvent, context) => processArticleBatch(event, deps(), context));
