import { extractFigures } from '../figures/extract-figures.ts';
import { extractArticle } from '../pages/extract-article.ts';
import type { PipelineDeps } from './deps.ts';

// Apart from deps.ts, which is types only: a Lambda that never reads pages imports the
// types without pulling the extractors into its bundle.

/** The pipeline with the project's own extractors and the system clock; the caller brings the I/O. */
export function withExtractors(io: Pick<PipelineDeps, 'fetcher' | 'store' | 'sink'> & Partial<PipelineDeps>): PipelineDeps {
  return { extractArticle, extractFigures, now: () => new Date(), ...io };
}
