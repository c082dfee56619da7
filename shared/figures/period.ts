// The window a count covers ("since Sept. 21", "on Friday", "in the 24 hours to
// Monday morning") and whether the count is a rate or a single-day count.
import type { Per } from '../domain/types.ts';

export interface Span {
  start: number;
  end: number;
  text: string;
}

const DAY = '(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)';
const MONTH = '(?:jan(?:uary|\\.)?|feb(?:ruary|\\.)?|march|april|may|june|july|aug(?:ust|\\.)?|sept?(?:ember|\\.)?|oct(?:ober|\\.)?|nov(?:ember|\\.)?|dec(?:ember|\\.)?)';
const DATE = `(?:${MONTH}\\s*\\d{1,2}(?!\\d)|\\d{1,2}\\s+${MONTH}|${DAY}(?:\\s+\\d{1,2}\\s+${MONTH})?)`;
const PART = '(?:\\s+(?:morning|afternoon|evening|night))?';
const UNTIL_BREAK = '(?:[^,;:()“”"]|(?<=\\d):(?=\\d))+?';
const END = '(?=(?:\\s+alone)?(?:\\s*(?:[,;()“”"]|:(?!\\d)|(?<!\\b(?:Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec|a\\.m|p\\.m|U\\.S|U\\.N|St|Gen|Maj))\\.(?:\\s|$)|$)|\\s(?:and|while|but|as|after|when|according|at|with|has|have|had|is|are|was|were)\\b|\\s+(?=\\d{1,3}(?:,\\d{3})+|\\d{4,})))';

const PATTERNS: RegExp[] = [
  new RegExp(`\\b(?:in|during|over|within|for)\\s+the\\s+(?:[^\\s,;:()“”"]+\\s+){0,4}?(?:days?|weeks?|months?|years?|hours|fortnight|weekend|period|summer|winter|spring|autumn)\\b(?:\\s+(?:since|of|to|from|after|before|until|ending)\\s+${UNTIL_BREAK})?${END}`, 'gi'),
  new RegExp(`\\bwithin\\s+(?:the\\s+(?:first\\s+)?)?(?:\\d+|\\w+)\\s+(?:hours|days|weeks|months)(?:\\s+of\\s+${UNTIL_BREAK})?${END}`, 'gi'),
  new RegExp(`\\bsince\\s+${UNTIL_BREAK}${END}`, 'gi'),
  new RegExp(`\\bbetween\\s+(?!\\d[\\d,]*\\s+and\\s+\\d[\\d,]*(?!\\s+${MONTH}))${UNTIL_BREAK}\\s+and\\s+${UNTIL_BREAK}${END}`, 'gi'),
  new RegExp(`\\bsince\\s+(?:then|that date|that day|that time|that point)\\b`, 'gi'),
  new RegExp(`\\b${MONTH}\\s*\\d{1,2}\\s*(?:to|–|-)\\s*(?:${MONTH}\\s*)?\\d{1,2}\\b`, 'gi'),
  new RegExp(`\\bin\\s+(?:the\\s+whole\\s+of\\s+)?(?:19|20)\\d\\d\\b`, 'gi'),
  new RegExp(`\\bin\\s+a\\s+(?:single\\s+)?(?:week|month|fortnight)\\b`, 'gi'),
  new RegExp(`\\bfrom\\s+(?:${MONTH}|${DAY}|\\d{1,2}\\s+${MONTH})${UNTIL_BREAK}\\s+(?:to|until|through)\\s+${UNTIL_BREAK}${END}`, 'gi'),
  new RegExp(`\\b(?:on|by|until|as of)\\s+(?:\\d{1,2}(?::\\d\\d)?\\s*(?:a\\.m\\.|p\\.m\\.)\\s+on\\s+)?(?:the same day|a single day(?:\\s+around\\s+${DATE})?|${DATE}${PART})(?:\\s+alone)?`, 'gi'),
  new RegExp(`\\b(?:in|on)\\s+a\\s+single\\s+day\\b|\\bin\\s+(?:\\w+\\s+)?(?:24|48|72)\\s+hours\\b|\\bin\\s+(?:one|two|three|four|five|six|seven|\\d+)\\s+(?:days?|weeks?|months?)\\b`, 'gi'),
  new RegExp(`\\b(?:by|as of|until)\\s+(?:the\\s+end\\s+of\\s+${UNTIL_BREAK}|${MONTH}\\s*\\d{1,2}|\\d{1,2}\\s+${MONTH}|${DAY}${PART}|(?:19|20)\\d\\d)${END}`, 'gi'),
  new RegExp(`\\b(?:last|this|next|that|every|each)\\s+(?:week(?:end)?|month|year|autumn|fall|spring|summer|winter|${MONTH})(?:[’']s)?\\b(?:\\s+alone)?`, 'gi'),
  new RegExp(`\\b(?:in|during|since|throughout)\\s+${MONTH}(?:\\s+(?:19|20)\\d\\d)?\\b(?:\\s+alone)?`, 'gi'),
  new RegExp(`\\b(?:yesterday|today|overnight)\\b`, 'gi'),
  new RegExp(`\\b${MONTH}\\s*\\d{1,2}(?!\\d)(?:,?\\s+(?:19|20)\\d\\d)?`, 'gi'),
  new RegExp(`\\b(?:(?:a|one|two|three|four|five|six|seven|\\d+)\\s+(?:or\\s+\\w+\\s+)?(?:days?|weeks?|months?))\\s+ago\\b`, 'gi'),
  new RegExp(`\\b(?:before|after|until|since)\\s+the\\s+(?:mobili[sz]ation|call-up|invasion|conflict|war|surge|crisis|deadline|holiday|closure|offensive)(?:${UNTIL_BREAK})?${END}`, 'gi'),
  new RegExp(`\\b(?:at\\s+the\\s+(?:peak|height\\s+of\\s+${UNTIL_BREAK}))${END}`, 'gi'),
  new RegExp(`\\b(?:until|up to|till)\\s+last\\s+(?:week|month|year)\\b`, 'gi'),
  new RegExp(`\\bfor\\s+the\\s+(?:first|second|third|fourth|fifth|sixth|next|latest)\\s+(?:batch|round|intake)\\b|\\bin\\s+(?:this|the)\\s+(?:first|second|third|fourth|fifth|latest)\\s+(?:batch|round|intake)\\b`, 'gi'),
];

