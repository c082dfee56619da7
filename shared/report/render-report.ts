import type { Alert, StoredFigure } from '../domain/types.ts';
import type { FeedState, SeriesSummary } from '../store/store.ts';

/** Everything the report shows, read from the store by the caller. */
export interface ReportInput {
  series: SeriesSummary[];
  figures: StoredFigure[];
  feeds: FeedState[];
  alerts: Alert[];
  generatedAt: string;
}

/** One self-contained HTML page (opens with no network). Placeholder until the report work lands. */
export function renderReport(input: ReportInput): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>News figure monitor report</title></head><body><p>${input.series.length} series, ${input.figures.length} figures, generated ${input.generatedAt}</p></body></html>`;
}
