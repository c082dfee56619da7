import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import type { Context } from 'aws-lambda';
import { METRICS_NAMESPACE, SERVICE_NAME } from './metric-names.ts';

// One logger and one metrics buffer per bundle: cheap to build, shared by the record handlers.
export const logger = new Logger({ serviceName: SERVICE_NAME });
export const metrics = new Metrics({ namespace: METRICS_NAMESPACE, serviceName: SERVICE_NAME });

/**
 * Wraps a handler so every invocation logs with its request id and flushes the metrics
 * it recorded, also when it throws (metrics of a failed batch matter most).
 */
export function observed<E, R>(handler: (event: E, context: Context) => Promise<R>): (event: E, context: Context) => Promise<R> {
  return async (event, context) => {
    logger.addContext(context);
    try {
      return await handler(event, context);
    } catch (err) {
      logger.error('invocation failed', err as Error);
      throw err;
    } finally {
      // An invocation that failed before counting anything has nothing to publish (and would log a warning).
      if (metrics.hasStoredMetrics()) metrics.publishStoredMetrics();
      logger.resetKeys();
    }
  };
}
