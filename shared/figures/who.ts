// The group a count is of, as written after the number: "Russians",
// "Russian citizens", "people with prior combat or other military service".
import { PEOPLE_NOUN } from './cues.ts';
import { demonymCountry } from './gazetteer.ts';

const STOP = new Set(
  'have has had were was are is be been being will would could may might can who whom which that whose when where while as and or but if than then to into from in on at by for through across over since during after before per a an the each every this these those it its their his her they he she we said says say had also already now still more arrived entered crossed left fled came went returned poured streamed headed made moved stayed got reached landed passed sought sheltered trekked walked arriving entering crossing leaving fleeing coming going returning called mobilized mobilised drafted summoned recruited joined'.split(
    ' ',
  ),
);

export interface Group {
  who?: string;
  /** Counted as a part of an earlier count: "of them", "of whom". */
  partOf: boolean;
  /** The next words name people (or a nationality). */
  people: boolean;
}

/** The noun phrase that follows a number. */
export function groupAfter(after: string): Group {
  let rest = after.replace(/^\s+/, '');
  let partOf = false;
  const part = /^(?:of (?:them|whom|those|these|the (?:\w+ )?(?:arrivals|total|people|refugees|migrants|Syrians|Russians|\w+s))|among (?:them|the arrivals|those))\b,?\s*/i.exec(rest);
  if (part) {
    partOf = true;
    rest = rest.slice(part[0].length).replace(/^(?:were|are|was|is)\s+/i, '');
  }
  rest = rest.replace(/^(?:more|other|others|additional|further|extra|another)\s+(?=[a-z])/i, '');
  const words: string[] = [];
  // At most six words are kept: the rest of the sentence need not be split.
  for (const raw of rest.split(/\s+/, 7)) {
    const w = raw.replace(/[,.;:!?”"’)]+$/, '');
    if (!w || STOP.has(w.toLowerCase()) || /^\d/.test(w)) break;
    words.push(w);
    if (w !== raw || words.length >= 6) break;
  }
  // "of" continues a group only into a noun: "fathers of large families", "citizens of the Republic of the Congo".
  while (words.length && /^(?:of|with)$/i.test(words[words.length - 1])) words.pop();
  const who = words.length ? words.join(' ') : undefined;
  const people = !!who && (PEOPLE_NOUN.test(who) || words.some((w) => demonymCountry(w) !== undefined) || /\b(?:people|men|women|children|citizens|nationals|refugees|migrants|reservists|recruits|conscripts|troops|soldiers|foreigners|travell?ers|Afghans|evacuees)\b/i.test(who));
  return { who, partOf, people };
}
