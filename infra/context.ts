import { existsSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { z } from 'zod';
import { REPO_ROOT } from './bundle-options.ts';

/** Attributes the SNS sink puts on each alert (shared/alerts/sns-sink.ts), so the ones a filter may name. */
export const ALERT_ATTRIBUTES = ['metric', 'origin', 'destination', 'country', 'status', 'per', 'count'] as const;

const Email = z.email();
const FilterPolicy = z.partialRecord(z.enum(ALERT_ATTRIBUTES), z.array(z.union([z.string(), z.number(), z.record(z.string(), z.unknown())])).min(1));

/** Every `-c name=value` the app reads, parsed and checked once. */
export interface MonitorContext {
  /** Minutes between two polls of every feed. */
  pollRateMinutes: number;
  alertEmails: string[];
  /** Per alert email, an SNS filter policy over the alert attributes. */
  alertFilters: Record<string, Partial<Record<(typeof ALERT_ATTRIBUTES)[number], unknown[]>>>;
  opsEmails: string[];
  /** Absolute path of the feed list uploaded at deploy time. */
  feedsFile: string;
  /** Most concurrent poll-feed and process-article invocations. */
  pollConcurrency: number;
  articleConcurrency: number;
  logRetentionDays: number;
  /** Share of feed polls failing (over 15 minutes) that raises the ops alarm. */
  feedFailureAlarmRate: number;
}

type Lookup = (key: string) => unknown;

const text = (value: unknown): string | undefined => (value === undefined || value === null || value === '' ? undefined : String(value));
const list = (value: unknown): string[] => (text(value) ?? '').split(',').map((s) => s.trim()).filter(Boolean);

function emails(key: string, value: unknown): string[] {
  const out = list(value);
  for (const e of out) if (!Email.safeParse(e).success) throw new Error(`-c ${key}: not an email address: ${e}`);
  return out;
}

function positive(key: string, value: unknown, fallback: number, max = Infinity): number {
  const raw = text(value);
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0 || n > max) throw new Error(`-c ${key}=${raw}: expected a number in (0, ${max}]`);
  return n;
}

/** "5", "5 minutes", "1 hour" -> minutes. */
export function parsePollRate(value: unknown): number {
  const raw = text(value) ?? '5 minutes';
  const m = /^(\d+)\s*(m|min|minutes?|h|hours?)?$/i.exec(raw.trim());
  if (!m || Number(m[1]) < 1) throw new Error(`-c pollRate=${raw}: expected e.g. "5 minutes" or "1 hour"`);
  return /^h/i.test(m[2] ?? '') ? Number(m[1]) * 60 : Number(m[1]);
}

export function readContext(lookup: Lookup): MonitorContext {
  const alertEmails = emails('alertEmails', lookup('alertEmails'));
  const filtersRaw = text(lookup('alertFilters'));
  let alertFilters: MonitorContext['alertFilters'] = {};
  if (filtersRaw !== undefined) {
    let json: unknown;
    try {
      json = typeof lookup('alertFilters') === 'object' ? lookup('alertFilters') : JSON.parse(filtersRaw);
    } catch (err) {
      throw new Error(`-c alertFilters: invalid JSON (${(err as Error).message})`);
    }
    const parsed = z.record(z.string(), FilterPolicy).safeParse(json);
    if (!parsed.success) throw new Error(`-c alertFilters: ${z.prettifyError(parsed.error)}`);
    for (const email of Object.keys(parsed.data)) {
      if (!alertEmails.includes(email)) throw new Error(`-c alertFilters: ${email} is not one of -c alertEmails`);
    }
    alertFilters = parsed.data;
  }
  const feedsRaw = text(lookup('feedsFile')) ?? 'feeds/default-feeds.txt';
  const feedsFile = isAbsolute(feedsRaw) ? feedsRaw : resolve(REPO_ROOT, feedsRaw);
  if (!existsSync(feedsFile)) throw new Error(`-c feedsFile=${feedsRaw}: no such file`);
  return {
    pollRateMinutes: parsePollRate(lookup('pollRate')),
    alertEmails,
    alertFilters,
    opsEmails: emails('opsEmails', lookup('opsEmails')),
    feedsFile,
    pollConcurrency: positive('pollConcurrency', lookup('pollConcurrency'), 20, 1000),
    articleConcurrency: positive('articleConcurrency', lookup('articleConcurrency'), 10, 1000),
    logRetentionDays: positive('logRetentionDays', lookup('logRetentionDays'), 30),
    feedFailureAlarmRate: positive('feedFailureAlarmRate', lookup('feedFailureAlarmRate'), 0.5, 1),
  };
}
