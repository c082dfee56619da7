// The escape half of entities only: its decoding tables are not needed here.
import { escapeUTF8 } from 'entities/lib/escape.js';

// Everything a page says reaches analysts' emails and reports through these two:
// text is always escaped, and only http(s) URLs ever become links.

/** Escapes text for HTML text and quoted attribute values (& < > " '). */
export const esc = (text: string | number | null | undefined): string => (text === null || text === undefined ? '' : escapeUTF8(String(text)));

/** The URL, normalised, when it is an absolute http(s) URL; else undefined (never a javascript: or data: link). */
export function safeHref(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}
