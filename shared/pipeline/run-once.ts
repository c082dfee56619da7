import type { Alert, Feed, FeedItem } from '../domain/types.ts';
import type { PipelineDeps } from './deps.ts';
import { oldestFirst, readingOrder } from './reading-order.ts';
import { commitFeedPoll, pollFeed, type FeedPollResult } from './poll-feeds.ts';
import { hostOf, PollSchedule } from './poll-schedule.ts';
import { MAX_ARTICLE_ATTEMPTS, readArticle, recordArticle, recordArticleFailure, type ReadArticle } from './process-article.ts';

export interface RunSummary {
  feeds: number;
  feedsOk: number;
  feedsNotModified: number;
  feedsFailed: number;
  articlesNew: number;
  articlesSeen: number;
  articlesFailed: number;
  figures: number;
  figuresStored: number;
  alerts: Alert[];
  errors: { url: string; error: string }[];
}

export interface RunOnceOptions {
  /**
   * 'stream' (the default) reads each story as soon as a poll finds it and its page
   * arrives, so an alert leaves seconds after the poll that found it. 'tick' reads
   * only once every feed is polled, all new items oldest publication first: the
   * timeline contract's order within a tick, which a replay must follow exactly.
   */
  order?: 'stream' | 'tick';
}

type ReadOutcome = ReadArticle | { item: FeedItem; error: string };

/** Pages read at once in a tick before their figures are stored in order. */
const RECORD_WINDOW = 64;
/**
 * Feeds wait for their poll while this many read pages wait for their figures to be
 * stored: a story then waits behind about a second of work (70 articles/s here), not
 * behind every other feed's stories. Pages still to come do not count, since per-host
 * manners, not this machine, decide when they arrive.
 */
const MAX_READY = 64;
/**
 * ... and while this many found stories are unread in all, counting what the polls
 * under way are likely to bring: about 2 s of work at the 60-100 articles/s measured
 * here. Where the fetcher's manners pace each host, a site counts only the stories it
 * can serve within BACKLOG_SECONDS: the rest wait for the site, not for this machine,
 * and counting them would leave the machine idle while a few sites are read slowly.
 */
const MAX_UNREAD = 128;
const BACKLOG_SECONDS = 2;
/**
 * A site's next feed waits while this many of its stories (or what it serves in
 * BACKLOG_SECONDS, if fewer) are unread: per-host manners cap how fast one site's
 * pages come, so a longer backlog would only wait.
 */
const SITE_BACKLOG = 8;
/** How long a few found stories wait for more, so one store lookup covers them all. */
const LOOKUP_WAIT_MS = 50;

/** Read articles by their pages' own publication times, the feed item's when the page gives none. */
const byPublication = (reads: readonly ReadOutcome[]) => oldestFirst(reads, (r) => ('article' in r ? r.article.published : undefined) ?? r.item.published);

/** Wakes every waiter when the run's state changes; each re-checks its own condition. */
class Changes {
  private waiters: Array<() => void> = [];

  notify(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }

  next(): Promise<void> {
    return new Promise<void>((wake) => this.waiters.push(wake));
  }

  async until(condition: () => boolean): Promise<void> {
    while (!condition()) await this.next();
  }
}

/**
 * One poll of every feed. Feeds are polled a site at a time in turn, and their new
 * stories are looked up in the store, read and recorded while other feeds are still
 * being polled; a feed waits for its poll while the stories already found are unread,
 * so the time from a poll to its alerts stays short however many feeds there are.
 */
