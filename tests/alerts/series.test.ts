import { describe, expect, it } from 'vitest';
import type { Figure } from '../../shared/domain/types.ts';
import { joinsSeries, seriesLabel, seriesOf } from '../../shared/alerts/series.ts';

const base: Figure = { metric: 'border_crossing', count: 1000, qualifier: 'exact', unit: 'people', quote: 'q' };

describe('series key', () => {
  it('border crossings key on origin, destination and per', () => {
    const a = seriesOf({ ...base, origin: 'Russia', destination: 'Georgia', per: 'day' });
    const b = seriesOf({ ...base, origin: 'russia', destination: 'GEORGIA', per: 'day', who: 'men', country: 'X' });
    expect(a.key).toBe(b.key);
    expect(seriesOf({ ...base, origin: 'Russia', destination: 'Georgia' }).key).not.toBe(a.key);
    expect(seriesOf({ ...base, origin: 'Russia' }).key).not.toBe(seriesOf({ ...base, origin: 'Russia', destination: 'Georgia' }).key);
  });

  it('mobilization keys on country, status and per', () => {
    const m: Figure = { ...base, metric: 'mobilization', country: 'Russia', status: 'planned' };
    expect(seriesOf(m).key).not.toBe(seriesOf({ ...m, status: 'reported' }).key);
    expect(seriesOf(m).key).toBe(seriesOf({ ...m, origin: 'ignored' }).key);
    expect(seriesOf(m).key).not.toBe(seriesOf({ ...base, origin: 'Russia' }).key);
  });

  it('a missing field is its own value', () => {
    expect(seriesOf({ ...base }).key).toBe('border_crossing|-|-|-');
  });

  it('only numeric people counts join series', () => {
    expect(joinsSeries(base)).toBe(true);
    expect(joinsSeries({ ...base, count: null, qualifier: 'vague' })).toBe(false);
    expect(joinsSeries({ ...base, unit: 'vehicles' })).toBe(false);
  });

  it('labels read as an analyst would say them', () => {
    expect(seriesLabel(seriesOf({ ...base, origin: 'Russia', destination: 'Kazakhstan' }))).toBe('Border crossings Russia -> Kazakhstan');
    expect(seriesLabel(seriesOf({ ...base, metric: 'mobilization', country: 'Russia', status: 'planned', per: 'month' }))).toBe(
      'Mobilization Russia, planned (per month)',
    );
  });
});
