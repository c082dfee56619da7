// JSON-LD: the article node a page describes itself with, read leniently
// because many sites ship invalid JSON (raw newlines in strings, trailing
// commas, HTML comments around the object).

export type LdNode = Record<string, unknown>;

const ARTICLE_TYPES = [
  'LiveBlogPosting',
  'NewsArticle',
  'ReportageNewsArticle',
  'AnalysisNewsArticle',
  'OpinionNewsArticle',
  'BackgroundNewsArticle',
  'ReviewNewsArticle',
  'Report',
  'BlogPosting',
  'Article',
  'SocialMediaPosting',
  'TechArticle',
  'ScholarlyArticle',
];

export function parseJsonLd(raw: string): unknown[] {
  const text = raw
    .replace(/^\s*(?:<!--|\/\/\s*<!\[CDATA\[|<!\[CDATA\[)/, '')
    .replace(/(?:-->|\/\/\s*\]\]>|\]\]>)\s*$/, '')
    .trim();
  if (!text) return [];
  for (const attempt of [text, repairJson(text)]) {
    try {
      return [JSON.parse(attempt) as unknown];
    } catch {
      // next repair
    }
  }
  return [];
}

function repairJson(text: string): string {
  return text
    .replace(/[\u0000-\u001f]+/g, ' ')
    .replace(/,\s*([}\]])/g, '$1');
}

/** Every object in the JSON-LD values, @graph arrays and nested values included. */
export function flattenLd(values: unknown[]): LdNode[] {
  const out: LdNode[] = [];
  const seen = new Set<unknown>();
  const visit = (v: unknown, depth: number): void => {
    if (depth > 8 || v === null || typeof v !== 'object' || seen.has(v)) return;
    seen.add(v);
    if (Array.isArray(v)) {
      for (const x of v) visit(x, depth + 1);
      return;
    }
    const node = v as LdNode;
    if (node['@type'] !== undefined) out.push(node);
    for (const [k, x] of Object.entries(node)) {
      // Live-blog entries are parts of their page's article, not rivals to it.
      if (k === 'articleBody' || k === 'text' || k === 'liveBlogUpdate') continue;
      if (typeof x === 'object') visit(x, depth + 1);
    }
  };
  visit(values, 0);
  return out;
}

export function typesOf(node: LdNode): string[] {
  const t = node['@type'];
  const list = Array.isArray(t) ? t : [t];
  return list.filter((x): x is string => typeof x === 'string').map((x) => x.replace(/^.*[/#:]/, ''));
}

/** The node that describes the page's article, preferring the most specific type. */
export function pickArticleNode(nodes: LdNode[]): LdNode | undefined {
  let best: LdNode | undefined;
  let bestRank = Infinity;
  for (const n of nodes) {
    for (const t of typesOf(n)) {
      const rank = ARTICLE_TYPES.indexOf(t);
      if (rank < 0) continue;
      // A node with a body beats a bare one of a more specific type.
      const r = rank - (typeof n.articleBody === 'string' ? 100 : 0);
      if (r < bestRank) {
        best = n;
        bestRank = r;
      }
    }
  }
  return best;
}

export function ldString(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim() || undefined;
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) return ldString(v[0]);
  if (v && typeof v === 'object') {
    const o = v as LdNode;
    return ldString(o['@value'] ?? o.name ?? o['@id'] ?? o.url);
  }
  return undefined;
}

/** Author names: a string, a Person, or a list of either. */
export function ldNames(v: unknown): string | undefined {
  const list = Array.isArray(v) ? v : [v];
  const names = list
    .map((x) => (x && typeof x === 'object' ? ldString((x as LdNode).name) : ldString(x)))
    .filter((x): x is string => !!x && !/^https?:\/\//.test(x));
  return names.length ? [...new Set(names)].join(', ') : undefined;
}

export interface LiveUpdate {
  time?: string;
  headline?: string;
  body: string;
}

export function liveUpdates(node: LdNode): LiveUpdate[] {
  const raw = node.liveBlogUpdate;
  const list = Array.isArray(raw) ? raw : raw ? [raw] : [];
  const out: LiveUpdate[] = [];
  for (const u of list) {
    if (!u || typeof u !== 'object') continue;
    const o = u as LdNode;
    const body = ldString(o.articleBody) ?? ldString(o.text) ?? '';
    if (!body) continue;
    out.push({ time: ldString(o.datePublished) ?? ldString(o.dateCreated), headline: ldString(o.headline), body });
  }
  return out;
}
