import { execFile } from 'node:child_process';
import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, samplesDir } from '../helpers/paths.ts';

const run = promisify(execFile);
const bin = join(repoRoot, 'bin/monitor.js');

async function monitor(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], { cwd: repoRoot, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('monitor CLI', () => {
  let data: string;
  beforeAll(async () => {
    data = await mkdtemp(join(tmpdir(), 'monitor-cli-'));
  });

  it('extract prints GUIDE-format JSON lines with the argument as file', async () => {
    const arg = 'samples/articles/north-westland-call-up.html';
    const { code, stdout } = await monitor('extract', arg);
    expect(code).toBe(0);
    const rows = stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(rows).toContainEqual(expect.objectContaining({ file: arg, metric: 'mobilization', count: 40_000, country: 'Serbia', status: 'planned', unit: 'people' }));
  });

  it('extract reports a missing file clearly and exits non-zero', async () => {
    const { code, stderr } = await monitor('extract', 'no/such/article.html');
    expect(code).toBe(1);
    expect(stderr).toContain('no/such/article.html: no such file');
  });

  it('run --replay reads a saved crawl offline and ends with a summary table', async () => {
    const { code, stdout, stderr } = await monitor('run', '--replay', samplesDir, '--data', data, '--once');
    expect(code).toBe(0);
    expect(stdout).toMatch(/feeds polled\s+ok/);
    expect(stdout).toMatch(/^\s+2\s+2\s+0\s+0\s+4\s+0\s+0\s+\d+\s+2\s+0$/m);
    expect(stderr).toContain('ALERT Border crossings Ukraine -> Moldova: about 12,000 (new series)');
    const outbox = await readdir(join(data, 'outbox'));
    expect(outbox.filter((f) => f.endsWith('.eml'))).toHaveLength(2);
  });

  it('series, figures and feeds list what the run stored', async () => {
    const series = (await monitor('series', '--data', data, '--format', 'jsonl')).stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(series.map((s) => [s.series, s.latest])).toEqual([
      ['border_crossing|ukraine|moldova|-', 12_000],
      ['mobilization|serbia|planned|-', 40_000],
    ]);
    const csv = (await monitor('figures', '--data', data, '--format', 'csv', '--place', 'moldova')).stdout.trim().split('\n');
    expect(csv[0]).toMatch(/^published,metric,count,/);
    expect(csv).toHaveLength(3); // header, wire story, syndicated copy
    const table = (await monitor('figures', '--data', data, '--metric', 'mobilization')).stdout;
    expect(table).toContain('40,000');
    expect(table).not.toContain('12,000');
    const feeds = (await monitor('feeds', '--data', data, '--format', 'jsonl')).stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(feeds).toHaveLength(2);
    expect(feeds.every((f) => f.consecutive_failures === 0 && f.last_success)).toBe(true);
  });

  it('a second run over the same crawl alerts nothing', async () => {
    const { stdout, stderr } = await monitor('run', '--replay', samplesDir, '--data', data);
    // Both feeds unchanged since the last poll: not modified, their 4 items seen, nothing read.
    expect(stdout).toMatch(/^\s+2\s+0\s+2\s+0\s+0\s+4\s+0\s+0\s+0\s+0$/m);
    expect(stderr).not.toContain('ALERT');
  });

  it('replay runs a timeline tick by tick and compares with its expected alerts', async () => {
    const fresh = await mkdtemp(join(tmpdir(), 'monitor-replay-'));
    const { code, stdout } = await monitor('replay', join(repoRoot, 'tests/fixtures/sample-timeline'), '--data', fresh);
    expect(stdout).toContain('tick-01: 1 new articles');
    expect(stdout).toContain('tick-02: 3 new articles');
    expect(stdout.trim().split('\n').at(-1)).toBe('2 expected, 2 fired, 0 missing, 0 extra');
    expect(code).toBe(0);
    const json = await monitor('replay', join(repoRoot, 'tests/fixtures/sample-timeline'), '--data', await mkdtemp(join(tmpdir(), 'monitor-replay-')), '--json');
    const lines = json.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.tick, l.metric, l.count, l.previous])).toEqual([
      ['tick-01', 'border_crossing', 12_000, null],
      ['tick-02', 'mobilization', 40_000, null],
    ]);
    expect(Object.keys(lines[0])).toEqual(['tick', 'metric', 'count', 'low', 'high', 'origin', 'destination', 'country', 'status', 'per', 'previous', 'article', 'quote']);
  });

  it('bad input gets a clear error, not a stack trace', async () => {
    const list = join(data, 'feeds.txt');
    await writeFile(list, '# comment\nhttps://ok.example/feed\nnot a url\n');
    const bad = await monitor('run', '--feeds', list, '--data', data);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(`${list}:3: not an http(s) URL: not a url`);
    const every = await monitor('run', '--every', 'soon', '--data', data);
    expect(every.stderr).toContain('not a duration: soon');
    expect((await monitor('series', '--format', 'xml', '--data', data)).stderr).toContain('--format xml: use table, csv or jsonl');
  });
});
