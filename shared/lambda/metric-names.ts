// Metric names and their namespace/service, shared by the handlers that emit them
// and the alarms and dashboard that read them.
export const METRICS_NAMESPACE = 'NewsFigureMonitor';
export const SERVICE_NAME = 'news-figure-monitor';

export const METRIC = {
  feedsScheduled: 'FeedsScheduled',
  feedsPolled: 'FeedsPolled',
  feedFailures: 'FeedFailures',
  articlesQueued: 'ArticlesQueued',
  articlesProcessed: 'ArticlesProcessed',
  articleFailures: 'ArticleFailures',
  figuresStored: 'FiguresStored',
  alertsSent: 'AlertsSent',
} as const;
