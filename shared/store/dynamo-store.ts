import { ConditionalCheckFailedException, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  ScanCommand,
  UpdateCommand,
  type ScanCommandOutput,
  type BatchGetCommandOutput,
} from '@aws-sdk/lib-dynamodb';
import type { Alert, Series, StoredFigure } from '../domain/types.ts';
import { isNewCount } from '../alerts/new-count.ts';
import { TTL_ATTRIBUTE } from './schema.ts';
import type { ArticleState, FeedState, FigureFilter, RecordOutcome, SeriesSummary, Store } from './store.ts';

/** How long "this article was processed" is remembered; feeds rarely keep items longer. */
const ARTICLE_TTL_DAYS = 90;
/** Conditional writes that lose a race re-read and retry; a series is rarely this contended. */
const MAX_RACE_RETRIES = 20;

interface HeadItem {
  pk: string;
  sk: 'HEAD';
  series: Series;
  version: number;
  counts: number[];
  latest: number;
  latestPublished?: string;
  previous: number | null;
  figures: number;
  seen: Set<string>;
  pending: Record<string, Alert>;
  updatedAt: string;
}

const seriesPk = (key: string) => `SERIES#${key}`;
const articlePk = (url: string) => `ARTICLE#${url}`;
const feedPk = (url: string) => `FEED#${url}`;

export interface DynamoStoreOptions {
  client: DynamoDBClient;
  tableName: string;
  /** Injected clock, so tests and replays control time. */
  now?: () => Date;
}

/** The store on DynamoDB (AWS, DynamoDB Local or the embedded dynalite engine). */
export class DynamoStore implements Store {
  private readonly doc: DynamoDBDocumentClient;
  readonly tableName: string;
  private readonly now: () => Date;
  /** Requests sent, by operation; the benchmark reports requests per article. */
  readonly requestCounts: Record<string, number> = {};

  constructor(options: DynamoStoreOptions) {
    this.doc = DynamoDBDocumentClient.from(options.client, {
      marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
    });
    this.tableName = options.tableName;
    this.now = options.now ?? (() => new Date());
    this.doc.middlewareStack.add(
      (next, context) => (args) => {
        const name = context.commandName ?? 'unknown';
        this.requestCounts[name] = (this.requestCounts[name] ?? 0) + 1;
        return next(args);
      },
      { step: 'initialize', name: 'countRequests' },
    );
  }


  async getFeedState(url: string): Promise<FeedState | undefined> {
    const out = await this.doc.send(new GetCommand({ TableName: this.tableName, Key: { pk: feedPk(url), sk: 'STATE' } }),
    );
    return out.Item ? (stripKeys(out.Item) as unknown as FeedState) : undefined;
  }

  async putFeedState(state: FeedState): Promise<void> {
    await this.doc.send(new PutCommand({ TableName: this.tableName, Item: { pk: feedPk(state.url), sk: 'STATE', kind: 'feed', ...state } }));
  }

  async listFeedStates(): Promise<FeedState[]> {
    return (await this.scanKind('feed')).map((i) => stripKeys(i) as unknown as FeedState);
  }

  async settledArticles(urls: readonly string[], giveUpAfter: number): Promise<Set<string>> {
    const done = new Set<string>();
    const unique = [...new Set(urls)];
    for (let i = 0; i < unique.length; i += 100) {
      let keys: Record<string, unknown>[] | undefined = unique.slice(i, i + 100).map((u) => ({ pk: articlePk(u), sk: 'STATE' }));
      // BatchGet may hand back unprocessed keys under load; ask again until none remain.
      for (let attempt = 0; keys && keys.length > 0; attempt++) {
        if (attempt > 0) await sleep(Math.min(1000, 20 * 2 ** attempt));
        const out: BatchGetCommandOutput = await this.doc.send(new BatchGetCommand({ RequestItems: { [this.tableName]: { Keys: keys, ProjectionExpression: '#u, #s, attempts', ExpressionAttributeNames: { '#u': 'url', '#s': 'status' } } } }),
        );
        for (const item of out.Responses?.[this.tableName] ?? []) if (item.status === 'done' || (item.attempts as number) >= giveUpAfter) done.add(item.url as string);
        keys = out.UnprocessedKeys?.[this.tableName]?.Keys;
      }
    }
    return done;
  }

