import { seriesOf } from '../../shared/alerts/series.ts';
import type { Figure, Source, StoredFigure } from '../../shared/domain/types.ts';

let n = 0;

/** A stored figure with plausible defaults: a border crossing Aland -> Borland. */
export function storedFigure(figure: Partial<Figure> = {}, source: Partial<Source> = {}): StoredFigure {
  const f: Figure = {
    metric: 'border_crossing',
    count: 1000,
    qualifier: 'exact',
    unit: 'people',
    origin: 'Aland',
    destination: 'Borland',
    quote: 'Some people crossed.',
    ...figure,
  };
  n++;
  return {
    id: `fig-${String(n).padStart(4, '0')}`,
    seriesKey: seriesOf(f).key,
    figure: f,
    source: { articleUrl: `https://news.example.org/story-${n}`, outlet: 'Example News', ...source },
    storedAt: '2024-05-01T12:00:00.000Z',
  };
}
