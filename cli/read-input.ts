import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import type { Article } from '../shared/domain/types.ts';
import { HttpFetcher } from '../shared/http/http-fetcher.ts';
import { extractArticle } from '../shared/pages/extract-article.ts';
import { decodeBytes } from '../shared/http/charset.ts';

/** An article from a file or URL argument: HTML pages through body extraction, plain text as it is. */
export async function readArticleInput(arg: string, fetcher = new HttpFetcher()): Promise<Article> {
  if (/^https?:\/\//i.test(arg)) {
    const res = await fetcher.fetch({ url: arg, kind: 'page' });
    return extractArticle(res.text, res.url);
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(arg);
  } catch (err) {
    throw new Error(`${arg}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}`);
  }
  // Saved pages are often gzipped (benchmark sets ship .html.gz).
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzipSync(bytes);
  const text = decodeBytes(bytes, undefined, 'page');
  if (looksLikeHtml(text)) return extractArticle(text, arg);
  return { url: arg, body: text };
}

function looksLikeHtml(text: string): boolean {
  return /^\s*(<!doctype html|<html|<\?xml[^>]*>\s*<html|<head|<body|<meta|<!--)/i.test(text) || /<\/(p|div|article)>/i.test(text.slice(0, 20_000));
}
