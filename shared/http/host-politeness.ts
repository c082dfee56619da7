import type { Clock } from './clock.ts';

interface HostState {
  active: number;
  nextStartAt: number;
  waiting: Array<() => void>;
}

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
  ) {}

  async run<T>(host: string, task: () => Promise<T>): Promise<T> {
    const state = await this.acquire(host);
    try {
      return await task();
    } finally {
      this.release(host, state);
    }
  }

  private async acquire(host: string): Promise<HostState> {
    let state = this.hosts.get(host);
    if (!state) {
      state = { active: 0, nextStartAt: 0, waiting: [] };
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
    if (state.active === 0 && state.nextStartAt <= this.clock.now()) this.hosts.delete(host);
  }
}
