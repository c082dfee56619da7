import { createHash } from 'node:crypto';
import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import { seriesOf } from '../../shared/alerts/series.ts';
import type { StoredFigure } from '../../shared/domain/types.ts';
import { renderReport, type ReportInput } from '../../shared/report/render-report.ts';
import type { FeedState, SeriesSummary } from '../../shared/store/store.ts';
import { storedFigure } from './make-figure.ts';

/** The summary the store would keep for these figures (stored in the given order). */
function summaryOf(figures: StoredFigure[]): SeriesSummary {
  const last = figures.at(-1)!;
  return {
    series: seriesOf(last.figure),
    latest: last.figure.count as number,
    latestPublished: last.figure.published,
    previous: figures.length > 1 ? (figures.at(-2)!.figure.count as number) : null,
    figures: figures.length,
    counts: figures.map((f) => f.figure.count as number),
    pendingAlerts: 0,
    updatedAt: last.storedAt,
  };
}

function input(seriesFigures: StoredFigure[][], feeds: FeedState[] = []): ReportInput {
  return { series: seriesFigures.map(summaryOf), figures: seriesFigures.flat(), feeds, alerts: [], generatedAt: '2024-05-10T08:00:00.000Z' };
}

const crossings = [
  storedFigure({ count: 10_000, published: '2024-05-01T09:00:00Z' }, { outlet: 'Alpha Daily', articleUrl: 'https://alpha.example/a1', articleTitle: 'Crossings rise' }),
  storedFigure({ count: 12_000, qualifier: 'more_than', published: '2024-05-02T09:00:00Z' }, { outlet: 'Beta Wire', articleUrl: 'https://beta.example/b1?x=1&y=2' }),
  storedFigure({ count: 12_100, published: '2024-05-03T09:00:00Z' }, { outlet: 'Gamma Post', articleUrl: 'https://gamma.example/g1' }),
];
const callUp = [
  storedFigure({ metric: 'mobilization', country: 'Westland', status: 'planned', origin: undefined, destination: undefined, count: 40_000, published: '2024-05-04T10:00:00Z' }, { outlet: 'Alpha Daily', articleUrl: 'https://alpha.example/a2' }),
  storedFigure({ metric: 'mobilization', country: 'Westland', status: 'planned', origin: undefined, destination: undefined, count: 55_000, published: '2024-05-04T12:00:00Z' }, { outlet: 'Beta Wire', articleUrl: 'https://beta.example/b2' }),
];
const feeds: FeedState[] = [
  { url: 'https://alpha.example/rss', name: 'Alpha', lastSuccessAt: '2024-05-10T07:00:00Z', consecutiveFailures: 0 },
  { url: 'https://beta.example/atom', lastErrorAt: '2024-05-10T07:05:00Z', lastError: 'HTTP 503', consecutiveFailures: 4 },
];

