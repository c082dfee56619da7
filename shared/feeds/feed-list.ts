import { readFile } from 'node:fs/promises';
// zod's mini build: the same checks at 17 KB instead of 450 KB in a Lambda bundle.
import * as z from 'zod/mini';
import type { Feed } from '../domain/types.ts';

const FeedListJson = z.array(
  z.object({
    url: z.url({ protocol: /^https?$/, error: 'not an http(s) URL' }),
    name: z.optional(z.string({ error: 'not a string' })),
  }),
);

/**
 * A feed list's text: a JSON array [{"url", "name"}], or one URL per line with blank
 * lines and # comments ignored. `label` names the source in error messages.
 */
export function parseFeedList(text: string, label: string): Feed[] {
  if (/^\s*\[/.test(text)) {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (err) {
      throw new Error(`${label}: invalid JSON (${(err as Error).message})`);
    }
    const parsed = FeedListJson.safeParse(json);
    if (!parsed.success) throw new Error(`${label}: expected [{"url": "...", "name": "..."}]:\n${z.prettifyError(parsed.error)}`);
    return parsed.data;
  }
  const feeds: Feed[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    const url = line.replace(/#.*/, '').trim();
    if (!url) return;
    if (!/^https?:\/\/\S+$/i.test(url)) throw new Error(`${label}:${i + 1}: not an http(s) URL: ${url}`);
    feeds.push({ url });
  });
  return feeds;
}

/** `--feeds`: a feed URL, or a file in one of parseFeedList's forms. */
export async function loadFeedList(spec: string): Promise<Feed[]> {
  if (/^https?:\/\//i.test(spec)) return [{ url: spec }];
  let text: string;
  try {
    text = await readFile(spec, 'utf8');
  } catch (err) {
    throw new Error(`--feeds ${spec}: not a URL and not a readable file (${(err as Error).message})`);
  }
  return parseFeedList(text, spec);
}
