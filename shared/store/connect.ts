import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { CreateTableCommand, DescribeTableCommand, DynamoDBClient, ResourceNotFoundException } from '@aws-sdk/client-dynamodb';
import { createTableInput, DEFAULT_TABLE_NAME } from './schema.ts';
import { DynamoStore } from './dynamo-store.ts';

export interface StoreConnection {
  store: DynamoStore;
  client: DynamoDBClient;
  /** The endpoint in use (the embedded engine's loopback URL when embedded). */
  url: string;
  close(): Promise<void>;
}

export interface ConnectOptions {
  /** Folder for the embedded engine's files; ignored when an endpoint is given. */
  dataDir?: string;
  /** Any DynamoDB endpoint (DynamoDB Local, AWS); also read from MONITOR_DYNAMODB_ENDPOINT. */
  endpoint?: string;
  tableName?: string;
  /** Keep the embedded engine in memory only (tests). */
  inMemory?: boolean;
  now?: () => Date;
}

/**
 * Opens the store: the embedded dynalite engine in this process by default (data on
 * disk under dataDir), or any DynamoDB endpoint. Both are reached through the real
 * AWS SDK client, so the store code is the one that runs on AWS.
 */
export async function connectStore(options: ConnectOptions = {}): Promise<StoreConnection> {
  const tableName = options.tableName ?? process.env.MONITOR_TABLE ?? DEFAULT_TABLE_NAME;
  const endpoint = options.endpoint ?? process.env.MONITOR_DYNAMODB_ENDPOINT;
  let server: Server | undefined;
  let url = endpoint;
  if (!url) {
    const { default: dynalite } = await import('dynalite');
    const dbPath = options.inMemory ? undefined : resolve(options.dataDir ?? '.monitor-data', 'dynamodb');
    if (dbPath) mkdirSync(dbPath, { recursive: true });
    server = dynalite({ path: dbPath, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 }) as Server;
    await new Promise<void>((ok, fail) => {
      server!.once('error', fail);
      server!.listen(0, '127.0.0.1', () => ok());
    });
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }
  // The embedded engine checks no signature; placeholder credentials keep the SDK from
  // searching the environment. Against a real endpoint the default chain applies.
  const local = !endpoint || /^https?:\/\/(localhost|127\.|\[::1\])/.test(endpoint);
  const client = new DynamoDBClient({
    endpoint: url,
    region: process.env.AWS_REGION ?? 'us-east-1',
    ...(local ? { credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {}),
  });
  if (local) await ensureTable(client, tableName);
  return {
    store: new DynamoStore({ client, tableName, now: options.now }),
    client,
    url,
    async close() {
      client.destroy();
      if (server) await new Promise<void>((ok) => server!.close(() => ok()));
    },
  };
}

async function ensureTable(client: DynamoDBClient, tableName: string): Promise<void> {
  try {
    await client.send(new DescribeTableCommand({ TableName: tableName }));
  } catch (err) {
    if (!(err instanceof ResourceNotFoundException) && (err as Error).name !== 'ResourceNotFoundException') throw err;
    await client.send(new CreateTableCommand(createTableInput(tableName)));
    for (let i = 0; i < 50; i++) {
      const out = await client.send(new DescribeTableCommand({ TableName: tableName }));
      if (out.Table?.TableStatus === 'ACTIVE') return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`table ${tableName} did not become ACTIVE`);
  }
}

export const defaultDataDir = (cwd = process.cwd()) => join(cwd, '.monitor-data');