  async getArticleState(url: string): Promise<ArticleState | undefined> {
    const out = await this.doc.send(new GetCommand({ TableName: this.tableName, Key: { pk: articlePk(url), sk: 'STATE' }, ConsistentRead: true }),
    );
    return out.Item ? (stripKeys(out.Item) as unknown as ArticleState) : undefined;
  }

  async putArticleState(state: ArticleState): Promise<void> {
    const expiresAt = Math.floor(this.now().getTime() / 1000) + ARTICLE_TTL_DAYS * 86_400;
    await this.doc.send(new PutCommand({ TableName: this.tableName, Item: { pk: articlePk(state.url), sk: 'STATE', kind: 'article', ...state, [TTL_ATTRIBUTE]: expiresAt } }),
    );
  }

  async recordFigure(stored: StoredFigure, series: Series): Promise<RecordOutcome> {
    const count = stored.figure.count;
    if (typeof count !== 'number') throw new Error(`figure ${stored.id} has no numeric count; only counts join series`);
    const alertId = stored.id;
    for (let attempt = 0; attempt < MAX_RACE_RETRIES; attempt++) {
      const head = await this.getHead(series.key);
      if (head?.seen.has(stored.id)) {
        // Stored before: a retry. Hand back its alert if delivery never finished.
        return { stored: false, alert: head.pending[alertId] };
      }
      const isNew = isNewCount(count, head?.counts ?? []);
      const nowIso = this.now().toISOString();
      const alert: Alert | undefined = isNew
        ? {
            id: alertId,
            series,
            figure: stored.figure,
            source: stored.source,
            previous: head?.latest ?? null,
            previousPublished: head?.latestPublished,
            createdAt: nowIso,
          }
        : undefined;
      try {
        if (!head) {
          await this.doc.send(new PutCommand({
              TableName: this.tableName,
              Item: {
                pk: seriesPk(series.key),
                sk: 'HEAD',
                kind: 'series',
                series,
                version: 1,
                counts: [count],
                latest: count,
                latestPublished: stored.figure.published ?? stored.source.published,
                previous: null,
                figures: 1,
                seen: new Set([stored.id]),
                pending: alert ? { [alertId]: alert } : {},
                updatedAt: nowIso,
              },
              ConditionExpression: 'attribute_not_exists(pk)',
            }),
          );
        } else {
          const names: Record<string, string> = { '#v': 'version' };
          const values: Record<string, unknown> = {
            ':v': head.version,
            ':nv': head.version + 1,
            ':latest': count,
            ':prev': head.latest,
            ':one': 1,
            ':id': new Set([stored.id]),
            ':now': nowIso,
            ':lp': stored.figure.published ?? stored.source.published ?? null,
          };
          const sets = ['#v = :nv', 'latest = :latest', 'previous = :prev', 'updatedAt = :now', 'latestPublished = :lp'];
          // Only distinct values are kept: the 2% rule needs every stored count, not every repeat.
          if (!head.counts.includes(count)) {
            sets.push('counts = list_append(counts, :c)');
            values[':c'] = [count];
          }
          if (alert) {
            sets.push('pending.#aid = :alert');
            names['#aid'] = alertId;
            values[':alert'] = alert;
          }
          await this.doc.send(new UpdateCommand({
              TableName: this.tableName,
              Key: { pk: seriesPk(series.key), sk: 'HEAD' },
              UpdateExpression: `SET ${sets.join(', ')} ADD figures :one, seen :id`,
              ConditionExpression: '#v = :v',
              ExpressionAttributeNames: names,
              ExpressionAttributeValues: values,
            }),
          );
        }
      } catch (err) {
        if (err instanceof ConditionalCheckFailedException || (err as Error).name === 'ConditionalCheckFailedException') {
          // Another worker changed the series first: decide again against what it stored.
          continue;
        }
        throw err;
      }
      await this.doc.send(new PutCommand({
          TableName: this.tableName,
          Item: { pk: seriesPk(series.key), sk: `FIG#${stored.id}`, kind: 'figure', ...stored },
        }),
      );
      return { stored: true, alert };
    }
    throw new Error(`series ${series.key}: gave up after ${MAX_RACE_RETRIES} concurrent-write retries`);
  }

