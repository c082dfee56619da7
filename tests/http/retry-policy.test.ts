import { describe, expect, it } from 'vitest';
import { isRetryableStatus, parseRetryAfter, retryDelayMs } from '../../shared/http/retry-policy.ts';

describe('retry policy', () => {
  const now = Date.parse('2026-03-01T12:00:00Z');
  it('reads Retry-After as seconds or an HTTP date', () => {
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Sun, 01 Mar 2026 12:01:00 GMT', now)).toBe(60_000);
    expect(parseRetryAfter('Sun, 01 Mar 2026 11:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });
  it('retries 429 and 5xx but not 4xx or 501', () => {
    expect([429, 500, 502, 503, 504].every(isRetryableStatus)).toBe(true);
    expect([400, 403, 404, 501].some(isRetryableStatus)).toBe(false);
  });
  it('backs off exponentially with jitter, capped, and lets Retry-After decide', () => {
    const opts = { baseDelayMs: 1000, maxDelayMs: 10_000 };
    expect(retryDelayMs(1, undefined, opts, () => 0)).toBe(500);
    expect(retryDelayMs(1, undefined, opts, () => 1)).toBe(1000);
    expect(retryDelayMs(3, undefined, opts, () => 1)).toBe(4000);
    expect(retryDelayMs(10, undefined, opts, () => 1)).toBe(10_000);
    expect(retryDelayMs(1, 3000, opts, () => 0)).toBe(3000);
    expect(retryDelayMs(1, 60_000, opts, () => 0)).toBe(10_000);
  });
});
