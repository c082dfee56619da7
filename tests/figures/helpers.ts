import type { Figure } from '../../shared/domain/types.ts';
import { extractFigures } from '../../shared/figures/extract-figures.ts';

/** The people-count figures of a body (and optional headline), as the scorer sees them. */
export function peopleFigures(body: string, title?: string): Figure[] {
  return extractFigures({ body, title }).filter((f) => f.unit === 'people' && f.count !== null);
}

/** The one figure with this count, failing loudly when there is none or several. */
export function only(figures: Figure[], count: number): Figure {
  const found = figures.filter((f) => f.count === count);
  if (found.length !== 1) throw new Error(`expected one figure of ${count}, got ${JSON.stringify(figures.map((f) => f.count))}`);
  return found[0];
}
