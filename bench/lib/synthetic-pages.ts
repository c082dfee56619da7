import type { SyntheticArticle, SyntheticFeed, SyntheticLoad } from './synthetic-load.ts';
import { feedItemsAt } from './synthetic-load.ts';

// Pages shaped like a news site's: navigation, a script, the article with its JSON-LD,
// a "most read" block and a footer, so body extraction does its usual work.

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export type OriginOf = (outlet: number) => string;

export function renderFeed(load: SyntheticLoad, feed: SyntheticFeed, tick: 0 | 1, originOf: OriginOf): string {
  const origin = originOf(feed.outlet);
  const items = feedItemsAt(load, feed, tick)
    .map((a) => {
      const link = originOf(a.outlet) + a.path;
      return `  <item>\n    <title>${esc(a.title)}</title>\n    <link>${esc(link)}</link>\n    <guid isPermaLink="true">${esc(link)}</guid>\n    <pubDate>${new Date(a.published).toUTCString()}</pubDate>\n    <description>${esc(a.paragraphs[0].slice(0, 160))}</description>\n  </item>`;
    })
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0">\n<channel>\n  <title>${esc(feed.title)}</title>\n  <link>${esc(origin)}/</link>\n  <description>Latest stories</description>\n${items}\n</channel>\n</rss>\n`;
}

const SECTIONS = ['World', 'Politics', 'Business', 'Climate', 'Sport', 'Culture', 'Science', 'Opinion', 'Video', 'Podcasts'];
const TOPICS = ['Africa', 'Americas', 'Asia', 'Europe', 'Middle East', 'Elections', 'Markets', 'Energy', 'Health', 'Tech', 'Football', 'Tennis', 'Books', 'Film', 'Music', 'Travel', 'Food', 'Space', 'Weather', 'Letters'];

/** A site's furniture, the same on every page of one outlet: sized like a real news page's (about 100 KB with the story). */
export interface Chrome {
  head: string;
  header: string;
  footer: string;
}

export function renderChrome(outlet: number): Chrome {
  const menu = SECTIONS.map((s) => `<li class="menu-section"><a href="/${s.toLowerCase()}">${s}</a><ul>${TOPICS.map((t) => `<li><a href="/${s.toLowerCase()}/${t.toLowerCase().replace(/ /g, '-')}">${t}</a></li>`).join('')}</ul></li>`).join('');
  const css = Array.from({ length: 300 }, (_, i) => `.c${i}{margin:${i % 7}px;padding:${i % 5}px ${i % 3}px;color:#${(i * 2654435761 % 0xffffff).toString(16).padStart(6, '0')}}`).join('');
  const config = JSON.stringify({ outlet, ads: Array.from({ length: 200 }, (_, i) => ({ slot: `slot-${i}`, sizes: [[300, 250], [728, 90], [320, 50]], targeting: { section: SECTIONS[i % SECTIONS.length], pos: i } })), analytics: { id: `site-${outlet}`, sample: 0.1 } });
  return {
    head: `<style>${css}</style>\n<script>window.__config = ${config};</script>`,
    header: `<header class="site-header"><a href="/" class="logo">Outlet ${outlet}</a><nav class="nav" aria-label="Sections"><ul>${menu}</ul></nav></header>`,
    footer: `<footer class="site-footer"><nav><ul>${menu}</ul></nav><p>Copyright Outlet ${outlet}. All rights reserved.</p></footer>`,
  };
}

export function renderArticle(article: SyntheticArticle, siblings: readonly SyntheticArticle[], chrome: Chrome, originOf: OriginOf): string {
  const url = originOf(article.outlet) + article.path;
  const outlet = `Outlet ${article.outlet}`;
  const related = siblings.map((s) => `<li><a href="${esc(originOf(s.outlet) + s.path)}">${esc(s.title)}</a></li>`).join('');
  const jsonLd = JSON.stringify({ '@context': 'https://schema.org', '@type': 'NewsArticle', headline: article.title, datePublished: article.published, url, publisher: { '@type': 'Organization', name: outlet } });
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(article.title)} | ${outlet}</title>
<meta property="og:title" content="${esc(article.title)}"><meta property="og:site_name" content="${outlet}">
<meta property="article:published_time" content="${article.published}"><link rel="canonical" href="${esc(url)}">
${chrome.head}
<script type="application/ld+json">${jsonLd}</script></head>
<body>${chrome.header}
<main><article class="story"><h1>${esc(article.title)}</h1>
<p class="byline">By Staff Reporter <time datetime="${article.published}">${new Date(article.published).toUTCString()}</time></p>
${article.paragraphs.map((p) => `<p>${esc(p)}</p>`).join('\n')}
</article>
<aside class="most-read"><h2>Most read</h2><ul>${related}</ul></aside></main>
${chrome.footer}
</body></html>
`;
}
