import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { AlertSink } from '../alerts/sink.ts';
import { extractFigures } from '../figures/extract-figures.ts';
import { HttpFetcher } from '../http/http-fetcher.ts';
import { extractArticle } from '../pages/extract-article.ts';
import type { PipelineDeps } from '../pipeline/deps.ts';
import { DynamoStore } from '../store/dynamo-store.ts';
import { ENV, optionalEnv, requiredEnv } from './env.ts';

/** For functions that never raise alerts: a delivery reaching it is a wiring bug. */
export const noAlerts: AlertSink = {
  deliver: async (alert) => {
    throw new Error(`alert ${alert.id} reached a function without an alert sink`);
  },
};

/** The table named by the environment (or the embedded engine's endpoint in tests). */
export function storeFromEnv(env: NodeJS.ProcessEnv = process.env): DynamoStore {
  const endpoint = optionalEnv(ENV.dynamodbEndpoint, env);
  return new DynamoStore({ client: new DynamoDBClient(endpoint ? { endpoint } : {}), tableName: requiredEnv(ENV.tableName, env) });
}

/** The pipeline's dependencies as wired on Lambda. Fetches inside one batch run this many at a time. */
export function pipelineDepsFromEnv(sink: AlertSink, env: NodeJS.ProcessEnv = process.env): PipelineDeps {
  return {
    fetcher: new HttpFetcher({ allowLoopback: optionalEnv(ENV.allowLoopback, env) === '1' }),
    store: storeFromEnv(env),
    sink,
    extractArticle,
    extractFigures,
    now: () => new Date(),
  };
}
