// Every benchmark in one go, one table: where the time and the money go.
//
//   npm run bench
//
// Runs, one after another and each in its own process (so each prints its own figures
// and has its own memory peak): feed parsing (bench/feeds.ts), body extraction beside
// Readability (bench/bodies.ts), figure extraction (bench/extract.ts), the local
// pipeline end to end (bench/pipeline.ts) and the Lambda bundles (bench/bundles.ts).
// A benchmark that does not exist yet is reported as missing. Then the cost model
// (bench/cost-model.ts) prices the measured work on AWS. Prints one table with PASS/FAIL
// per target and writes everything to bench/results.json for comparison between commits.
import { execFileSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_ASSUMPTIONS, LEVERS, monthlyCost, SCENARIOS, US_EAST_1, type CostEstimate, type Measured } from './cost-model.ts';
import { bodiesFigures, bundleFigures, extractFigures } from './lib/bench-figures.ts';
import type { Work } from './lib/capacity-meter.ts';
import { renderGrid, renderRows, verdict, type ResultRow } from './lib/results-table.ts';
import { runChild, type ChildRun } from './lib/run-child.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TARGETS = { articlesPerSecond: 50, p95Seconds: 5, requestsPerArticle: 6, bundleBytes: 1024 * 1024, tenThousandFeedsDollars: 60, suiteSeconds: 600 };

// The pipeline runs twice: once for the pipeline's own speed (the load server is ours,
// so no delay between requests to a host, still 2 in flight per host), which the
// targets judge; once with the fetcher's production manners (500 ms between requests
// to a host), where one site's 20 new stories take 10 s to fetch whatever the pipeline does.
const STEPS: readonly { name: string; script: string; args?: string[]; timeoutMs: number }[] = [
  { name: 'feeds', script: 'bench/feeds.ts', timeoutMs: 120_000 },
  { name: 'bodies', script: 'bench/bodies.ts', timeoutMs: 180_000 },
  { name: 'extract', script: 'bench/extract.ts', timeoutMs: 180_000 },
  { name: 'pipeline', script: 'bench/pipeline.ts', args: ['--host-delay', '0'], timeoutMs: 360_000 },
  { name: 'pipeline-manners', script: 'bench/pipeline.ts', args: ['--host-delay', '500'], timeoutMs: 360_000 },
  { name: 'bundles', script: 'bench/bundles.ts', timeoutMs: 180_000 },
];

const t0 = performance.now();
// Other work on the machine slows every figure here; the load average says how much there was.
const loadAtStart = loadavg()[0];
const runs: Record<string, ChildRun> = {};
for (const step of STEPS) {
  console.log(`\n=== ${step.name}: ${[step.script, ...(step.args ?? [])].join(' ')}`);
  runs[step.name] = await runChild(path.join(repoRoot, step.script), step.args ?? [], { cwd: repoRoot, timeoutMs: step.timeoutMs, label: step.name });
  const r = runs[step.name];
  console.log(`=== ${step.name}: ${r.status} in ${r.seconds.toFixed(1)} s${r.detail ? ` (${r.detail})` : ''}`);
}

// Shapes of the JSON lines that bench/feeds.ts and bench/pipeline.ts print.
interface FeedsJson {
  skipped?: string;
  files: number;
  parsed: number;
  refused: number;
  feedsPerSecond: number;
  megabytesPerSecond: number;
}
interface PhaseJson {
  seconds: number;
  feeds: number;
  feedsNotModified: number;
  articlesNew: number;
  articlesFailed: number;
  alerts: number;
  articlesPerSecond: number;
  latencyMs: { n: number; p50: number; p95: number };
  dynamo: { unchangedPoll: Work; changedPoll: Work; lookupsPerNewArticle: Work; perNewArticle: Work; byCommand: Record<string, number>; unitsByCommand: Record<string, number> };
  timeMs: Record<string, number>;
  split: { recordingSeconds: number; readingSeconds: number; pollSeconds: number };
}
interface PipelineJson {
  cold: PhaseJson;
  steady: PhaseJson;
  peakRssMb: number;
  concurrency: number;
  politeness: { maxConcurrentPerHost: number; minDelayPerHostMs: number };
  load: { feeds: number; itemsPerFeed: number; articles: number; outlets: number };
}

const statusNote = (r: ChildRun) => (r.status === 'ok' ? 'printed no JSON' : `${r.status}${r.detail ? `: ${r.detail}` : ''}`);
const n = (x: number | undefined, digits = 1) => (x === undefined || !Number.isFinite(x) ? 'n/a' : x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }));
const judged = (value: number | undefined, ok: (v: number) => boolean) => (value === undefined || !Number.isFinite(value) ? undefined : ok(value));
const rows: ResultRow[] = [];

