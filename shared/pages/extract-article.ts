import type { Article } from '../domain/types.ts';
import { parseHtml } from './dom.ts';
import { collectPageFacts, readMetadata } from './metadata.ts';
import { segment } from './blocks.ts';
import { selectRoot } from './score.ts';
import { assembleBody, blocksInRoot } from './assemble-text.ts';
import { bodyFromUpdates, looksLive } from './live-blog.ts';
import { ldString, liveUpdates, typesOf } from './structured-data.ts';
import { reconcileBodies, structuredBodyText } from './structured-body.ts';

/** Cuts the article body and its metadata out of a page. Never throws. */
export function extractArticle(html: string, url: string): Article {
  try {
    return extract(typeof html === 'string' ? html : String(html ?? ''), url);
  } catch {
    return { url, body: '' };
  }
}

function extract(html: string, url: string): Article {
  if (!html.trim()) return { url, body: '' };
  const doc = parseHtml(html);
  const { ldArticle, ...meta } = readMetadata(collectPageFacts(doc), url);
  const blocks = segment(doc);
  const inRoot = blocksInRoot(blocks, selectRoot(blocks));
  const declaredLive = !!ldArticle && typesOf(ldArticle).includes('LiveBlogPosting');
  const live = looksLive(inRoot, declaredLive);
  let body = assembleBody(inRoot, { title: meta.title, live });
  const updates = ldArticle ? liveUpdates(ldArticle) : [];
  if (updates.length) {
    const fromLd = bodyFromUpdates(updates);
    if (fromLd.length > body.length * 1.2) body = fromLd;
  } else if (!live) {
    const raw = ldString(ldArticle?.articleBody);
    if (raw) body = reconcileBodies(body, structuredBodyText(raw));
  }
  const article: Article = { url, body };
  for (const [k, v] of Object.entries(meta)) if (v !== undefined) (article as unknown as Record<string, unknown>)[k] = v;
  return article;
}
