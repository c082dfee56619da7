import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { esbuildOptions, FUNCTION_NAMES, type FunctionName } from '../../infra/bundle-options.ts';

// Each function's bundle holds only the code it runs: a stray import (say, the feed
// parser into process-article) adds megabytes and cold-start time without failing anything else.
const outDir = mkdtempSync(join(tmpdir(), 'bundles-'));
const inputs = new Map<FunctionName, string[]>();
for (const name of FUNCTION_NAMES) {
  const result = await esbuild.build({ ...esbuildOptions(name, join(outDir, name, 'index.mjs')), metafile: true, write: false, logLevel: 'error' });
  inputs.set(name, Object.keys(result.metafile.inputs));
}
const has = (name: FunctionName, fragment: string) => inputs.get(name)!.some((f) => f.includes(fragment));

describe('function bundles', () => {
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('poll-feed leaves out page and figure extraction and SNS', () => {
    expect(has('poll-feed', 'shared/feeds/parse-feed.ts')).toBe(true);
    expect(has('poll-feed', 'shared/pages/')).toBe(false);
    expect(has('poll-feed', 'shared/figures/')).toBe(false);
    expect(has('poll-feed', '@aws-sdk/client-sns')).toBe(false);
  });

  it('process-article leaves out the feed parser and SQS', () => {
    expect(has('process-article', 'shared/pages/extract-article.ts')).toBe(true);
    expect(has('process-article', 'shared/feeds/parse-feed.ts')).toBe(false);
    expect(has('process-article', '@aws-sdk/client-sqs')).toBe(false);
  });

  it('schedule-feeds needs neither the store nor the feed parser; report neither the pipeline nor SNS', () => {
    expect(has('schedule-feeds', 'shared/store/')).toBe(false);
    expect(has('schedule-feeds', 'shared/feeds/parse-feed.ts')).toBe(false);
    expect(has('report', 'shared/pipeline/')).toBe(false);
    expect(has('report', '@aws-sdk/client-sns')).toBe(false);
  });

  it('no bundle carries the embedded test database', () => {
    for (const name of FUNCTION_NAMES) expect(has(name, 'node_modules/dynalite'), name).toBe(false);
  });
});