describe('renderReport structure', () => {
  const html = renderReport(input([crossings, callUp], feeds));
  const $ = cheerio.load(html);
  const block = (key: string) => $(`article.series[data-series-key="${key}"]`);

  it('draws one SVG chart per series', () => {
    expect($('article.series')).toHaveLength(2);
    expect($('article.series figure.chart svg')).toHaveLength(2);
  });

  it('draws one point per figure of the series', () => {
    expect(block(crossings[0].seriesKey).find('.series-point circle')).toHaveLength(3);
    expect(block(callUp[0].seriesKey).find('.series-point circle')).toHaveLength(2);
  });

  it('links each point to its article', () => {
    const hrefs = block(crossings[0].seriesKey).find('.series-point a').map((_, a) => $(a).attr('href')).get();
    expect(hrefs.sort()).toEqual(['https://alpha.example/a1', 'https://beta.example/b1?x=1&y=2', 'https://gamma.example/g1']);
  });

  it("puts the qualifier and outlet in the point's tooltip", () => {
    const titles = block(crossings[0].seriesKey).find('.series-point title').map((_, t) => $(t).text()).get();
    expect(titles.some((t) => t.includes('12,000') && t.includes('more than') && t.includes('Beta Wire'))).toBe(true);
  });

  it('places points in order of publication', () => {
    const cx = block(crossings[0].seriesKey).find('.series-point circle').map((_, c) => Number($(c).attr('cx'))).get();
    expect(cx).toEqual([...cx].sort((a, b) => a - b));
    expect(new Set(cx).size).toBe(3);
  });

  it('shows the latest count and the change from the previous one', () => {
    const text = block(crossings[0].seriesKey).find('.latest').text();
    expect(text).toContain('12,100');
    expect(text).toContain('previous 12,000');
    expect(text).toContain('+100');
  });

  it('lists the sources of a count several outlets gave', () => {
    const corroborated = block(crossings[0].seriesKey).find('.corroborated li');
    expect(corroborated).toHaveLength(1);
    expect(corroborated.text()).toContain('Beta Wire');
    expect(corroborated.text()).toContain('Gamma Post');
    expect(corroborated.find('a').map((_, a) => $(a).attr('href')).get()).toEqual(['https://beta.example/b1?x=1&y=2', 'https://gamma.example/g1']);
  });

  it('flags two outlets disagreeing on the same day, in the series and in the conflicts table', () => {
    expect(block(callUp[0].seriesKey).find('.badge').text()).toContain('1 day');
    expect(block(crossings[0].seriesKey).find('.badge')).toHaveLength(0);
    const rows = $('#conflicts tr.conflict');
    expect(rows).toHaveLength(1);
    expect(rows.attr('data-day')).toBe('2024-05-04');
    expect(rows.find('li').map((_, li) => $(li).find('strong').text()).get()).toEqual(['40,000', '55,000']);
  });

  it('lists every figure in the table, with filter data and options', () => {
    expect($('#figures-table tbody tr')).toHaveLength(5);
    expect($('#figures-table tbody tr[data-metric="mobilization"]')).toHaveLength(2);
    expect($('#figures-table tbody tr[data-places="aland|borland"]')).toHaveLength(3);
    expect($('#filter-metric option').map((_, o) => $(o).attr('value')).get()).toEqual(['', 'border_crossing', 'mobilization']);
    expect($('#filter-place option').map((_, o) => $(o).text()).get()).toEqual(['all', 'Aland', 'Borland', 'Westland']);
  });

  it('shows feed health, failing feeds first', () => {
    const rows = $('#feeds-table tbody tr');
    expect(rows).toHaveLength(2);
    expect(rows.first().hasClass('failing')).toBe(true);
    expect(rows.first().text()).toContain('HTTP 503');
    expect(rows.first().find('td').last().text()).toBe('4');
    expect(rows.last().text()).toContain('2024-05-10 07:00 UTC');
  });

  it('needs nothing from the network: no external scripts, styles or images', () => {
    expect($('[src]')).toHaveLength(0);
    expect($('link')).toHaveLength(0);
    const hrefs = $('a[href]').map((_, a) => $(a).attr('href')).get();
    expect(hrefs.every((h) => h.startsWith('#') || /^https:\/\/(alpha|beta|gamma)\.example\//.test(h))).toBe(true);
  });

  it("allows exactly the page's own script in its Content-Security-Policy", () => {
    const script = $('script');
    expect(script).toHaveLength(1);
    const hash = createHash('sha256').update(script.html() ?? '').digest('base64');
    expect($('meta[http-equiv="Content-Security-Policy"]').attr('content')).toContain(`'sha256-${hash}'`);
  });
});

describe('renderReport escaping', () => {
  const hostile = storedFigure(
    { count: 7000, quote: '<script>alert(1)</script> said "7,000" & more', attribution: '<b>officials</b>', published: '2024-05-01T00:00:00Z' },
    { outlet: '"><img src=x onerror=alert(2)>', articleTitle: '</title><script>alert(3)</script>', articleUrl: 'javascript:alert(4)' },
  );
  const html = renderReport(input([[hostile]], [{ url: 'https://x.example/"><svg onload=alert(5)>', lastError: '<i>boom</i>', consecutiveFailures: 1 }]));
  const $ = cheerio.load(html);

  it('renders a hostile quote as text, not as a script', () => {
    expect($('script')).toHaveLength(1);
    expect($('#figures-table td.quote').text()).toBe('<script>alert(1)</script> said "7,000" & more');
    expect(html).not.toContain('<script>alert');
  });

  it('escapes outlet names, titles, attributions and feed errors', () => {
    expect($('img, b, i, svg[onload]')).toHaveLength(0);
    expect($('[onerror], [onload]')).toHaveLength(0);
    expect($('#figures-table tbody tr').text()).toContain('"><img src=x onerror=alert(2)>');
    expect($('#feeds-table').text()).toContain('<i>boom</i>');
  });

  it('makes no link of a non-http URL, in the table or on the chart', () => {
    expect($('a[href^="javascript"]')).toHaveLength(0);
    expect($('.series-point circle')).toHaveLength(1);
    expect($('.series-point a')).toHaveLength(0);
  });
});

describe('renderReport edge cases', () => {
  it('renders an empty store', () => {
    const $ = cheerio.load(renderReport({ series: [], figures: [], feeds: [], alerts: [], generatedAt: '2024-05-10T08:00:00Z' }));
    expect($('article.series')).toHaveLength(0);
    expect($('#series').text()).toContain('No figures stored yet');
    expect($('#conflicts').text()).toContain('None.');
  });

  it('places an undated figure at the time it was stored', () => {
    const dated = storedFigure({ count: 100, published: '2024-05-01T00:00:00Z' });
    const undated = { ...storedFigure({ count: 300 }), storedAt: '2024-05-09T00:00:00Z' };
    const between = storedFigure({ count: 200, published: '2024-05-05T00:00:00Z' });
    const $ = cheerio.load(renderReport(input([[dated, between, undated]])));
    const points = $('.series-point circle')
      .map((_, c) => ({ cx: Number($(c).attr('cx')), label: $(c).find('title').text() }))
      .get()
      .sort((a, b) => a.cx - b.cx);
    expect(points.map((p) => p.label.split(',')[0])).toEqual(['100', '200', '300']);
  });
});

describe('renderReport figures table order', () => {
  it('lists figures newest first by time, whatever the offset they were written with', () => {
    const late = storedFigure({ count: 1, published: '2024-05-02T01:00:00+00:00' });
    const early = storedFigure({ count: 2, published: '2024-05-02T03:00:00+05:00' });
    const $ = cheerio.load(renderReport(input([[early, late]])));
    expect($('#figures-table tbody td.num').map((_, td) => $(td).text()).get()).toEqual(['1', '2']);
  });
});
