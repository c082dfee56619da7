import { MAX_ARTICLE_ATTEMPTS } from '../pipeline/process-article.ts';

// Receive limits before a message moves to its dead-letter queue; the stack configures
// the queues with them and the workers log "last attempt" by them.

/** A feed poll that keeps failing on infrastructure (not on the feed) is given up after this. */
export const POLL_MAX_RECEIVES = 3;
/** Matches the store's give-up count, so the queue and the store agree when an article is settled. */
export const ARTICLE_MAX_RECEIVES = MAX_ARTICLE_ATTEMPTS;
