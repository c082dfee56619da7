import { readArticleInput } from '../read-input.ts';

/** Prints one JSON line per page: the body and metadata the figure extractor reads. */
export async function bodyCommand(inputs: string[]): Promise<number> {
  let failures = 0;
  for (const arg of inputs) {
    try {
      const a = await readArticleInput(arg);
      const row = {
        file: arg,
        title: a.title ?? null,
        canonical: a.canonical ?? null,
        published: a.published ?? null,
        modified: a.modified ?? null,
        author: a.author ?? null,
        outlet: a.outlet ?? null,
        language: a.language ?? null,
        description: a.description ?? null,
        body: a.body,
      };
      process.stdout.write(`${JSON.stringify(row)}\n`);
    } catch (err) {
      failures++;
      process.stderr.write(`monitor body: ${(err as Error).message}\n`);
    }
  }
  return failures ? 1 : 0;
}
