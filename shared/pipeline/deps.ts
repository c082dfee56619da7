import type { Article, Feed, Figure } from '../domain/types.ts';
import type { AlertSink } from '../alerts/sink.ts';
import type { Fetcher } from '../http/fetcher.ts';
import type { Store } from '../store/store.ts';

/** Progress a long run reports as it goes (the CLI draws it; Lambdas log it). */
export type ProgressEvent =
  | { type: 'feed'; feed: Feed; done: number; total: number; newItems: number; error?: string; notModified?: boolean }
  | {
      type: 'article';
      url: string;
      done: number;
      /** New articles found so far; more may come while `polling`. */
      total: number;
      polling?: boolean;
      figures: number;
      alerts: number;
      error?: string;
    }
  | { type: 'alert'; subject: string };

/** Everything the pipeline touches outside pure logic, injected at the edge. */
export interface PipelineDeps {
  fetcher: Fetcher;
  store: Store;
  sink: AlertSink;
  extractArticle(html: string, url: string): Article;
  extractFigures(article: Article): Figure[];
  now(): Date;
  onProgress?(event: ProgressEvent): void;
  /** Feeds polled at once (pages are capped by the fetcher); default 8. */
  concurrency?: number;
}
