import type { FetchKind } from './fetcher.ts';

// Feeds are served under many types (application/rss+xml, text/xml, even text/html or
// text/plain); the feed parser refuses what is not a feed. Pages must be HTML.
const FEED = /^(text\/[\w.+-]+|application\/([\w.+-]+\+)?xml|application\/(rss|atom|rdf|xml)[\w.+-]*|application\/octet-stream)$/;
const PAGE = /^(text\/html|application\/xhtml\+xml)$/;

/** Why a response of this content type is not what `kind` expects, or undefined if it is. */
export function contentTypeProblem(contentType: string | undefined, kind: FetchKind): string | undefined {
  const mime = contentType?.split(';')[0]?.trim().toLowerCase();
  // a server that names no type gets the benefit of the doubt; the parser decides
  if (!mime) return undefined;
  if ((kind === 'feed' ? FEED : PAGE).test(mime)) return undefined;
  return `content type ${mime} is not ${kind === 'feed' ? 'a feed (XML or text)' : 'an HTML page'}`;
}
