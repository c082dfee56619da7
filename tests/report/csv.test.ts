import { describe, expect, it } from 'vitest';
import { FIGURE_COLUMNS, figureRow, SERIES_COLUMNS, seriesRow, toCsv, toJsonl } from '../../shared/store/exports.ts';
import { storedFigure } from './make-figure.ts';

const one = (value: unknown) => toCsv([{ v: value }], ['v']).split('\n').slice(1).join('\n');

describe('toCsv escaping', () => {
  it('writes a plain field as it is', () => {
    expect(one('Kazakhstan')).toBe('Kazakhstan\n');
  });
  it('quotes a field with a comma', () => {
    expect(one('98,000 people')).toBe('"98,000 people"\n');
  });
  it('doubles quotes inside a quoted field', () => {
    expect(one('officials said "about 98,000"')).toBe('"officials said ""about 98,000"""\n');
  });
  it('quotes a field with a bare quote and no comma', () => {
    expect(one('a "b')).toBe('"a ""b"\n');
  });
  it('keeps a newline inside a quoted field', () => {
    expect(one('first line\nsecond line')).toBe('"first line\nsecond line"\n');
  });
  it('keeps a CRLF inside a quoted field', () => {
    expect(one('first\r\nsecond')).toBe('"first\r\nsecond"\n');
  });
  it('defuses text a spreadsheet would run as a formula, but not numbers', () => {
    expect(one('=HYPERLINK("http://evil.example","x")')).toBe(`"'=HYPERLINK(""http://evil.example"",""x"")"\n`);
    expect(one('@SUM(A1)')).toBe("'@SUM(A1)\n");
    expect(one('+1')).toBe("'+1\n");
    expect(one(-5)).toBe('-5\n');
  });

  it('writes null and undefined as empty fields', () => {
    expect(toCsv([{ a: null, b: undefined, c: 'x' }], ['a', 'b', 'c'])).toBe('a,b,c\n,,x\n');
  });
  it('writes numbers plainly, zero included', () => {
    expect(toCsv([{ a: 0, b: 1_200_000, c: -3.5 }], ['a', 'b', 'c'])).toBe('a,b,c\n0,1200000,-3.5\n');
  });
  it('writes the header alone when there are no rows', () => {
    expect(toCsv([], ['a', 'b'])).toBe('a,b\n');
  });
  it('keeps the given column order, not the row keys order', () => {
    expect(toCsv([{ b: 2, a: 1 }], ['a', 'b'])).toBe('a,b\n1,2\n');
  });
  it('leaves non-ASCII text as UTF-8', () => {
    expect(one('Грузия — 10 000')).toBe('Грузия — 10 000\n');
  });
});

describe('figure and series rows', () => {
  it('writes a hostile quote so that a CSV reader gets it back whole', () => {
    const quote = 'He said, "12,000 crossed"\nand left.';
    const csv = toCsv([figureRow(storedFigure({ quote, count: 12_000 }))], FIGURE_COLUMNS);
    expect(csv.split('\n')[0]).toBe(FIGURE_COLUMNS.join(','));
    expect(csv).toContain('"He said, ""12,000 crossed""\nand left."');
    expect(csv).toContain(',12000,');
  });
  it('gives a series without a previous count an empty change', () => {
    const row = seriesRow({
      series: { key: 'k', metric: 'mobilization', country: 'Westland', status: 'planned' },
      latest: 40_000,
      previous: null,
      figures: 1,
      counts: [40_000],
      pendingAlerts: 0,
      updatedAt: '2024-05-01T00:00:00Z',
    });
    const [header, line] = toCsv([row], SERIES_COLUMNS).split('\n');
    const cells = line.split(',');
    expect(cells[header.split(',').indexOf('change')]).toBe('');
    expect(cells[header.split(',').indexOf('latest')]).toBe('40000');
  });
});

describe('toJsonl', () => {
  it('writes one JSON object a line, newlines inside values escaped', () => {
    const out = toJsonl([{ q: 'a\nb' }, { q: null }]);
    expect(out).toBe('{"q":"a\\nb"}\n{"q":null}\n');
  });
  it('writes nothing for no rows', () => {
    expect(toJsonl([])).toBe('');
  });
});
