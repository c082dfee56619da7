import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../shared/pages/extract-article.ts';
import { STORY, page, paragraphsOf } from './fixtures/build-page.ts';

const ld = (obj: unknown) => `<script type="application/ld+json">${JSON.stringify(obj)}</script>`;

describe('page structures', () => {
  it('finds the story in nested divs without <article> or semantic hints', () => {
    const teasers = Array.from({ length: 6 }, (_, i) => `<div class="c${i}"><div><a href="/t${i}">Teaser headline number ${i} about another topic</a></div><div><p>Short blurb for teaser ${i}, with 1,${i}00 readers.</p></div></div>`).join('');
    const html = page({
      wrap: (s) => `<div class="x1"><div class="x2"><div class="x3"><h1>Queue grows</h1><div class="x4">${s}</div></div></div><div class="x5">${teasers}</div></div>`,
    });
    const a = extractArticle(html, 'https://example.com/a');
    expect(paragraphsOf(a.body)).toEqual(STORY);
  });

  it('leaves out a photo gallery whose captions outweigh the story', () => {
    const slides = Array.from({ length: 12 }, (_, i) => `<li><h2>${i + 1}/12</h2><p>Slide ${i + 1}: crowds of around ${i + 1},000 people gathered at the station as trains arrived late into the night from the east.</p></li>`).join('');
    const html = page({ inside: `<div class="photo-gallery"><ul>${slides}</ul></div>` });
    expect(paragraphsOf(extractArticle(html, 'https://example.com/a').body)).toEqual(STORY);
  });

  it('keeps story text inside utility-class wrappers', () => {
    const html = page({
      wrap: () => `<article><h1>Queue grows</h1><div class="relative overflow-hidden"><p>${STORY[0]}</p></div><div class="mt-4 field-label-hidden"><p>${STORY[1]}</p></div><p>${STORY[2]}</p></article>`,
    });
    expect(paragraphsOf(extractArticle(html, 'https://example.com/a').body)).toEqual(STORY);
  });

  it('keeps subheadings and list items as their own lines, and table rows as rows', () => {
    const html = page({
      inside: '<h2>What happens next</h2><ul><li>Officials will publish daily totals for each crossing point.</li><li>Volunteers will run a shuttle bus between the two towns.</li></ul><table><tr><th>Crossing</th><th>People</th></tr><tr><td>North gate</td><td>12,400</td></tr></table><p>The ministry said it would review the arrangements at the end of the month.</p>',
    });
    const lines = paragraphsOf(extractArticle(html, 'https://example.com/a').body);
    expect(lines).toContain('What happens next');
    expect(lines).toContain('Officials will publish daily totals for each crossing point.');
    expect(lines).toContain('North gate | 12,400');
  });

  it('reads an old table-layout page with <br> paragraphs', () => {
    const html = `<html><body><table><tr><td><a href="/1">Home</a><br><a href="/2">Archive of 3,000 stories</a></td>
      <td><b>Queue grows</b><br>${STORY.join('<br><br>')}</td></tr></table></body></html>`;
    expect(paragraphsOf(extractArticle(html, 'https://example.com/a').body)).toEqual(STORY);
  });

  it('reads AMP pages', () => {
    const html = `<!doctype html><html amp lang="en"><head><meta charset="utf-8"><title>AMP story</title>
      <link rel="canonical" href="https://example.com/story"></head><body>
      <amp-sidebar id="s" layout="nodisplay"><ul><li><a href="/">Home, 9,999 links</a></li></ul></amp-sidebar>
      <header class="amp-header"><a href="/">Sample</a></header>
      <article><h1>AMP story</h1><amp-img src="a.jpg" width="4" height="3"></amp-img>
      ${STORY.map((p) => `<p>${p}</p>`).join('')}
      <amp-ad type="x" data-slot="/1/2"><div fallback>Ad: 7,777 deals</div></amp-ad>
      <amp-social-share type="twitter"></amp-social-share></article></body></html>`;
    const a = extractArticle(html, 'https://example.com/story/amp');
    expect(paragraphsOf(a.body)).toEqual(STORY);
    expect(a.canonical).toBe('https://example.com/story');
  });

  it('uses a complete JSON-LD articleBody when the DOM holds only part of the story', () => {
    const full = [...STORY, 'Officials said the crossing would stay open around the clock until the queue had cleared completely.', 'Local businesses near the checkpoint reported brisk trade in food, fuel and phone cards throughout the week.'];
    const html = `<html><head>${ld({ '@type': 'NewsArticle', articleBody: full.join('\n') })}</head><body><article><p>${STORY[0]}</p><div class="paywall-teaser"><p>Subscribe to read on.</p></div></article></body></html>`;
    expect(paragraphsOf(extractArticle(html, 'https://example.com/a').body)).toEqual(full);
  });

  it('keeps the DOM text when JSON-LD articleBody is cut short', () => {
    const html = page({ head: ld({ '@type': 'NewsArticle', articleBody: `${STORY[0].slice(0, 80)}...` }) });
    expect(paragraphsOf(extractArticle(html, 'https://example.com/a').body)).toEqual(STORY);
  });

  it('weeds DOM paragraphs that a complete articleBody does not have', () => {
    const promo = 'Our reporters have covered the region for decades, and we rely on readers like you to keep going this year.';
    const html = page({ head: ld({ '@type': 'NewsArticle', articleBody: STORY.join('\n\n') }), inside: `<p>${promo}</p>` });
    expect(paragraphsOf(extractArticle(html, 'https://example.com/a').body)).toEqual(STORY);
  });

  it('reads a story nested thousands of elements deep (broken markup)', () => {
    const html = `<html><body>${'<div><font>'.repeat(3000)}${STORY.map((p) => `<p>${p}</p>`).join('')}</body></html>`;
    expect(paragraphsOf(extractArticle(html, 'https://example.com/a').body)).toEqual(STORY);
  });

  it('never throws, whatever it is given', () => {
    const inputs: unknown[] = ['', '   ', 'plain text, no tags', '<html><body></body></html>', '<<<>>>&&&;;;<p<p<p', '\u0000\u0001\u0002\uFFFD'.repeat(500), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]).toString('latin1'), '<div>'.repeat(20_000), undefined, null];
    for (const x of inputs) {
      const a = extractArticle(x as string, 'u');
      expect(a.url).toBe('u');
      expect(typeof a.body).toBe('string');
    }
  });
});
