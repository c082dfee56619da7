import { seededRandom } from './seeded-random.ts';
import { figureSentence, fillerSentence, headline, plainSentence } from './synthetic-wording.ts';

export interface LoadOptions {
  feeds: number;
  itemsPerFeed: number;
  /** Distinct articles listed by the feeds on the first poll. */
  articles: number;
  /** Distinct sites (host names) the feeds and articles are spread over. */
  outlets: number;
  /** Articles published between the first and the second poll (the steady state). */
  followUps: number;
  seed: number;
  /** Publication time of the newest first-poll article (ISO 8601). */
  start: string;
}

export const DEFAULT_LOAD: LoadOptions = {
  feeds: 1000,
  itemsPerFeed: 20,
  articles: 5000,
  outlets: 100,
  followUps: 100,
  seed: 9,
  start: '2026-11-30T12:00:00.000Z',
};

export type ArticleKind = 'figures' | 'plain' | 'syndicated';

export interface SyntheticArticle {
  index: number;
  outlet: number;
  path: string;
  /** 0: listed on the first poll; 1: published before the second. */
  tick: 0 | 1;
  kind: ArticleKind;
  /** The article this one repeats word for word (syndicated copies). */
  copyOf?: number;
  published: string;
  title: string;
  paragraphs: string[];
  figureSentences: number;
}

export interface SyntheticFeed {
  index: number;
  outlet: number;
  path: string;
  title: string;
  /** Article indexes listed from the first poll on. */
  items: number[];
  /** Article indexes added before the second poll. */
  followUps: number[];
}

export interface SyntheticLoad {
  options: LoadOptions;
  feeds: SyntheticFeed[];
  articles: SyntheticArticle[];
}

// Share of first-poll articles of each kind; the rest are plain news without figures.
const FIGURE_SHARE = 0.4;
const SYNDICATED_SHARE = 0.15;
const SPREAD_MS = 48 * 3600_000;

/** The whole load, decided by the seed: same options, same feeds and articles. */
export function generateLoad(options: LoadOptions = DEFAULT_LOAD): SyntheticLoad {
  const rnd = seededRandom(options.seed);
  const start = Date.parse(options.start);
  const articles: SyntheticArticle[] = [];
  const figureArticles: number[] = [];

  const write = (index: number, tick: 0 | 1, published: number): SyntheticArticle => {
    const outlet = index % options.outlets;
    const base = { index, outlet, tick, path: `/news/${tick}/${index}.html`, published: new Date(published).toISOString() };
    const roll = rnd.int(0, 99) / 100;
    const original = figureArticles.length > 0 && roll < SYNDICATED_SHARE ? articles[rnd.pick(figureArticles)] : undefined;
    if (original && original.outlet !== outlet) {
      return { ...base, kind: 'syndicated', copyOf: original.index, title: original.title, paragraphs: original.paragraphs, figureSentences: original.figureSentences };
    }
    const withFigures = tick === 1 || roll < SYNDICATED_SHARE + FIGURE_SHARE;
    const figures = withFigures ? rnd.int(1, 2) : 0;
    const paragraphs = Array.from({ length: rnd.int(5, 9) }, () => (withFigures ? fillerSentence(rnd) : plainSentence(rnd)) + ' ' + fillerSentence(rnd));
    for (let f = 0; f < figures; f++) paragraphs[f === 0 ? 0 : rnd.int(1, paragraphs.length - 1)] = figureSentence(rnd) + ' ' + fillerSentence(rnd);
    if (withFigures) figureArticles.push(index);
    return { ...base, kind: withFigures ? 'figures' : 'plain', title: headline(rnd, withFigures), paragraphs, figureSentences: figures };
  };

  for (let i = 0; i < options.articles; i++) {
    articles.push(write(i, 0, start - ((options.articles - 1 - i) * SPREAD_MS) / options.articles - rnd.int(0, 60_000)));
  }
  for (let m = 0; m < options.followUps; m++) articles.push(write(options.articles + m, 1, start + (m + 1) * 60_000));

  const feeds: SyntheticFeed[] = Array.from({ length: options.feeds }, (_, index) => ({
    index,
    outlet: index % options.outlets,
    path: `/feeds/${index}.xml`,
    title: `Outlet ${index % options.outlets} section ${Math.floor(index / options.outlets)}`,
    items: [],
    followUps: [],
  }));
  const byOutlet = (list: readonly { outlet: number; index: number }[], outlet: number) => list.filter((x) => x.outlet === outlet).map((x) => x.index);
  for (let outlet = 0; outlet < options.outlets; outlet++) {
    const own = byOutlet(articles.filter((a) => a.tick === 0), outlet);
    const sections = byOutlet(feeds, outlet);
    // Sections overlap: consecutive windows a step apart, so every article is listed and most in several feeds.
    const step = Math.max(1, Math.ceil(own.length / Math.max(1, sections.length)));
    sections.forEach((f, k) => {
      const n = Math.min(options.itemsPerFeed, own.length);
      feeds[f].items = Array.from({ length: n }, (_, t) => own[(k * step + t) % own.length]);
    });
    const later = byOutlet(articles.filter((a) => a.tick === 1), outlet);
    later.forEach((a, j) => sections.length > 0 && feeds[sections[(a + j) % sections.length]].followUps.push(a));
  }
  return { options, feeds, articles };
}

/** The articles a feed lists at a poll (0: first, 1: second), newest first as feeds do. */
export function feedItemsAt(load: SyntheticLoad, feed: SyntheticFeed, tick: 0 | 1): SyntheticArticle[] {
  const ids = tick === 0 ? feed.items : [...feed.items, ...feed.followUps];
  return ids.map((i) => load.articles[i]).sort((a, b) => b.published.localeCompare(a.published));
}
