import type { SQSRecord } from 'aws-lambda';
import { logger } from './observability.ts';

/**
 * Logs why a queue record failed, under its SQS message id: a dead-letter message has
 * no room for its reason, so this line is where an operator finds it (CloudWatch Logs
 * Insights: filter messageId = "..."). `deadLetter` marks the last attempt.
 */
export function logRecordFailure(record: SQSRecord, err: unknown, maxReceives: number, context: Record<string, unknown> = {}): void {
  const receives = Number(record.attributes.ApproximateReceiveCount);
  logger.error('record failed', {
    messageId: record.messageId,
    error: (err as Error)?.message || String(err),
    receives,
    deadLetter: receives >= maxReceives,
    ...context,
  });
}
