import pLimit from 'p-limit';
import type { Feed, FeedItem } from '../domain/types.ts';
import { dedupeItems } from '../feeds/dedupe-items.ts';
import { parseFeed } from '../feeds/parse-feed.ts';
import type { FeedState } from '../store/store.ts';
import type { PipelineDeps } from './deps.ts';

export interface FeedPollResult {
  feed: Feed;
  items: FeedItem[];
  notModified: boolean;
  error?: string;
}

/** Polls one feed with a conditional GET and records its health, whatever happens. */
export async function pollFeed(feed: Feed, deps: PipelineDeps): Promise<FeedPollResult> {
  const previous = await deps.store.getFeedState(feed.url);
  const nowIso = deps.now().toISOString();
  const state: FeedState = {
    url: feed.url,
    name: feed.name ?? previous?.name,
    etag: previous?.etag,
    lastModified: previous?.lastModified,
    lastSuccessAt: previous?.lastSuccessAt,
    lastError: previous?.lastError,
    lastErrorAt: previous?.lastErrorAt,
    consecutiveFailures: previous?.consecutiveFailures ?? 0,
    itemsSeen: previous?.itemsSeen,
    lastPolledAt: nowIso,
  };
  try {
    const res = await deps.fetcher.fetch({ url: feed.url, kind: 'feed', etag: previous?.etag, lastModified: previous?.lastModified });
    if (res.notModified) {
      await deps.store.putFeedState({ ...state, lastSuccessAt: nowIso, consecutiveFailures: 0 });
      return { feed, items: [], notModified: true };
    }
    const items = dedupeItems(await parseFeed(res.text, res.url));
    await deps.store.putFeedState({
      ...state,
      etag: res.etag,
      lastModified: res.lastModified,
      lastSuccessAt: nowIso,
      consecutiveFailures: 0,
      itemsSeen: items.length,
    });
    return { feed, items, notModified: false };
  } catch (err) {
    // "timeout: no response in 20 s": the reason code first, so feed health groups by cause.
    const reason = (err as { reason?: unknown }).reason;
    const detail = (err as Error).message || String(err);
    const message = typeof reason === 'string' && !detail.startsWith(reason) ? `${reason}: ${detail}` : detail;
    await deps.store.putFeedState({ ...state, lastError: message, lastErrorAt: nowIso, consecutiveFailures: state.consecutiveFailures + 1 });
    return { feed, items: [], notModified: false, error: message };
  }
}

export async function pollFeeds(feeds: readonly Feed[], deps: PipelineDeps): Promise<FeedPollResult[]> {
  const limit = pLimit(deps.concurrency ?? 8);
  let done = 0;
  return Promise.all(
    feeds.map((feed) =>
      limit(async () => {
        const result = await pollFeed(feed, deps);
        done++;
        deps.onProgress?.({ type: 'feed', feed, done, total: feeds.length, newItems: result.items.length, error: result.error, notModified: result.notModified });
        return result;
      }),
    ),
  );
}
