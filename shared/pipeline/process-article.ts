import type { Alert, Article, FeedItem, Figure, StoredFigure } from '../domain/types.ts';
import { joinsSeries, seriesOf } from '../alerts/series.ts';
import { figureId } from './figure-id.ts';
import type { PipelineDeps } from './deps.ts';

/** Attempts before an article that keeps failing is given up (and recorded as failed). */
export const MAX_ARTICLE_ATTEMPTS = 3;

export interface ReadArticle {
  item: FeedItem;
  article: Article;
  figures: Figure[];
}

/** Fetches an item's page and extracts its body and figures; no store writes. */
export async function readArticle(item: FeedItem, deps: PipelineDeps): Promise<ReadArticle> {
  const res = await deps.fetcher.fetch({ url: item.link, kind: 'page' });
  const extracted = deps.extractArticle(res.text, res.url);
  const article: Article = {
    ...extracted,
    title: extracted.title ?? item.title,
    published: extracted.published ?? item.published,
  };
  return { item, article, figures: deps.extractFigures(article) };
}

export interface ArticleOutcome {
  figures: number;
  stored: number;
  alerts: Alert[];
}

/**
 * Stores an article's figures in reading order and delivers the alerts they raise.
 * The article is marked done only after every alert is delivered, so a crash or a
 * failed delivery leaves it to be processed again, and the store hands the
 * undelivered alerts back then.
 */
export async function recordArticle(read: ReadArticle, deps: PipelineDeps): Promise<ArticleOutcome> {
  const { item, article } = read;
  const source = {
    articleUrl: item.link,
    articleTitle: article.title,
    outlet: article.outlet,
    published: article.published,
    feedUrl: item.feedUrl,
  };
  const alerts: Alert[] = [];
  let stored = 0;
  const storedAt = deps.now().toISOString();
  for (const figure of read.figures) {
    if (!joinsSeries(figure)) continue;
    const series = seriesOf(figure);
    const withTime = figure.published || !article.published ? figure : { ...figure, published: article.published };
    const record: StoredFigure = { id: figureId(item.link, withTime), seriesKey: series.key, figure: withTime, source, storedAt };
    const outcome = await deps.store.recordFigure(record, series);
    if (outcome.stored) stored++;
    if (outcome.alert) {
      await deps.sink.deliver(outcome.alert);
      await deps.store.markDelivered(outcome.alert);
      alerts.push(outcome.alert);
    }
  }
  await deps.store.putArticleState({
    url: item.link,
    status: 'done',
    attempts: 1,
    title: article.title,
    figures: read.figures.length,
    processedAt: deps.now().toISOString(),
  });
  return { figures: read.figures.length, stored, alerts };
}

/** Records a failed attempt; after MAX_ARTICLE_ATTEMPTS the article is no longer retried. */
export async function recordArticleFailure(item: FeedItem, error: string, deps: PipelineDeps): Promise<void> {
  const previous = await deps.store.getArticleState(item.link);
  await deps.store.putArticleState({
    url: item.link,
    status: 'failed',
    attempts: (previous?.attempts ?? 0) + 1,
    title: item.title,
    error,
    processedAt: deps.now().toISOString(),
  });
}
