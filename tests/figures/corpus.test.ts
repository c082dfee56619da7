// Runs the extractor over the labelled development corpus and scores it with the
// project's scorer (spawned as a process, as analysts run it). HTML pages go
// through the page extractor first, exactly as `monitor extract` does.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readArticleInput } from '../../cli/read-input.ts';
import { extractFigures } from '../../shared/figures/extract-figures.ts';

const repoRoot = path.resolve(__dirname, '../..');
const shared = path.resolve(repoRoot, '../shared');
const corpus = path.join(shared, 'corpus');
const scorer = path.join(shared, 'tools/score-figures.mjs');
const present = existsSync(path.join(corpus, 'labels.jsonl')) && existsSync(scorer);
if (!present) console.warn(`corpus scoring skipped: ${corpus} or its scorer not found`);

describe.skipIf(!present)('figure extraction on the development corpus', () => {
  it('scores F1 >= 0.95 with precision >= 0.95', async () => {
    const dir = path.join(corpus, 'articles');
    const lines: string[] = [];
    for (const name of readdirSync(dir).sort()) {
      const file = path.join(dir, name);
      const a = await readArticleInput(file);
      for (const f of extractFigures({ title: a.title, body: a.body, published: a.published })) lines.push(JSON.stringify({ file, ...f }));
    }
    const pred = path.join(mkdtempSync(path.join(tmpdir(), 'figures-')), 'pred.jsonl');
    writeFileSync(pred, `${lines.join('\n')}\n`);
    const run = spawnSync(process.execPath, [scorer, '--labels', path.join(corpus, 'labels.jsonl'), '--pred', pred, '--json'], { encoding: 'utf8' });
    const score = JSON.parse(run.stdout.split('\n').find((l) => l.startsWith('{'))!);
    console.info(`corpus: F1 ${score.f1.toFixed(3)} P ${score.precision.toFixed(3)} R ${score.recall.toFixed(3)}; attributes ${JSON.stringify(score.attributes)}`);
    expect(score.f1).toBeGreaterThanOrEqual(0.95);
    expect(score.precision).toBeGreaterThanOrEqual(0.95);
    for (const a of ['qualifier', 'status', 'attribution', 'period']) expect(score.attributes[a].accuracy, a).toBeGreaterThanOrEqual(0.9);
  }, 120_000);
});
