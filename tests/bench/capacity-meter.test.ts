import { describe, expect, it } from 'vitest';
import { capacitySince, divideWork, sumWork, type CapacityTotals } from '../../bench/lib/capacity-meter.ts';

describe('capacity readings', () => {
  it('subtracts an earlier reading per command and per scope, dropping what did not change', () => {
    const before: CapacityTotals = {
      requests: { GetItemCommand: 2, PutItemCommand: 1 },
      units: { GetItemCommand: 1, PutItemCommand: 1 },
      byScope: { 'feed:a': { requests: 2, readUnits: 0.5, writeUnits: 1 }, recordFigure: { requests: 1, readUnits: 0.5, writeUnits: 0 } },
    };
    const after: CapacityTotals = {
      requests: { GetItemCommand: 5, PutItemCommand: 1 },
      units: { GetItemCommand: 2.5, PutItemCommand: 1 },
      byScope: { 'feed:a': { requests: 3, readUnits: 1, writeUnits: 1 }, recordFigure: { requests: 1, readUnits: 0.5, writeUnits: 0 }, settledArticles: { requests: 2, readUnits: 1, writeUnits: 0 } },
    };
    expect(capacitySince(after, before)).toEqual({
      requests: { GetItemCommand: 3 },
      units: { GetItemCommand: 1.5 },
      byScope: { 'feed:a': { requests: 1, readUnits: 0.5, writeUnits: 0 }, settledArticles: { requests: 2, readUnits: 1, writeUnits: 0 } },
    });
  });

  it('sums and averages work, with nothing for nothing', () => {
    const total = sumWork([
      { requests: 1, readUnits: 0.5, writeUnits: 0 },
      { requests: 3, readUnits: 1.5, writeUnits: 4 },
    ]);
    expect(total).toEqual({ requests: 4, readUnits: 2, writeUnits: 4 });
    expect(divideWork(total, 2)).toEqual({ requests: 2, readUnits: 1, writeUnits: 2 });
    expect(divideWork(total, 0)).toEqual({ requests: 0, readUnits: 0, writeUnits: 0 });
  });
});
