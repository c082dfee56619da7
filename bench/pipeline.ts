// The local pipeline end to end over a synthetic load served from a local HTTP server:
// runOnce() as the CLI wires it (embedded DynamoDB engine on disk, HttpFetcher, a sink
// that notes when each alert is delivered).
//
//   npm run bench:pipeline [-- --feeds N --articles N --outlets N --concurrency N --store disk|memory --host-delay MS]
//
// Two polls: the first finds every article new (the cold start: feeds x items over
// distinct articles); the second is the steady state: most feeds answer 304 and a few
// list follow-up articles. Prints articles/s, poll-to-alert latency, DynamoDB requests
// and capacity units per feed and per new article, where the time went, peak memory,
// and a last line of JSON for bench/run-all.ts.
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { localDeps } from '../cli/wire.ts';
import type { Alert, Feed } from '../shared/domain/types.ts';
import type { FeedState } from '../shared/store/store.ts';
import { HttpFetcher } from '../shared/http/http-fetcher.ts';
import { systemResolver } from '../shared/http/guarded-lookup.ts';
import { runOnce, type RunSummary } from '../shared/pipeline/run-once.ts';
import { connectStore } from '../shared/store/connect.ts';
import { capacitySince, divideWork, meterCapacity, noWork, sumWork, totalRequests, withScopes, type Work } from './lib/capacity-meter.ts';
import { BENCH_DOMAIN, outletHost } from './lib/load-server.ts';
import { percentile } from './lib/percentile.ts';
import type { ServerReply, ServerRequest } from './lib/serve-load.ts';
import { DEFAULT_LOAD, type LoadOptions } from './lib/synthetic-load.ts';
import { Stopwatch } from './lib/timed.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const { values: args } = parseArgs({
  options: {
    feeds: { type: 'string' },
    articles: { type: 'string' },
    outlets: { type: 'string' },
    'follow-ups': { type: 'string' },
    concurrency: { type: 'string', default: '8' },
    // Milliseconds between request starts to one host: the fetcher's default, or 0 for
    // the pipeline's own speed with nothing but 2 requests in flight per host.
    'host-delay': { type: 'string', default: '500' },
    // disk: the embedded engine on disk, as the CLI runs it; memory: the same engine without disk
    store: { type: 'string', default: 'disk' },
  },
});
const num = (v: string | undefined, fallback: number) => (v === undefined ? fallback : Number(v));
const load: LoadOptions = {
  ...DEFAULT_LOAD,
  feeds: num(args.feeds, DEFAULT_LOAD.feeds),
  articles: num(args.articles, DEFAULT_LOAD.articles),
  outlets: num(args.outlets, DEFAULT_LOAD.outlets),
  followUps: num(args['follow-ups'], DEFAULT_LOAD.followUps),
};
const concurrency = Number(args.concurrency);
// The fetcher's own defaults (2 requests in flight and 500 ms between starts per host)
// unless --host-delay says otherwise; the sites are spread over many host names.
const POLITENESS = { maxConcurrentPerHost: 2, minDelayPerHostMs: Number(args['host-delay']) };

