import type { Element } from './dom.ts';
import type { Block } from './blocks.ts';
import { effectiveLength, isProse, isTeaser, type Selection } from './score.ts';
import { liveLines } from './live-blog.ts';

// Turns the chosen blocks into body text: one paragraph per block, blank
// lines between, furniture trimmed from the edges.

const FURNITURE_PHRASE =
  /^(advertisement|advertising|advert|ad|sponsored( content)?|share( this( article| story| page)?)?( on \w+)?|read more|read next|related( articles| stories| content| coverage)?|recommended( for you)?|more (from|on|about) .{0,40}|most (read|popular|viewed)|(sign up|subscribe)\b.*|click here\b.*|continue reading\b.*|follow us\b.*|(photo|image|picture|video)( credit)?:.*|skip (to|ad)\b.*|back to top|print|e-?mail|comments?( \(\d+\))?|loading\.*|tags?:.*|topics?:.*|see also:?.*|like this story\b.*|also read:?.*|watch:.*|listen:.*|.{0,40}requires javascript.*|.{0,40}enable javascript.*)$/i;

const BYLINE = /^([Bb]y|BY|[Vv]on|[Pp]ar|[Pp]or|[Dd]oor)\s+\p{Lu}/u;

export interface AssembleOptions {
  title?: string;
  live: boolean;
}

export function blocksInRoot(blocks: Block[], sel: Selection): Block[] {
  const roots = new Set(sel.roots);
  return blocks.filter((b) => !sel.excluded.has(b) && isInside(b.el, roots));
}

function isInside(el: Element, roots: Set<Element>): boolean {
  for (let n: Element | null = el; n; n = n.parent as Element | null) if (roots.has(n)) return true;
  return false;
}

export function assembleBody(blocks: Block[], opts: AssembleOptions): string {
  const title = normal(opts.title ?? '');
  const kept = blocks.filter((b) => keep(b, title, opts.live));
  let start = 0;
  let end = kept.length;
  while (start < end && !anchors(kept[start], false, opts.live)) start++;
  while (end > start && (!anchors(kept[end - 1], true, opts.live) || isPromo(kept[end - 1]))) end--;
  end = cutTrailingRecirculation(kept, start, end);
  const lines: string[] = [];
  for (const b of kept.slice(start, end)) {
    for (const line of opts.live ? liveLines(b) : [b.text]) {
      if (!opts.live || lines[lines.length - 1] !== line) lines.push(line);
    }
  }
  return lines.join('\n\n');
}

function keep(b: Block, title: string, live: boolean): boolean {
  if (b.heading === 1) return false;
  if (title && b.text.length < 300 && normal(b.text) === title) return false;
  const len = b.text.length;
  if (b.linkChars / len > 0.5 && !(live && b.times.length)) return false;
  if (isTeaser(b)) return false;
  if (len < 80 && FURNITURE_PHRASE.test(b.text)) return false;
  if (len < 150 && BYLINE.test(b.text) && !/[.!?]["”]?$/.test(b.text)) return false;
  if (!live && b.times.length && timeOnly(b)) return false;
  // "Last updated <time>" dates the page, not an entry.
  if (b.times.length && /^(last )?(updated|published|posted|modified)\b/i.test(b.text)) return false;
  return true;
}

/** Calls to action that close many stories: newsletter, subscription, follow-us and author-plug lines. */
const PROMO = /\b(sign up|subscribe|newsletter|follow (us|him|her|them|me)\b|join our|click here|download (our|the) app|delivered (to|through) your|is out now|support (our|us)|become a (member|subscriber))/i;

function isPromo(b: Block): boolean {
  return b.text.length < 400 && PROMO.test(b.text);
}

const RECIRCULATION_HEADING =
  /^(more|related|recommended|read (more|next|also)|also read|most (read|popular|viewed|shared)|latest|top stories|trending|see also|further reading|you (may|might) (also )?like|what to read next|don'?t miss|editor'?s picks)\b/i;

/** A closing "More great stories" heading followed only by list items is the site's, not the story's. */
function cutTrailingRecirculation(blocks: Block[], start: number, end: number): number {
  for (let i = end - 1; i > start; i--) {
    const b = blocks[i];
    if (!b.listItem && isProse(b)) return end;
    if (b.text.length < 80 && RECIRCULATION_HEADING.test(b.text) && !/[.!?]$/.test(b.text)) return i;
  }
  return end;
}

function timeOnly(b: Block): boolean {
  const rest = b.times.reduce((t, x) => t.replace(x.text, ''), b.text);
  return !/\p{L}{3,}.*\p{L}{3,}/u.test(rest.replace(/^(published|updated|posted|last updated|on)\b/i, ''));
}

/** Whether a block can start (or end) the body: prose, or a heading or list item worth keeping. */
function anchors(b: Block, atEnd: boolean, live: boolean): boolean {
  if (isProse(b)) return true;
  if (b.times.length) return live && !atEnd;
  if (b.heading >= 2) return !atEnd;
  return b.listItem && effectiveLength(b.text) >= 40;
}

function normal(s: string): string {
  return s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}
