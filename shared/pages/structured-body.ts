import { parseHtml } from './dom.ts';
import { segment } from './blocks.ts';

// JSON-LD articleBody is the publisher's own copy of the text, but some sites
// cut it short or flatten it to one line. It wins over the DOM text only where
// it is plausibly whole; where both agree it is used to weed the DOM text.

/** articleBody as paragraphs: HTML inside it rendered, entities decoded. */
export function structuredBodyText(raw: string): string {
  let doc = parseHtml(raw);
  if (/<[a-z][^>]*>/i.test(raw)) return segment(doc).map((b) => b.text).join('\n\n');
  // Some sites escape their markup inside the JSON string.
  const decoded = doc.children.map((c) => (c.type === 'text' ? (c as unknown as { data: string }).data : '')).join('');
  if (/<(p|div|br|h[2-6]|span|a)\b[^>]*>/i.test(decoded)) return structuredBodyText(decoded);
  doc = parseHtml(raw);
  return doc.children
    .map((c) => (c.type === 'text' ? (c as unknown as { data: string }).data : ''))
    .join('')
    .split(/\s*\n\s*/)
    .map((l) => l.replace(/[ \t\u00a0]+/g, ' ').trim())
    .filter(Boolean)
    .join('\n\n');
}

function words(s: string): string[] {
  return s.toLowerCase().match(/[\p{L}\p{N}_]+/gu) ?? [];
}

function looksTruncated(text: string): boolean {
  return /(\.\.\.|…|\[\+\d+ chars\])\s*$/.test(text);
}

/** Share of a's words that occur in b. */
function coverage(a: string[], bSet: Set<string>): number {
  if (!a.length) return 0;
  let hit = 0;
  for (const w of a) if (bSet.has(w)) hit++;
  return hit / a.length;
}

export function reconcileBodies(domBody: string, ldBody: string): string {
  const ld = words(ldBody);
  if (ld.length < 30) return domBody;
  const dom = words(domBody);
  const ldSet = new Set(ld);
  const truncated = looksTruncated(ldBody);
  if (dom.length < ld.length * 0.5) return truncated && dom.length > ld.length * 0.3 ? domBody : ldBody;
  const domInLd = coverage(dom, ldSet);
  if (!truncated && ld.length > dom.length * 1.2 && domInLd > 0.8) return ldBody;
  if (truncated || ld.length < dom.length * 0.6) return domBody;
  const domSet = new Set(dom);
  if (coverage(ld, domSet) < 0.9) return domBody;
  // Both tell the same story: keep the DOM's paragraphs that the publisher's copy has.
  return domBody
    .split('\n\n')
    .filter((p) => {
      const w = words(p);
      return !w.length || coverage(w, ldSet) >= 0.5;
    })
    .join('\n\n');
}
