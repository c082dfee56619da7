import pLimit from 'p-limit';
import type { Alert, Feed, FeedItem } from '../domain/types.ts';
import type { PipelineDeps } from './deps.ts';
import { oldestFirst, readingOrder } from './reading-order.ts';
import { commitFeedPoll, pollFeeds } from './poll-feeds.ts';
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

type ReadOutcome = ReadArticle | { item: FeedItem; error: string };

const RECORD_WINDOW = 64;

/** Read articles by their pages' own publication times, the feed item's when the page gives none. */
const byPublication = (reads: readonly ReadOutcome[]) => oldestFirst(reads, (r) => ('article' in r ? r.article.published : undefined) ?? r.item.published);

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
    summary.articlesSeen += result.known;
    // The same story in two feeds is one article.
    for (const item of result.items) if (!byLink.has(item.link)) byLink.set(item.link, item);
  }

  const done = await deps.store.settledArticles([...byLink.keys()], MAX_ARTICLE_ATTEMPTS);
  const fresh = readingOrder([...byLink.values()].filter((item) => !done.has(item.link)));
  summary.articlesSeen += byLink.size - fresh.length;
  summary.articlesNew = fresh.length;

  const limit = pLimit(deps.concurrency ?? 8);
  let finished = 0;
  // Pages are fetched and read in parallel, a window at a time; within a window figures
  // are stored in order of the articles' own publication times. The window bounds both
  // memory and the delay between a poll and its first alerts.
  for (let start = 0; start < fresh.length; start += RECORD_WINDOW) {
    const window = fresh.slice(start, start + RECORD_WINDOW);
    const reads = await Promise.all(
      window.map((item) => limit(() => readArticle(item, deps).then((r): ReadOutcome => r, (err: Error) => ({ item, error: err.message || String(err) })))),
    );
    for (const read of byPublication(reads)) {
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
  }
  // Articles that failed stay out of each feed's handed-off set, to be read again.
  const failed = new Set(summary.errors.map((e) => e.url));
  await Promise.all(polled.map((result) => commitFeedPoll(result, deps, failed)));
  return summary;
}
