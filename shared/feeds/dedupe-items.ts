import type { FeedItem } from '../domain/types.ts';
import { normalizeUrl } from './normalize-url.ts';

/** Items deduplicated by guid, then by link, first occurrence kept; links normalised. */
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
    if (item.guid && guids.has(item.guid)) continue;
    if (links.has(link)) continue;
    if (item.guid) guids.add(item.guid);
    links.add(link);
    out.push({ ...item, link });
  }
  return out;
}
