import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { SQSRecord } from 'aws-lambda';
import type { PipelineDeps } from '../pipeline/deps.ts';
import { MAX_ARTICLE_ATTEMPTS, readArticle, recordArticle, recordArticleFailure } from '../pipeline/process-article.ts';
import { decodeArticle } from './messages.ts';
import { METRIC } from './metric-names.ts';
import { logger, metrics } from './observability.ts';
import { ARTICLE_MAX_RECEIVES } from './queues.ts';

export type ArticleRecordResult = { skipped: true } | { skipped: false; figures: number; stored: number; alerts: number };

/**
 * Reads one queued article, stores its figures and delivers their alerts. A failure is
 * recorded in the store and logged with the message id (a dead-letter message has no
 * room for its reason), then rethrown so SQS redelivers the message; a redelivery also
 * re-sends alerts whose delivery did not finish, which the store hands back.
 */
export async function processArticleRecord(record: SQSRecord, deps: PipelineDeps): Promise<ArticleRecordResult> {
  const item = decodeArticle(record.body);
  // Two polls can queue the same article before it is processed; read it once.
  if ((await deps.store.settledArticles([item.link], MAX_ARTICLE_ATTEMPTS)).has(item.link)) return { skipped: true };
  try {
    const outcome = await recordArticle(await readArticle(item, deps), deps);
    metrics.addMetric(METRIC.articlesProcessed, MetricUnit.Count, 1);
    metrics.addMetric(METRIC.figuresStored, MetricUnit.Count, outcome.stored);
    metrics.addMetric(METRIC.alertsSent, MetricUnit.Count, outcome.alerts.length);
    logger.info('article processed', { url: item.link, figures: outcome.figures, stored: outcome.stored, alerts: outcome.alerts.map((a) => a.id) });
    return { skipped: false, figures: outcome.figures, stored: outcome.stored, alerts: outcome.alerts.length };
  } catch (err) {
    const error = (err as Error).message || String(err);
    const receives = Number(record.attributes.ApproximateReceiveCount);
    metrics.addMetric(METRIC.articleFailures, MetricUnit.Count, 1);
    logger.error('article failed', {
      messageId: record.messageId,
      url: item.link,
      error,
      receives,
      deadLetter: receives >= ARTICLE_MAX_RECEIVES,
    });
    await recordArticleFailure(item, error, deps);
    throw err;
  }
}
