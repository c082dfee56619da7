import { esc, safeHref } from '../html/escape.ts';

export { esc, safeHref };

/** A link to an article that opens apart from the report; plain text when the URL is not http(s). */
export function link(url: string | undefined, text: string): string {
  const href = safeHref(url);
  return href ? `<a href="${esc(href)}" target="_blank" rel="noopener noreferrer">${esc(text)}</a>` : esc(text);
}

/** "2024-05-02 09:00 UTC", or the input as given when it is not a time. */
export function utcTime(iso: string | undefined): string {
  if (!iso) return '';
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : `${new Date(t).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

export const fmtCount = (n: number | null | undefined): string => (typeof n === 'number' ? n.toLocaleString('en-US') : '');