  async markDelivered(alert: Alert): Promise<void> {
    // The alert log item first: if the process dies between the two writes, the
    // alert is re-delivered (at least once) rather than forgotten.
    await this.doc.send(new PutCommand({
        TableName: this.tableName,
        Item: { pk: seriesPk(alert.series.key), sk: `ALERT#${alert.id}`, kind: 'alert', ...alert, deliveredAt: this.now().toISOString() },
      }),
    );
    await this.doc.send(new UpdateCommand({
        TableName: this.tableName,
        Key: { pk: seriesPk(alert.series.key), sk: 'HEAD' },
        UpdateExpression: 'REMOVE pending.#aid',
        ExpressionAttributeNames: { '#aid': alert.id },
      }),
    );
  }

  async listSeries(): Promise<SeriesSummary[]> {
    const heads = (await this.scanKind('series')) as unknown as HeadItem[];
    return heads
      .map((h) => ({
        series: h.series,
        latest: h.latest,
        latestPublished: h.latestPublished,
        previous: h.previous ?? null,
        figures: h.figures,
        counts: h.counts,
        pendingAlerts: Object.keys(h.pending ?? {}).length,
        updatedAt: h.updatedAt,
      }))
      .sort((a, b) => a.series.key.localeCompare(b.series.key));
  }

  async listFigures(filter: FigureFilter = {}): Promise<StoredFigure[]> {
    const place = filter.place?.toLowerCase();
    return ((await this.scanKind('figure')) as unknown as StoredFigure[])
      .map((i) => ({ id: i.id, seriesKey: i.seriesKey, figure: i.figure, source: i.source, storedAt: i.storedAt }))
      .filter((f) => !filter.metric || f.figure.metric === filter.metric)
      .filter(
        (f) =>
          !place ||
          [f.figure.origin, f.figure.destination, f.figure.country].some((p) => p?.toLowerCase() === place),
      )
      .filter((f) => !filter.since || (f.figure.published ?? f.storedAt) >= filter.since)
      .sort((a, b) => a.storedAt.localeCompare(b.storedAt) || a.id.localeCompare(b.id));
  }

  async listAlerts(): Promise<Alert[]> {
    return ((await this.scanKind('alert')) as unknown as Alert[])
      .map((a) => stripKeys(a as unknown as Record<string, unknown>) as unknown as Alert)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  private async getHead(key: string): Promise<HeadItem | undefined> {
    const out = await this.doc.send(new GetCommand({ TableName: this.tableName, Key: { pk: seriesPk(key), sk: 'HEAD' }, ConsistentRead: true }),
    );
    if (!out.Item) return undefined;
    const item = out.Item as unknown as HeadItem;
    return { ...item, seen: new Set(item.seen ?? []), pending: item.pending ?? {} };
  }

  // Listing is for the CLI, reports and tests: a scan is fine at analyst scale.
  private async scanKind(kind: string): Promise<Record<string, unknown>[]> {
    const items: Record<string, unknown>[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const out: ScanCommandOutput = await this.doc.send(new ScanCommand({
          TableName: this.tableName,
          FilterExpression: '#k = :k',
          ExpressionAttributeNames: { '#k': 'kind' },
          ExpressionAttributeValues: { ':k': kind },
          ExclusiveStartKey: start,
        }),
      );
      items.push(...(out.Items ?? []));
      start = out.LastEvaluatedKey;
    } while (start);
    return items;
  }
}

function stripKeys(item: Record<string, unknown>): Record<string, unknown> {
  const { pk: _pk, sk: _sk, kind: _kind, [TTL_ATTRIBUTE]: _ttl, ...rest } = item;
  return rest;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
