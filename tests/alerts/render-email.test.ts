import { describe, expect, it } from 'vitest';
import type { Alert, Figure } from '../../shared/domain/types.ts';
import { describeCount, renderEmail, renderSubject } from '../../shared/alerts/render-email.ts';
import { seriesOf } from '../../shared/alerts/series.ts';

function alertOf(figure: Figure, extra: Partial<Alert> = {}): Alert {
  return {
    id: 'a1',
    series: seriesOf(figure),
    figure,
    source: { articleUrl: 'https://news.example.org/story', articleTitle: 'Crossings rise', outlet: 'Example News', published: '2022-09-27T10:00:00Z' },
    previous: null,
    createdAt: '2022-09-27T10:05:00Z',
    ...extra,
  };
}

const crossing: Figure = {
  metric: 'border_crossing',
  count: 98_000,
  qualifier: 'about',
  unit: 'people',
  origin: 'Russia',
  destination: 'Kazakhstan',
  who: 'Russians',
  period: 'in the week since the call-up',
  attribution: 'Kazakh officials',
  quote: 'About 98,000 Russians have crossed into Kazakhstan, officials said.',
};

describe('alert subject', () => {
  it('names series, qualified count and change since the previous count', () => {
    const s = renderSubject(alertOf(crossing, { previous: 50_000, previousPublished: '2022-09-24T08:00:00Z' }));
    expect(s).toBe('Border crossings Russia -> Kazakhstan: about 98,000 (+48,000 since 2022-09-24)');
  });

  it('says when a series is new', () => {
    expect(renderSubject(alertOf(crossing))).toBe('Border crossings Russia -> Kazakhstan: about 98,000 (new series)');
  });

  it('shows falls, rates and ranges', () => {
    expect(renderSubject(alertOf({ ...crossing, count: 20_000, qualifier: 'exact', per: 'day' }, { previous: 50_000 }))).toContain(': 20,000 a day (-30,000)');
    expect(describeCount({ ...crossing, qualifier: 'range', count: 5000, low: 5000, high: 6000, per: 'day' })).toBe('5,000-6,000 a day');
  });

  it('stays on one line whatever the page says', () => {
    const s = renderSubject(alertOf({ ...crossing, destination: 'Kazakhstan\r\nBcc: victim@example.org' }));
    expect(s).not.toMatch(/[\r\n]/);
  });
});

describe('alert body', () => {
  it('carries count, change, places, period, attribution, quote, title, link, outlet and time', () => {
    const { text, html } = renderEmail(alertOf(crossing, { previous: 50_000 }));
    for (const part of ['about 98,000', '+48,000', 'Russia -> Kazakhstan', 'in the week since the call-up', 'Kazakh officials', 'Crossings rise', 'https://news.example.org/story', 'Example News', '2022-09-27T10:00:00Z']) {
      expect(text).toContain(part);
    }
    expect(html).toContain('<mark>98,000</mark>');
    expect(html).toContain('href="https://news.example.org/story"');
  });

  it('lists the sources that repeated the count', () => {
    const { text, html } = renderEmail(alertOf(crossing, { repeatedBy: [{ articleUrl: 'https://other.example.net/copy', outlet: 'Other Wire' }] }));
    expect(text).toContain('Other Wire: https://other.example.net/copy');
    expect(html).toContain('href="https://other.example.net/copy"');
  });

  it('escapes every piece of page-derived text', () => {
    const hostile: Alert = alertOf(
      { ...crossing, quote: 'About 98,000 <script>alert(1)</script> <a href="https://evil.example">click</a>', attribution: '"><img src=x onerror=alert(1)>' },
      { source: { articleUrl: 'javascript:alert(1)', articleTitle: '<b>Title</b>', outlet: '<i>Outlet</i>' } },
    );
    const { html } = renderEmail(hostile);
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('href="https://evil.example"');
    expect(html).not.toContain('javascript:');
    expect(html).not.toContain('<b>Title</b>');
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('&lt;b&gt;Title&lt;/b&gt;');
  });
});
