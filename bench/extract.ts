// Throughput of the figure extractor on one core: the development corpus's
// article bodies, read once through the page extractor, repeated to >= 10 MB.
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
const run: FigureInput[] = [];
for (let bytes = 0; bytes < target; ) for (const i of inputs) (run.push(i), (bytes += sizeOf(i)));
const totalBytes = run.reduce((n, i) => n + sizeOf(i), 0);

// Warm up the regular expressions and the JIT before timing.
for (const i of inputs) extractFigures(i);

let figures = 0;
const t0 = process.hrtime.bigint();
for (const i of run) figures += extractFigures(i).length;
const seconds = Number(process.hrtime.bigint() - t0) / 1e9;

const mb = totalBytes / (1024 * 1024);
const mem = process.memoryUsage();
console.log(`corpus: ${inputs.length} articles, ${(corpusBytes / 1024).toFixed(0)} KB of text (mean ${(corpusBytes / inputs.length / 1024).toFixed(1)} KB)`);
console.log(`run: ${run.length} articles, ${mb.toFixed(1)} MB, ${figures} figures in ${seconds.toFixed(2)} s`);
console.log(`throughput: ${(run.length / seconds).toFixed(0)} articles/s, ${(mb / seconds).toFixed(2)} MB/s (one core)`);
console.log(`memory: peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB, heap used ${(mem.heapUsed / 1024 / 1024).toFixed(0)} MB`);
