// The committed gazetteer table must be exactly what the build script makes
// from the installed world-countries dataset, so the two cannot drift apart.
import { readFileSync } from 'node:fs';
import worldCountries from 'world-countries';
import type { Country } from 'world-countries';
import { describe, expect, it } from 'vitest';
import { DATA_PATH, gazetteerData, gazetteerJson } from '../../scripts/build-gazetteer.mjs';
import { placeOf } from '../../shared/figures/gazetteer.ts';

const countries: Country[] = (worldCountries as unknown as { default?: Country[] }).default ?? (worldCountries as unknown as Country[]);

describe('gazetteer-data.json', () => {
  it('is what scripts/build-gazetteer.mjs builds from world-countries (rerun it after a dataset update)', () => {
    expect(readFileSync(DATA_PATH, 'utf8')).toBe(gazetteerJson(countries));
  });

  it('keeps only states and the few non-members a border count names', () => {
    const names = gazetteerData(countries).map((e) => e.common);
    expect(names).toEqual(expect.arrayContaining(['Chad', 'Moldova', 'Palestine', 'Kosovo', 'Taiwan']));
    expect(names).not.toContain('Greenland');
    expect(names).not.toContain('Puerto Rico');
  });

  it('still resolves names, capitals and demonyms read from the table', () => {
    expect(placeOf('Republic of Moldova')).toBe('Moldova');
    expect(placeOf("N'Djamena")).toBe('Chad');
    expect(placeOf('Venezuelans')).toBe('Venezuela');
    expect(placeOf('Greenland')).toBeUndefined();
  });
});
