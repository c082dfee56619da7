import type { Feed } from '../domain/types.ts';

/** A URL's host, or the text itself when it is not a URL (it then fails when fetched). */
export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/**
 * Feeds waiting for their poll, handed out one site at a time in turn: a site with
 * many feeds does not hold back the others, and a site whose stories are still
 * being read can be passed over until it catches up.
 */
export class PollSchedule {
  // Map order is the turn: a site goes to the back once one of its feeds is taken.
  private readonly bySite = new Map<string, number[]>();
  private left = 0;

  constructor(feeds: readonly Feed[]) {
    feeds.forEach((feed, index) => {
      const host = hostOf(feed.url);
      const list = this.bySite.get(host);
      if (list) list.push(index);
      else this.bySite.set(host, [index]);
    });
    this.left = feeds.length;
  }

  get size(): number {
    return this.left;
  }

  /** The list position of the next feed of the first site in turn that `ready` lets through, if any. */
  take(ready: (host: string) => boolean = () => true): number | undefined {
    for (const [host, list] of this.bySite) {
      if (!ready(host)) continue;
      const index = list.shift() as number;
      this.bySite.delete(host);
      if (list.length > 0) this.bySite.set(host, list);
      this.left--;
      return index;
    }
    return undefined;
  }
}
