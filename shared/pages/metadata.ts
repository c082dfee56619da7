import type { Article } from '../domain/types.ts';
import { type AnyNode, type Document, type Element, collapse, hintsOf, isElement, textOf } from './dom.ts';
import { type LdNode, flattenLd, ldNames, ldString, parseJsonLd, pickArticleNode, typesOf } from './structured-data.ts';

/** What the metadata reader needs from the page, gathered in one walk. */
export interface PageFacts {
  /** meta name/property/itemprop (lower case) -> contents in page order. */
  metas: Map<string, string[]>;
  canonical?: string;
  titleTag?: string;
  lang?: string;
  ld: unknown[];
  h1: string[];
  times: string[];
  bylines: string[];
  isAmp: boolean;
}

const BYLINE_HINT = /(^|[\s_-])(byline|author|writer|by-line)([\s_-]|$)/;

export function collectPageFacts(doc: Document): PageFacts {
  const facts: PageFacts = { metas: new Map(), ld: [], h1: [], times: [], bylines: [], isAmp: false };
  const addMeta = (key: string, value: string): void => {
    const list = facts.metas.get(key);
    if (list) list.push(value);
    else facts.metas.set(key, [value]);
  };
  const stack: AnyNode[] = [...doc.children].reverse();
  while (stack.length) {
    const node = stack.pop()!;
    if (!isElement(node)) continue;
    const a = node.attribs;
    switch (node.name) {
      case 'html':
        facts.lang ??= a.lang?.trim() || a['xml:lang']?.trim() || undefined;
        facts.isAmp ||= 'amp' in a || '⚡' in a;
        break;
      case 'meta': {
        const content = a.content?.trim();
        if (!content) break;
        for (const key of [a.property, a.name, a.itemprop, a['http-equiv']]) {
          if (key) for (const k of key.toLowerCase().split(/\s+/)) addMeta(k, content);
        }
        break;
      }
      case 'link':
        if (!facts.canonical && /(^|\s)canonical(\s|$)/i.test(a.rel ?? '') && a.href) facts.canonical = a.href.trim();
        break;
      case 'title':
        facts.titleTag ??= textOf(node) || undefined;
        continue;
      case 'script':
        if (/ld\+json/i.test(a.type ?? '')) facts.ld.push(...parseJsonLd(scriptText(node)));
        continue;
      case 'style':
        continue;
      case 'h1':
        facts.h1.push(textOf(node));
        break;
      case 'time':
        if (a.datetime) facts.times.push(a.datetime.trim());
        break;
      default: {
        if (a.role === 'heading' && a['aria-level'] === '1') facts.h1.push(textOf(node));
        const hints = hintsOf(node);
        const named = a.rel === 'author' || /author/i.test(a.itemprop ?? '') || /author-?name|byline__name/.test(hints);
        if ((named || (hints && BYLINE_HINT.test(hints))) && facts.bylines.length < 8) {
          const t = textOf(node);
          if (t && t.length < 160) {
            // A name itself beats the byline sentence around it.
            if (named) facts.bylines.unshift(t);
            else facts.bylines.push(t);
          }
        }
      }
    }
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
  }
  return facts;
}

function scriptText(el: Element): string {
  return el.children.map((c) => (c.type === 'text' ? (c as unknown as { data: string }).data : '')).join('');
}

export interface PageMetadata extends Omit<Article, 'body' | 'url'> {
  /** The JSON-LD node of the article, when the page has one. */
  ldArticle?: LdNode;
}