function startServer(): Promise<{ child: ChildProcess; port: number; ask: (m: ServerRequest) => Promise<ServerReply> }> {
  const child = fork(path.join(here, 'lib/serve-load.ts'), [JSON.stringify(load)], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const ask = (m: ServerRequest) =>
    new Promise<ServerReply>((ok) => {
      child.once('message', (reply) => ok(reply as ServerReply));
      child.send(m);
    });
  return new Promise((ok, fail) => {
    child.once('error', fail);
    child.once('exit', (code) => fail(new Error(`load server exited with ${code}`)));
    child.once('message', (reply) => {
      const r = reply as ServerReply;
      if (r.type === 'ready') ok({ child, port: r.port, ask });
    });
  });
}

interface PhaseResult {
  seconds: number;
  feeds: number;
  feedsNotModified: number;
  feedsFailed: number;
  articlesNew: number;
  articlesFailed: number;
  figures: number;
  figuresStored: number;
  alerts: number;
  articlesPerSecond: number;
  latencyMs: { n: number; p50: number; p95: number; max: number };
  dynamo: {
    perFeed: Work;
    /** Feed-state work of a poll that found the feed unchanged (304 or the same body), and of one that did not. */
    unchangedPoll: Work;
    changedPoll: Work;
    settledLookups: Work;
    lookupsPerNewArticle: Work;
    perNewArticle: Work;
    byCommand: Record<string, number>;
    unitsByCommand: Record<string, number>;
  };
  timeMs: Record<string, number>;
  /** Where the wall time went: store writes of recording, extraction on this thread, the poll phase (they overlap). */
  split: { recordingSeconds: number; readingSeconds: number; pollSeconds: number };
  cpuSeconds: number;
  errors: string[];
}

const perUnit = (n: number, d: number) => (d > 0 ? n / d : 0);

const server = await startServer();
const dataDir = mkdtempSync(path.join(tmpdir(), 'bench-pipeline-'));
const conn = await connectStore(args.store === 'memory' ? { inMemory: true } : { dataDir });
const meter = meterCapacity(conn.client);
const watch = new Stopwatch();
const pollDoneAt = new Map<string, number>();
const unchangedFeeds = new Set<string>();
// Set by the progress callback when the last feed of a poll is done.
const pollPhase: { endAt?: number } = {};
const delivered: { alert: Alert; at: number }[] = [];

const fetcher = new HttpFetcher({
  allowLoopback: true,
  ...POLITENESS,
  maxConcurrent: concurrency,
  resolver: async (host) => (host.endsWith(`.${BENCH_DOMAIN}`) ? [{ address: '127.0.0.1', family: 4 }] : systemResolver(host)),
});
const base = localDeps(conn, fetcher, {
  data: dataDir,
  quiet: true,
  concurrency,
  sink: { deliver: async (alert) => void delivered.push({ alert, at: performance.now() }) },
  onProgress: (e) => {
    if (e.type !== 'feed') return;
    pollDoneAt.set(e.feed.url, performance.now());
    if (e.notModified) unchangedFeeds.add(e.feed.url);
    if (e.done === e.total) pollPhase.endAt = performance.now();
  },
});
// Feed-state requests are metered per feed, the others per store method.
const scopeOf = (method: string, args: unknown[]) =>
  method === 'getFeedState' ? `feed:${args[0] as string}` : method === 'putFeedState' ? `feed:${(args[0] as FeedState).url}` : method;
const deps = {
  ...base,
  store: watch.methods(withScopes(conn.store, scopeOf), 'store'),
  extractArticle: watch.sync('extractArticle', base.extractArticle),
  extractFigures: watch.sync('extractFigures', base.extractFigures),
};
const feeds: Feed[] = Array.from({ length: load.feeds }, (_, i) => ({ url: `http://${outletHost(i % load.outlets)}:${server.port}/feeds/${i}.xml` }));

async function phase(label: string): Promise<PhaseResult> {
  pollDoneAt.clear();
  unchangedFeeds.clear();
  delivered.length = 0;
  watch.reset();
  pollPhase.endAt = undefined;
  const before = meter.totals();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const summary: RunSummary = await runOnce(feeds, deps);
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const pollEndAt = pollPhase.endAt as number | undefined;
  const all = capacitySince(meter.totals(), before);
  const feedWork = (list: readonly Feed[]) => sumWork(list.map((f) => all.byScope[`feed:${f.url}`] ?? noWork()));
  const unchanged = feeds.filter((f) => unchangedFeeds.has(f.url));
  const changed = feeds.filter((f) => !unchangedFeeds.has(f.url));
  const lookups = all.byScope.settledArticles ?? noWork();
  const articleWork = sumWork(Object.entries(all.byScope).filter(([k]) => !k.startsWith('feed:') && k !== 'settledArticles').map(([, w]) => w));
  const latencies = delivered.map((d) => d.at - (pollDoneAt.get(d.alert.source.feedUrl ?? '') ?? Number.NaN)).filter((x) => Number.isFinite(x));
  const result: PhaseResult = {
    seconds,
    feeds: summary.feeds,
    feedsNotModified: summary.feedsNotModified,
    feedsFailed: summary.feedsFailed,
    articlesNew: summary.articlesNew,
    articlesFailed: summary.articlesFailed,
    figures: summary.figures,
    figuresStored: summary.figuresStored,
    alerts: summary.alerts.length,
    articlesPerSecond: perUnit(summary.articlesNew, seconds),
    latencyMs: { n: latencies.length, p50: percentile(latencies, 50), p95: percentile(latencies, 95), max: latencies.length ? Math.max(...latencies) : Number.NaN },
    dynamo: {
      perFeed: divideWork(feedWork(feeds), feeds.length),
      unchangedPoll: divideWork(feedWork(unchanged), unchanged.length),
      changedPoll: divideWork(feedWork(changed), changed.length),
      settledLookups: lookups,
      lookupsPerNewArticle: divideWork(lookups, summary.articlesNew),
      perNewArticle: divideWork(articleWork, summary.articlesNew),
      byCommand: all.requests,
      unitsByCommand: all.units,
    },
    timeMs: Object.fromEntries(Object.entries(watch.ms).map(([k, v]) => [k, Math.round(v)])),
    split: {
      // runOnce records one article at a time, so these calls do not overlap one another; they
      // overlap reading and polling, and include the waits for this busy thread.
      recordingSeconds: ['store.recordFigure', 'store.putArticleState', 'store.markDelivered'].reduce((sum, k) => sum + (watch.ms[k] ?? 0), 0) / 1000,
      readingSeconds: ((watch.ms.extractArticle ?? 0) + (watch.ms.extractFigures ?? 0)) / 1000,
      pollSeconds: ((pollEndAt ?? t0) - t0) / 1000,
    },
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    errors: summary.errors.slice(0, 5).map((e) => `${e.url}: ${e.error}`),
  };
  report(label, result);
  return result;
}

const f1 = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : 'n/a');
function report(label: string, r: PhaseResult): void {
  const d = r.dynamo;
  console.log(`\n${label}: ${r.feeds} feeds (${r.feedsNotModified} not modified, ${r.feedsFailed} failed) in ${f1(r.seconds)} s, feeds polled after ${f1(r.split.pollSeconds)} s`);
  console.log(`  ${r.articlesNew} new articles (${r.articlesFailed} failed), ${r.figures} figures, ${r.figuresStored} stored, ${r.alerts} alerts: ${f1(r.articlesPerSecond)} articles/s`);
  console.log(`  poll-to-alert latency over ${r.latencyMs.n} alerts: p50 ${f1(r.latencyMs.p50 / 1000)} s, p95 ${f1(r.latencyMs.p95 / 1000)} s, max ${f1(r.latencyMs.max / 1000)} s`);
  const work = (w: Work) => `${w.requests.toFixed(2)} requests, ${w.readUnits.toFixed(2)} RRU, ${w.writeUnits.toFixed(2)} WRU`;
  console.log(`  DynamoDB per feed poll: ${work(d.perFeed)} (changed feeds ${work(d.changedPoll)}; unchanged ${work(d.unchangedPoll)})`);
  console.log(`  DynamoDB settled-article lookups: ${d.settledLookups.requests} BatchGet, ${d.settledLookups.readUnits} RRU (${d.lookupsPerNewArticle.readUnits.toFixed(2)} RRU per new article)`);
  console.log(`  DynamoDB per new article: ${work(d.perNewArticle)}; all requests by command ${JSON.stringify(d.byCommand)}`);
  console.log(`  time inside (ms, summed over concurrent calls): ${JSON.stringify(r.timeMs)}; CPU ${f1(r.cpuSeconds)} s of ${f1(r.seconds)} s wall`);
  console.log(`  recording (store writes, one article at a time) ${f1(r.split.recordingSeconds)} s, reading (body + figures, on this thread) ${f1(r.split.readingSeconds)} s, polling ${f1(r.split.pollSeconds)} s; all overlapping, of ${f1(r.seconds)} s`);
  for (const e of r.errors) console.log(`  error: ${e}`);
}

