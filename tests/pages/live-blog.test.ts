import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../shared/pages/extract-article.ts';

const ENTRIES = [
  { t: '2022-09-27T18:05:00Z', shown: '21:05', title: 'Queue at the mountain pass', text: 'Regional officials said about 5,500 cars were waiting at the pass in the evening, down from the morning.' },
  { t: '2022-09-27T14:40:00Z', shown: '17:40', title: 'Flights sold out', text: 'Travel agents reported that direct flights to the south were sold out for the rest of the week.' },
  { t: '2022-09-27T09:10:00Z', shown: '12:10', title: 'Morning summary', text: 'Welcome to our live coverage; we will bring you updates from the border crossings throughout the day.' },
];

function liveDom(): string {
  const posts = ENTRIES.map(
    (e) => `<div class="update"><p class="update-time"><time datetime="${e.t}">${e.shown}</time></p><h3>${e.title}</h3><div class="update-body"><p>${e.text}</p></div><div class="share"><a href="#">Share this update</a></div></div>`,
  ).join('');
  return `<html lang="en"><head><title>Live: border updates</title></head><body><nav><a href="/">Home</a></nav>
    <main><h1>Live: border updates</h1><p class="page-date">Last updated <time datetime="2022-09-27T18:30:00Z">27 Sept</time></p>${posts}</main>
    <footer>Site footer</footer></body></html>`;
}

describe('live blogs', () => {
  it('keeps every entry, each with its time on its own line before the text', () => {
    const lines = extractArticle(liveDom(), 'https://example.com/live').body.split('\n\n');
    for (const e of ENTRIES) {
      const at = lines.indexOf(e.t);
      expect(at, e.t).toBeGreaterThanOrEqual(0);
      expect(lines.slice(at + 1, at + 3)).toEqual([e.title, e.text]);
    }
    // The page's own "Updated <time>" line is not an entry.
    expect(lines.filter((l) => /^\d{4}-\d\d-\d\dT/.test(l))).toHaveLength(ENTRIES.length);
  });

  it('an ordinary article keeps no timestamp lines', () => {
    const html = `<html><body><article><h1>Plain story</h1><p class="dateline"><time datetime="2022-09-27T09:00:00Z">27 September</time></p>
      <p>${ENTRIES[0].text}</p><p>${ENTRIES[1].text}</p></article></body></html>`;
    const body = extractArticle(html, 'https://example.com/a').body;
    expect(body).not.toMatch(/2022-09-27|27 September/);
    expect(body.split('\n\n')).toEqual([ENTRIES[0].text, ENTRIES[1].text]);
  });

  it('builds the entries from JSON-LD liveBlogUpdate when the page renders them with scripts', () => {
    const ld = {
      '@context': 'https://schema.org',
      '@type': 'LiveBlogPosting',
      headline: 'Live: border updates',
      liveBlogUpdate: ENTRIES.map((e) => ({ '@type': 'BlogPosting', headline: e.title, datePublished: e.t, articleBody: e.text })),
    };
    const html = `<html><head><script type="application/ld+json">${JSON.stringify(ld)}</script></head><body><div id="app">Loading…</div></body></html>`;
    const lines = extractArticle(html, 'https://example.com/live').body.split('\n\n');
    expect(lines).toEqual(ENTRIES.flatMap((e) => [e.t, e.title, e.text]));
  });
});
