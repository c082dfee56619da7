// Builds shared/figures/gazetteer-data.json from the world-countries dataset:
// only the names the gazetteer reads, so that the Lambda bundle does not carry
// the whole dataset (currencies, translations, borders, flags ...).
//   node scripts/build-gazetteer.mjs
// tests/figures/gazetteer-data.test.ts rebuilds it in memory and compares.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// Only sovereign states and Palestine/Taiwan/Kosovo/Vatican are countries a border count names.
const NON_MEMBERS = new Set(['PS', 'TW', 'XK', 'VA']);

/**
 * One entry per country: common and official English names, alternative
 * spellings that can be names in running text (capitalised, longer than an
 * abbreviation), capitals and the English demonyms.
 * @param {import('world-countries').Country[]} countries
 */
export function gazetteerData(countries) {
  return countries
    .filter((c) => c.unMember || NON_MEMBERS.has(c.cca2))
    .map((c) => ({
      common: c.name.common,
      official: c.name.official,
      alt: c.altSpellings.filter((alt) => alt.length > 3 && /^[A-Z]/.test(alt)),
      capitals: c.capital ?? [],
      demonyms: [...new Set([c.demonyms?.eng?.m, c.demonyms?.eng?.f])].filter((d) => !!d),
    }));
}

export const DATA_PATH = join(dirname(fileURLToPath(import.meta.url)), '..', 'shared', 'figures', 'gazetteer-data.json');

/** The file's text: one country a line, so that a dataset update shows as a readable diff. */
export function gazetteerJson(countries) {
  return `[\n${gazetteerData(countries).map((e) => JSON.stringify(e)).join(',\n')}\n]\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { default: countries } = await import('world-countries');
  writeFileSync(DATA_PATH, gazetteerJson(countries));
  console.log(`wrote ${DATA_PATH}`);
}
