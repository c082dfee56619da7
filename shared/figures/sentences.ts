// Splits article text into paragraphs and sentences without breaking on the
// abbreviations news copy is full of ("Sept. 21", "Maj. Gen.", "U.S.", "a.m.").

const ABBREVIATIONS = new Set(
  [
    'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
    'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'maj', 'lt', 'col', 'capt', 'sgt', 'cpl', 'adm', 'cmdr',
    'gov', 'sen', 'rep', 'pres', 'st', 'mt', 'ft', 'no', 'nos', 'vs', 'etc', 'inc', 'ltd', 'co', 'corp',
    'jr', 'sr', 'approx', 'est', 'fig', 'vol', 'dept', 'govt', 'min',
  ],
);

const ODD_SPACE = /[^\S ]| {2}/;

/** Paragraphs: blocks separated by blank lines; single lines too, since plain-text pages put one item per line. */
export function paragraphs(body: string): string[] {
  return body
    .split(/\n/)
    // Most lines hold only single spaces: they are spared the rewrite.
    .map((p) => (ODD_SPACE.test(p) ? p.replace(/\s+/g, ' ') : p).trim())
    .filter(Boolean);
}

// The word before a final full stop, found by scanning back to the last space:
// a regex anchored at the end would retry from every start of a long spaceless run.
function lastWordBeforeStop(text: string): string | undefined {
  if (!text.endsWith('.')) return undefined;
  let i = text.length - 1;
  while (i > 0 && !/\s/.test(text[i - 1])) i--;
  return i < text.length - 1 ? text.slice(i, -1) : undefined;
}

function endsWithAbbreviation(text: string): boolean {
  const last = lastWordBeforeStop(text);
  if (last === undefined) return false;
  const word = last.replace(/^[("“‘'[]+/, '');
  if (ABBREVIATIONS.has(word.toLowerCase())) return true;
  // Initials and dotted acronyms: "G.", "U.S.", "a.m."
  if (/^(?:[A-Za-z]\.)*[A-Za-z]$/.test(word)) return true;
  return false;
}

/** Sentences of one paragraph, trimmed. */
export function sentences(paragraph: string): string[] {
  const out: string[] = [];
  // The lookbehind starts a match only at the first mark of a run ("!!!", "....."), so a long run is scanned once.
  const re = /(?<![.!?])[.!?]+["”’)]*\s+(?=["“‘(]?[A-Z0-9])/g;
  let from = 0;
  for (let m = re.exec(paragraph); m; m = re.exec(paragraph)) {
    const candidate = paragraph.slice(from, m.index + m[0].trimEnd().length);
    const punct = paragraph.slice(m.index, m.index + m[0].trimEnd().length);
    if (punct.startsWith('.') && endsWithAbbreviation(paragraph.slice(from, m.index + 1))) continue;
    out.push(candidate.trim());
    from = m.index + m[0].length;
  }
  const rest = paragraph.slice(from).trim();
  if (rest) out.push(rest);
  return joinQuotations(out);
}

// A quotation that runs over several sentences stays one unit, so that the
// speaker named after it is the attribution of every number inside it.
function joinQuotations(parts: string[]): string[] {
  const out: string[] = [];
  let open = '';
  for (const part of parts) {
    const text = open ? `${open} ${part}` : part;
    const opens = (text.match(/“/g) ?? []).length;
    const closes = (text.match(/”/g) ?? []).length;
    if (opens > closes && text.length < 1500) open = text;
    else {
      out.push(text);
      open = '';
    }
  }
  if (open) out.push(open);
  return out;
}
