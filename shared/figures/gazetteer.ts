// Country names, official names, alternative spellings, capitals and demonyms
// from the world-countries package, resolved to the English short names the
// contract uses ("Russia", "Turkey", "State of Palestine"), plus blocs. The
// names come from gazetteer-data.json, the few fields of the dataset read here
// (scripts/build-gazetteer.mjs), so that bundles do not carry the whole dataset.
import countries from './gazetteer-data.json' with { type: 'json' };

export type PlaceKind = 'country' | 'capital' | 'demonym' | 'bloc';

export interface PlaceMention {
  start: number;
  end: number;
  text: string;
  place: string;
  kind: PlaceKind;
}

// Where world-countries' common name is not the short name analysts use.
const SHORT_NAME: Record<string, string> = {
  Türkiye: 'Turkey',
  Palestine: 'State of Palestine',
  'DR Congo': 'Democratic Republic of the Congo',
  'Republic of the Congo': 'Congo',
  'Ivory Coast': "Côte d'Ivoire",
  'Vatican City': 'Holy See',
};

// Names news copy uses that the package lacks.
const EXTRA_NAMES: Record<string, string> = {
  Turkey: 'Turkey',
  Burma: 'Myanmar',
  Gaza: 'State of Palestine',
  'Gaza Strip': 'State of Palestine',
  'West Bank': 'State of Palestine',
  Britain: 'United Kingdom',
  'Great Britain': 'United Kingdom',
  UK: 'United Kingdom',
  'U.K.': 'United Kingdom',
  US: 'United States',
  'U.S.': 'United States',
  USA: 'United States',
  America: 'United States',
  Holland: 'Netherlands',
  'Czech Republic': 'Czechia',
  Congo: 'Congo',
  'Democratic Republic of Congo': 'Democratic Republic of the Congo',
  'Democratic Republic of the Congo': 'Democratic Republic of the Congo',
  DRC: 'Democratic Republic of the Congo',
  Kyiv: 'Ukraine',
  Kiev: 'Ukraine',
};

const EXTRA_DEMONYMS: Record<string, string> = {
  Turkish: 'Turkey',
  Turk: 'Turkey',
  Palestinian: 'State of Palestine',
  Gazan: 'State of Palestine',
  British: 'United Kingdom',
  Briton: 'United Kingdom',
  American: 'United States',
  Burmese: 'Myanmar',
  Rohingya: 'Myanmar',
  Congolese: 'Democratic Republic of the Congo',
  Emirati: 'United Arab Emirates',
  Kazakhstani: 'Kazakhstan',
  Kyrgyzstani: 'Kyrgyzstan',
  Uzbekistani: 'Uzbekistan',
  Tajikistani: 'Tajikistan',
  Filipino: 'Philippines',
  Dutch: 'Netherlands',
  Czech: 'Czechia',
  Salvadoran: 'El Salvador',
  Dominican: 'Dominican Republic',
  Haitian: 'Haiti',
  Slovak: 'Slovakia',
  Polish: 'Poland',
  Swedish: 'Sweden',
  Finnish: 'Finland',
  Danish: 'Denmark',
  Spanish: 'Spain',
  Greek: 'Greece',
  Welsh: 'United Kingdom',
  Ecuadorian: 'Ecuador',
  Ecuadorean: 'Ecuador',
  Kazakh: 'Kazakhstan',
  Kyrgyz: 'Kyrgyzstan',
  Tajik: 'Tajikistan',
  Uzbek: 'Uzbekistan',
  Turkmen: 'Turkmenistan',
  Finn: 'Finland',
  Pole: 'Poland',
  Swede: 'Sweden',
  Dane: 'Denmark',
  Nigerien: 'Niger',
  Saudi: 'Saudi Arabia',
  Serb: 'Serbia',
  Croat: 'Croatia',
  Bosnian: 'Bosnia and Herzegovina',
  Macedonian: 'North Macedonia',
  Ivorian: "Côte d'Ivoire",
  Nepali: 'Nepal',
  Nepalese: 'Nepal',
  Kosovar: 'Kosovo',
  Belarussian: 'Belarus',
  Scottish: 'United Kingdom',
};

const BLOCS: Record<string, string> = {
  'European Union': 'European Union',
  EU: 'European Union',
  'E.U.': 'European Union',
  'Schengen area': 'Schengen Area',
  'Schengen zone': 'Schengen Area',
  Europe: 'Europe',
};

// Demonyms that are also ordinary words or ambiguous as adjectives.
const DEMONYM_STOP = new Set(['Guinean', 'Congolese', 'Dominican', 'Nigerien', 'Mahoran', 'American Islander']);

interface Entry {
  place: string;
  kind: PlaceKind;
}

function plural(demonym: string): string[] {
  if (/(?:ese|ss|sh|x|z)$/.test(demonym)) return [demonym];
  if (/ch$/.test(demonym)) return [demonym, `${demonym}s`];
  // "Germans", but "Frenchmen" where the package says "Frenchman".
  if (/[a-z]man$/.test(demonym)) return [`${demonym}s`, demonym.replace(/man$/, 'men')];
  return [`${demonym}s`];
}

