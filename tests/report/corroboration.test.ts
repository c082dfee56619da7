import { describe, expect, it } from 'vitest';
import { agree, conflicts, corroborations, groupSameCounts, outletOf, publicationDay } from '../../shared/report/corroboration.ts';
import { storedFigure } from './make-figure.ts';

const DAY = '2024-05-02T09:00:00Z';
const A = { outlet: 'Alpha Daily' };
const B = { outlet: 'Beta Wire' };

describe('outletOf', () => {
  it('uses the outlet name when the page gives one', () => {
    expect(outletOf({ articleUrl: 'https://x.example/a', outlet: '  Alpha Daily ' })).toBe('Alpha Daily');
  });
  it('falls back to the host without www.', () => {
    expect(outletOf({ articleUrl: 'https://www.beta.example/news/1' })).toBe('beta.example');
  });
  it('keeps a port, which makes another origin', () => {
    expect(outletOf({ articleUrl: 'http://127.0.0.1:8081/a' })).not.toBe(outletOf({ articleUrl: 'http://127.0.0.1:8082/a' }));
  });
  it('keeps an unparseable URL as it is', () => {
    expect(outletOf({ articleUrl: 'not a url' })).toBe('not a url');
  });
});

describe('publicationDay', () => {
  it("takes the figure's own time first", () => {
    expect(publicationDay(storedFigure({ published: '2024-05-02T23:30:00Z' }, { published: '2024-05-01T00:00:00Z' }))).toBe('2024-05-02');
  });
  it("falls back to the article's time", () => {
    expect(publicationDay(storedFigure({}, { published: '2024-05-01T08:00:00Z' }))).toBe('2024-05-01');
  });
  it('is the UTC date of an offset time', () => {
    expect(publicationDay(storedFigure({ published: '2024-05-02T01:00:00+03:00' }))).toBe('2024-05-01');
  });
  it('is undefined when unknown or unparseable', () => {
    expect(publicationDay(storedFigure())).toBeUndefined();
    expect(publicationDay(storedFigure({ published: 'last Tuesday' }))).toBeUndefined();
  });
});

describe('agree', () => {
  it('holds within 2% of the larger count, either way round', () => {
    expect(agree(storedFigure({ count: 98_000 }), storedFigure({ count: 100_000 }))).toBe(true);
    expect(agree(storedFigure({ count: 100_000 }), storedFigure({ count: 98_000 }))).toBe(true);
  });
  it('fails just past 2%', () => {
    expect(agree(storedFigure({ count: 97_000 }), storedFigure({ count: 100_000 }))).toBe(false);
  });
  it("holds when one count lies in the other's range", () => {
    const range = storedFigure({ count: 5000, low: 5000, high: 6000, qualifier: 'range' });
    expect(agree(range, storedFigure({ count: 5800 }))).toBe(true);
    expect(agree(storedFigure({ count: 5800 }), range)).toBe(true);
    expect(agree(range, storedFigure({ count: 6500 }))).toBe(false);
  });
});

describe('groupSameCounts', () => {
  it('puts counts within 2% together and others apart', () => {
    const groups = groupSameCounts([storedFigure({ count: 100_000 }), storedFigure({ count: 12_000 }), storedFigure({ count: 98_000 })]);
    expect(groups.map((g) => [g.count, g.figures.length])).toEqual([
      [12_000, 1],
      [98_000, 2],
    ]);
  });
  it('does not depend on the order the figures came in', () => {
    const fs = [storedFigure({ count: 1000 }), storedFigure({ count: 1019 }), storedFigure({ count: 1039 }), storedFigure({ count: 1050 })];
    const key = (gs: ReturnType<typeof groupSameCounts>) => gs.map((g) => g.figures.map((f) => f.id).sort());
    expect(key(groupSameCounts([...fs].reverse()))).toEqual(key(groupSameCounts(fs)));
  });
  it('anchors each group on its smallest count, so a chain of 1.9% steps splits', () => {
    const groups = groupSameCounts([storedFigure({ count: 1000 }), storedFigure({ count: 1019 }), storedFigure({ count: 1038 })]);
    expect(groups.map((g) => g.count)).toEqual([1000, 1038]);
  });
  it('lists each outlet and each article once', () => {
    const url = 'https://alpha.example/one';
    const [g] = groupSameCounts([
      storedFigure({ count: 500 }, { ...A, articleUrl: url }),
      storedFigure({ count: 500 }, { ...A, articleUrl: url }),
      storedFigure({ count: 500 }, { outlet: 'ALPHA DAILY' }),
    ]);
    expect(g.outlets).toEqual(['Alpha Daily']);
    expect(g.sources).toHaveLength(2);
  });
  it('skips figures without a count', () => {
    expect(groupSameCounts([storedFigure({ count: null, qualifier: 'vague' })])).toEqual([]);
  });
});

