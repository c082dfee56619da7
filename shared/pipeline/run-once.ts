import pLimit from 'p-limit';
import type { Alert, Feed, FeedItem } from '../domain/types.ts';
import type { PipelineDeps } from './deps.ts';
import { pollFeeds } from './poll-feeds.ts';
import { MAX_ARTICLE_ATTEMPTS, readArticle, recordArticle, recordArticleFailure, type ReadArticle } from './process-article.ts';

export interface RunSummary {
  feeds: number;
  feedsOk: number;
  feedsNotModified: number;
  feedsFailed: number;
  articlesNew: number;
  articlesSeen: number;
  articlesFailed: number;
  figures: number;
  figuresStored: number;
  alerts: Alert[];
  errors: { url: string; error: string }[];
}

/** Items oldest publication first (undated last, in feed order), as the alert contract reads them. */
export function readingOrder(items: readonly FeedItem[]): FeedItem[] {
  return items
    .map((item, i) => ({ item, i, t: item.published ? Date.parse(item.published) : Number.NaN }))
    .sort((a, b) => {
      const at = Number.isNaN(a.t) ? Infinity : a.t;
      const bt = Number.isNaN(b.t) ? Infinity : b.t;
      return at - bt || a.i - b.i;
    })
    .map((x) => x.item);
}

/**
 * One poll of every feed: new articles are fetched and read in parallel, then their
 * figures are stored strictly in reading order, so which count of a series is "new"
 * does not depend on which page happened to download first.
 */
export async function runOnce(feeds: readonly Feed[], deps: PipelineDeps): Promise<RunSummary> {
  const summary: RunSummary = {
    feeds: feeds.length,
    feedsOk: 0,
    feedsNotModified: 0,
    feedsFailed: 0,
    articlesNew: 0,
    articlesSeen: 0,
    articlesFailed: 0,
    figures: 0,
    figuresStored: 0,
    alerts: [],
    errors: [],
  };
  const polled = await pollFeeds(feeds, deps);
  const byLink = new Map<string, FeedItem>();
  for (const result of polled) {
    if (result.error) {
      summary.feedsFailed++;
      summary.errors.push({ url: result.feed.url, error: result.error });
    } else if (result.notModified) summary.feedsNotModified++;
    else summary.feedsOk++;
    // The same story in two feeds is one article.
    for (const item of result.items) if (!byLink.has(item.link)) byLink.set(item.link, item);
  }

  const done = await deps.store.settledArticles([...byLink.keys()], MAX_ARTICLE_ATTEMPTS);
  const fresh = readingOrder([...byLink.values()].filter((item) => !done.has(item.link)));
  summary.articlesSeen = byLink.size - fresh.length;
  summary.articlesNew = fresh.length;

  const limit = pLimit(deps.concurrency ?? 8);
  const reads = fresh.map((item) =>
    limit(() => readArticle(item, deps).then((r): ReadArticle | { item: FeedItem; error: string } => r, (err: Error) => ({ item, error: err.message || String(err) }))),
  );
  let finished = 0;
  for (const pending of reads) {
    const read = await pending;
    let figures = 0;
    let alerts = 0;
    let error: string | undefined;
    if ('error' in read) error = read.error;
    else {
      try {
        const outcome = await recordArticle(read, deps);
        figures = outcome.figures;
        alerts = outcome.alerts.length;
        summary.figures += outcome.figures;
        summary.figuresStored += outcome.stored;
        summary.alerts.push(...outcome.alerts);
      } catch (err) {
        error = (err as Error).message || String(err);
      }
    }
    if (error !== undefined) {
      summary.articlesFailed++;
      summary.errors.push({ url: read.item.link, error });
      await recordArticleFailure(read.item, error, deps);
    }
    finished++;
    deps.onProgress?.({ type: 'article', url: read.item.link, done: finished, total: fresh.length, figures, alerts, error });
  }
  return summary;
}