export async function runOnce(feeds: readonly Feed[], deps: PipelineDeps, options: RunOnceOptions = {}): Promise<RunSummary> {
  const stream = (options.order ?? 'stream') === 'stream';
  const summary: RunSummary = {
    feeds: feeds.length,
    feedsOk: 0,
    feedsNotModified: 0,
    feedsFailed: 0,
    articlesNew: 0,
    articlesSeen: 0,
    articlesFailed: 0,
    figures: 0,
    figuresStored: 0,
    alerts: [],
    errors: [],
  };
  const changes = new Changes();
  const results: (FeedPollResult | undefined)[] = new Array(feeds.length);
  const schedule = new PollSchedule(feeds);
  // The same story in two feeds is one article.
  const listed = new Set<string>();
  const queue: FeedItem[] = [];
  // Stories found and not yet recorded by the site that serves them; in all, each site
  // counted up to what it can serve soon (see MAX_UNREAD); and those whose pages are
  // read and wait to be recorded.
  const unreadBySite = new Map<string, number>();
  let ready = 0;
  const siteRate = deps.fetcher.perHostRate;
  const soonPerSite = siteRate === undefined ? Infinity : Math.max(1, Math.ceil(siteRate * BACKLOG_SECONDS));
  let unreadSoon = 0;
  let feedsDone = 0;
  let pollsUnderWay = 0;
  let pollsDone = false;
  let failure: { error: unknown } | undefined;
  let finished = 0;

  const enqueue = (items: readonly FeedItem[]) => {
    for (const item of items) {
      if (listed.has(item.link)) continue;
      listed.add(item.link);
      queue.push(item);
      const site = hostOf(item.link);
      const before = unreadBySite.get(site) ?? 0;
      if (before < soonPerSite) unreadSoon++;
      unreadBySite.set(site, before + 1);
    }
  };
  const settle = (item: FeedItem) => {
    const site = hostOf(item.link);
    const before = unreadBySite.get(site) ?? 1;
    if (before <= soonPerSite) unreadSoon--;
    const left = before - 1;
    if (left > 0) unreadBySite.set(site, left);
    else unreadBySite.delete(site);
    changes.notify();
  };

  const nextFeed = (): number | undefined => {
    if (!stream) return schedule.take();
    // A poll under way is expected to bring as many stories as the polls so far.
    const expected = feedsDone > 0 ? pollsUnderWay * Math.min(listed.size / feedsDone, soonPerSite) : 0;
    if (ready >= MAX_READY || unreadSoon + expected >= MAX_UNREAD) return undefined;
    return schedule.take((site) => (unreadBySite.get(site) ?? 0) < Math.min(SITE_BACKLOG, soonPerSite));
  };
  const poller = async () => {
    while (!failure && schedule.size > 0) {
      const index = nextFeed();
      if (index === undefined) {
        await changes.next();
        continue;
      }
      const feed = feeds[index];
      pollsUnderWay++;
      const result = await pollFeed(feed, deps).finally(() => pollsUnderWay--);
      results[index] = result;
      if (result.error) {
        summary.feedsFailed++;
        summary.errors.push({ url: feed.url, error: result.error });
      } else if (result.notModified) summary.feedsNotModified++;
      else summary.feedsOk++;
      summary.articlesSeen += result.known;
      if (stream) enqueue(result.items);
      feedsDone++;
      deps.onProgress?.({ type: 'feed', feed, done: feedsDone, total: feeds.length, newItems: result.items.length, error: result.error, notModified: result.notModified });
      changes.notify();
    }
  };
  // A poll that throws (the store failing) stops the run: polls under way finish,
  // the feeds not yet polled are left for the next run.
  const pollOrStop = () =>
    poller().catch((error: unknown) => {
      failure ??= { error };
      changes.notify();
    });
  const polling = Promise.all(Array.from({ length: Math.min(deps.concurrency ?? 8, feeds.length) }, pollOrStop)).then(() => {
    pollsDone = true;
    changes.notify();
  });

  /** Drops the stories already settled in the store; the rest, oldest first. */
  const lookUp = async (items: readonly FeedItem[]): Promise<FeedItem[]> => {
    const done = await deps.store.settledArticles(items.map((item) => item.link), MAX_ARTICLE_ATTEMPTS);
    const fresh = readingOrder(items.filter((item) => !done.has(item.link)));
    summary.articlesSeen += items.length - fresh.length;
    summary.articlesNew += fresh.length;
    for (const item of items) if (done.has(item.link)) settle(item);
    return fresh;
  };
  const read = (item: FeedItem): Promise<ReadOutcome> =>
    readArticle(item, deps)
      .then(
        (r): ReadOutcome => r,
        (err: Error) => ({ item, error: err.message || String(err) }),
      )
      .finally(() => ready++);
  const record = async (outcome: ReadOutcome): Promise<void> => {
    let figures = 0;
    let alerts = 0;
    let error: string | undefined;
    if ('error' in outcome) error = outcome.error;
    else {
      try {
        const recorded = await recordArticle(outcome, deps);
        figures = recorded.figures;
        alerts = recorded.alerts.length;
        summary.figures += recorded.figures;
        summary.figuresStored += recorded.stored;
        summary.alerts.push(...recorded.alerts);
      } catch (err) {
        error = (err as Error).message || String(err);
      }
    }
    if (error !== undefined) {
      summary.articlesFailed++;
      summary.errors.push({ url: outcome.item.link, error });
      await recordArticleFailure(outcome.item, error, deps);
    }
    finished++;
    ready--;
    settle(outcome.item);
    deps.onProgress?.({ type: 'article', url: outcome.item.link, done: finished, total: summary.articlesNew, polling: !pollsDone, figures, alerts, error });
  };

  try {
    if (stream) {
      // Pages arrive in any order; their figures are stored one article at a time as
      // they come (the store's conditional writes would allow more, but one writer
      // is faster on the embedded engine).
      let recording = Promise.resolve();
      const reading: Promise<void>[] = [];
      const recordNext = (outcome: ReadOutcome) => {
        recording = recording
          .then(() => (failure ? undefined : record(outcome)))
          .catch((error: unknown) => {
            failure ??= { error };
            changes.notify();
          });
        return recording;
      };
      for (;;) {
        await changes.until(() => pollsDone || queue.length > 0 || failure !== undefined);
        if (failure) break;
        if (!pollsDone && queue.length < RECORD_WINDOW) {
          let due = false;
          const timer = setTimeout(() => {
            due = true;
            changes.notify();
          }, LOOKUP_WAIT_MS);
          await changes.until(() => due || pollsDone || queue.length >= RECORD_WINDOW);
          clearTimeout(timer);
        }
        if (queue.length === 0) break;
        for (const item of await lookUp(queue.splice(0))) reading.push(read(item).then(recordNext));
      }
      await Promise.all(reading);
      await recording;
    } else {
      await polling;
      if (failure) throw failure.error;
      for (const result of results) if (result) enqueue(result.items);
      const fresh = await lookUp(queue.splice(0));
      for (let start = 0; start < fresh.length; start += RECORD_WINDOW) {
        const reads = await Promise.all(fresh.slice(start, start + RECORD_WINDOW).map(read));
        for (const outcome of byPublication(reads)) await record(outcome);
      }
    }
  } catch (error) {
    failure ??= { error };
  }
  if (failure) {
    changes.notify();
    await polling;
    throw failure.error;
  }
  await polling;
  // Articles that failed stay out of each feed's handed-off set, to be read again.
  const failed = new Set(summary.errors.map((e) => e.url));
  await Promise.all(results.map((result) => result && commitFeedPoll(result, deps, failed)));
  return summary;
}
