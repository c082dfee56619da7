import * as cheerio from 'cheerio';

/**
 * Feed titles and descriptions often carry HTML (tags, entities, even doubly escaped
 * markup); analysts read them as plain text with whitespace collapsed.
 */
export function plainText(value: unknown): string | undefined {
  const raw = xmlText(value, 0);
  if (!raw) return undefined;
  const text = /[<&]/.test(raw) ? htmlText(raw) : raw;
  const collapsed = text.replace(/\s+/g, ' ').trim();
  return collapsed || undefined;
}

function htmlText(html: string): string {
  const $ = cheerio.load(`<body>${html}</body>`);
  $('script, style').remove();
  // block elements end words: "<p>a</p><p>b</p>" reads "a b", not "ab"
  $('p, div, br, li, h1, h2, h3, h4, h5, h6, tr').after(' ');
  return $('body').text();
}

// xml2js gives an element with attributes or child elements (Atom type="xhtml" titles,
// unescaped markup) as an object: its text is "_" plus its children's text. Mixed
// content loses its order there; the words survive, which is what a title needs.
function xmlText(value: unknown, depth: number): string | undefined {
  if (typeof value === 'string') return value;
  if (depth > 20 || value === null || typeof value !== 'object') return undefined;
  if (Array.isArray(value)) return value.map((v) => xmlText(v, depth + 1) ?? '').join(' ');
  const parts = Object.entries(value as Record<string, unknown>)
    .filter(([key]) => key !== '$' && key !== 'script' && key !== 'style')
    .map(([, child]) => xmlText(child, depth + 1) ?? '');
  return parts.join(' ');
}
