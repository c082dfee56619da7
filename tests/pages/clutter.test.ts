import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../shared/pages/extract-article.ts';
import { STORY, page } from './fixtures/build-page.ts';

// Each kind of clutter carries a number, because numbers in clutter turn into false figures.
const CASES: { kind: string; html: string; marker: string }[] = [
  {
    kind: 'navigation',
    html: page({ lead: '<nav><ul><li><a href="/a">World</a></li><li><a href="/b">Top 40,000 stories today</a></li></ul></nav>' }),
    marker: '40,000',
  },
  {
    kind: 'site header and ticker',
    html: page({ lead: '<header class="site-header"><div class="ticker">Markets: index up 1,250 points in early trade</div></header>' }),
    marker: '1,250',
  },
  {
    kind: 'footer',
    html: page({ inside: '<footer><p>Copyright 2024 The Daily Sample, serving 90,000 readers across the region every single day.</p></footer>' }),
    marker: '90,000',
  },
  {
    kind: 'aside',
    html: page({ inside: '<aside><p>Fact box: the province has 77,000 residents and two official border crossings open to traffic.</p></aside>' }),
    marker: '77,000',
  },
  {
    kind: 'figure caption',
    html: page({ inside: '<figure><img src="x.jpg"><figcaption>About 15,000 people gathered at a rally in the capital last spring, in an unrelated protest.</figcaption></figure>' }),
    marker: '15,000',
  },
  {
    kind: 'advertisement',
    html: page({ inside: '<div class="ad-slot"><p>Advertisement</p><p>Win one of 5,000 holiday vouchers with our partner airline, offer valid this month only.</p></div>' }),
    marker: '5,000',
  },
  {
    kind: 'share tools',
    html: page({ inside: '<div class="share-tools"><a href="#">Share on Facebook</a> <span>12,345 shares of this story so far on all networks</span></div>' }),
    marker: '12,345',
  },
  {
    kind: 'related stories',
    html: page({ inside: '<section class="related-stories"><h2>Related</h2><p>Earlier this year 33,000 people crossed the southern border in a single week, officials said.</p></section>' }),
    marker: '33,000',
  },
  {
    kind: 'more from',
    html: page({ inside: '<div class="more-from-section"><h3>More from World</h3><p>Flooding forced 8,800 people from their homes along the river delta on Saturday night.</p></div>' }),
    marker: '8,800',
  },
  {
    kind: 'most read',
    html: page({ inside: '<div class="most-read"><ol><li><a href="/x">Minister says 64,000 recruits will be called up next spring</a></li><li><a href="/y">Storm warning for the coast</a></li></ol></div>' }),
    marker: '64,000',
  },
  {
    kind: 'newsletter box',
    html: page({ inside: '<div class="newsletter-signup"><p>Join 250,000 readers who get our morning briefing in their inbox every weekday.</p><input type="email"></div>' }),
    marker: '250,000',
  },
  {
    kind: 'reader comments',
    html: page({ inside: '<section id="comments"><div class="comment"><p>I drove through there last week and I reckon there were at least 20,000 people in that line, maybe more.</p></div></section>' }),
    marker: '20,000',
  },
  {
    kind: 'cookie banner',
    html: page({ lead: '<div class="cookie-consent"><p>We and our 1,400 partners use cookies to personalise content and measure how our site is used.</p><button>Accept</button></div>' }),
    marker: '1,400',
  },
  {
    kind: 'closing call to action without a class',
    html: page({ inside: '<p>Get our weekly digest: sign up for the newsletter and join 310,000 other readers today.</p>' }),
    marker: '310,000',
  },
  {
    kind: 'unmarked byline paragraph',
    html: page({ lead: '<p>By Staff Correspondent, North Gate · 21,000 views</p>' }),
    marker: '21,000',
  },
  {
    kind: 'unmarked closing list of more stories',
    html: page({ inside: '<h3>More great stories</h3><ul><li>Officials in the east expect 45,000 more arrivals before the month ends, says a <a href="/p">report</a></li><li>Why heating prices rose so sharply in the capital this <a href="/q">winter</a></li></ul>' }),
    marker: '45,000',
  },
  {
    kind: 'scripts and styles',
    html: page({ inside: '<script>var views = "55,555 people read this";</script><style>.x::after{content:"66,666 people"}</style><noscript>Enable scripts to see 44,444 people</noscript>' }),
    marker: '',
  },
  {
    kind: 'hidden attribute',
    html: page({ inside: '<p hidden>A hidden note says 31,000 people crossed yesterday, which is a leftover draft.</p>' }),
    marker: '31,000',
  },
  {
    kind: 'aria-hidden',
    html: page({ inside: '<div aria-hidden="true"><p>Screen readers skip this: 42,000 people were mobilized, a stale draft line.</p></div>' }),
    marker: '42,000',
  },
  {
    kind: 'display:none',
    html: page({ inside: '<div style="display: none"><p>Invisible paragraph claiming 51,000 people left in a single day last year.</p></div>' }),
    marker: '51,000',
  },
];

describe('clutter is left out of the body', () => {
  for (const c of CASES) {
    it(c.kind, () => {
      const a = extractArticle(c.html, 'https://example.com/story');
      for (const p of STORY) expect(a.body).toContain(p);
      if (c.marker) expect(a.body).not.toContain(c.marker);
      expect(a.body).not.toMatch(/55,555|66,666|44,444/);
      expect(a.body).not.toContain('Queue grows at the northern crossing');
    });
  }
});