describe('corroborations', () => {
  it('reports a count given by two outlets, with both sources', () => {
    const [g, ...rest] = corroborations([storedFigure({ count: 12_000 }, A), storedFigure({ count: 12_100 }, B)]);
    expect(rest).toEqual([]);
    expect(g.outlets).toEqual(['Alpha Daily', 'Beta Wire']);
    expect(g.sources.map((s) => s.outlet)).toEqual(['Alpha Daily', 'Beta Wire']);
  });
  it('does not count one outlet twice as corroboration', () => {
    expect(corroborations([storedFigure({ count: 12_000 }, A), storedFigure({ count: 12_000 }, A)])).toEqual([]);
  });
  it('keeps series apart: the same number for two routes is not corroboration', () => {
    expect(corroborations([storedFigure({ count: 12_000 }, A), storedFigure({ count: 12_000, destination: 'Cedland' }, B)])).toEqual([]);
  });
  it('keeps rates apart from totals', () => {
    expect(corroborations([storedFigure({ count: 12_000 }, A), storedFigure({ count: 12_000, per: 'day' }, B)])).toEqual([]);
  });
  it('ignores different days: corroboration is about the count, not the date', () => {
    const gs = corroborations([storedFigure({ count: 40_000, published: DAY }, A), storedFigure({ count: 40_000, published: '2024-06-01' }, B)]);
    expect(gs).toHaveLength(1);
  });
  it('tells outlets apart by host when the page names none', () => {
    const gs = corroborations([
      storedFigure({ count: 700 }, { outlet: undefined, articleUrl: 'https://one.example/a' }),
      storedFigure({ count: 700 }, { outlet: undefined, articleUrl: 'https://www.two.example/b' }),
    ]);
    expect(gs[0]?.outlets).toEqual(['one.example', 'two.example']);
  });
});

describe('conflicts', () => {
  it('flags two outlets giving different counts for one series on one day', () => {
    const [c, ...rest] = conflicts([storedFigure({ count: 12_000, published: DAY }, A), storedFigure({ count: 15_000, published: '2024-05-02T18:00:00Z' }, B)]);
    expect(rest).toEqual([]);
    expect(c.day).toBe('2024-05-02');
    expect(c.groups.map((g) => [g.count, g.outlets])).toEqual([
      [12_000, ['Alpha Daily']],
      [15_000, ['Beta Wire']],
    ]);
  });
  it('does not flag counts within 2%', () => {
    expect(conflicts([storedFigure({ count: 98_000, published: DAY }, A), storedFigure({ count: 100_000, published: DAY }, B)])).toEqual([]);
  });
  it("does not flag a count inside the other outlet's range", () => {
    const range = storedFigure({ count: 5000, low: 5000, high: 6000, qualifier: 'range', published: DAY }, A);
    expect(conflicts([range, storedFigure({ count: 5500, published: DAY }, B)])).toEqual([]);
  });
  it('does not flag one outlet giving two counts', () => {
    expect(conflicts([storedFigure({ count: 11_200, published: DAY }, A), storedFigure({ count: 9000, published: DAY }, A)])).toEqual([]);
  });
  it('does not flag different days', () => {
    expect(conflicts([storedFigure({ count: 12_000, published: DAY }, A), storedFigure({ count: 15_000, published: '2024-05-03T09:00:00Z' }, B)])).toEqual([]);
  });
  it('does not flag different series on the same day', () => {
    expect(conflicts([storedFigure({ count: 12_000, published: DAY }, A), storedFigure({ count: 15_000, published: DAY, origin: 'Dunland' }, B)])).toEqual([]);
  });
  it('leaves undated figures out', () => {
    expect(conflicts([storedFigure({ count: 12_000 }, A), storedFigure({ count: 15_000 }, B)])).toEqual([]);
  });
  it('uses the article date when the figure has none', () => {
    expect(conflicts([storedFigure({ count: 12_000 }, { ...A, published: DAY }), storedFigure({ count: 15_000 }, { ...B, published: DAY })])).toHaveLength(1);
  });
  it('flags a day where a third outlet disagrees with two that agree, and shows all three', () => {
    const [c] = conflicts([
      storedFigure({ count: 300_000, published: DAY }, A),
      storedFigure({ count: 300_000, published: DAY }, B),
      storedFigure({ count: 1_000_000, published: DAY }, { outlet: 'Gamma Post' }),
    ]);
    expect(c.groups.map((g) => g.outlets.length)).toEqual([2, 1]);
  });
  it('flags the same outlet against another when the other disagrees', () => {
    const cs = conflicts([
      storedFigure({ count: 11_200, published: DAY }, A),
      storedFigure({ count: 9000, published: DAY }, A),
      storedFigure({ count: 11_200, published: DAY }, B),
    ]);
    expect(cs).toHaveLength(1);
  });
  it('lists conflicts by series, then day', () => {
    const cs = conflicts([
      storedFigure({ count: 1, published: '2024-05-03' }, A),
      storedFigure({ count: 2, published: '2024-05-03' }, B),
      storedFigure({ count: 1, published: DAY }, A),
      storedFigure({ count: 2, published: DAY }, B),
    ]);
    expect(cs.map((c) => c.day)).toEqual(['2024-05-02', '2024-05-03']);
  });
  it('ignores figures without a count', () => {
    expect(conflicts([storedFigure({ count: 12_000, published: DAY }, A), storedFigure({ count: null, qualifier: 'vague', published: DAY }, B)])).toEqual([]);
  });
});
