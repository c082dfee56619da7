import { describe, expect, it } from 'vitest';
import { findPlaces, placeOf } from '../../shared/figures/gazetteer.ts';

const places = (text: string) => findPlaces(text).map((p) => [p.text, p.place, p.kind]);

describe('gazetteer', () => {
  it.each([
    ['Türkiye', 'Turkey'],
    ['Turkey', 'Turkey'],
    ['Russian Federation', 'Russia'],
    ['Gaza Strip', 'State of Palestine'],
    ['West Bank', 'State of Palestine'],
    ['DR Congo', 'Democratic Republic of the Congo'],
    ['Burma', 'Myanmar'],
    ['Czech Republic', 'Czechia'],
    ['Taiwan', 'Taiwan'],
    ['United States of America', 'United States'],
    ['Bogota', 'Colombia'],
    ['Dushanbe', 'Tajikistan'],
  ])('maps %s to %s', (name, place) => {
    expect(placeOf(name)).toBe(place);
  });

  it('reads demonyms, plurals and possessives', () => {
    expect(places('Kazakh officials said Russians crossed into Georgia’s north')).toEqual([
      ['Kazakh', 'Kazakhstan', 'demonym'],
      ['Russians', 'Russia', 'demonym'],
      ['Georgia’s', 'Georgia', 'country'],
    ]);
    expect(findPlaces('North Koreans and Czechs and Germans').map((p) => p.place)).toEqual(['North Korea', 'Czechia', 'Germany']);
  });

  it('keeps blocs as places', () => {
    expect(findPlaces('entered the EU and the European Union').map((p) => [p.place, p.kind])).toEqual([
      ['European Union', 'bloc'],
      ['European Union', 'bloc'],
    ]);
  });

  it('splits hyphenated border names', () => {
    expect(findPlaces('the Sudanese-Chadian border').map((p) => p.place)).toEqual(['Sudan', 'Chad']);
  });
});