export function readMetadata(facts: PageFacts, url: string): PageMetadata {
  const nodes = flattenLd(facts.ld);
  const art = pickArticleNode(nodes);
  const meta = (...keys: string[]): string | undefined => {
    for (const k of keys) {
      const v = facts.metas.get(k)?.[0];
      if (v) return v;
    }
    return undefined;
  };
  const publisher = art?.publisher ?? nodes.find((n) => typesOf(n).some((t) => /Organization$/.test(t)))?.name;
  return {
    ldArticle: art,
    title: clean(meta('og:title', 'twitter:title') ?? ldString(art?.headline) ?? facts.h1.find(Boolean) ?? splitTitle(facts.titleTag)?.[0] ?? facts.titleTag),
    canonical: absolute(facts.canonical ?? meta('og:url') ?? ldString(art?.url) ?? ldString(art?.mainEntityOfPage), url),
    published: isoDate(
      ldString(art?.datePublished) ??
        meta('article:published_time', 'datepublished', 'og:article:published_time', 'parsely-pub-date', 'pubdate', 'publishdate', 'dc.date.issued', 'dc.date', 'date', 'sailthru.date') ??
        facts.times[0],
    ),
    modified: isoDate(ldString(art?.dateModified) ?? meta('article:modified_time', 'datemodified', 'og:updated_time', 'last-modified')),
    author: clean(ldNames(art?.author) ?? nonUrl(meta('author', 'article:author', 'parsely-author', 'sailthru.author', 'dc.creator', 'byl')) ?? bylineName(facts.bylines[0])),
    outlet: clean(meta('og:site_name', 'application-name') ?? ldNames(publisher) ?? titleSuffix(facts.titleTag)),
    language: clean(facts.lang ?? meta('content-language', 'og:locale', 'language') ?? ldString(art?.inLanguage)),
    description: clean(meta('og:description', 'description', 'twitter:description') ?? ldString(art?.description)),
  };
}

const TITLE_SEPARATOR = /\s+[|–—·:-]\s+|\s+::\s+/;

/** "Headline | Site": the headline and the site's name, when the title has that shape. */
function splitTitle(title: string | undefined): [string, string] | undefined {
  if (!title) return undefined;
  const parts = title.split(TITLE_SEPARATOR);
  if (parts.length < 2) return undefined;
  const last = parts[parts.length - 1].trim();
  if (!last || last.split(/\s+/).length > 5 || last.length * 2 > title.length) return undefined;
  return [title.slice(0, title.length - last.length).replace(/\s*[|–—·:-]+\s*$/, '').trim(), last];
}

function titleSuffix(title: string | undefined): string | undefined {
  return splitTitle(title)?.[1];
}

const MONTH = '(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';
const DATE_TAIL = new RegExp(`\\s+((mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?,?\\s+)?(\\d{1,2}\\s+)?${MONTH}\\s+\\d.*$|\\s+\\d{1,2}[./-]\\d{1,2}[./-]\\d{2,4}.*$`, 'i');

/** The person's name out of a byline such as "By Ana Ruiz in Lima · 3 May 2021 · 4 comments". */
function bylineName(byline: string | undefined): string | undefined {
  if (!byline) return undefined;
  const name = byline
    .replace(/^(by|von|par|por|di|door)\s+/i, '')
    .split(/\s+[·|•—–]\s+|\s{2,}/)[0]
    .replace(/\s+in\s+\p{Lu}[\p{L} -]*$/u, '')
    .replace(DATE_TAIL, '')
    .trim();
  return name || undefined;
}

/** Dates as ISO 8601: ISO forms kept as written (offsets and all), others converted when they parse. */
function isoDate(s: string | undefined): string | undefined {
  const v = clean(s);
  if (!v || /^\d{4}-\d\d-\d\d([T ]\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:?\d\d)?)?$/.test(v)) return v?.replace(' ', 'T');
  if (/^\d{10}$/.test(v)) return new Date(Number(v) * 1000).toISOString();
  const t = Date.parse(v);
  return Number.isNaN(t) ? v : new Date(t).toISOString();
}

function clean(s: string | undefined): string | undefined {
  if (s === undefined) return undefined;
  return collapse(s) || undefined;
}

function nonUrl(s: string | undefined): string | undefined {
  return s && !/^https?:\/\//i.test(s) ? s : undefined;
}

function absolute(href: string | undefined, base: string): string | undefined {
  if (!href) return undefined;
  try {
    return new URL(href, base).href;
  } catch {
    return href;
  }
}
