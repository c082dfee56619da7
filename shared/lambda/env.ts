// Handlers read their wiring from environment variables the stack sets; a missing
// one is a deployment bug, so it fails loudly on first use instead of at import.

/** The variables the stack sets on the functions (names shared with infra/). */
export const ENV = {
  tableName: 'TABLE_NAME',
  pollQueueUrl: 'POLL_QUEUE_URL',
  articleQueueUrl: 'ARTICLE_QUEUE_URL',
  alertTopicArn: 'ALERT_TOPIC_ARN',
  reportUrl: 'REPORT_URL',
  feedsBucket: 'FEEDS_BUCKET',
  feedsKey: 'FEEDS_KEY',
  /** Tests only: a local DynamoDB endpoint (the embedded engine). */
  dynamodbEndpoint: 'MONITOR_DYNAMODB_ENDPOINT',
  /** Tests only: "1" lets the fetcher reach 127.0.0.0/8, where the test servers run. */
  allowLoopback: 'MONITOR_ALLOW_LOOPBACK',
} as const;

export function requiredEnv(name: string, env: NodeJS.ProcessEnv = process.env): string {
  const value = env[name];
  if (!value) throw new Error(`environment variable ${name} is not set`);
  return value;
}

export function optionalEnv(name: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env[name] || undefined;
}
