// Our number parser against English number and range cases written by another
// project (Microsoft Recognizers-Text), restricted to the in-scope subset that
// /work/shared/realworld/number-specs/ABOUT.md defines: whole numbers >= 10 and
// ranges of them, no powers, ordinals or fractions.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findNumbers } from '../../shared/figures/numbers.ts';

const specs = path.resolve(__dirname, '../../../shared/realworld/number-specs');
const present = existsSync(path.join(specs, 'NumberModel.json'));
if (!present) console.warn(`number-specs skipped: ${specs} not found`);

interface Result {
  Text: string;
  TypeName: string;
  Resolution: { value: string; subtype?: string };
}
interface Case {
  Input: string;
  Results: Result[];
}

function bounds(r: Result): string[] {
  if (r.TypeName === 'number') return [r.Resolution.value];
  const m = /^([[(])([^,]*),([^,]*)([\])])$/.exec(r.Resolution.value);
  return m ? [m[2], m[3]].filter((b) => b !== '') : [];
}

function qualifies(r: Result): boolean {
  if (r.TypeName !== 'number' && r.TypeName !== 'numberrange') return false;
  if (r.Resolution.subtype === 'power' || /ths?\b/i.test(r.Text)) return false;
  const b = bounds(r);
  return b.length > 0 && b.every((x) => /^[0-9]+$/.test(x) && Number(x) >= 10);
}

function inScope(file: string): Case[] {
  const cases = JSON.parse(readFileSync(path.join(specs, file), 'utf8')) as Case[];
  return cases.filter((c) => c.Results.length > 0 && c.Results.every(qualifies));
}

/** Every expected bound appears among the values and range ends we found. */
function passes(c: Case): boolean {
  const found = findNumbers(c.Input).flatMap((n) => (n.high !== undefined ? [n.low, n.high] : [n.value]));
  return c.Results.every((r) => bounds(r).every((b) => found.includes(Number(b))));
}

describe.skipIf(!present)('number parser on Recognizers-Text specs (in-scope subset)', () => {
  it('selects the documented number of in-scope cases', () => {
    expect(inScope('NumberModel.json')).toHaveLength(72);
    expect(inScope('NumberRangeModel.json')).toHaveLength(69);
  });

  it('reads most in-scope cardinals', () => {
    const cases = inScope('NumberModel.json');
    const failed = cases.filter((c) => !passes(c)).map((c) => c.Input);
    console.info(`NumberModel in-scope: ${cases.length - failed.length}/${cases.length} pass; failing: ${JSON.stringify(failed)}`);
    expect((cases.length - failed.length) / cases.length).toBeGreaterThanOrEqual(0.7);
  });

  it('reads most in-scope ranges and comparisons', () => {
    const cases = inScope('NumberRangeModel.json');
    const failed = cases.filter((c) => !passes(c)).map((c) => c.Input);
    console.info(`NumberRangeModel in-scope: ${cases.length - failed.length}/${cases.length} pass; failing: ${JSON.stringify(failed)}`);
    expect((cases.length - failed.length) / cases.length).toBeGreaterThanOrEqual(0.7);
  });
});
