import type { FeedItem } from '../domain/types.ts';
import { normalizeUrl } from './normalize-url.ts';

/**
 * Items deduplicated by guid (scoped to its feed: guids are only unique there), then
 * by normalised link; the first occurrence is kept, with its link normalised. Items
 * whose link cannot be read as a URL are dropped.
 */
export function dedupeItems(items: readonly FeedItem[]): FeedItem[] {
  const guids = new Set<string>();
  const links = new Set<string>();
  const out: FeedItem[] = [];
  for (const item of items) {
    let link: string;
    try {
      link = normalizeUrl(item.link);
    } catch {
      continue;
    }
    const guid = item.guid ? `${item.feedUrl}\n${item.guid}` : undefined;
    if ((guid && guids.has(guid)) || links.has(link)) continue;
    if (guid) guids.add(guid);
    links.add(link);
    out.push({ ...item, link });
  }
  return out;
}
