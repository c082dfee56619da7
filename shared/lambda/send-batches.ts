import { SendMessageBatchCommand, type SQSClient } from '@aws-sdk/client-sqs';
import pLimit from 'p-limit';

/** SQS takes at most 10 messages per SendMessageBatch call. */
export const SQS_BATCH_SIZE = 10;
/** Entries SQS reports as failed (throttling, a transient fault) are sent again this often. */
const RESENDS = 2;

/**
 * Sends message bodies in batches of ten, a few batches at a time, and resends the
 * entries a batch reports as failed. Throws when some still fail, naming how many,
 * so the caller's invocation fails and is retried rather than dropping work silently.
 */
export async function sendInBatches(sqs: SQSClient, queueUrl: string, bodies: readonly string[], parallel = 8): Promise<number> {
  const limit = pLimit(parallel);
  const chunks: string[][] = [];
  for (let i = 0; i < bodies.length; i += SQS_BATCH_SIZE) chunks.push(bodies.slice(i, i + SQS_BATCH_SIZE));
  const failed = await Promise.all(chunks.map((chunk) => limit(() => sendChunk(sqs, queueUrl, chunk))));
  const lost = failed.reduce((sum, n) => sum + n, 0);
  if (lost > 0) throw new Error(`${lost} of ${bodies.length} messages could not be sent to ${queueUrl}`);
  return bodies.length;
}

async function sendChunk(sqs: SQSClient, queueUrl: string, chunk: string[]): Promise<number> {
  let pending = chunk.map((body, i) => ({ Id: String(i), MessageBody: body }));
  for (let attempt = 0; attempt <= RESENDS && pending.length > 0; attempt++) {
    const out = await sqs.send(new SendMessageBatchCommand({ QueueUrl: queueUrl, Entries: pending }));
    const failedIds = new Set((out.Failed ?? []).map((f) => f.Id));
    pending = pending.filter((entry) => failedIds.has(entry.Id));
  }
  return pending.length;
}
