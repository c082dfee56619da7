// Whether a call-up figure is a target (planned) or done (reported), from the
// strong markers nearest to the number.
import type { Status } from '../domain/types.ts';

const PLANNED_STRONG = /\b(?:target(?:ed|s)?|goal|aims?|aimed|plans?\s+to|planning\s+to|intends?|intended|wants?|wanted|propos(?:ed|es|ing|al)|quota|would\s+be|will\s+be|to\s+be\s+(?:called|drafted|summoned|mobili[sz]ed|conscripted|recruited)|are\s+to\s+be|is\s+meant|are\s+meant|due\s+to|going\s+to|plans?\s+(?:it|to)|seeks?|needs?|intake|expected|(?:had\s+been|was|is|were)\s+to\s+(?:draft|call|mobili[sz]e|summon|conscript|recruit))\b/gi;
const REPORTED_STRONG = /\b(?:finished|completed|(?:had|have|has)\s+been(?!\s+to\b)|(?:were|was)\s+(?:mobili[sz]ed|called|drafted|conscripted|summoned|recruited|taken)|already|joined|reported\s+for\s+duty|so\s+far|in\s+total|signed\s+up|had\s+brought|brought)\b/gi;
const PLANNED_WEAK = /\b(?:would|will|shall|decree|ordered|orders|announced|announces|to\s+(?:call|draft|summon|mobili[sz]e|conscript|recruit))\b/i;

/** Distance from `at` to the nearest match of `re` in `text`, or Infinity. */
function nearestMatch(re: RegExp, text: string, at: number): number {
  let best = Infinity;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) best = Math.min(best, m.index >= at ? m.index - at : at - (m.index + m[0].length));
  return best;
}

/** planned (a target, "would be called up") or reported ("have been mobilized"): the nearer strong marker decides. */
export function statusOf(clause: string, at: number, inherited?: Status): Status {
  if (/\b(?:finished|completed)\b/i.test(clause)) return 'reported';
  const planned = nearestMatch(PLANNED_STRONG, clause, at);
  const reported = nearestMatch(REPORTED_STRONG, clause, at);
  if (planned !== Infinity || reported !== Infinity) return planned <= reported ? 'planned' : 'reported';
  if (PLANNED_WEAK.test(clause)) return 'planned';
  return inherited ?? 'reported';
}
