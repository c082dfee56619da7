import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import { seriesChart } from '../../shared/report/series-chart.ts';

const at = (iso: string) => new Date(iso);

describe('seriesChart', () => {
  it('draws a point per figure, each a link with its label as tooltip', () => {
    const $ = cheerio.load(
      seriesChart(
        [
          { at: at('2024-05-02T00:00:00Z'), count: 20, url: 'https://b.example/2', label: 'twenty, about' },
          { at: at('2024-05-01T00:00:00Z'), count: 10, url: 'https://a.example/1', label: 'ten, exact' },
        ],
        'people',
      ),
      { xml: true },
    );
    const links = $('.series-point a');
    expect(links.map((_, a) => $(a).attr('href')).get()).toEqual(['https://a.example/1', 'https://b.example/2']);
    expect(links.map((_, a) => $(a).find('title').text()).get()).toEqual(['ten, exact', 'twenty, about']);
  });

  it('gives points at one single time an axis a day wide, with them in the middle', () => {
    const $ = cheerio.load(seriesChart([{ at: at('2024-05-01T12:00:00Z'), count: 5, label: 'five' }], 'people'), { xml: true });
    const cx = Number($('.series-point circle').attr('cx'));
    const width = Number($('svg').attr('width'));
    expect(cx).toBeGreaterThan(width * 0.3);
    expect(cx).toBeLessThan(width * 0.7);
    expect($('[aria-label="x-axis tick label"] text').length).toBeGreaterThan(1);
  });

  it('draws a point without a link when its URL is not http(s)', () => {
    const $ = cheerio.load(seriesChart([{ at: at('2024-05-01T00:00:00Z'), count: 5, url: 'data:text/html,hi', label: 'five' }], 'people'), { xml: true });
    expect($('.series-point circle')).toHaveLength(1);
    expect($('a')).toHaveLength(0);
  });
});