const feeds = runs.feeds.json as FeedsJson | undefined;
if (feeds?.skipped) rows.push({ area: 'feed parsing', measure: 'skipped', value: feeds.skipped });
else if (feeds) {
  rows.push({ area: 'feed parsing', measure: `feeds/s over ${feeds.files} real-world feed files`, value: `${n(feeds.feedsPerSecond, 0)} feeds/s, ${n(feeds.megabytesPerSecond, 2)} MB/s` });
  rows.push({ area: 'feed parsing', measure: 'parsed / refused', value: `${feeds.parsed} / ${feeds.refused}` });
} else rows.push({ area: 'feed parsing', measure: 'feeds/s', value: statusNote(runs.feeds) });

const bodies = bodiesFigures(runs.bodies.json, runs.bodies.output);
rows.push(
  bodies.oursPagesPerSecond === undefined
    ? { area: 'body extraction', measure: 'pages/s', value: statusNote(runs.bodies) }
    : { area: 'body extraction', measure: 'pages/s, ours vs Readability on jsdom (same pass)', value: `${n(bodies.oursPagesPerSecond)} vs ${n(bodies.readabilityPagesPerSecond)} (${n(bodies.ratio)}x)${bodies.oursAlonePagesPerSecond !== undefined ? `; ours alone ${n(bodies.oursAlonePagesPerSecond)}` : ''}` },
);
if (bodies.oursF1 !== undefined) rows.push({ area: 'body extraction', measure: 'F1, ours vs Readability', value: `${n(bodies.oursF1, 3)} vs ${n(bodies.readabilityF1, 3)}` });

const extract = extractFigures(runs.extract.json, runs.extract.output);
rows.push(
  extract.articlesPerSecond === undefined
    ? { area: 'figure extraction', measure: 'articles/s, MB/s on one core', value: statusNote(runs.extract) }
    : {
        area: 'figure extraction',
        measure: 'articles/s, MB/s on one core',
        value:
          extract.runs.length > 1
            ? extract.runs.map((r) => `${r.label}: ${n(r.articlesPerSecond, 0)} articles/s, ${n(r.megabytesPerSecond, 2)} MB/s`).join('; ')
            : `${n(extract.articlesPerSecond)} articles/s, ${n(extract.megabytesPerSecond, 2)} MB/s`,
      },
);

const pipeline = runs.pipeline.json as PipelineJson | undefined;
if (pipeline?.cold) {
  const { cold, steady, load } = pipeline;
  const where = `${load.feeds} feeds x ${load.itemsPerFeed} items, ${load.articles} articles, ${load.outlets} hosts`;
  rows.push({ area: 'pipeline (local)', measure: `end to end, first poll (${where})`, value: `${n(cold.articlesPerSecond)} articles/s (${cold.articlesNew} in ${n(cold.seconds)} s)`, target: `>= ${TARGETS.articlesPerSecond}/s`, pass: judged(cold.articlesPerSecond, (v) => v >= TARGETS.articlesPerSecond) });
  rows.push({ area: 'pipeline (local)', measure: 'where the first poll\'s time went (overlapping)', value: `recording (store writes, one article at a time) ${n(cold.split.recordingSeconds)} s, reading ${n(cold.split.readingSeconds)} s, polling ${n(cold.split.pollSeconds)} s` });
  rows.push({ area: 'pipeline (local)', measure: `poll-to-alert latency, first poll (${cold.latencyMs.n} alerts)`, value: `p50 ${n(cold.latencyMs.p50 / 1000)} s, p95 ${n(cold.latencyMs.p95 / 1000)} s`, target: `p95 <= ${TARGETS.p95Seconds} s`, pass: judged(cold.latencyMs.p95 / 1000, (v) => v <= TARGETS.p95Seconds) });
  rows.push({ area: 'pipeline (local)', measure: `poll-to-alert latency, second poll (${steady.feedsNotModified} feeds 304, ${steady.articlesNew} new)`, value: `p50 ${n(steady.latencyMs.p50 / 1000)} s, p95 ${n(steady.latencyMs.p95 / 1000)} s` });
  rows.push({ area: 'pipeline (local)', measure: 'DynamoDB requests per new article (runOnce; on Lambda +1 settled check)', value: `${n(cold.dynamo.perNewArticle.requests, 2)} (${n(cold.dynamo.perNewArticle.readUnits, 2)} RRU, ${n(cold.dynamo.perNewArticle.writeUnits, 2)} WRU)`, target: `<= ${TARGETS.requestsPerArticle}`, pass: judged(cold.dynamo.perNewArticle.requests, (v) => v <= TARGETS.requestsPerArticle) });
  rows.push({ area: 'pipeline (local)', measure: 'DynamoDB requests per feed poll (changed / unchanged feed)', value: `${n(cold.dynamo.changedPoll.requests, 2)} / ${n(steady.dynamo.unchangedPoll.requests, 2)}` });
  // Only series heads are updated; their size, and so each update's cost, grows with the figures they hold.
  const headUpdate = (p: PhaseJson) => (p.dynamo.unitsByCommand.UpdateItemCommand ?? 0) / Math.max(1, p.dynamo.byCommand.UpdateItemCommand ?? 0);
  rows.push({ area: 'pipeline (local)', measure: 'WRU per series-head UpdateItem, first / second poll', value: `${n(headUpdate(cold), 2)} / ${n(headUpdate(steady), 2)} (grows with the figures a series holds)` });
  rows.push({ area: 'pipeline (local)', measure: 'peak memory (pipeline + embedded DynamoDB)', value: `${n(pipeline.peakRssMb, 0)} MB RSS` });
  rows.push({ area: 'pipeline (local)', measure: 'fetcher settings', value: `${pipeline.politeness.maxConcurrentPerHost} per host, ${pipeline.politeness.minDelayPerHostMs} ms apart; concurrency ${pipeline.concurrency}` });
} else rows.push({ area: 'pipeline (local)', measure: 'articles/s, latency, requests', value: statusNote(runs.pipeline), target: `>= ${TARGETS.articlesPerSecond}/s`, pass: undefined });

