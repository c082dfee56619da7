import { describe, expect, it } from 'vitest';
import { lastJsonLine } from '../../bench/lib/last-json-line.ts';
import { bodiesFigures, bundleFigures, extractFigures, findNumber } from '../../bench/lib/bench-figures.ts';

describe('reading what a benchmark printed', () => {
  it('takes the last line that is a JSON object, skipping text and broken lines', () => {
    const out = ['12 pages', '{"a":1}', 'speed 3x', '{"b":2}', '{"c": broken', '[1,2]', ''].join('\n');
    expect(lastJsonLine(out)).toEqual({ b: 2 });
    expect(lastJsonLine('no json here\n')).toBeUndefined();
  });

  it('finds a number by key pattern, depth first', () => {
    expect(findNumber({ a: { articlesPerSecond: 42 }, b: 1 }, /articlesPerSecond/)).toBe(42);
    expect(findNumber({ x: 'fast' }, /x/)).toBeUndefined();
  });

  it('reads bench:bodies table lines when it prints no JSON', () => {
    const out = [
      'extractor                   pages/s     F1 precision  recall  peak RSS',
      'ours (htmlparser2)            189.2  0.977     0.980   0.975  120 MB',
      'Readability.js on jsdom         3.5  0.951     0.950   0.952  400 MB (process, after both)',
    ].join('\n');
    const r = bodiesFigures(undefined, out);
    expect(r.oursPagesPerSecond).toBe(189.2);
    expect(r.readabilityPagesPerSecond).toBe(3.5);
    expect(r.oursF1).toBe(0.977);
    expect(r.ratio).toBeCloseTo(54.06, 2);
    expect(r.oursAlonePagesPerSecond).toBeUndefined();
  });

  it('prefers the ratio bench:bodies states and reads its own-pass rate', () => {
    const out = 'ours (htmlparser2)  40.0  0.977  0.980  0.975  120 MB\nReadability.js on jsdom  1.0  0.951  0.950  0.952  400 MB\nours alone: 91.5 pages/s (median of 5 rounds)\nspeed ratio 40.5x (same interleaved pass); F1 above';
    const r = bodiesFigures(undefined, out);
    expect(r.ratio).toBe(40.5);
    expect(r.oursAlonePagesPerSecond).toBe(91.5);
  });

  it('reads bench:extract figures from JSON keys', () => {
    expect(extractFigures({ articlesPerSecond: 310, megabytesPerSecond: 1.5 }, '')).toEqual({ articlesPerSecond: 310, megabytesPerSecond: 1.5, runs: [] });
  });

  it('reads each timed set of bench:extract text under the line that names it', () => {
    const out = 'corpus: 86 articles\ncorpus bodies: 7568 articles, 10.0 MB\n  throughput: 963 articles/s, 1.28 MB/s (one core)\n5 KB articles: 1805 articles\n  throughput: 429 articles/s, 2.38 MB/s (one core)\nmemory: peak RSS 139 MB';
    const r = extractFigures(undefined, out);
    expect(r.runs).toEqual([
      { label: 'corpus bodies', articlesPerSecond: 963, megabytesPerSecond: 1.28 },
      { label: '5 KB articles', articlesPerSecond: 429, megabytesPerSecond: 2.38 },
    ]);
    expect(r.articlesPerSecond).toBe(963);
  });

  it('takes each object with a size in the bundles JSON as one bundle, in bytes', () => {
    const json = { bundles: [{ name: 'poll-feed', bytes: 800_000, initMs: 120 }, { name: 'report', sizeKb: 1500 }], other: { total: 3 } };
    expect(bundleFigures(json)).toEqual([
      { name: 'poll-feed', bytes: 800_000, initMs: 120 },
      { name: 'report', bytes: 1500 * 1024, initMs: undefined },
    ]);
    expect(bundleFigures({ 'schedule-feeds': { bytes: 10 } })).toEqual([{ name: 'schedule-feeds', bytes: 10, initMs: undefined }]);
  });
});

describe('bench:bundles text lines', () => {
  it('reads name, size and init time from its ok/OVER lines', () => {
    const out = 'esbuild 0.28, node22\nok   poll-feed          812 KB  init  120 ms   (cdk.out/x; largest: a 1 KB)\nOVER report            1500 KB  init  300 ms   (y)\ntargets: ...';
    expect(bundleFigures(undefined, out)).toEqual([
      { name: 'poll-feed', bytes: 812 * 1024, initMs: 120 },
      { name: 'report', bytes: 1500 * 1024, initMs: 300 },
    ]);
  });
});
