import { createHash } from 'node:crypto';
import type { Figure } from '../domain/types.ts';

/**
 * The same figure read from the same article always gets the same id, so a retry
 * after a crash is recognised by the store and never stored or alerted twice.
 */
export function figureId(articleUrl: string, figure: Figure): string {
  const parts = [
    articleUrl,
    figure.metric,
    figure.count,
    figure.low,
    figure.high,
    figure.per,
    figure.origin,
    figure.destination,
    figure.country,
    figure.status,
    figure.quote,
  ];
  // 96 bits in 16 characters: ids are kept in their series head, so short ones keep it small.
  return createHash('sha256').update(JSON.stringify(parts)).digest('base64url').slice(0, 16);
}
