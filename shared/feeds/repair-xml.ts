import { decodeHTML } from 'entities';

const XML_ENTITIES = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);

/**
 * The damage real feeds commonly carry, mended so a strict XML parser can read them:
 * HTML named entities (&nbsp;, &eacute;) that XML does not declare become numeric
 * references, a bare "&" becomes "&amp;", and control characters XML forbids go.
 * Anything deeper (unclosed elements, truncation) is left for the parser to refuse.
 */
export function repairXml(xml: string): string {
  return xml
    .replace(/(<\/[\w:.-]+)\s*$/, '$1>')
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&(#[0-9]+;|#x[0-9a-fA-F]+;|[A-Za-z][A-Za-z0-9]*;)?/g, (match, ref: string | undefined) => {
      if (!ref) return '&amp;';
      if (ref.startsWith('#')) return match;
      const name = ref.slice(0, -1);
      if (XML_ENTITIES.has(name)) return match;
      const decoded = decodeHTML(match);
      if (decoded === match) return `&amp;${ref}`;
      return [...decoded].map((ch) => `&#${ch.codePointAt(0)};`).join('');
    });
}
