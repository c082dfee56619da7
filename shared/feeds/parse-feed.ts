import Parser from 'rss-parser';
import type { FeedItem } from '../domain/types.ts';
import { FetchError } from '../http/fetcher.ts';
import { plainText } from './plain-text.ts';
import { repairXml } from './repair-xml.ts';

// A fresh parser per document: xml2js keeps state in its parser object, and after an
// error a reused one can mis-read the next document.
function newParser() {
  return new Parser({
    defaultRSS: 2,
    // xml:base attributes of the feed root / channel and of each entry ride along as "$"
    customFields: {
      feed: [['$', 'xmlAttributes', { keepArray: true }]] as never,
      item: [['$', 'xmlAttributes', { keepArray: true }]] as never,
    },
  });
}

type ParsedItem = Parser.Item & { id?: unknown; guid?: unknown; xmlAttributes?: Record<string, string>; summary?: unknown; description?: unknown };

/** A feed entry as read, before entries without a usable article link are dropped. */
export type FeedEntry = Omit<FeedItem, 'link'> & { link?: string };

/**
 * Parses RSS 0.9x/1.0/2.0 or Atom text into items with absolute http(s) links; titles
 * and summaries as plain text. Throws FetchError(reason 'bad_feed') for a document
 * that is empty, not XML even after mending common damage, or not a feed.
 */
export async function parseFeed(xml: string, feedUrl: string): Promise<FeedItem[]> {
  return (await readFeedEntries(xml, feedUrl)).filter((entry): entry is FeedItem => entry.link !== undefined);
}

/** Every entry of a feed, links resolved against xml:base and the feed URL where present. */
export async function readFeedEntries(xml: string, feedUrl: string): Promise<FeedEntry[]> {
  const text = xml.replace(/^\uFEFF/, '');
  if (!withoutProlog(text).trim()) throw new FetchError(feedUrl, 'bad_feed', 'empty document, not a feed');
  const feed = await parseLeniently(text, feedUrl);
  const feedBase = resolveBase(xmlBase(feed as { xmlAttributes?: unknown }), feedUrl);
  return ((feed.items ?? []) as ParsedItem[]).map((entry) => {
    const base = resolveBase(xmlBase(entry), feedBase);
    const guid = plainText(entry.guid) ?? plainText(entry.id);
    return {
      feedUrl,
      guid,
      link: absoluteHttpUrl(plainText(entry.link), base) ?? (guid ? absoluteHttpUrl(guid, undefined) : undefined),
      title: plainText(entry.title),
      published: entry.isoDate,
      summary: plainText(entry.contentSnippet) ?? plainText(entry.summary) ?? plainText(entry.description),
    };
  });
}

async function parseLeniently(text: string, feedUrl: string): Promise<Parser.Output<Record<string, unknown>>> {
  let firstError: Error;
  try {
    return await newParser().parseString(text);
  } catch (err) {
    firstError = err as Error;
  }
  if (isUnrecognized(firstError)) throw notAFeed(text, feedUrl);
  // the stack ran out in xml2js/rss-parser recursion: well-formed or not, unreadable
  if (firstError instanceof RangeError) throw new FetchError(feedUrl, 'bad_feed', `elements nested too deeply to read (${firstLine(firstError)})`);
  // rss-parser reads well-formed XML, then trips over a structure it expects
  if (firstError instanceof TypeError) throw badStructure(text, feedUrl, firstError);
  const repaired = repairXml(text);
  if (repaired !== text) {
    try {
      return await newParser().parseString(repaired);
    } catch (err) {
      if (isUnrecognized(err as Error)) throw notAFeed(text, feedUrl);
      if (err instanceof TypeError) throw badStructure(repaired, feedUrl, err);
    }
  }
  throw new FetchError(feedUrl, 'bad_feed', `not well-formed XML: ${firstLine(firstError)}`);
}

// What comes before the root element: declarations, comments, a doctype. Scanned
// with indexOf, not a regex, which is quadratic on many unclosed "<!--" or "<?".
function withoutProlog(text: string): string {
  let rest = text;
  for (;;) {
    rest = rest.trimStart();
    const close = rest.startsWith('<?') ? '?>' : rest.startsWith('<!--') ? '-->' : /^<!doctype/i.test(rest) ? '>' : undefined;
    if (!close) return rest;
    const end = rest.indexOf(close, 2);
    if (end < 0) return '';
    rest = rest.slice(end + close.length);
  }
}

function isUnrecognized(err: Error): boolean {
  return /not recognized as RSS/i.test(err?.message ?? '');
}

function notAFeed(text: string, feedUrl: string): FetchError {
  const root = withoutProlog(text).match(/<\s*([\w:.-]+)/)?.[1];
  const what = root && /^html$/i.test(root) ? 'an HTML page' : root ? `an XML document with root <${root}>` : 'a document';
  return new FetchError(feedUrl, 'bad_feed', `${what}, not an RSS, RDF or Atom feed`);
}

function badStructure(text: string, feedUrl: string, err: Error): FetchError {
  if (!/<(\w+:)?channel[\s>]/i.test(text) && !/<(\w+:)?feed[\s>]/i.test(text)) return new FetchError(feedUrl, 'bad_feed', 'an RSS document without a <channel>: no items to read');
  return new FetchError(feedUrl, 'bad_feed', `feed structure not understood (${firstLine(err)})`);
}

function firstLine(err: Error): string {
  return String(err?.message ?? err).split('\n')[0].slice(0, 200);
}

function xmlBase(node: { xmlAttributes?: unknown }): string | undefined {
  const attrs = node.xmlAttributes;
  const base = attrs && typeof attrs === 'object' ? (attrs as Record<string, unknown>)['xml:base'] : undefined;
  return typeof base === 'string' && base.trim() ? base.trim() : undefined;
}

function resolveBase(base: string | undefined, parent: string): string {
  if (!base) return parent;
  try {
    return new URL(base, parent).href;
  } catch {
    return parent;
  }
}

// A javascript:, data: or mailto: "link" is no article; neither is an unparsable one.
function absoluteHttpUrl(raw: string | undefined, base: string | undefined): string | undefined {
  if (!raw) return undefined;
  try {
    const url = new URL(raw, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}
