// Throughput of the figure extractor on one core: the development corpus's
// article bodies, read once through the page extractor, repeated to >= 10 MB;
// then the same bodies joined into 5 KB articles, the size the target is set for.
//   npm run bench:extract
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractFigures, type FigureInput } from '../shared/figures/extract-figures.ts';
import { extractArticle } from '../shared/pages/extract-article.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const articles = path.resolve(root, '../shared/corpus/articles');
if (!existsSync(articles)) {
  console.error(`bench:extract needs the reference corpus at ${articles}`);
  process.exit(2);
}

const inputs: FigureInput[] = readdirSync(articles)
  .sort()
  .map((name) => {
    const text = readFileSync(path.join(articles, name), 'utf8');
    if (!name.endsWith('.html')) return { body: text };
    const a = extractArticle(text, name);
    return { title: a.title, body: a.body, published: a.published };
  });
const sizeOf = (i: FigureInput) => Buffer.byteLength(i.body) + Buffer.byteLength(i.title ?? '');
const corpusBytes = inputs.reduce((n, i) => n + sizeOf(i), 0);
const target = 10 * 1024 * 1024;

function repeatTo(items: FigureInput[], bytes: number): FigureInput[] {
  const run: FigureInput[] = [];
  for (let total = 0; total < bytes; ) for (const i of items) (run.push(i), (total += sizeOf(i)));
  return run;
}

/** Corpus bodies joined paragraph-wise into articles of at least `size` bytes. */
function chunked(items: FigureInput[], size: number): FigureInput[] {
  const out: FigureInput[] = [];
  let parts: string[] = [];
  let bytes = 0;
  for (const i of items) {
    parts.push(i.body);
    bytes += Buffer.byteLength(i.body) + 2;
    if (bytes >= size) {
      out.push({ body: parts.join('\n\n') });
      [parts, bytes] = [[], 0];
    }
  }
  return out;
}

function time(label: string, run: FigureInput[]): void {
  // Warm up the regular expressions and the JIT before timing.
  for (const i of run.slice(0, 200)) extractFigures(i);
  let figures = 0;
  // Wall time is the measure; CPU time (all of the process's threads, GC included) shows how loaded the machine was.
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  for (const i of run) figures += extractFigures(i).length;
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpu = process.cpuUsage(c0);
  const mb = run.reduce((n, i) => n + sizeOf(i), 0) / (1024 * 1024);
  const mean = (mb * 1024) / run.length;
  console.log(`${label}: ${run.length} articles (mean ${mean.toFixed(1)} KB), ${mb.toFixed(1)} MB, ${figures} figures in ${wall.toFixed(2)} s (${((cpu.user + cpu.system) / 1e6).toFixed(2)} s CPU)`);
  console.log(`  throughput: ${(run.length / wall).toFixed(0)} articles/s, ${(mb / wall).toFixed(2)} MB/s (one core)`);
}

console.log(`corpus: ${inputs.length} articles, ${(corpusBytes / 1024).toFixed(0)} KB of text (mean ${(corpusBytes / inputs.length / 1024).toFixed(1)} KB)`);
time('corpus bodies', repeatTo(inputs, target));
time('5 KB articles', repeatTo(chunked(inputs, 5 * 1024), target));
const mem = process.memoryUsage();
console.log(`memory: peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB, heap used ${(mem.heapUsed / 1024 / 1024).toFixed(0)} MB`);
