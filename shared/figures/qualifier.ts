// The qualifier of a count from the words around it (GUIDE clarification 7).
import type { Qualifier } from '../domain/types.ts';
import type { NumberMention } from './numbers.ts';

const BEFORE: [RegExp, Qualifier][] = [
  [/\b(?:more than|over|just over|a little over|slightly more than|upwards of|in excess of|above|pass(?:es|ed|ing)?|surpass(?:es|ed)?|top(?:s|ped)|exceed(?:s|ed)?|beyond)$/, 'more_than'],
  [/\b(?:nearly|almost|close to|just under|just short of|approaching|not quite)$/, 'nearly'],
  [/\b(?:at least|no fewer than|no less than|a minimum of)$/, 'at_least'],
  [/\b(?:up to|as many as|fewer than|less than|under|below|no more than|at most|a maximum of)$/, 'up_to'],
  [/(?:\b(?:about|around|some|roughly|approximately|approx\.|an estimated|estimated|circa|c\.|nearly about|or so)|~)$/, 'about'],
];

/** exact, about, more_than, at_least, nearly, up_to or range for one number in its sentence. */
export function qualifierOf(sentence: string, n: NumberMention): Qualifier {
  if (n.low !== undefined && n.high !== undefined) return 'range';
  if (n.formQualifier) return n.formQualifier;
  // Look at most four words back, skipping "the", "a total of" and the like between qualifier and number.
  const before = sentence
    .slice(Math.max(0, n.start - 40), n.start)
    .toLowerCase()
    .replace(/[“"‘(]+\s*$/, '')
    .replace(/\s+(?:the|a total of|a|an|another|of|a further|in all|in total)\s*$/, '')
    .trim();
  for (const [re, q] of BEFORE) if (re.test(before)) return q;
  if (/^\s*(?:or so|or more|plus)\b/i.test(sentence.slice(n.end, n.end + 12))) return /or so/i.test(sentence.slice(n.end, n.end + 8)) ? 'about' : 'more_than';
  return 'exact';
}
