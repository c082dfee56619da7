import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../shared/pages/extract-article.ts';

// Scores bodies on the real-page sets in ../shared with the benchmark's own scorer.
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const shared = path.resolve(repoRoot, '../shared');
const tools = path.join(shared, 'tools');
const zyte = path.join(shared, 'realworld/zyte-dev');
const rdb = path.join(shared, 'realworld/readability-pages');
const present = existsSync(zyte) && existsSync(rdb) && existsSync(tools);
if (!present) console.warn(`tests/pages/realworld: ${shared} is absent; skipping the real-page scores`);

interface Score {
  f1: number;
  precision: number;
  recall: number;
}

function score(truthPath: string, preds: { id: string; articleBody: string }[]): Score {
  const dir = mkdtempSync(path.join(tmpdir(), 'pages-test-'));
  const predPath = path.join(dir, 'pred.jsonl');
  writeFileSync(predPath, preds.map((p) => JSON.stringify(p)).join('\n') + '\n');
  const out = execFileSync(process.execPath, [path.join(tools, 'score-bodies.mjs'), '--truth', truthPath, '--pred', predPath, '--json', '--bootstrap', '0'], { encoding: 'utf8' });
  return JSON.parse(out.split('\n')[0]) as Score;
}

describe.skipIf(!present)('real pages', () => {
  it('zyte-dev: F1 >= 0.97 and precision >= 0.95', () => {
    const truthPath = path.join(zyte, 'ground-truth.json');
    const truth = JSON.parse(readFileSync(truthPath, 'utf8')) as Record<string, { url: string }>;
    const preds = readdirSync(path.join(zyte, 'html'))
      .filter((f) => f.endsWith('.html.gz'))
      .map((f) => {
        const id = f.replace(/\.html\.gz$/, '');
        const html = gunzipSync(readFileSync(path.join(zyte, 'html', f))).toString('utf8');
        return { id, articleBody: extractArticle(html, truth[id]?.url ?? f).body };
      });
    expect(preds).toHaveLength(88);
    const s = score(truthPath, preds);
    console.log(`zyte-dev F1 ${s.f1.toFixed(3)} (precision ${s.precision.toFixed(3)}, recall ${s.recall.toFixed(3)})`);
    expect(s.f1).toBeGreaterThanOrEqual(0.97);
    expect(s.precision).toBeGreaterThanOrEqual(0.95);
  }, 120_000);

  it('readability pages: a body for every page with text, F1 >= 0.90 on the news pages', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pages-truth-'));
    const truthPath = path.join(dir, 'news.json');
    execFileSync(process.execPath, [path.join(tools, 'readability-truth.mjs'), '--pages', rdb, '--kind', 'news', '--out', truthPath], { stdio: 'ignore' });
    const news = JSON.parse(readFileSync(truthPath, 'utf8')) as Record<string, unknown>;
    const names = readdirSync(rdb, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
    expect(names.length).toBe(130);
    const preds = names.map((name) => {
      const html = readFileSync(path.join(rdb, name, 'source.html'), 'utf8');
      return { id: name, articleBody: extractArticle(html, `http://fakehost/test/${name}.html`).body };
    });
    // extractArticle swallows errors into an empty body; a real page with an empty body is a crash.
    const index = JSON.parse(readFileSync(path.join(rdb, 'index.json'), 'utf8')) as Record<string, { kind: string }>;
    const emptyReal = preds.filter((p) => index[p.id]?.kind !== 'synthetic' && !p.articleBody.trim()).map((p) => p.id);
    expect(emptyReal).toEqual([]);
    const s = score(truthPath, preds.filter((p) => p.id in news));
    console.log(`readability news F1 ${s.f1.toFixed(3)} (precision ${s.precision.toFixed(3)}, recall ${s.recall.toFixed(3)})`);
    expect(s.f1).toBeGreaterThanOrEqual(0.9);
  }, 120_000);
});
