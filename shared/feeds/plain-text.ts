// htmlparser2's streaming parser rather than cheerio: this runs in the poll-feed Lambda,
// where all of cheerio (with undici and parse5) would triple the bundle and its start-up.
import { Parser } from 'htmlparser2';

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

const BLOCK = new Set(['p', 'div', 'br', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'tr', 'td', 'th', 'blockquote']);
const SKIP = new Set(['script', 'style']);

function htmlText(html: string): string {
  const out: string[] = [];
  let skipping = 0;
  const parser = new Parser(
    {
      onopentag(name) {
        if (SKIP.has(name)) skipping++;
        // block elements end words: "<p>a</p><p>b</p>" reads "a b", not "ab"
        else if (BLOCK.has(name)) out.push(' ');
      },
      onclosetag(name) {
        if (SKIP.has(name)) skipping = Math.max(0, skipping - 1);
        else if (BLOCK.has(name)) out.push(' ');
      },
      ontext(text) {
        if (!skipping) out.push(text);
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  return out.join('');
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
