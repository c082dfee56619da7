import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../shared/pages/extract-article.ts';

// Golden pages: each golden/NAME.html has golden/NAME.json, the whole Article
// we expect, written by hand. A change shows up as a diff of the two.
const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'golden');
const names = readdirSync(dir).filter((f) => f.endsWith('.html')).map((f) => f.slice(0, -5));

describe('golden pages', () => {
  it('has golden pages', () => expect(names.length).toBeGreaterThan(0));
  for (const name of names) {
    it(name, () => {
      const expected = JSON.parse(readFileSync(path.join(dir, `${name}.json`), 'utf8'));
      const actual = extractArticle(readFileSync(path.join(dir, `${name}.html`), 'utf8'), expected.url);
      expect(actual).toEqual(expected);
    });
  }
});