function buildIndex(): Map<string, Entry> {
  const index = new Map<string, Entry>();
  const add = (name: string | undefined, entry: Entry, overwrite = false) => {
    if (!name || name.length < 2) return;
    // Copy often drops accents: "Bogota", "Sao Tome".
    const plain = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    for (const key of new Set([name, plain])) if (overwrite || !index.has(key)) index.set(key, entry);
  };
  for (const c of countries) {
    const place = SHORT_NAME[c.common] ?? c.common;
    add(c.common, { place, kind: 'country' }, true);
    add(place, { place, kind: 'country' }, true);
    add(c.official, { place, kind: 'country' }, true);
    for (const alt of c.alt) add(alt, { place, kind: 'country' });
    for (const cap of c.capitals) add(cap, { place, kind: 'capital' });
    for (const d of c.demonyms) {
      if (DEMONYM_STOP.has(d)) continue;
      add(d, { place, kind: 'demonym' });
      for (const p of plural(d)) add(p, { place, kind: 'demonym' });
    }
  }
  for (const [name, place] of Object.entries(EXTRA_NAMES)) add(name, { place, kind: 'country' }, true);
  for (const [d, place] of Object.entries(EXTRA_DEMONYMS)) {
    add(d, { place, kind: 'demonym' }, true);
    for (const p of plural(d)) add(p, { place, kind: 'demonym' }, true);
  }
  for (const [name, place] of Object.entries(BLOCS)) add(name, { place, kind: 'bloc' }, true);
  return index;
}

const INDEX = buildIndex();
const MAX_WORDS = Math.max(...[...INDEX.keys()].map((k) => k.split(/\s+/).length));
// Names can only start with these words; others are skipped without building n-grams.
const FIRST_WORDS = new Set([...INDEX.keys()].map((k) => k.split(/\s+/)[0].replace(/['’]s$/, '')));

// A run of capitalised words, with the small words that occur inside names.
// "of the" too: "Democratic Republic of the Congo", "Federated States of the ...".
const RUN_RE = /[A-Z][\w\u00C0-\u024F.'’-]*(?:\s+(?:(?:of the|and the|of|the|and|da|de|del)\s+)?[A-Z][\w\u00C0-\u024F.'’-]*)*/g;

// What may trail a name's first word: a possessive or a punctuation mark.
const TRAILER = /(?:['’]s|[.,;:])$/;

function lookup(name: string): Entry | undefined {
  // The trimmed forms are built only when the name ends that way: most names looked up do not.
  return INDEX.get(name) ?? (/['’]s$/.test(name) ? INDEX.get(name.slice(0, -2)) : undefined) ?? (name.endsWith('.') ? INDEX.get(name.slice(0, -1)) : undefined);
}

/** Country, capital, demonym and bloc mentions, longest names first, left to right. */
export function findPlaces(text: string): PlaceMention[] {
  const out: PlaceMention[] = [];
  RUN_RE.lastIndex = 0;
  for (let m = RUN_RE.exec(text); m; m = RUN_RE.exec(text)) {
    // Most runs are one capitalised word that starts no name ("The", "Officials"): skip them without splitting.
    if (!/[\s-]/.test(m[0]) && !FIRST_WORDS.has(m[0]) && !(TRAILER.test(m[0]) && FIRST_WORDS.has(m[0].replace(TRAILER, '')))) continue;
    for (const p of placesInRun(m[0])) out.push({ start: p.start + m.index, end: p.end + m.index, text: p.text, place: p.place, kind: p.kind });
  }
  return out;
}

// The same runs ("Russia", "the Georgian Border Guard") come back sentence after
// sentence: each is read once. Only short runs are kept, and it is cleared when full, so it stays small.
const RUN_PLACES = new Map<string, PlaceMention[]>();

/** The places in one run of capitalised words, at offsets inside the run. */
function placesInRun(run: string): PlaceMention[] {
  const known = RUN_PLACES.get(run);
  if (known) return known;
  const out: PlaceMention[] = [];
  // Split on hyphens too: "Georgian-Russian border" names two countries.
  const words: { w: string; s: number }[] = [];
  const wre = /[^\s-]+/g;
  for (let w = wre.exec(run); w; w = wre.exec(run)) words.push({ w: w[0], s: w.index });
  for (let i = 0; i < words.length; ) {
    let found = 0;
    const head = words[i].w.replace(TRAILER, '');
    if (!FIRST_WORDS.has(head) && !FIRST_WORDS.has(words[i].w)) {
      i++;
      continue;
    }
    for (let n = Math.min(MAX_WORDS, words.length - i); n > 0 && !found; n--) {
      const first = words[i];
      const last = words[i + n - 1];
      const span = run.slice(first.s, last.s + last.w.length).replace(/[,;:]+$/, '');
      const clean = span.replace(/\s+/g, ' ');
      const entry = lookup(clean);
      if (entry) {
        out.push({ start: first.s, end: first.s + span.length, text: span, place: entry.place, kind: entry.kind });
        found = n;
      }
    }
    i += found || 1;
  }
  if (RUN_PLACES.size >= 5000) RUN_PLACES.clear();
  if (run.length <= 200) RUN_PLACES.set(run, out);
  return out;
}

/** The short name for a country or bloc name, capital or demonym, if it is one. */
export function placeOf(name: string): string | undefined {
  return lookup(name.trim())?.place;
}

/** The country a demonym ("Russians", "Kazakh") names. */
export function demonymCountry(word: string): string | undefined {
  const e = lookup(word.trim());
  return e?.kind === 'demonym' ? e.place : undefined;
}
