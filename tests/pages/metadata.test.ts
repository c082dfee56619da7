import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../shared/pages/extract-article.ts';
import { STORY, page } from './fixtures/build-page.ts';

const ld = (obj: unknown) => `<script type="application/ld+json">${JSON.stringify(obj)}</script>`;

describe('metadata', () => {
  it('reads JSON-LD inside an @graph array before meta tags', () => {
    const html = page({
      head:
        ld({
          '@context': 'https://schema.org',
          '@graph': [
            { '@type': 'WebSite', name: 'Sample Site' },
            {
              '@type': ['NewsArticle'],
              headline: 'Graph headline',
              datePublished: '2024-03-05T08:00:00Z',
              dateModified: '2024-03-05T09:30:00Z',
              author: [{ '@type': 'Person', name: 'Ana Ruiz' }, { '@type': 'Person', name: 'Tom Berg' }],
              publisher: { '@type': 'NewsMediaOrganization', name: 'Graph Publisher' },
              inLanguage: 'es',
            },
          ],
        }) + '<meta property="article:published_time" content="2020-01-01T00:00:00Z">',
      htmlAttrs: '',
    });
    const a = extractArticle(html, 'https://example.com/a');
    expect(a.published).toBe('2024-03-05T08:00:00Z');
    expect(a.modified).toBe('2024-03-05T09:30:00Z');
    expect(a.author).toBe('Ana Ruiz, Tom Berg');
    expect(a.outlet).toBe('Graph Publisher');
    expect(a.language).toBe('es');
  });

  it('reads Open Graph, canonical, meta author and html lang', () => {
    const html = page({
      htmlAttrs: 'lang="en-GB"',
      head: `<meta property="og:title" content="OG title here">
        <meta property="og:site_name" content="The Daily Sample">
        <meta property="og:description" content="Short summary.">
        <meta name="author" content="Lena Novak">
        <link rel="canonical" href="/world/queue-grows">`,
    });
    const a = extractArticle(html, 'https://example.com/world/queue-grows?utm_source=x');
    expect(a).toMatchObject({
      title: 'OG title here',
      outlet: 'The Daily Sample',
      description: 'Short summary.',
      author: 'Lena Novak',
      canonical: 'https://example.com/world/queue-grows',
      language: 'en-GB',
    });
  });

  it('falls back to <time datetime> and the h1 when the head says nothing', () => {
    const html = page({ lead: '<p class="dateline"><time datetime="2023-11-02T10:15:00+01:00">2 November</time></p>' });
    const a = extractArticle(html, 'https://example.com/a');
    expect(a.published).toBe('2023-11-02T10:15:00+01:00');
    expect(a.title).toBe('Queue grows at the northern crossing');
  });

  it('reads JSON-LD that is not strictly valid JSON', () => {
    const broken = `<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Line
break inside", "datePublished": "2022-09-21T16:45:00Z",}</script>`;
    const a = extractArticle(page({ head: broken }), 'https://example.com/a');
    expect(a.published).toBe('2022-09-21T16:45:00Z');
  });

  it('takes the name out of a byline sentence and the outlet from the <title> suffix', () => {
    const html = `<html><head><title>Queue grows at the crossing – The Frontier Post</title></head><body><article>
      <p class="story-byline">By Ana Ruiz in Lima · <time datetime="2021-05-03T09:00:00Z">3 May 2021</time> · <a href="#c">4 comments</a></p>
      ${STORY.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;
    const a = extractArticle(html, 'https://example.com/a');
    expect(a.author).toBe('Ana Ruiz');
    expect(a.outlet).toBe('The Frontier Post');
    expect(a.title).toBe('Queue grows at the crossing');
    expect(a.body).not.toMatch(/Ana Ruiz|comments/);
  });

  it('prefers the marked-up author name over the byline around it', () => {
    const html = page({ lead: '<p class="byline">By <span itemprop="author">Lena Novak</span> <span class="desk">Foreign Desk</span> Oct. 6, 2022</p>' });
    expect(extractArticle(html, 'https://example.com/a').author).toBe('Lena Novak');
  });

  it('writes dates as ISO 8601', () => {
    const at = (content: string) =>
      extractArticle(page({ head: `<meta property="article:published_time" content="${content}">` }), 'https://example.com/a').published;
    expect(at('2022-09-21T16:45:00+03:00')).toBe('2022-09-21T16:45:00+03:00');
    expect(at('2022-09-21 16:45')).toBe('2022-09-21T16:45');
    expect(at('Wed, 21 Sep 2022 13:45:00 GMT')).toBe('2022-09-21T13:45:00.000Z');
    expect(at('1663767900')).toBe('2022-09-21T13:45:00.000Z');
  });
});
