import { setTimeout as delay } from 'node:timers/promises';

/** Time as the HTTP layer sees it; tests pass a fake one so backoffs and delays cost nothing. */
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => (ms > 0 ? delay(ms) : Promise.resolve()),
};