console.log(`load: ${load.feeds} feeds x ${load.itemsPerFeed} items over ${load.articles} articles on ${load.outlets} hosts (+${load.followUps} follow-ups); embedded DynamoDB engine ${args.store === 'memory' ? 'in memory' : 'on disk'}; pipeline concurrency ${concurrency}; fetcher per host: ${POLITENESS.maxConcurrentPerHost} in flight, ${POLITENESS.minDelayPerHostMs} ms apart`);
try {
  const cold = await phase('first poll (cold: every article new)');
  await server.ask({ type: 'tick', tick: 1 });
  const steady = await phase('second poll (steady: most feeds 304)');
  const served = await server.ask({ type: 'stats' });
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  const requestCountsAgree = totalRequests(meter.totals()) === Object.values(conn.store.requestCounts).reduce((a, b) => a + b, 0);
  console.log(`\npeak RSS ${peakRssMb.toFixed(0)} MB (pipeline + embedded DynamoDB; the load server runs in its own process); served ${JSON.stringify(served.type === 'stats' ? served.served : {})}`);
  if (!requestCountsAgree) console.log('warning: metered requests differ from store.requestCounts');
  console.log(JSON.stringify({ bench: 'pipeline', load, store: args.store, concurrency, politeness: POLITENESS, cold, steady, peakRssMb, servedBytes: served.type === 'stats' ? served.bytes : undefined }));
} finally {
  server.child.disconnect();
  await conn.close();
  rmSync(dataDir, { recursive: true, force: true });
}
