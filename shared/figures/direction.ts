// Origin and destination of a border crossing, read from the grammar of the
// number's own clause: "from/out of/fled X" is the origin, "into/to/arrived in/
// entered X" the destination, "back"/"the other way" reverses the flow the
// article is about, and a nationality only stands in for a missing origin.
import type { PlaceMention } from './gazetteer.ts';
import { demonymCountry, findPlaces } from './gazetteer.ts';

export type Flow = 'in' | 'out' | 'back' | 'expel' | 'neutral';

export interface Places {
  origin?: string;
  destination?: string;
}

export interface DirectionInput {
  /** The sentence. */
  text: string;
  /** The part of the sentence that belongs to this number. */
  from: number;
  to: number;
  /** Where the number is. */
  at: number;
  places: PlaceMention[];
  flow: Flow;
  who?: string;
  /** The flow of the figure before this one in the sentence, if any. */
  previous?: Places;
  /** The flow the article has been about so far. */
  context: Places;
  /** A part of an earlier count ("2,500 of them were men", "including 142,300 on Sunday"). */
  breakdown: boolean;
  /** Counted "of them"/"of whom": a part that may have moved on since. */
  partOf?: boolean;
  /** The country of whoever gave the number ("the Finnish Border Guard"), if named. */
  authority?: string;
  /** The country the text is about here: a live-blog heading, a table row, "In Romania, ...". */
  topic?: string;
  /** The country the article is about: the first one its headline (or text) names. */
  home?: string;
  /** Where this number's own clause starts; places before it belong to an earlier number. */
  clauseFrom?: number;
  /** Where the subject of this number's clause may start ("Chile expelled 138 ..."). */
  subjectFrom?: number;
  /** The countries the article names, most named first: a last resort for a missing origin. */
  mostNamed?: string[];
  /** The places of the article's last crossing figure ("only 10 a day came that way"). */
  last?: Places;
  /** This number shares its verb with the one before it: a parallel flow, not an onward one. */
  parallel?: boolean;
  /** The kind of movement of the figure before this one in the sentence. */
  previousFlow?: Flow;
  /** The sentence opens by pointing back at what was counted before ("Most came ...", "It includes ..."). */
  continues?: boolean;
}

export interface Direction extends Places {
  /** Some place was read from this clause, not inherited. */
  explicit: boolean;
}

const ORIGIN_BEFORE =
  /\b(?:from|out of|fled|flee|flees|fleeing|left|leave|leaves|leaving|departed|departing|depart|exited|exiting|exit|escaped|escaping|evacuated from|deported from|expelled from|abandoned)\s+(?:the\s+)?(?:(?:neighbou?ring|war-torn|northern|southern|eastern|western|mainland)\s+)?$/i;
const DEST_BEFORE =
  /\b(?:(?:for|to|into)\s+[A-Z][\w-]+\s+(?:and|or)|into|to|entered|entering|enter|enters|reached|reaching|reach|for|arrived in|arriving in|arrive in|arrivals in|refuge in|shelter in|safety in|sanctuary in|arrived at|landed in|landing in|came to|come to|admitted to|flown to|flew to|back to|back into|entries (?:to|into)|across the border into|in from)\s+(?:the\s+)?(?:(?:neighbou?ring|nearby|northern|southern|eastern|western|mainland)\s+)?$/i;
const NOT_DEST_TO = /\b(?:close|next|according|due|similar|compared|up|owing|thanks|prior|related|route|routes|road|corridor|return(?:ed|ing)?\s+home)\s+(?:to|into)\s+(?:the\s+)?$/i;
const NOT_ORIGIN_FROM = /\b(?:figures|data|statistics|numbers|reports?|officials|sources|estimates|tally|help|aid|support)\s+from\s+(?:the\s+)?$/i;
const EXPELLER_VERB = /^\s*(?:(?:countries|authorities|officials|police|government|has|have|had|also|was|were|is|now|already)\s+)*(?:expelled|expelling|deported|deporting|returned|returning|sent back|sending back|handed|pushed back|removed|flew|flown)\b/i;
const PLACE_NOUN = /^\s*(?:islands?|port|city|town|capital|border|side|territory|soil|coast|region|province|village|camps?|crossing|mainland|frontier)\b/i;
const RECEIVER_VERB = /^\s*(?:(?:has|have|had|also|was|were|is|now|already|alone|itself)\s+)*(?:received|receiving|receives|took in|taking in|takes in|counted|recorded|registered|admitted|welcomed|let|allowed|saw|has seen|had seen)\b/i;
const MANY_PLACES = /^(?:,\s*|\s+and\s+|\s+or\s+)/;

