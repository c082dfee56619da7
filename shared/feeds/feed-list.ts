import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { Feed } from '../domain/types.ts';

const FeedListJson = z.array(z.object({ url: z.url(), name: z.string().optional() }));

/**
 * `--feeds` takes a feed URL, a text file with one URL per line (blank lines and
 * # comments ignored), or a JSON file [{"url", "name"}].
 */
export async function loadFeedList(spec: string): Promise<Feed[]> {
  if (/^https?:\/\//i.test(spec)) return [{ url: spec }];
  let text: string;
  try {
    text = await readFile(spec, 'utf8');
  } catch (err) {
    throw new Error(`--feeds ${spec}: not a URL and not a readable file (${(err as Error).message})`);
  }
  if (/^\s*\[/.test(text)) {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (err) {
      throw new Error(`${spec}: invalid JSON (${(err as Error).message})`);
    }
    const parsed = FeedListJson.safeParse(json);
    if (!parsed.success) throw new Error(`${spec}: expected [{"url": "...", "name": "..."}]: ${z.prettifyError(parsed.error)}`);
    return parsed.data;
  }
  const feeds: Feed[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    const url = line.replace(/#.*/, '').trim();
    if (!url) return;
    if (!/^https?:\/\/\S+$/i.test(url)) throw new Error(`${spec}:${i + 1}: not an http(s) URL: ${url}`);
    feeds.push({ url });
  });
  return feeds;
}
