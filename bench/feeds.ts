// Feed parsing speed over real-world feed files (../shared/realworld/feeds: rss-parser's
// and feedparser's test feeds, including broken ones), with parseFeed() as the pipeline
// calls it. Bytes are decoded the way the fetcher decodes a feed with no declared type.
//
//   npm run bench:feeds [-- --rounds N]
//
// Prints feeds/s and MB/s on one core (median of N rounds after a warm-up), how many
// documents parsed or were refused, and a last line of JSON for bench/run-all.ts.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parseFeed } from '../shared/feeds/parse-feed.ts';
import { decodeBytes } from '../shared/http/charset.ts';
import { percentile } from './lib/percentile.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const feedsDir = path.resolve(repoRoot, '../shared/realworld/feeds');
const { values: args } = parseArgs({ options: { rounds: { type: 'string', default: '5' } } });
const rounds = Number(args.rounds);

if (!existsSync(feedsDir)) {
  console.log(`bench:feeds: ${feedsDir} is absent; skipped`);
  console.log(JSON.stringify({ bench: 'feeds', skipped: `${feedsDir} is absent` }));
  process.exit(0);
}

// rss-parser's output/ holds its golden parse results, not feeds.
const files = (readdirSync(feedsDir, { recursive: true, encoding: 'utf8' }) as string[])
  .filter((f) => /\.(xml|rss|atom|rdf|json)$/.test(f) && !f.startsWith(`rss-parser${path.sep}output`))
  .sort();
const docs = files.map((f) => {
  const bytes = readFileSync(path.join(feedsDir, f));
  return { file: f, bytes: bytes.length, text: decodeBytes(bytes, undefined, 'feed'), url: `https://feeds.example/${f.split(path.sep).join('/')}` };
});
const megabytes = docs.reduce((n, d) => n + d.bytes, 0) / 1e6;

interface Round {
  seconds: number;
  parsed: number;
  refused: number;
  items: number;
  reasons: Record<string, number>;
}

async function round(): Promise<Round> {
  const r: Round = { seconds: 0, parsed: 0, refused: 0, items: 0, reasons: {} };
  const t0 = performance.now();
  for (const d of docs) {
    try {
      r.items += (await parseFeed(d.text, d.url)).length;
      r.parsed++;
    } catch (err) {
      r.refused++;
      const reason = (err as { reason?: string }).reason ?? (err as Error).name;
      r.reasons[reason] = (r.reasons[reason] ?? 0) + 1;
    }
  }
  r.seconds = (performance.now() - t0) / 1000;
  return r;
}

await round();
const measured: Round[] = [];
for (let i = 0; i < rounds; i++) measured.push(await round());
const seconds = percentile(measured.map((r) => r.seconds), 50);
const last = measured[measured.length - 1];
const result = {
  bench: 'feeds',
  files: docs.length,
  megabytes,
  parsed: last.parsed,
  refused: last.refused,
  refusedBy: last.reasons,
  items: last.items,
  seconds,
  feedsPerSecond: docs.length / seconds,
  megabytesPerSecond: megabytes / seconds,
  rounds,
};
console.log(`${docs.length} feed documents, ${megabytes.toFixed(1)} MB, Node ${process.version}`);
console.log(`parsed ${result.parsed} (${result.items} items), refused ${result.refused} ${JSON.stringify(result.refusedBy)}`);
console.log(`${result.feedsPerSecond.toFixed(0)} feeds/s, ${result.megabytesPerSecond.toFixed(2)} MB/s on one core (median of ${rounds} rounds, ${seconds.toFixed(2)} s each)`);
console.log(JSON.stringify(result));
