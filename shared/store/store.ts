import type { Alert, Series, StoredFigure } from '../domain/types.ts';

/** What the pipeline remembers about a feed between polls. */
export interface FeedState {
  url: string;
  name?: string;
  etag?: string;
  lastModified?: string;
  lastPolledAt?: string;
  lastSuccessAt?: string;
  lastError?: string;
  lastErrorAt?: string;
  consecutiveFailures: number;
  itemsSeen?: number;
  /** Hash of the last feed body whose items were all handed off: an unchanged body needs no parsing. */
  bodyHash?: string;
  /** Keys of the feed's current items already handed off (queued or settled): not checked again. */
  handedOff?: string[];
}

export interface ArticleState {
  url: string;
  status: 'done' | 'failed';
  attempts: number;
  title?: string;
  figures?: number;
  error?: string;
  processedAt: string;
}

/** The outcome of storing one figure in its series. */
export interface RecordOutcome {
  /** False when this exact figure (same article, same place in it) was stored before. */
  stored: boolean;
  /** An alert the caller must deliver: a new count, or one stored earlier whose delivery never finished. */
  alert?: Alert;
}

export interface SeriesSummary {
  series: Series;
  latest: number;
  latestPublished?: string;
  previous: number | null;
  figures: number;
  counts: number[];
  pendingAlerts: number;
  updatedAt: string;
}

export interface FigureFilter {
  metric?: string;
  /** Matches origin, destination or country, case-insensitively. */
  place?: string;
  /** ISO time: only figures stored (or published) at or after it. */
  since?: string;
}

export interface Store {
  getFeedState(url: string): Promise<FeedState | undefined>;
  putFeedState(state: FeedState): Promise<void>;
  listFeedStates(): Promise<FeedState[]>;

  /**
   * Of these article URLs, the ones not to read again: processed to completion, or
   * failed `giveUpAfter` times. One round trip per 100 URLs.
   */
  settledArticles(urls: readonly string[], giveUpAfter: number): Promise<Set<string>>;
  getArticleState(url: string): Promise<ArticleState | undefined>;
  putArticleState(state: ArticleState): Promise<void>;

  /**
   * Stores a figure in its series and decides, atomically in the store, whether its
   * count is new. Safe to call again with the same figure (a retry after a crash):
   * it stores nothing twice and hands back an alert that was never delivered.
   */
  recordFigure(figure: StoredFigure, series: Series): Promise<RecordOutcome>;
  /** Marks an alert delivered; after this no retry hands it back. */
  markDelivered(alert: Alert): Promise<void>;

  listSeries(): Promise<SeriesSummary[]>;
  listFigures(filter?: FigureFilter): Promise<StoredFigure[]>;
  listAlerts(): Promise<Alert[]>;
}
