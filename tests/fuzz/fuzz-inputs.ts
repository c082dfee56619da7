import fc from 'fast-check';
import { decodeBytes } from '../../shared/http/charset.ts';

// Inputs that look almost right: well-formed samples cut short, spliced with markup
// debris, or nested absurdly deep; plus raw random bytes and strings.
const DEBRIS = ['<', '>', '&', '&nbsp;', '&#x0;', '&#99999999;', ']]>', '<![CDATA[', '<!--', '-->', '<!DOCTYPE x [<!ENTITY a "&a;&a;">]>', '<?xml version="1.0" encoding="utf-16"?>', '</item>', '<item>', '"', "'", '\u0000', '\uFFFE', '\uD800', '<script>', '</p>', '<p>', '\n\n', '1,000', '300 000', 'тысяч', '٣٠٠', '½'];

export function fuzzText(samples: readonly string[], options: { maxRepeat?: number } = {}): fc.Arbitrary<string> {
  const sample = fc.constantFrom(...samples);
  const truncated = fc.tuple(sample, fc.nat()).map(([s, n]) => s.slice(0, n % (s.length + 1)));
  const spliced = fc.tuple(sample, fc.array(fc.tuple(fc.nat(), fc.oneof(fc.constantFrom(...DEBRIS), fc.string({ unit: 'binary', maxLength: 8 }))), { minLength: 1, maxLength: 12 })).map(([s, edits]) => {
    let out = s;
    for (const [at, piece] of edits) {
      const i = at % (out.length + 1);
      out = out.slice(0, i) + piece + out.slice(i + (at % 3));
    }
    return out;
  });
  const nested = fc.tuple(sample, fc.integer({ min: 1, max: options.maxRepeat ?? 20_000 }), fc.constantFrom('<b>', '<div>', '<item>', '<a:x>')).map(([s, depth, tag]) => {
    const i = Math.floor(s.length / 2);
    return s.slice(0, i) + tag.repeat(depth) + s.slice(i);
  });
  const bytes = fc.uint8Array({ maxLength: 4096 }).map((b) => decodeBytes(b, undefined, 'feed'));
  const chars = fc.string({ unit: 'binary', maxLength: 2048 });
  return fc.oneof(truncated, spliced, spliced, nested, bytes, chars);
}

export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20260301);
/** Time each target is fuzzed for; raise FUZZ_MS for a longer local run. */
export const FUZZ_MS = Number(process.env.FUZZ_MS ?? 3000);
/** One input taking longer than this counts as a hang (generous: CI runs test files side by side on two cores). */
export const SLOW_INPUT_MS = 5000;

/** Runs `target` over generated inputs for the time budget; every outcome must be a value or an Error. */
export async function fuzz(arbitrary: fc.Arbitrary<string>, target: (input: string) => Promise<void> | void): Promise<number> {
  let runs = 0;
  const outcome = await fc.check(
    fc.asyncProperty(arbitrary, async (input) => {
      runs++;
      const started = Date.now();
      try {
        await target(input);
      } catch (err) {
        if (!(err instanceof Error) || !err.message) throw new Error(`threw a non-Error or an empty Error: ${String(err)}`);
        if (err instanceof RangeError) throw new Error(`RangeError escaped: ${err.message}`);
        if (err.name === 'AssertionError') throw err;
      }
      const took = Date.now() - started;
      if (took > SLOW_INPUT_MS) throw new Error(`one input took ${took} ms (length ${input.length})`);
    }),
    { seed: FUZZ_SEED, numRuns: 1_000_000, interruptAfterTimeLimit: FUZZ_MS, markInterruptAsFailure: false, endOnFailure: true },
  );
  if (outcome.failed) {
    // fast-check's own report prints the whole counterexample, which can be megabytes
    const input = String(outcome.counterexample?.[0] ?? '');
    const cause = outcome.errorInstance instanceof Error ? outcome.errorInstance.message : String(outcome.errorInstance);
    throw new Error(`failed on input ${outcome.numRuns} (seed ${FUZZ_SEED}, length ${input.length}): ${cause}\ninput starts: ${JSON.stringify(input.slice(0, 300))}`);
  }
  return runs;
}
