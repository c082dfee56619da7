import { execFile } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import { repoRoot, samplesDir } from '../helpers/paths.ts';

const run = promisify(execFile);
const monitor = (...args: string[]) => run(process.execPath, [join(repoRoot, 'bin/monitor.js'), ...args], { cwd: repoRoot });

describe('monitor report', () => {
  it('writes the page of what a run stored, and says its size and render time', async () => {
    const data = await mkdtemp(join(tmpdir(), 'monitor-report-'));
    await monitor('run', '--replay', samplesDir, '--data', data, '--once', '--quiet');
    const { stdout: series } = await monitor('series', '--format', 'jsonl', '--data', data);
    const out = join(data, 'page.html');
    const { stderr } = await monitor('report', '--data', data, '--out', out);
    expect(stderr).toMatch(/report: .*page\.html \(\d+ KiB, \d+ series, \d+ figures, rendered in \d+ ms\)/);
    const $ = cheerio.load(await readFile(out, 'utf8'));
    const keys = series.trim().split('\n').map((l) => JSON.parse(l).series);
    expect(keys.length).toBeGreaterThan(0);
    expect($('article.series').map((_, a) => $(a).attr('data-series-key')).get().sort()).toEqual(keys.sort());
    expect($('figure.chart svg')).toHaveLength(keys.length);
  }, 60_000);
});
