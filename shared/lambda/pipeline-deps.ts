import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { AlertSink } from '../alerts/sink.ts';
import { HttpFetcher } from '../http/http-fetcher.ts';
import type { PipelineDeps } from '../pipeline/deps.ts';
import { DynamoStore } from '../store/dynamo-store.ts';
import { ENV, optionalEnv, requiredEnv } from './env.ts';

/** The parts that differ per function: who reads pages and who hears of alerts. */
export type Reading = Pick<PipelineDeps, 'sink' | 'extractArticle' | 'extractFigures'>;

const notHere = (what: string) => () => {
  throw new Error(`${what} reached a function that only polls feeds`);
};

/**
 * For poll-feed, which never reads pages nor raises alerts. Leaving the extractors out
 * keeps the HTML and place-name code out of its bundle; a call is a wiring bug.
 */
export const pollingOnly: Reading = {
  sink: { deliver: async () => notHere('an alert')() },
  extractArticle: notHere('article extraction'),
  extractFigures: notHere('figure extraction'),
};

/** The table named by the environment (or the embedded engine's endpoint in tests). */
export function storeFromEnv(env: NodeJS.ProcessEnv = process.env): DynamoStore {
  const endpoint = optionalEnv(ENV.dynamodbEndpoint, env);
  return new DynamoStore({ client: new DynamoDBClient(endpoint ? { endpoint } : {}), tableName: requiredEnv(ENV.tableName, env) });
}

/** The pipeline's dependencies as wired on Lambda. */
export function pipelineDepsFromEnv(reading: Reading, env: NodeJS.ProcessEnv = process.env): PipelineDeps {
  return {
    ...reading,
    fetcher: new HttpFetcher({ allowLoopback: optionalEnv(ENV.allowLoopback, env) === '1' }),
    store: storeFromEnv(env),
    now: () => new Date(),
  };
}
