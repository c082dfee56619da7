import type { Element } from './dom.ts';
import type { Block } from './blocks.ts';
import { isArticleLike, isStrongClutter } from './clutter.ts';

// Picks the element that holds the article: the subtree with the most prose
// and the least furniture (links, short fragments). Prose counts for it,
// furniture against it, so the winner is the tightest box around the story
// that still takes in all of its paragraphs.

/** Soft clutter holding this share of the page's prose is a wrapper, not clutter. */
const WRAPPER_SHARE = 0.5;
const FURNITURE_WEIGHT = 1;
const ARTICLE_BONUS = 0.15;
const LONE_PARAGRAPH = 0.3;
/** Link text long enough to be a headline. */
const TEASER_LINK = 15;
const SIBLING_MIN_PROSE = 100;
const SIBLING_MAX_FURNITURE = 0.1;

export interface Selection {
  /** The article's box, with any clean prose siblings, in page order. */
  roots: Element[];
  /** Blocks left out because they sit in confirmed clutter. */
  excluded: Set<Block>;
}

export function effectiveLength(text: string): number {
  // CJK writes a word in one or two characters; weigh them like Latin words.
  const cjk = text.match(/[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/g)?.length ?? 0;
  return text.length + cjk * 2;
}

/** A list item led by a long link: a headline teaser, not part of a story. */
export function isTeaser(b: Block): boolean {
  return b.listItem && b.leadLinkChars >= 20 && b.leadLinkChars < b.text.length;
}

const proseCache = new WeakMap<Block, boolean>();

/** A paragraph of running text: long enough, few links, reads like sentences. */
export function isProse(b: Block): boolean {
  let v = proseCache.get(b);
  if (v === undefined) proseCache.set(b, (v = readsAsProse(b)));
  return v;
}

function readsAsProse(b: Block): boolean {
  if (b.heading || isTeaser(b)) return false;
  const len = effectiveLength(b.text);
  if (len < 40) return false;
  const ld = b.linkChars / b.text.length;
  if (ld > 0.35) return false;
  return len >= 80 || /[.!?。！？"”»:;)]\s*$/.test(b.text) || /[,.]\s/.test(b.text);
}

function proseWeight(b: Block): number {
  return effectiveLength(b.text) * (1 - b.linkChars / b.text.length);
}

/** Links count fully against a box, other text a little. */
function clutterWeight(b: Block): number {
  return b.linkChars + (b.text.length - b.linkChars) * 0.3;
}

function furnitureWeight(b: Block): number {
  if (isProse(b)) return 0;
  return b.heading ? b.linkChars : clutterWeight(b);
}

/** Clutter elements that hold an article-like element around this block. */
function markWrappers(b: Block, out: Set<Element>): void {
  const clutter = new Set(b.clutter);
  let seenArticle = false;
  for (let el: Element | null = b.el; el && el.type === 'tag'; el = el.parent as Element | null) {
    if (seenArticle && clutter.has(el)) out.add(el);
    if (!seenArticle && isArticleLike(el)) seenArticle = true;
  }
}

export function selectRoot(blocks: Block[]): Selection {
  const clutterProse = new Map<Element, number>();
  const wrapsArticle = new Set<Element>();
  let total = 0;
  for (const b of blocks) {
    if (!isProse(b)) continue;
    const w = proseWeight(b);
    total += w;
    for (const c of b.clutter) clutterProse.set(c, (clutterProse.get(c) ?? 0) + w);
    if (b.clutter.length) markWrappers(b, wrapsArticle);
  }
  const confirmed = (c: Element): boolean =>
    (clutterProse.get(c) ?? 0) < total * WRAPPER_SHARE || (isStrongClutter(c) && !wrapsArticle.has(c));
  // Prose blocks per grandparent: a lone paragraph in its own card with a link
  // in it is a teaser's blurb (a card without one is more likely a how-to step).
  const neighbours = new Map<unknown, number>();
  const linked = new Set<unknown>();
  const cardOf = (b: Block): unknown => b.el.parent?.parent ?? b.el.parent;
  for (const b of blocks) {
    if (isProse(b)) neighbours.set(cardOf(b), (neighbours.get(cardOf(b)) ?? 0) + 1);
    if (b.linkChars >= TEASER_LINK) for (let el: unknown = b.el, i = 0; el && i < 4; el = (el as Element).parent, i++) linked.add(el);
  }
  const lone = (b: Block): boolean => neighbours.get(cardOf(b)) === 1 && linked.has(cardOf(b));
  const excluded = new Set<Block>();
  const good = new Map<Element, number>();
  const bad = new Map<Element, number>();
  for (const b of blocks) {
    const inClutter = b.clutter.some(confirmed);
    if (inClutter) excluded.add(b);
    const prose = !inClutter && isProse(b) ? proseWeight(b) * (lone(b) ? LONE_PARAGRAPH : 1) : 0;
    // Clutter still weighs against the boxes around it, or <body> would look as clean as the story.
    const furniture = inClutter ? clutterWeight(b) : furnitureWeight(b);
    for (let el: Element | null = b.el; el && el.type === 'tag'; el = el.parent as Element | null) {
      if (prose) good.set(el, (good.get(el) ?? 0) + prose);
      if (furniture) bad.set(el, (bad.get(el) ?? 0) + furniture);
    }
  }
  let root: Element | null = null;
  let best = -Infinity;
  for (const [el, g] of good) {
    const s = g * (isArticleLike(el) ? 1 + ARTICLE_BONUS : 1) - FURNITURE_WEIGHT * (bad.get(el) ?? 0);
    if (s > best) {
      best = s;
      root = el;
    }
  }
  if (!root) return { roots: [], excluded };
  return { roots: withCleanSiblings(root, good, bad), excluded };
}

/**
 * A story's standfirst or closing part often sits beside its main box: take
 * in sibling elements that are almost all prose.
 */
function withCleanSiblings(root: Element, good: Map<Element, number>, bad: Map<Element, number>): Element[] {
  const parent = root.parent;
  if (!parent || !('children' in parent)) return [root];
  const out: Element[] = [];
  for (const sib of parent.children) {
    if (sib === root) out.push(root);
    else if (sib.type === 'tag') {
      const g = good.get(sib) ?? 0;
      if (g >= SIBLING_MIN_PROSE && (bad.get(sib) ?? 0) <= g * SIBLING_MAX_FURNITURE) out.push(sib);
    }
  }
  return out;
}
