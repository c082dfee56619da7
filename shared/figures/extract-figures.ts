import type { Figure } from '../domain/types.ts';

export interface FigureInput {
  title?: string;
  body: string;
  published?: string;
}

/** Finds people-count figures about border crossings and mobilization. */
export function extractFigures(input: FigureInput): Figure[] {
  const figures: Figure[] = [];
  const sentences = input.body.split(/(?<=[.!?])\s+(?=[A-Z“"])/);
  for (const sentence of sentences) {
    const cross = sentence.match(/(about |more than )?(\d{1,3}(?:,\d{3})+) (\w+) have crossed into (\w+)/i);
    if (cross) {
      figures.push({
        metric: 'border_crossing',
        count: Number(cross[2].replace(/,/g, '')),
        qualifier: cross[1]?.trim() === 'about' ? 'about' : cross[1] ? 'more_than' : 'exact',
        unit: 'people',
        who: cross[3],
        origin: cross[3] === 'Russians' ? 'Russia' : undefined,
        destination: cross[4],
        quote: sentence,
      });
    }
    const mob = sentence.match(/(about )?(\d{1,3}(?:,\d{3})+) people .* would be called up/);
    if (mob) {
      figures.push({
        metric: 'mobilization',
        count: Number(mob[2].replace(/,/g, '')),
        qualifier: mob[1] ? 'about' : 'exact',
        unit: 'people',
        country: 'Russia',
        status: 'planned',
        quote: sentence,
      });
    }
  }
  return figures.map((f) => (input.published ? { ...f, published: input.published } : f));
}
