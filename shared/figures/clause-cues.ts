// Which cue says what a number counts: the one in the number's own clause,
// the predicate after it first, topic nouns only when nothing else is near.
import type { NumberMention } from './numbers.ts';
import type { Cue, CueKind } from './cues.ts';

export const BLOCKERS = new Set<CueKind>(['stock', 'forecast', 'denial', 'aftermath', 'force']);

export function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

// Where the clause of a number starts and ends: at semicolons, dashes, and
// commas that open a new clause ("..., while 830,000 others ...").
const CLAUSE_BREAK = /;|\s[—–]\s|:\s|,\s+(?:and|but|while|whereas|although|though|as|with|after|before|when|compared)\b|\s(?:while|whereas|but|once|until|unless|because)\s|,\s+(?=[a-z]+\s+(?:said|says|told|added)\b)|,\s+(?=[a-z]+ing\b)/g;

// Clause breaks and bounds of the sentence last seen: every number of a sentence asks for them several times.
const breakCache = { text: '', breaks: [] as [number, number][], bounds: new Map<string, readonly [number, number, number]>() };

function clauseBreaks(text: string): [number, number][] {
  if (breakCache.text !== text) {
    const breaks: [number, number][] = [];
    CLAUSE_BREAK.lastIndex = 0;
    for (let m = CLAUSE_BREAK.exec(text); m; m = CLAUSE_BREAK.exec(text)) breaks.push([m.index, m.index + m[0].length]);
    breakCache.text = text;
    breakCache.breaks = breaks;
    breakCache.bounds = new Map();
  }
  return breakCache.breaks;
}

export function clauseBounds(text: string, n: NumberMention, from: number, to: number): readonly [number, number, number] {
  const breaks = clauseBreaks(text);
  const key = `${n.start} ${n.end} ${from} ${to}`;
  let bounds = breakCache.bounds.get(key);
  if (!bounds) breakCache.bounds.set(key, (bounds = boundsOf(text, breaks, n, from, to)));
  return bounds;
}

function boundsOf(text: string, breaks: [number, number][], n: NumberMention, from: number, to: number): [number, number, number] {
  let start = from;
  let end = to;
  for (const [at, after] of breaks) {
    if (after <= n.start && at >= from) start = Math.max(start, after);
    else if (at >= n.end && at < end) end = at;
  }
  // A relative clause after the noun ("138 migrants who had entered ...") says what they did before.
  const clauseEnd = end;
  // ", most of whom arrived ..." too: a partitive relative clause after a comma.
  const rel = /(?<!\bof\s)\b(?:who|whom|which|that)\b|(?<=,\s+)(?:most|many|some|all|half|several|few|none) of (?:whom|which)\b/i.exec(text.slice(n.end, end));
  if (rel && /^\s*(?:\S+\s+){0,5}$/.test(text.slice(n.end, n.end + rel.index))) end = n.end + rel.index;
  return [start, end, clauseEnd];
}

function nearestIn(cues: Cue[], n: NumberMention, from: number, to: number, weak = false): Cue | undefined {
  let best: Cue | undefined;
  let bestD = Infinity;
  for (const c of cues) {
    if (c.start < from || c.end > to || overlaps(c, n) || !!c.weak !== weak) continue;
    const d = c.start >= n.end ? c.start - n.end : n.start - c.end + 6; // a predicate after the number binds more often
    if (d < bestD) {
      best = c;
      bestD = d;
    }
  }
  return best;
}

/** A cue inside the number's own clause, if any. */
export function clauseCue(cues: Cue[], n: NumberMention, from: number, to: number, text: string): Cue | undefined {
  const [cs, ce] = clauseBounds(text, n, from, to);
  return nearestIn(cues, n, cs, ce, false) ?? nearestIn(cues, n, cs, ce, true);
}

/** The cue that says what a number counts, or a blocker that says it is no count of movers. */
export function cueFor(cues: Cue[], n: NumberMention, from: number, to: number, text: string): Cue | undefined {
  // Denials and force sizes anywhere in the number's part of the sentence rule it out.
  const hard = cues.find((c) => (c.kind === 'denial' || c.kind === 'force') && c.start >= from && c.end <= to && !overlaps(c, n));
  if (hard) return hard;
  // "The number of Russians arriving in Georgia ... stands at 10,000": the noun phrase names what is counted.
  const head = /\b(?:number|total|tally|count|flow|stream) of\b/i.exec(text.slice(from, n.start));
  if (head) {
    const at = from + head.index;
    const first = cues.find((c) => c.start > at && c.end <= n.start);
    if (first) return first;
  }
  const [cs, ce, relEnd] = clauseBounds(text, n, from, to);
  // A stock word in a relative clause still says what the people are: "3.6 million Afghans who were already living in Iran".
  // A restrictive relative ("300 men who were called up were sent home") lets the main verb after it block too.
  const restrictive = !text.slice(n.end, ce).includes(',');
  const relBlock = cues.find((c) => (c.kind === 'stock' || (restrictive && c.kind === 'aftermath')) && c.start >= ce && c.end <= relEnd);
  if (relBlock) return relBlock;
  // The predicate after the number first, then the words before it, then anything in the number's part of the sentence.
  const found =
    nearestIn(cues, n, n.end, ce, false) ??
    nearestIn(cues, n, cs, n.start, false) ??
    nearestIn(cues, n, n.end, ce, true) ??
    nearestIn(cues, n, cs, n.start, true) ??
    nearestIn(cues, n, from, to, false) ??
    nearestIn(cues, n, from, to, true);
  // "is expected to serve" plans a call-up; it only rules out a crossing.
  if (found?.kind === 'forecast') {
    const mob = nearestIn(cues.filter((c) => c.kind === 'mobilize'), n, from, to, false) ?? nearestIn(cues.filter((c) => c.kind === 'mobilize'), n, from, to, true);
    if (mob) return mob;
  }
  return found;
}
