import type { Clock } from './clock.ts';

interface HostState {
  active: number;
  nextStartAt: number;
  lastStartAt: number;
  waiting: Array<() => void>;
}

/** Where requests to every host queue once their host's turn has come (see HttpFetcher's maxConcurrent). */
export type Slots = <T>(task: () => Promise<T>) => Promise<T>;

/**
 * Per-host manners: at most `maxConcurrent` requests in flight to one host, and
 * request starts to one host at least `minDelayMs` apart.
 */
export class HostPoliteness {
  private readonly hosts = new Map<string, HostState>();

  constructor(
    private readonly maxConcurrent: number,
    private readonly minDelayMs: number,
    private readonly clock: Clock,
    private readonly slots: Slots = (task) => task(),
  ) {}

  async run<T>(host: string, task: () => Promise<T>): Promise<T> {
    const state = await this.acquire(host);
    try {
      return await this.slots(async () => {
        // The wait for a slot may have used up the spacing the turn was given: count it
        // again from the host's last real start.
        const wait = state.lastStartAt + this.minDelayMs - this.clock.now();
        if (wait > 0) await this.clock.sleep(wait);
        state.lastStartAt = this.clock.now();
        return task();
      });
    } finally {
      this.release(host, state);
    }
  }

  private async acquire(host: string): Promise<HostState> {
    let state = this.hosts.get(host);
    if (!state) {
      state = { active: 0, nextStartAt: 0, lastStartAt: -Infinity, waiting: [] };
      this.hosts.set(host, state);
    }
    if (state.active >= this.maxConcurrent) {
      // release() hands its slot straight to the first waiter
      await new Promise<void>((wake) => state.waiting.push(wake));
    } else {
      state.active++;
    }
    const now = this.clock.now();
    const startAt = Math.max(now, state.nextStartAt);
    state.nextStartAt = startAt + this.minDelayMs;
    await this.clock.sleep(startAt - now);
    return state;
  }

  private release(host: string, state: HostState): void {
    const next = state.waiting.shift();
    if (next) return next();
    state.active--;
    if (state.active === 0 && Math.max(state.nextStartAt, state.lastStartAt + this.minDelayMs) <= this.clock.now()) this.hosts.delete(host);
  }
}