// "said on Tuesday" dates the statement, not the count.
const REPORTING_BEFORE = /\b(?:said|says|told|added|announced|reported|stated|wrote|published|released|briefing|reporters|statement|interview|conference|parliament|newspaper|agency)(?:\s+[^\s\d]+){0,5}\s*$/i;

const REPORTING_AFTER = /^[^\d]{0,60}?\b(?:said|says|told|reported|announced|put the (?:number|figure|total|count))\b/i;

/** Candidate period spans in a sentence, left to right and not overlapping; none may swallow a count in `counts`. */
export function findPeriods(sentence: string, counts: { start: number; end: number }[] = []): Span[] {
  const found: Span[] = [];
  for (const re of PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(sentence); m; m = re.exec(sentence)) {
      const text = m[0].replace(/[\s.]+$/, (s) => (s.includes('.') && /\b(?:a\.m|p\.m|Sept|Oct|Nov|Dec|Jan|Feb|Aug)\.$/i.test(m![0].trim()) ? '.' : ''));
      if (REPORTING_BEFORE.test(sentence.slice(Math.max(0, m.index - 40), m.index)) && !/^(?:since|between|in the|over|during|within)/i.test(text)) continue;
      // "On Thursday, officials had put the number at ...": the day of the statement.
      const said = /^on\s/i.test(text) ? REPORTING_AFTER.exec(sentence.slice(m.index + text.length, m.index + text.length + 70)) : null;
      if (said && counts.some((c) => c.start >= m!.index + text.length + said[0].length)) continue;
      const span = { start: m.index, end: m.index + text.length, text };
      if (counts.some((c) => c.start < span.end && span.start < c.end)) continue;
      found.push(span);
    }
  }
  // Keep the longest of overlapping spans.
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Span[] = [];
  for (const s of found) {
    const last = out[out.length - 1];
    if (last && s.start < last.end) {
      if (s.end - s.start > last.end - last.start) out[out.length - 1] = s;
      continue;
    }
    out.push(s);
  }
  return out;
}

// "in a week" is a window and "a week earlier" a comparison; "a day" after a count is a rate.
const RATE_RE = /\b(?:a|per|each|every|an)\s+(day|hour)\b(?!\s+(?:earlier|before|ago|later|after|on))|(?<!\bin\s)\b(?:a|per|each|every)\s+(week|month)\b(?!\s+(?:earlier|before|ago|later|after|on))|\b(daily|weekly|monthly|hourly)\b/i;
const RATE_WORD: Record<string, Per> = { daily: 'day', weekly: 'week', monthly: 'month', hourly: 'hour' };

/** A rate named in the words next to a number: "a day", "per week", "daily". */
export function rateIn(text: string): Per | undefined {
  const m = RATE_RE.exec(text);
  if (!m) return undefined;
  return ((m[1] ?? m[2])?.toLowerCase() as Per | undefined) ?? RATE_WORD[m[3].toLowerCase()];
}

const SINGLE_DAY = new RegExp(
  `^(?:on\\s+(?:the same day|a single day|${DATE})|${DATE}$|yesterday|today|overnight|in\\s+a\\s+single\\s+day|in\\s+(?:the\\s+)?(?:\\w+\\s+)?24\\s+hours|within\\s+24\\s+hours|by\\s+\\d.*(?:a\\.m|p\\.m)|by\\s+${DAY}\\s+(?:morning|evening|afternoon|night)|between\\s+\\d{1,2}:\\d\\d)`,
  'i',
);

/** True when the period names one day or part of a day (GUIDE clarification 3). */
export function isSingleDay(period: string): boolean {
  return SINGLE_DAY.test(period.trim()) && !/\b(?:since|week|month)\b/i.test(period);
}
