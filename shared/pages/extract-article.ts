import * as cheerio from 'cheerio';
import type { Article } from '../domain/types.ts';

/** Cuts the article body and its metadata out of a page. */
export function extractArticle(html: string, url: string): Article {
  const $ = cheerio.load(html);
  const meta = (sel: string) => $(sel).first().attr('content')?.trim() || undefined;
  $('script, style, nav, header, footer, aside, figure, noscript').remove();
  const root = $('article').first().length ? $('article').first() : $('body');
  const paragraphs = root
    .find('p')
    .toArray()
    .map((p) => $(p).text().replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  return {
    url,
    title: meta('meta[property="og:title"]') ?? ($('h1').first().text().trim() || $('title').text().trim() || undefined),
    canonical: $('link[rel="canonical"]').attr('href'),
    published: meta('meta[property="article:published_time"]') ?? $('time[datetime]').first().attr('datetime'),
    language: $('html').attr('lang'),
    body: paragraphs.join('\n\n'),
  };
}
