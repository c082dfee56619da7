// Article-body extraction speed and quality, ours beside Readability.js on jsdom,
// over the Zyte benchmark's development pages (../shared/realworld/zyte-dev).
//
//   npm run bench:bodies [-- --rounds N]
//
// Prints pages/s on one core for both from one pass that alternates them page
// by page (so a busy machine slows both alike), ours alone as the median of N
// rounds, the benchmark's F1/precision/recall for both (scored by
// ../shared/tools/score-bodies.mjs) and peak resident memory.
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { JSDOM, VirtualConsole } from 'jsdom';
import { Readability } from '@mozilla/readability';
import { extractArticle } from '../shared/pages/extract-article.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = path.resolve(repoRoot, '../shared');
const pagesDir = path.join(shared, 'realworld/zyte-dev/html');
const truth = path.join(shared, 'realworld/zyte-dev/ground-truth.json');
const scorer = path.join(shared, 'tools/score-bodies.mjs');
if (!existsSync(pagesDir)) {
  console.error(`bench:bodies: ${pagesDir} is absent; nothing to measure`);
  process.exit(0);
}
const roundsArg = process.argv.indexOf('--rounds');
const rounds = roundsArg > 0 ? Number(process.argv[roundsArg + 1]) : 5;

interface Page {
  id: string;
  url: string;
  html: string;
}
const urls = JSON.parse(readFileSync(truth, 'utf8')) as Record<string, { url?: string }>;
const pages: Page[] = readdirSync(pagesDir)
  .filter((f) => f.endsWith('.html.gz'))
  .sort()
  .map((f) => {
    const id = f.replace(/\.html\.gz$/, '');
    return { id, url: urls[id]?.url ?? `https://example.com/${id}`, html: gunzipSync(readFileSync(path.join(pagesDir, f))).toString('utf8') };
  });
const megabytes = pages.reduce((n, p) => n + p.html.length, 0) / 1e6;

type Extractor = (p: Page) => string;

const ours: Extractor = (p) => extractArticle(p.html, p.url).body;

const virtualConsole = new VirtualConsole();
const readability: Extractor = (p) => {
  const dom = new JSDOM(p.html, { url: p.url, virtualConsole });
  try {
    return new Readability(dom.window.document).parse()?.textContent ?? '';
  } finally {
    dom.window.close();
  }
};

function timeRound(fn: Extractor): { seconds: number; bodies: string[] } {
  const t0 = process.hrtime.bigint();
  const bodies = pages.map(fn);
  return { seconds: Number(process.hrtime.bigint() - t0) / 1e9, bodies };
}

function score(name: string, bodies: string[]): { f1: number; precision: number; recall: number } {
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-bodies-'));
  const pred = path.join(dir, `${name}.jsonl`);
  writeFileSync(pred, pages.map((p, i) => JSON.stringify({ id: p.id, articleBody: bodies[i] })).join('\n') + '\n');
  const out = execFileSync(process.execPath, [scorer, '--truth', truth, '--pred', pred, '--json', '--bootstrap', '0'], { encoding: 'utf8' });
  const m = JSON.parse(out.split('\n')[0]) as Record<string, number>;
  return { f1: m.f1, precision: m.precision, recall: m.recall };
}

const peakMb = (): number => process.resourceUsage().maxRSS / 1024;

/** One pass that runs both extractors page by page, so both see the same machine load. */
function interleaved(): { ours: number; theirs: number; theirBodies: string[] } {
  let a = 0n;
  let b = 0n;
  const theirBodies: string[] = [];
  for (const p of pages) {
    const t0 = process.hrtime.bigint();
    ours(p);
    const t1 = process.hrtime.bigint();
    theirBodies.push(readability(p));
    b += process.hrtime.bigint() - t1;
    a += t1 - t0;
  }
  return { ours: Number(a) / 1e9, theirs: Number(b) / 1e9, theirBodies };
}

// Ours alone first, so its peak memory is not the jsdom run's.
timeRound(ours);
const ourRounds = Array.from({ length: rounds }, () => timeRound(ours));
const ourSeconds = ourRounds.map((r) => r.seconds).sort((a, b) => a - b)[Math.floor(rounds / 2)];
const ourPeak = peakMb();
const both = interleaved();
const theirPeak = peakMb();

const ourScore = score('ours', ourRounds[0].bodies);
const theirScore = score('readability', both.theirBodies);
const ourRate = pages.length / both.ours;
const theirRate = pages.length / both.theirs;
const row = (name: string, rate: number, s: { f1: number; precision: number; recall: number }, peak: string) =>
  `${name.padEnd(26)} ${rate.toFixed(1).padStart(8)} ${s.f1.toFixed(3).padStart(6)} ${s.precision.toFixed(3).padStart(9)} ${s.recall.toFixed(3).padStart(7)}  ${peak}`;
console.log(`${pages.length} pages, ${megabytes.toFixed(1)} MB of HTML, Node ${process.version}`);
console.log(`${'extractor'.padEnd(26)} ${'pages/s'.padStart(8)} ${'F1'.padStart(6)} ${'precision'.padStart(9)} ${'recall'.padStart(7)}  peak RSS`);
console.log(row('ours (htmlparser2)', ourRate, ourScore, `${ourPeak.toFixed(0)} MB (process, ours alone)`));
console.log(row('Readability.js on jsdom', theirRate, theirScore, `${theirPeak.toFixed(0)} MB (process, after both)`));
console.log(`ours alone: ${(pages.length / ourSeconds).toFixed(1)} pages/s (median of ${rounds} rounds)`);
console.log(`speed ratio ${(ourRate / theirRate).toFixed(1)}x (same interleaved pass); F1 ${ourScore.f1 >= theirScore.f1 ? 'above' : 'BELOW'} Readability's`);
