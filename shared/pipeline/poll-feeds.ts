import { createHash } from 'node:crypto';
import type { Feed, FeedItem } from '../domain/types.ts';
import { dedupeItems } from '../feeds/dedupe-items.ts';
import { parseFeed } from '../feeds/parse-feed.ts';
import type { FeedState } from '../store/store.ts';
import type { PipelineDeps } from './deps.ts';

/** Feed health is rewritten at least this often even when nothing changed. */
const HEARTBEAT_MS = 60 * 60 * 1000;
/**
 * Handed-off keys kept per feed: most feeds list 10-50 items, and 100 keys keep the feed
 * state near 1 KB, one write unit. Items past the cap are still caught by the store check.
 */
const MAX_HANDED_OFF = 100;

export interface FeedPollResult {
  feed: Feed;
  /** Items not handed off before: the caller checks them against the store and hands them off. */
  items: FeedItem[];
  /** 304, or a body identical to the last one fully handed off. */
  notModified: boolean;
  /** Items of the feed left out because they were handed off before. */
  known: number;
  error?: string;
  /** What to store once the items are handed off (see commitFeedPoll). */
  next?: FeedState;
  previous?: FeedState;
}

// 60 bits of a hash: a collision among one feed's items is out of reach, and short keys keep writes small.
const itemKey = (item: FeedItem) => createHash('sha256').update(item.link).digest('base64url').slice(0, 10);

/**
 * Polls one feed with a conditional GET. Most polls of a feed find nothing new, so they
 * must cost almost nothing: a 304 or an unchanged body stops before parsing, and items
 * handed off on an earlier poll are dropped without a store lookup. Failures are
 * recorded at once; success is recorded by commitFeedPoll after the hand-off.
 */
export async function pollFeed(feed: Feed, deps: PipelineDeps): Promise<FeedPollResult> {
  const previous = await deps.store.getFeedState(feed.url);
  const nowIso = deps.now().toISOString();
  const base: FeedState = { ...(previous ?? { consecutiveFailures: 0 }), url: feed.url, name: feed.name ?? previous?.name, lastPolledAt: nowIso };
  try {
    const res = await deps.fetcher.fetch({ url: feed.url, kind: 'feed', etag: previous?.etag, lastModified: previous?.lastModified });
    const success = { ...base, lastSuccessAt: nowIso, consecutiveFailures: 0 };
    const unchanged = { feed, items: [], notModified: true, known: previous?.itemsSeen ?? 0, previous };
    if (res.notModified) return { ...unchanged, next: success };
    const bodyHash = createHash('sha256').update(res.text).digest('base64url');
    const validators = { etag: res.etag, lastModified: res.lastModified };
    if (previous?.bodyHash === bodyHash) return { ...unchanged, next: { ...success, ...validators } };
    const all = dedupeItems(await parseFeed(res.text, res.url));
    const keys = all.map(itemKey);
    const handedOff = new Set(previous?.handedOff ?? []);
    const items = all.filter((_, i) => !handedOff.has(keys[i]));
    return {
      feed,
      items,
      notModified: false,
      known: all.length - items.length,
      next: { ...success, ...validators, bodyHash, handedOff: keys.slice(0, MAX_HANDED_OFF), itemsSeen: all.length },
      previous,
    };
  } catch (err) {
    // "timeout: no response in 20 s": the reason code first, so feed health groups by cause.
    const reason = (err as { reason?: unknown }).reason;
    const detail = (err as Error).message || String(err);
    const message = typeof reason === 'string' && !detail.startsWith(reason) ? `${reason}: ${detail}` : detail;
    await deps.store.putFeedState({ ...base, lastError: message, lastErrorAt: nowIso, consecutiveFailures: base.consecutiveFailures + 1 });
    return { feed, items: [], notModified: false, known: 0, error: message };
  }
}

/**
 * Records a successful poll once its items are handed off (queued on AWS, settled
 * locally). Items that were not (`notHandedOff`, e.g. an article that failed and must be
 * read again) stay out of the handed-off set, and the body hash is kept only when every
 * item went, so the next poll looks at them again. Nothing is written when nothing
 * changed but the time or the body hash (feeds that restamp their body on every fetch),
 * except an hourly heartbeat for feed health.
 */
export async function commitFeedPoll(result: FeedPollResult, deps: PipelineDeps, notHandedOff: ReadonlySet<string> = new Set()): Promise<void> {
  if (!result.next) return;
  let next = result.next;
  const held = result.items.filter((item) => notHandedOff.has(item.link)).map(itemKey);
  if (held.length > 0) {
    const heldSet = new Set(held);
    next = { ...next, bodyHash: undefined, handedOff: next.handedOff?.filter((k) => !heldSet.has(k)) };
  }
  const prev = result.previous;
  const changed =
    !prev ||
    prev.consecutiveFailures !== 0 ||
    prev.etag !== next.etag ||
    prev.lastModified !== next.lastModified ||
    prev.name !== next.name ||
    (prev.handedOff ?? []).join() !== (next.handedOff ?? []).join() ||
    Date.parse(next.lastSuccessAt ?? '') - Date.parse(prev.lastSuccessAt ?? '') >= HEARTBEAT_MS ||
    !prev.lastSuccessAt;
  if (changed) await deps.store.putFeedState(next);
}
