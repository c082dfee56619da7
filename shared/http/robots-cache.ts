import robotsParserModule from 'robots-parser';

// robots-parser is CommonJS whose typings declare an ES default export: at run time the
// default import is the function itself.
const robotsParser = robotsParserModule as unknown as typeof robotsParserModule.default;
import type { Clock } from './clock.ts';
import { FetchError } from './fetcher.ts';

/** What fetching /robots.txt gave: a status and text, or a thrown FetchError. */
export type RobotsLoader = (robotsUrl: string) => Promise<{ status: number; text: string }>;

type Verdict = { kind: 'rules'; robot: ReturnType<typeof robotsParser> } | { kind: 'allow_all' } | { kind: 'unreachable'; why: string } | { kind: 'blocked'; message: string };

export interface RobotsCacheOptions {
  userAgent: string;
  /** How long a fetched robots.txt (or its 4xx absence) is trusted. */
  ttlMs: number;
  /** How long an unreachable robots.txt keeps a host's pages off limits before asking again. */
  failureTtlMs: number;
}

/**
 * robots.txt per origin, as RFC 9309 reads it: a 4xx (404 and the like) means no rules;
 * a 5xx, 429 or a network failure means the site cannot say, so its pages are treated
 * as disallowed until the (shorter) failure TTL runs out.
 */
export class RobotsCache {
  private readonly entries = new Map<string, { verdict: Promise<Verdict>; expiresAt: number }>();

  constructor(
    private readonly load: RobotsLoader,
    private readonly clock: Clock,
    private readonly options: RobotsCacheOptions,
  ) {}

  /** Throws a FetchError (robots_disallowed / robots_unavailable) when `url` may not be fetched. */
  async check(url: URL): Promise<void> {
    const verdict = await this.verdictFor(url.origin);
    // the host itself is refused (SSRF guard): say so rather than blame robots.txt
    if (verdict.kind === 'blocked') throw new FetchError(url.href, 'ssrf_blocked', verdict.message);
    if (verdict.kind === 'unreachable') {
      throw new FetchError(url.href, 'robots_unavailable', `the site's robots.txt could not be read (${verdict.why}); its pages are skipped for now`);
    }
    if (verdict.kind === 'rules' && verdict.robot.isAllowed(url.href, this.options.userAgent) === false) {
      throw new FetchError(url.href, 'robots_disallowed', `the site's robots.txt disallows this page`);
    }
  }

  private verdictFor(origin: string): Promise<Verdict> {
    const now = this.clock.now();
    const cached = this.entries.get(origin);
    if (cached && cached.expiresAt > now) return cached.verdict;
    const entry = { verdict: this.fetchVerdict(origin), expiresAt: Number.POSITIVE_INFINITY };
    this.entries.set(origin, entry);
    void entry.verdict.then((v) => {
      entry.expiresAt = this.clock.now() + (v.kind === 'unreachable' || v.kind === 'blocked' ? this.options.failureTtlMs : this.options.ttlMs);
    });
    return entry.verdict;
  }

  private async fetchVerdict(origin: string): Promise<Verdict> {
    const robotsUrl = `${origin}/robots.txt`;
    let status: number;
    let text: string;
    try {
      ({ status, text } = await this.load(robotsUrl));
    } catch (err) {
      if (err instanceof FetchError && err.reason === 'http_status' && err.status !== undefined) {
        status = err.status;
        text = '';
      } else if (err instanceof FetchError && err.reason === 'ssrf_blocked') {
        return { kind: 'blocked', message: err.message };
      } else {
        return { kind: 'unreachable', why: err instanceof FetchError ? err.reason : (err as Error).message };
      }
    }
    if (status >= 200 && status < 300) return { kind: 'rules', robot: robotsParser(robotsUrl, text) };
    if (status === 429 || status >= 500) return { kind: 'unreachable', why: `HTTP ${status}` };
    return { kind: 'allow_all' };
  }
}
