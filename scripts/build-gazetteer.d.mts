import type { Country } from 'world-countries';

export interface GazetteerEntry {
  common: string;
  official: string;
  alt: string[];
  capitals: string[];
  demonyms: string[];
}

export function gazetteerData(countries: Country[]): GazetteerEntry[];
export function gazetteerJson(countries: Country[]): string;
export const DATA_PATH: string;
