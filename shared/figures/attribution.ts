// Who gave a number: "Kazakh officials said", "according to Georgia's interior
// ministry", "said Abdul Khan, the deputy commissioner", "border guard data show".

const VERB =
  '(?:said|says|say|told|tells|telling|gave (?:the )?figures?|added|adds|reported|reports|stated|states|estimated|estimates|estimate|wrote|writes|tweeted|posted|confirmed|confirms|noted|notes|claimed|claims|counted|counts|counting|recorded|records|recording|registered|show|shows|showed|indicate|indicates|cited|acknowledged|acknowledges|spoke of|signed|let|set out|put the (?:number|figure|total|target|count|tally)|puts the (?:number|figure|total|target|count|tally))';
const AUX = '(?:\\s+(?:has|have|had|also|later|earlier|previously|now|separately|then|further|again|would|will|is|was))*';

// "reported to enlistment offices" is no report of a number; "gave figures for the past two days" is.
const VERB_RE = new RegExp(`\\b${VERB}\\b(?:(?<=figures?)|(?!\\s+(?:to|for)\\b))`, 'g');
const AUX_TAIL = new RegExp(`${AUX}\\s*$`, 'i');
const ACCORDING = /\baccording to ([^,;:“”"()]+?)(?=\s*(?:[,;:()“”"]|\.(?:\s|$)|$))/gi;
const INVERTED = new RegExp(`[,”"]\\s*${VERB}\\s+((?:[A-Z]|the |an? )[^;:“”"()]+?)(?=\\s*(?:\\.(?:\\s|$)|$|;|,\\s+(?:who|which|adding|citing|as|in|on|at)\\b))`, 'g');
// "Colonel Ana Ruiz, who runs the checkpoint, said ...": the source is before the relative clause.
const APPOSITIVE = new RegExp(`([A-Z][^,;:“”"()]{1,80}),\\s+(?:who|which)\\b[^,;:]{1,100},${AUX}\\s+${VERB}\\b`, 'g');
const APPOSITIVE_HINT = /,\s+(?:who|which)\b/;
const DELIMITER = /[,;:—–“”"()]/;

const PRONOUN = /^(?:he|she|they|it|we|i|you|officials? there)$/i;
const TRAILING_PRONOUN = /(?:^|\s)(?:he|she|they|we|it)$/i;
// "Al-Watan quoted Syria's directorate as saying", "The Defense Ministry's target was": the source inside the phrase.
const QUOTED_AS = /\bquot(?:ed|ing)\s+([^,;:“”"()]+?)\s+as\s+saying\b/g;
const POSSESSOR = /(?:^|[,;:]\s*)((?:the\s+)?[A-Z][^,;:“”"()]{1,60}?)[’']s?\s+(?:latest\s+)?(?:target|plan|goal|estimate|count|tally|figures|data|statistics)\b/g;
const LEADING = /^(?:and|but|while|as|when|after|before|so|which|who|that|then|also|however|meanwhile|now|earlier|later|separately|in|on|the same day|,)\s+/i;

/** Up to two comma-separated chunks ending at `comma` ("the head of the agency, Eduardo Sevilla"), none holding a number. */
function appositiveBefore(sentence: string, comma: number): { start: number; text: string } | undefined {
  let end = comma;
  let start = comma;
  for (let parts = 0; parts < 2; parts++) {
    let b = end;
    while (b > 0 && end - b < 160 && !DELIMITER.test(sentence[b - 1])) b--;
    const chunk = sentence.slice(b, end);
    if (!chunk.trim()) break;
    // A relative or participial clause ("who asked not to be named", "issued on Oct. 25") is skipped over, not kept.
    if (/^\s*(?:who|which|issued|published|released|updated|based|quoted|cited|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d)/i.test(chunk) && b > 0 && sentence[b - 1] === ',') {
      end = b - 1;
      start = end;
      continue;
    }
    if (/\d/.test(chunk)) break;
    start = b;
    if (b === 0 || sentence[b - 1] !== ',') break;
    end = b - 1;
  }
  const text = sentence.slice(start, comma).trim();
  return text && /^(?:[A-Z]|the\s)/.test(text) ? { start: comma - text.length, text } : undefined;
}

export interface Attribution {
  start: number;
  end: number;
  /** The named source, or undefined when it is a pronoun ("he said"). */
  text?: string;
}

function clean(raw: string): string | undefined {
  let t = raw.trim().replace(/^[“"‘']+|[”"’']+$/g, '').trim();
  for (let i = 0; i < 3; i++) t = t.replace(LEADING, '');
  t = t.replace(/\s+(?:on|in|at)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b.*$/i, '').trim();
  if (!t || t.split(/\s+/).length > 16) return undefined;
  // A clause with a number in it is a figure, not a source.
  if (/\d/.test(t) && !/^\S+\s+\d/.test(t) && /\b(?:have|has|had|were|was|are|is)\b/.test(t)) return undefined;
  if (/^(?:it|there|this|that|which|who|but|and|or|so|reports?|figures?|data|many|some|others?)$/i.test(t)) return undefined;
  if (/\b(?:whom?|which)\b/i.test(t) || /^according\b/i.test(t) || /^(?:as|so|if|its?|this|then|also|now|here|there|still|just|[a-z]+ly)$/i.test(t) || t.length < 3) return undefined;
  if (/^(?:it|there|this|that|which|who)\b/i.test(t)) return undefined;
  return t;
}

/** Sources named in a sentence, left to right. A pronoun source has no text. */
export function findAttributions(sentence: string): Attribution[] {
  const out: Attribution[] = [];
  for (const re of [ACCORDING, INVERTED, APPOSITIVE, QUOTED_AS, POSSESSOR]) {
    // The appositive pattern tries every capital letter; a sentence without its ", who" cannot match it.
    if (re === APPOSITIVE && !APPOSITIVE_HINT.test(sentence)) continue;
    re.lastIndex = 0;
    for (let m = re.exec(sentence); m; m = re.exec(sentence)) {
      const at = m.index + m[0].indexOf(m[1]);
      out.push({ start: at, end: at + m[1].length, text: clean(m[1]) });
    }
  }
  // The subject of a reporting verb: the words back to the last delimiter, less auxiliaries.
  VERB_RE.lastIndex = 0;
  for (let m = VERB_RE.exec(sentence); m; m = VERB_RE.exec(sentence)) {
    let begin = m.index;
    while (begin > 0 && m.index - begin < 140 && !DELIMITER.test(sentence[begin - 1])) begin--;
    let raw = sentence.slice(begin, m.index).replace(AUX_TAIL, '');
    // The subject follows the last "that" and the last number before the verb: "reported that X had counted", "the 300,000 reservists the ministry says".
    const cut = /^.*(?:\bthat\s+|\d[\d,.]*\s+\S+\s+)/.exec(raw);
    if (cut) {
      begin += cut[0].length;
      raw = raw.slice(cut[0].length);
    }
    const bare = raw.trim().replace(LEADING, '');
    // "X, the head of Y, said" and "X ... stood at the crossing and said": the source is the named chunk before.
    if ((bare.length < 2 || (/^[a-z]/.test(bare) && !/^(?:the|a|an|its|his|her|their|border|police|officials|authorities)\b/.test(bare))) && sentence[begin - 1] === ',' && !cut) {
      const chain = appositiveBefore(sentence, begin - 1);
      if (chain) {
        begin = chain.start;
        raw = chain.text;
      }
    }
    if (raw.trim().length < 2) continue;
    const words = raw.trim().split(/\s+/);
    // A long run is a clause: keep its last noun phrase.
    const tail = words.length > 12 ? words.slice(-6).join(' ') : raw;
    const at = begin + raw.length - tail.length;
    const text = clean(tail);
    if (PRONOUN.test(tail.trim().replace(LEADING, '')) || TRAILING_PRONOUN.test(tail.trim())) out.push({ start: at, end: at + tail.length });
    else if (text) out.push({ start: at, end: at + tail.length, text });
  }
  return out.sort((a, b) => a.start - b.start);
}
