import { extractFigures } from '../../shared/figures/extract-figures.ts';
import { readArticleInput } from '../read-input.ts';

/** Prints the figures of each article as JSON lines (the contract's format). */
export async function extractCommand(inputs: string[]): Promise<number> {
  let failures = 0;
  for (const arg of inputs) {
    try {
      const article = await readArticleInput(arg);
      const figures = extractFigures(article);
      const lines = figures.map((f) => JSON.stringify({ file: arg, ...f }));
      if (lines.length) process.stdout.write(`${lines.join('\n')}\n`);
    } catch (err) {
      failures++;
      process.stderr.write(`monitor extract: ${(err as Error).message}\n`);
    }
  }
  return failures ? 1 : 0;
}