interface Bound {
  role: 'origin' | 'destination';
  place: string;
  at: number;
  multi: boolean;
  /** Read from "the country", not from a name. */
  inferred?: boolean;
}

function lastCountryBefore(places: PlaceMention[], at: number): string | undefined {
  let found: string | undefined;
  for (const p of places) if (p.end <= at && p.kind !== 'demonym') found = p.place;
  return found;
}

/** Places bound by a preposition or verb inside the number's clause. */
function boundPlaces(input: DirectionInput): Bound[] {
  const { text, from, to, places } = input;
  const out: Bound[] = [];
  // Prepositions bind places after the governing verb; a receiving or expelling subject may stand before it.
  const inSpan = places.filter((p) => p.start >= (input.subjectFrom ?? from) && p.end <= to);
  const verbAt = input.clauseFrom ?? from;
  for (let i = 0; i < inSpan.length; i++) {
    const p = inSpan[i];
    const before = text.slice(Math.max(0, p.start - 40), p.start);
    // "Iranian authorities deported ...": a nationality before an authority stands for its country as a subject.
    const authority = p.kind === 'demonym' ? /^\s+(?:border\s+)?(?:authorities|officials|police|guards|government|forces|troops|army|military)\b/i.exec(text.slice(p.end, p.end + 40)) : null;
    const after = text.slice(p.end + (authority ? authority[0].length : 0), p.end + 40);
    // A nationality names land only before a place noun: "the Greek islands", "Syrian territory".
    const isLand = p.kind !== 'demonym' || PLACE_NOUN.test(after) || !!authority;
    if (!isLand) continue;
    // "into Romania, Moldova, Poland and Hungary" names no single destination.
    const next = inSpan[i + 1];
    // "back to Ukraine and EU countries had returned 126": the second name opens a new clause, not a list.
    const opensClause = !!next && /^\s+(?:\w+\s+)?(?:has|had|have|was|were|is|are|said|says|\w+ed)\b/.test(text.slice(next.end, next.end + 30));
    const multi = !!next && next.kind !== 'demonym' && next.place !== p.place && MANY_PLACES.test(text.slice(p.end, next.start)) && text.slice(p.end, next.start).length < 8 && !opensClause;
    const prev = inSpan[i - 1];
    const inList = !!prev && prev.kind !== 'demonym' && MANY_PLACES.test(text.slice(prev.end, p.start)) && text.slice(prev.end, p.start).length < 8;
    const subjectOnly = p.start < verbAt;
    const receives = RECEIVER_VERB.test(after.replace(/^[’']s\b/, ''));
    if ((subjectOnly || authority) && !(receives || EXPELLER_VERB.test(after))) continue;
    if (!subjectOnly && ORIGIN_BEFORE.test(before) && !NOT_ORIGIN_FROM.test(before)) out.push({ role: 'origin', place: p.place, at: p.start, multi: multi || inList });
    else if (!subjectOnly && DEST_BEFORE.test(before) && !NOT_DEST_TO.test(before)) out.push({ role: 'destination', place: p.place, at: p.start, multi: multi || inList });
    else if (receives && p.end <= input.at) {
      out.push({ role: 'destination', place: p.place, at: p.start, multi: false });
    } else if (EXPELLER_VERB.test(after) && p.end <= input.at) {
      out.push({ role: 'origin', place: p.place, at: p.start, multi: false });
    } else if (inList) {
      // "to Erbil and Baghdad" is one country; "into Hungary, Moldova and Slovakia" is several.
      const last = out[out.length - 1];
      if (last && last.at === prev.start && last.place !== p.place) last.multi = true;
    }
  }
  // "the country" is the country named last before it.
  const THE_COUNTRY = /\b(?:(from|left|leaving|leave|out of|entered|entering|into)\s+)?the\s+country\b(?![’'])(?:\s+(?:has|had|have|also)?\s*(deported|expelled|returned|sent back))?/gi;
  for (let m = THE_COUNTRY.exec(text); m; m = THE_COUNTRY.exec(text)) {
    if (m.index < from || m.index > to || (!m[1] && !m[2])) continue;
    const leaving = !!m[2] || /^(?:from|left|leaving|leave|out of)/i.test(m[1] ?? '');
    const place = lastCountryBefore(places, m.index) ?? input.topic ?? input.home ?? (leaving ? input.context.destination ?? input.context.origin : input.context.destination);
    if (place) out.push({ role: leaving ? 'origin' : 'destination', place, at: m.index, multi: false, inferred: true });
  }
  // "the Georgian-Russian border": two sides, oriented below.
  return out;
}

function whoCountry(who: string | undefined): string | undefined {
  return who ? findPlaces(who).find((p) => p.kind === 'demonym')?.place : undefined;
}

function borderPair(input: DirectionInput): [string, string] | undefined {
  const m = /\b([A-Z][a-z]+)[-–]([A-Z][a-z]+) border\b/.exec(input.text.slice(input.from, input.to));
  if (!m) return undefined;
  const a = demonymCountry(m[1]);
  const b = demonymCountry(m[2]);
  return a && b ? [a, b] : undefined;
}

/** A country named before the number in its clause and bound to nothing: the subject that received people. */
function unboundBefore(input: DirectionInput, bound: Bound[]): string | undefined {
  const clauseStart = Math.max(input.from, input.text.lastIndexOf(',', input.at) + 1);
  const candidates = input.places.filter(
    (p) => p.start >= clauseStart && p.end <= input.at && p.kind !== 'demonym' && !bound.some((b) => b.at === p.start) && /^[’']s\b|^\s+(?:has|had|have|was|is|now|alone|counted|recorded|received|passes|passed|took|saw|admitted)\b/i.test(input.text.slice(p.end, p.end + 12)),
  );
  return candidates[candidates.length - 1]?.place;
}

/**
 * A sentence whose own places (bound by its grammar, whoever counted) all lie outside the article's flow is about another
 * movement: it takes no place from the rest of the article (its flow, its
 * headline country, its most named country), only from its own words,
 * unless it points back at the count before ("Most came through ...", "of them").
 */
function ownWordsOnly(input: DirectionInput): { input: DirectionInput; bound?: Bound[] } {
  const { origin, destination } = input.context;
  if (!origin && !destination) return { input };
  if (input.continues || input.breakdown || input.partOf) return { input };
  // Any mention of the flow's countries ("Chile expelled ...", "most of them Venezuelans") keeps the sentence in it.
  if (input.places.some((p) => p.place === origin || p.place === destination)) return { input };
  // The group's nationality is no statement of where it moves: Venezuelans cross from Brazil into Peru.
  const bound = boundPlaces(input);
  const own = [...bound.map((b) => b.place), input.authority].filter((c) => c !== undefined);
  const elsewhere = own.length > 0 && !own.some((c) => c === origin || c === destination);
  // Places bound with the article's help must be read again without it.
  return elsewhere ? { input: { ...input, context: {}, home: undefined, mostNamed: undefined } } : { input, bound };
}

/** Origin and destination for one border-crossing number. */
export function resolveDirection(given: DirectionInput): Direction {
  const { input, bound: known } = ownWordsOnly(given);
  const { context, flow } = input;
  const bound = known ?? boundPlaces(input);
  const clause = input.text.slice(input.from, input.to);
  const originB = bound.find((b) => b.role === 'origin' && !b.multi) ?? bound.find((b) => b.role === 'origin');
  const destB = bound.find((b) => b.role === 'destination' && !b.multi) ?? bound.find((b) => b.role === 'destination');
  let origin = originB?.multi ? undefined : originB?.place;
  let destination = destB?.multi ? undefined : destB?.place;
  const explicit = bound.length > 0;
  const noSingleDestination =
    !!destB?.multi ||
    (!destB &&
      /\b(?:abroad|neighbou?ring countries|other countries|third countries|(?:other )?european countries|several countries|elsewhere|various countries|the west)\b/i.test(clause));
  // Nationality: of the group after the number, else a nationality named before it in its clause ("the number of Russians arriving").
  const citizenship =
    whoCountry(input.who) ??
    input.places.filter((p) => p.kind === 'demonym' && p.start >= input.from && p.end <= input.at && /\b(?:number|total|flow|wave|influx|exodus|stream) of\s+$/i.test(input.text.slice(Math.max(0, p.start - 25), p.start))).pop()?.place;
  const ref = input.breakdown ? (input.previous ?? context) : input.previous;

  if (/\b(?:home|homeland)\b/i.test(clause) && !destination && citizenship && citizenship !== origin) destination = citizenship;
  const reversed = /\b(?:the other way|the other direction|in reverse|opposite direction)\b/i.test(clause);
  const reversible = !input.previousFlow || input.previousFlow === 'in' || input.previousFlow === 'neutral' || input.previousFlow === 'out';
  if ((reversed || (flow === 'back' && bound.length === 0 && !input.breakdown && reversible)) && !origin && !destination && (input.previous ?? context).origin) {
    const base = input.previous ?? context;
    return { origin: base.destination, destination: base.origin, explicit: false };
  }
  // "..., with 5,000 a day now passing through the gates": a verb that gives no direction goes on about the movement before it.
  if (flow === 'neutral' && bound.length === 0 && input.previous && (input.previous.origin || input.previous.destination)) return { ...input.previous, explicit: false };
  const pair = borderPair(input);
  const onwardPart = input.partOf && (flow === 'out' || flow === 'back');
  if (input.breakdown && !onwardPart && !origin && !destination && !pair && ref) return { origin: ref.origin, destination: ref.destination, explicit: false };
  if (!origin && !destination && /\b(?:that|the same) (?:way|route)\b/i.test(clause) && (input.previous ?? input.last)) return { ...(input.previous ?? input.last), explicit: false };

  if (pair && !origin && !destination) {
    if (context.origin && pair.includes(context.origin)) {
      origin = context.origin;
      destination = pair.find((c) => c !== origin);
    } else if (citizenship && pair.includes(citizenship)) {
      origin = citizenship;
      destination = pair.find((c) => c !== origin);
    }
  } else if (pair && destination && !origin) origin = pair.find((c) => c !== destination);

  // A live-blog entry "Georgia: 10,000 arrivals a day", "In Romania, ..." or a named receiving authority gives the destination.
  const topic = sentenceTopic(input) ?? input.topic;
  const base = input.previous ?? context;
  if (flow === 'expel') {
    // Expelled from where they were counted, unless a name says that is where they are sent ("expelled to Haiti"):
    // then from where the article's flow starts.
    const sentTo = destB && !destB.inferred ? destination : undefined;
    if (!origin) origin = [input.previous?.origin, topic, input.authority, context.destination, context.origin].find((c) => c !== undefined && c !== sentTo);
    if (!destination && !noSingleDestination) destination = input.previous?.destination ?? (citizenship !== origin ? citizenship : undefined);
    return { origin, destination: destination === origin ? undefined : destination, explicit };
  }
  if (flow === 'out') {
    // Leaving with no place named: people leave the country they were counted in.
    // "have left their country": the group's own country.
    if (!origin && citizenship && /\b(?:their|his|her) (?:own |home )?(?:country|homeland)\b/i.test(clause)) origin = citizenship;
    // "..., of them 340,000 children": an "of them" right before the next number introduces that one, not this.
    const own = clause.replace(/\b(?:of|among) (?:them|whom|those)\s*$/i, '');
    const onward = /\b(?:have since|has since|had since|of them|of whom|moved on|onward|later|then|again)\b/i.test(own) || (!!input.previous && !input.parallel);
    if (!origin && input.parallel && input.previous?.origin) origin = input.previous.origin;
    if (!origin) origin = onward ? (input.previous?.destination ?? topic ?? context.destination ?? context.origin) : (citizenship ?? topic ?? context.origin);
    if (!origin && destination) origin = input.mostNamed?.find((c) => c !== destination);
    return { origin, destination: noSingleDestination || destination === origin ? undefined : destination, explicit };
  }
  // "Egypt has received 450,000 and Chad more than 500,000": a country right before a listed number takes the role of the one before.
  if (input.parallel && !destination && !origin && input.previous?.destination) {
    const gap = input.places.filter((p) => p.kind !== 'demonym' && p.end <= input.at && input.at - p.end < 30 && /^\s+(?:(?:about|around|some|roughly|nearly|almost|more than|over|at least|just over|another)\s+)?$/i.test(input.text.slice(p.end, input.at))).pop();
    if (gap) destination = gap.place;
  }
  if (!destination && !noSingleDestination && flow !== 'back') {
    const subject = unboundBefore(input, bound);
    destination = sentenceTopic(input) ?? subject ?? (origin !== input.authority ? input.authority : undefined) ?? input.topic;
    if (destination === origin) destination = undefined;
  }
  if (destination && !origin) {
    // "fighting in northern Syria has driven 23,000 refugees into Turkey"
    const m = /\bin\s+(?:(?:northern|southern|eastern|western|central|north|south|east|west)(?:ern)?\s+)?$/i;
    const inPlace = input.places.find((p) => p.start >= input.from && p.end <= input.at && p.kind === 'country' && p.place !== destination && m.test(input.text.slice(Math.max(0, p.start - 30), p.start)));
    if (inPlace) origin = inPlace.place;
  }
  if (!origin) {
    if (destination && destination === base.origin && base.destination) origin = base.destination;
    else if (destination && destination === context.origin && context.destination) origin = context.destination;
    else if (destination && destination === base.destination && base.origin) origin = base.origin;
    // A nationality stands in for the origin, unless they are nationals going home along the article's flow.
    else if (flow !== 'back' && citizenship && citizenship !== destination && citizenship !== (destination ?? base.destination ?? context.destination)) origin = citizenship;
    else origin = base.origin ?? context.origin;
    // Whoever counted stands for the origin of arrivals, never of people going back: "Pakistan said 165,000 Afghans had returned".
    if (!origin && destination && flow !== 'back' && input.authority !== destination) origin = input.authority;
    if (!origin && destination) origin = input.mostNamed?.find((c) => c !== destination);
    if (origin === destination) origin = undefined;
  }
  if (!destination && !noSingleDestination) {
    // "were repatriated from Iran": people going back go to their own country.
    if (flow === 'back' && citizenship && citizenship !== origin) destination = citizenship;
    else if (flow === 'back' && origin && origin === base.destination) destination = base.origin;
    else if (origin !== base.destination) destination = base.destination ?? context.destination;
    if (!destination && flow !== 'back' && input.home !== origin) destination = input.home;
    if (destination === origin) destination = undefined;
  }
  if (!origin && destination && flow !== 'back') origin = input.mostNamed?.find((c) => c !== destination);
  return { origin, destination: noSingleDestination ? undefined : destination, explicit };
}

/** "Georgia: about 10,000 arrivals a day", "In Romania, the police counted ...": the place the sentence is about. */
function sentenceTopic(input: DirectionInput): string | undefined {
  const head = /^\s*(?:In\s+)?([A-Z][\w .'’()-]{1,50}?)\s*(?:[:|]|,\s)/.exec(input.text);
  if (!head || head.index + head[0].length > input.at) return undefined;
  if (!/^\s*In\s/.test(head[0]) && !/[:|]\s*$/.test(head[0])) return undefined;
  const p = input.places.find((x) => x.start < head[0].length && (x.kind !== 'demonym' || /^\s+(?:[A-Z]\w+\s+)*(?:Border|border|police|officials|authorities|government|ministry)/.test(input.text.slice(x.end))));
  return p?.place;
}
