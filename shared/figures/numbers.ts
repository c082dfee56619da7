// Finds cardinal numbers and number ranges in running text: digits with any
// grouping ("98,000", "6 109", "98 000"), decimals with a scale ("1.2 million",
// "1.05m", "33.8 thousand", "300k"), number words ("two hundred thousand",
// "half a million", "a quarter of a million") and ranges ("5,000 to 6,000",
// "between four and five thousand", "160–380", "82,000-plus" is not a range).

export interface NumberMention {
  start: number;
  end: number;
  /** The low end for ranges. */
  value: number;
  low?: number;
  high?: number;
  text: string;
  /** Written wholly in words ("ten thousand"), not digits. */
  words: boolean;
  /** Carries a scale word or suffix ("million", "k"). */
  scaled: boolean;
  /** Qualifier implied by the form itself: "-plus" and "or more" mean more_than. */
  formQualifier?: 'more_than';
}

const UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
  ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16,
  seventeen: 17, eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = {
  twenty: 20, thirty: 30, forty: 40, fourty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const SCALES: Record<string, number> = {
  hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, lakh: 1e5, lakhs: 1e5, crore: 1e7, crores: 1e7,
  dozen: 12,
};
const SUFFIX_SCALES: Record<string, number> = {
  k: 1e3, m: 1e6, mn: 1e6, mln: 1e6, mil: 1e6, mm: 1e6, b: 1e9, bn: 1e9, bln: 1e9, g: 1e9, t: 1e12, tn: 1e12, tln: 1e12,
};

const NUMBER_WORD = `(?:${[...Object.keys(UNITS), ...Object.keys(TENS), ...Object.keys(SCALES), 'half', 'quarter'].join('|')})`;
const SCALE_WORD = `(?:hundred|thousand|million|billion|trillion|lakhs?|crores?|dozens?)`;
const SUFFIX = `(?:k|m|mn|mln|mil|mm|b|bn|bln|g|t|tn|tln)`;
// Digits: grouped by commas, by one space/no-break space when every group has three digits, or plain.
const DIGITS = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:[ \u00A0\u202F]\d{3})+(?![\d,.]\d)|\d+(?:\.\d+)?`;
const DIGIT_NUMBER = String.raw`(?:${DIGITS})(?:\s?${SCALE_WORD}\b(?:\s(?:${SCALE_WORD})\b)*(?:\s+and\s+an?\s+(?:half|quarter)\b)?|${SUFFIX}\b|\s[kK]\b)?`;
// Word numbers: a run of number words joined by spaces, hyphens and "and"/"a"/"of".
const WORD_NUMBER = String.raw`(?:(?:a|an)\s+)?(?:${NUMBER_WORD})(?:(?:\s+|-)(?:(?:and\s+a|and\s+an|and|a|an|of\s+a|of)\s+)?(?:${NUMBER_WORD}))*`;
const DIGITS_THEN_WORDS = String.raw`\d+(?:\.\d+)?\s(?:and\s)?(?:${NUMBER_WORD})(?:\s(?:and\s)?(?:${NUMBER_WORD}))*`;
const ONE = String.raw`(?:${DIGITS_THEN_WORDS}|${DIGIT_NUMBER}|${WORD_NUMBER})`;
const QUAL = String.raw`(?:(?:about|around|some|roughly|approximately|nearly|almost|over|more than|up to)\s+)?`;

const NUMBER_RE = new RegExp(
  String.raw`(?<![\w.-]|\d,)(?:between\s+(?<bl>${ONE})\s+and\s+${QUAL}(?<bh>${ONE})|from\s+(?<fl>${ONE})\s+to\s+${QUAL}(?<fh>${ONE})|(?<rl>${DIGIT_NUMBER})\s*[–—-]\s*(?<rh>${DIGIT_NUMBER})(?![\w-])|(?<tl>${ONE})\s+(?:to|through)\s+${QUAL}(?<th>${ONE})(?!\s*(?:years?|months?)\s+old)|(?<one>${ONE}))(?<plus>-plus|\s+or\s+more)?(?![\w%]|[,.]\d)`,
  'gi',
);

const PLAIN_DIGITS = /^\d{1,3}(?:,\d{3})+$|^\d+$/;

/** Parses one number (digits, suffixes or words); undefined when it is not a number. */
export function parseNumber(raw: string): { value: number; words: boolean; scaled: boolean } | undefined {
  // Plain and comma-grouped digits, most numbers in news copy, need none of the parsing below.
  if (PLAIN_DIGITS.test(raw)) return { value: Number(raw.replace(/,/g, '')), words: false, scaled: false };
  const text = raw.trim().toLowerCase().replace(/[\u00A0\u202F]/g, ' ');
  const digit = /^(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?: \d{3})+|\d+(?:\.\d+)?)\s?(.*)$/.exec(text);
  if (digit) {
    const base = Number(digit[1].replace(/[, ]/g, ''));
    const rest = digit[2].trim();
    if (!rest) return { value: base, words: false, scaled: false };
    if (SUFFIX_SCALES[rest] !== undefined) return { value: Math.round(base * SUFFIX_SCALES[rest]), words: false, scaled: true };
    const tail = parseWords(rest, base);
    return tail === undefined ? undefined : { value: tail, words: false, scaled: true };
  }
  const value = parseWords(text);
  return value === undefined ? undefined : { value, words: true, scaled: /hundred|thousand|million|billion|trillion|lakh|crore|dozen/.test(text) };
}

/** Word numbers, optionally after a leading digit value ("3 hundred and 21", "1.5 million"). */
function parseWords(text: string, leading?: number): number | undefined {
  const tokens = text.split(/[\s-]+/).filter((t) => t && t !== 'and' && t !== 'of');
  let total = 0;
  let current = leading ?? 0;
  let seen = leading !== undefined;
  let fraction = 0; // "half"/"quarter" waiting for its scale: "half a million"
  let lastScale = 0;
  let article = leading !== undefined;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t === 'a' || t === 'an') {
      // "a million" is one million; "half a million" keeps the half.
      article = true;
      seen = true;
      continue;
    }
    if (t === 'half' || t === 'quarter') {
      const part = t === 'half' ? 0.5 : 0.25;
      // "five and a half million": the half belongs to the unit before it.
      if (current) current += part;
      else fraction = part;
      seen = true;
      continue;
    }
    // "thousands" alone is vague; "3 dozens" is a number.
    if (/^(?:hundreds|thousands|millions|billions|dozens|lakhs|crores)$/.test(t) && !current) return undefined;
    const scale = SCALES[t] ?? SCALES[t.replace(/s$/, '')];
    if (UNITS[t] !== undefined) current += UNITS[t];
    else if (TENS[t] !== undefined) current += TENS[t];
    else if (scale !== undefined) {
      if (fraction) {
        current = (current || 0) + fraction;
        fraction = 0;
        article = true;
      }
      // A bare scale ("thousands", "hundreds of") is a vague amount, not a number.
      if (!current && !article && !fraction) return undefined;
      if (!current) current = 1;
      lastScale = scale;
      if (scale === 100) current *= 100;
      else {
        total += current * scale;
        current = 0;
      }
    } else return undefined;
    seen = true;
  }
  if (!seen) return undefined;
  // "one million and a half": a trailing fraction is a part of the last scale.
  const value = total + current + (fraction && lastScale ? fraction * lastScale : 0);
  return Number.isFinite(value) ? Math.round(value) : undefined;
}

function scaleOf(text: string): number {
  const m = /(hundred|thousand|million|billion|trillion|lakhs?|crores?)\s*$|\d\s?(k|m|mn|mln|bn|b)$/i.exec(text.trim());
  if (!m) return 1;
  return m[1] ? (SCALES[m[1].toLowerCase().replace(/s$/, '')] ?? 1) : (SUFFIX_SCALES[m[2].toLowerCase()] ?? 1);
}

const NUMBER_AT = new RegExp(NUMBER_RE.source, 'iy');
// "a", "an", "between" and "from" start a number only before one: the common article
// is not offered to the full pattern, which would fail there anyway.
const START_RE = new RegExp(String.raw`\d+|\b(?:(?:between|from|an?)\b(?=\s+(?:\d|an?\s|${NUMBER_WORD}))|${NUMBER_WORD}\b)`, 'gi');

// Most sentences hold no number at all: a cheap test spares them the full pattern.
const MAYBE_NUMBER = new RegExp(String.raw`\d|\b(?:${NUMBER_WORD})\b`, 'i');

/** Every number and range in the text, left to right, not overlapping. */
export function findNumbers(text: string): NumberMention[] {
  const out: NumberMention[] = [];
  if (!MAYBE_NUMBER.test(text)) return out;
  // The full pattern is tried only where a number can start: a digit, a number word, "between" or "from".
  START_RE.lastIndex = 0;
  for (let s = START_RE.exec(text); s; s = START_RE.exec(text)) {
    NUMBER_AT.lastIndex = s.index;
    const m = NUMBER_AT.exec(text);
    if (!m) continue;
    START_RE.lastIndex = m.index + m[0].length;
    const g = m.groups ?? {};
    const plus = g.plus ? ('more_than' as const) : undefined;
    const lowText = g.bl ?? g.fl ?? g.rl ?? g.tl;
    const highText = g.bh ?? g.fh ?? g.rh ?? g.th;
    if (lowText && highText) {
      const lo = parseNumber(lowText);
      const hi = parseNumber(highText);
      if (lo && hi) {
        let low = lo.value;
        // "between four and five thousand": the low end borrows the high end's scale.
        if (!lo.scaled && hi.scaled) {
          const scale = scaleOf(highText);
          if (low * scale <= hi.value) low *= scale;
        }
        // "Aug. 15 to roughly 82,300" is a date and a count, not a range.
        const dateLike = !g.bl && !lo.words && lo.value < 32 && !lo.scaled && hi.value >= 1000;
        if (low < hi.value && !dateLike) {
          out.push({ start: m.index, end: m.index + m[0].length, value: low, low, high: hi.value, text: m[0], words: lo.words && hi.words, scaled: lo.scaled || hi.scaled, formQualifier: plus });
          continue;
        }
      }
      // Not a range after all ("aged 18 to 65" is handled by the caller; "2 to 1" is two numbers).
      START_RE.lastIndex = m.index + lowText.length + (m[0].startsWith('between') || m[0].startsWith('from') ? m[0].indexOf(lowText) : 0);
      const single = parseNumber(lowText);
      const at = m.index + m[0].indexOf(lowText);
      if (single) out.push({ start: at, end: at + lowText.length, value: single.value, text: lowText, words: single.words, scaled: single.scaled });
      continue;
    }
    const one = g.one;
    if (!one) continue;
    const parsed = parseNumber(one);
    if (!parsed) continue;
    // A lone article is not a number, and "several thousand" is a vague amount.
    if (/^(a|an)$/i.test(one.trim()) || parsed.value < 1) continue;
    if (/\b(?:several|a few|few|tens of|hundreds of|many)\s*$/i.test(text.slice(Math.max(0, m.index - 12), m.index))) continue;
    out.push({ start: m.index, end: m.index + m[0].length, value: parsed.value, text: m[0], words: parsed.words, scaled: parsed.scaled, formQualifier: plus });
  }
  return out;
}
