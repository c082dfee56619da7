import type { Alert, StoredFigure } from '../domain/types.ts';
import type { FeedState, SeriesSummary, Store } from '../store/store.ts';

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

/** Reads what the report shows from any store (embedded locally, DynamoDB on AWS). */
export async function loadReportInput(store: Store, now: Date = new Date()): Promise<ReportInput> {
  const [series, figures, feeds, alerts] = await Promise.all([store.listSeries(), store.listFigures(), store.listFeedStates(), store.listAlerts()]);
  return { series, figures, feeds, alerts, generatedAt: now.toISOString() };
}