const mannered = runs['pipeline-manners'].json as PipelineJson | undefined;
if (mannered?.cold) {
  const { cold, steady, politeness } = mannered;
  const area = `pipeline, ${politeness.minDelayPerHostMs} ms per host`;
  rows.push({ area, measure: 'end to end, first poll', value: `${n(cold.articlesPerSecond)} articles/s (${cold.articlesNew} in ${n(cold.seconds)} s)` });
  rows.push({ area, measure: `poll-to-alert latency, first poll (a site's first feed lists ${mannered.load.itemsPerFeed} new stories)`, value: `p50 ${n(cold.latencyMs.p50 / 1000)} s, p95 ${n(cold.latencyMs.p95 / 1000)} s` });
  rows.push({ area, measure: 'poll-to-alert latency, second poll', value: `p50 ${n(steady.latencyMs.p50 / 1000)} s, p95 ${n(steady.latencyMs.p95 / 1000)} s`, target: `p95 <= ${TARGETS.p95Seconds} s`, pass: judged(steady.latencyMs.p95 / 1000, (v) => v <= TARGETS.p95Seconds) });
} else rows.push({ area: 'pipeline, production manners', measure: 'articles/s, latency', value: statusNote(runs['pipeline-manners']) });

const bundles = bundleFigures(runs.bundles.json, runs.bundles.output);
if (bundles.length === 0) rows.push({ area: 'Lambda bundles', measure: 'size, init', value: statusNote(runs.bundles), target: '<= 1 MB each', pass: undefined });
for (const b of bundles) {
  rows.push({ area: 'Lambda bundles', measure: b.name, value: `${n(b.bytes / 1024, 0)} KB${b.initMs !== undefined ? `, init ${n(b.initMs, 0)} ms` : ''}`, target: '<= 1 MB', pass: b.bytes <= TARGETS.bundleBytes });
}

// The cost model, from the pipeline's measurements (defaults where a benchmark gave none).
const articleCpuMs = pipeline ? ((pipeline.cold.timeMs.extractArticle ?? 0) + (pipeline.cold.timeMs.extractFigures ?? 0)) / Math.max(1, pipeline.cold.articlesNew) : 20;
const measured: Measured = {
  unchangedPoll: pipeline?.steady.dynamo.unchangedPoll ?? { requests: 1, readUnits: 0.5, writeUnits: 0 },
  changedPoll: pipeline?.cold.dynamo.changedPoll ?? { requests: 2, readUnits: 0.5, writeUnits: 1 },
  // the second poll: each follow-up article is listed by one feed
  lookupReadUnitsPerListing: pipeline?.steady.dynamo.lookupsPerNewArticle.readUnits ?? 0.5,
  newArticle: pipeline?.cold.dynamo.perNewArticle ?? { requests: 5, readUnits: 1.5, writeUnits: 5 },
  articleCpuMs,
  feedParseMbPerSecond: feeds?.megabytesPerSecond ?? 5,
};
const costs: CostEstimate[] = SCENARIOS.map((s) => monthlyCost(s, measured, DEFAULT_ASSUMPTIONS, US_EAST_1));
const levers = LEVERS.map((lever) => ({
  name: lever.name,
  totals: SCENARIOS.map((s) => monthlyCost(s, measured, { ...DEFAULT_ASSUMPTIONS, ...lever.assumptions }, US_EAST_1).total),
}));
for (const c of costs) {
  const s = c.scenario;
  const target = s.feeds === 10_000 ? { target: `<= $${TARGETS.tenThousandFeedsDollars}/month`, pass: c.total <= TARGETS.tenThousandFeedsDollars } : {};
  rows.push({ area: 'AWS cost', measure: `${s.name}, every ${s.pollMinutes} min, ${s.newArticlesPerDay.toLocaleString('en-US')} new articles/day, ${s.alertsPerArticle * 100}% alerting`, value: `$${n(c.total, 2)}/month (${Object.entries(c.byService).map(([k, v]) => `${k} ${n(v, 2)}`).join(', ')})`, ...target });
}

for (const lever of levers) {
  rows.push({ area: 'AWS cost', measure: lever.name, value: SCENARIOS.map((s, i) => `${s.name} $${n(lever.totals[i], 2)}`).join('; ') });
}

for (const step of STEPS) {
  const r = runs[step.name];
  if (r.status === 'failed' || r.status === 'timeout') rows.push({ area: 'suite', measure: `${step.script} did not finish`, value: statusNote(r), target: 'runs to the end', pass: false });
}

const suiteSeconds = (performance.now() - t0) / 1000;
rows.push({ area: 'suite', measure: 'wall time of all benchmarks', value: `${n(suiteSeconds, 0)} s`, target: `< ${TARGETS.suiteSeconds} s`, pass: suiteSeconds < TARGETS.suiteSeconds });
rows.push({ area: 'suite', measure: `machine load average (1 min), ${cpus().length} cores`, value: `${n(loadAtStart, 1)} at start, ${n(loadavg()[0], 1)} at end` });

console.log(`\nCost model (${US_EAST_1.region} prices, 30-day month, no free tier):`);
console.log(renderGrid(['service', 'item', ...costs.flatMap((c) => [`${c.scenario.name} quantity`, '$/month'])], costs[0].lines.map((l, i) => [l.service, `${l.item} @ $${l.unitPrice.toPrecision(3)}`, ...costs.flatMap((c) => [n(c.lines[i].quantity, 0), n(c.lines[i].monthly, 2)])])));
console.log('What the levers in the code would save (same load, same prices):');
console.log(renderGrid(['change', ...SCENARIOS.map((s) => `${s.name} $/month`)], [['as the code is today', ...costs.map((c) => n(c.total, 2))], ...levers.map((l) => [l.name, ...l.totals.map((t) => n(t, 2))])]));
console.log(`prices: ${JSON.stringify(US_EAST_1)}`);
console.log(`measured inputs: ${JSON.stringify(measured)}`);
console.log(`assumptions: ${JSON.stringify(DEFAULT_ASSUMPTIONS)}`);
console.log(`scenarios: ${JSON.stringify(SCENARIOS)}`);

console.log(`\nBenchmarks (Node ${process.version}, ${cpus().length} cores)`);
console.log(renderRows(rows));

const commit = (() => {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoRoot, encoding: 'utf8' }).trim();
  } catch {
    return undefined;
  }
})();
const results = {
  date: new Date().toISOString(),
  commit,
  node: process.version,
  cores: cpus().length,
  loadAverage: { start: loadAtStart, end: loadavg()[0] },
  suiteSeconds,
  targets: TARGETS,
  rows: rows.map((r) => ({ ...r, verdict: verdict(r) })),
  steps: Object.fromEntries(Object.entries(runs).map(([k, r]) => [k, { status: r.status, seconds: r.seconds, detail: r.detail, json: r.json }])),
  cost: { prices: US_EAST_1, assumptions: DEFAULT_ASSUMPTIONS, measured, estimates: costs, levers },
};
writeFileSync(path.join(repoRoot, 'bench/results.json'), JSON.stringify(results, null, 2) + '\n');
console.log('written to bench/results.json');
