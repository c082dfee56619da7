// The figure extractor. Each sentence is analysed once (numbers, cues, places,
// periods, sources); each candidate number is then read in its own clause: the
// nearest cue says what it counts (or that it is a stock, forecast, denial or
// force size), the grammar around it gives the places, and what the article
// said before fills in what the sentence leaves out. The body is read twice:
// the first reading finds the flow and the mobilizing country the article is
// about, so that the headline and the lede can lean on them too.
import type { Figure, Metric, Status } from '../domain/types.ts';
import { findAttributions, type Attribution } from './attribution.ts';
import { BLOCKERS, clauseBounds, clauseCue, cueFor, overlaps } from './clause-cues.ts';
import { findCues, type Cue } from './cues.ts';
import { statusOf } from './status.ts';
import { resolveDirection, type Flow, type Places } from './direction.ts';
import { findPlaces, type PlaceMention } from './gazetteer.ts';
import { roleOf } from './number-role.ts';
import { findNumbers, type NumberMention } from './numbers.ts';
import { findPeriods, isSingleDay, rateIn, type Span } from './period.ts';
import { qualifierOf } from './qualifier.ts';
import { paragraphs, sentences } from './sentences.ts';
import { isTableLine, rowContext, tableRows } from './table.ts';
import { groupAfter, type Group } from './who.ts';

export interface FigureInput {
  title?: string;
  body: string;
  published?: string;
}

/** What the reader remembers from earlier sentences of the same article. */
interface ArticleState {
  flow: Places;
  mobilizing?: string;
  /** The first country the article names: the fallback for a call-up with no country. */
  firstCountry?: string;
  /** The source named last in the current paragraph: the speaker of a quotation that follows. */
  attribution?: string;
  /** The source named last in the article: whom a later "he said" stands for. */
  speaker?: string;
  last?: { metric: Metric; places: Places; country?: string };
  /** The country the current section, table row or paragraph is about. */
  topic?: string;
  /** How often each complete flow was read with a place from the text, and its largest count. */
  flows: Map<string, number>;
  largest?: { key: string; count: number };
  /** How often each country is named, for the article's most named one. */
  named?: Map<string, number>;
  mostNamed?: string[];
  /** Sentence analyses shared by the two readings of one article. */
  cache: Map<string, Analysis>;
  /** The country of each source met so far, shared by the two readings. */
  sources: Map<string, string | undefined>;
  /** The first reading, which only gathers what the second borrows (flow, mobilizing country, named countries). */
  draft?: boolean;
}

/** What a sentence holds, whatever the article around it. */
interface Analysis {
  numbers: NumberMention[];
  periods: Span[];
  cues: Cue[];
  places: PlaceMention[];
  attributions: Attribution[];
  /** Each number's cue, group and own-clause cue, filled on first reading and shared by the second. */
  ownCues?: (Cue | undefined)[];
  groups?: Group[];
  clauseCues?: (Cue | undefined)[];
  /** Where each number's clause starts, filled as the numbers are read. */
  clauseStarts?: number[];
}

// Words that point back to a count already given: "the figure", "the total", "estimates".
const REFERENCE = /\b(?:total|tally|figure|number|count|estimates?|works out|on average|an average)\b/i;

// A paragraph or sentence that opens on a part of, or a reference to, the count before: "Most came through ...", "Of them, ...", "It includes ...".
const CONTINUES = /^(?:It|Most|Many|Some|All|Half|Another|Others|The rest|The remainder|(?:Of|Among) (?:them|those|these|whom)|(?:Most|Many|Some|All|Half) of (?:them|those|these)|They|The (?:same|figure|number|total|tally|count)|Th(?:is|at|ese) (?:figure|number|total|tally|count)s?)\b/;

// What joins two items of a list: "21,000 children and 8,000 women", "300 men, 120 women".
const LIST_JOIN = /^\s*(?:\w+\s+){0,2}?\w+(?:,\s*|\s+and\s+|,\s+and\s+)(?:(?:about|around|some|nearly|almost|more than|over|at least)\s+)?$/i;

const REPORTING = /\b(?:said|says|told|according|added|reported|estimated?|counted|recorded)\b/;

function analyse(text: string, cache: Map<string, Analysis>): Analysis {
  const hit = cache.get(text);
  if (hit) return hit;
  const candidates = findNumbers(text).filter((n) => roleOf(text, n) === 'candidate');
  // Small numbers and years may be part of a date ("between Sept. 21 and 26"); larger ones are counts no period may swallow.
  const allPeriods = candidates.length ? findPeriods(text, candidates.filter((n) => n.value >= 32 || n.scaled)) : [];
  const numbers = candidates.filter((n) => !allPeriods.some((p) => p.start <= n.start && n.end <= p.end && n.value < 32 && !n.scaled));
  const analysis: Analysis = {
    numbers,
    periods: allPeriods.filter((p) => !numbers.some((n) => overlaps(n, p))),
    cues: numbers.length ? findCues(text) : [],
    places: findPlaces(text),
    attributions: numbers.length || REPORTING.test(text) ? findAttributions(text) : [],
  };
  cache.set(text, analysis);
  return analysis;
}

/** How a table cell is read: its column header says what is counted. */
interface CellReading {
  header: string;
}

const OUT_FLOW = /^(?:left|leav|depart|exit|fle|escap|evacuat|airlift|fl(?:ew|own|ying)|emigra|mov(?:ed|ing) on|travell?ed out|outflow|exodus)/i;
const EXPEL_FLOW = /^(?:deport|expel|expulsion|sent back|handed|pushed back)/i;
const BACK_FLOW = /^(?:repatriat|return|went back|go(?:es|ing)? back|c[ao]me back|head(?:ed|ing) back|gone home|go home|returnees)/i;
const IN_FLOW = /^(?:enter|entr|arriv|c[ao]me|coming|pour|stream|flood|flock|surg|receiv|took in|tak|admitted|landed|ashore|reached|let|allowed|influx|inflow|newcomers|refugees|asylum)/i;

const FORECAST_MODAL = /\b(?:may|might|could|would|will|shall|expected to|likely to|set to|about to|going to|to)\s+(?:\w+\s+){0,2}$/i;

function flowOf(cue: Cue | undefined, clause: string): Flow {
  const text = cue?.text ?? '';
  if (/^handed|^sent back|^pushed back/i.test(text)) return 'expel';
  if (/\b(?:back|home)\b/i.test(text) || BACK_FLOW.test(text)) return 'back';
  if (/\bback\b/i.test(clause) && /\b(?:crossed|went|gone|going|headed|handed|sent)\s+back\b/i.test(clause)) return 'back';
  if (EXPEL_FLOW.test(text)) return 'expel';
  if (OUT_FLOW.test(text)) return 'out';
  if (IN_FLOW.test(text)) return 'in';
  return 'neutral';
}

/** The clause around a number: cut at semicolons, dashes and ", but"/"while". */
function clauseAround(text: string, from: number, to: number): string {
  return text.slice(from, to);
}

/** The span nearest to the number inside its clause; one after the number wins over one before it. */
function nearest<T extends { start: number; end: number }>(items: T[], n: NumberMention, from: number, to: number): T | undefined {
  let best: T | undefined;
  let bestD = Infinity;
  for (const it of items) {
    if (it.end <= from || it.start >= to) continue;
    const d = it.start >= n.end ? it.start - n.end : it.end <= n.start ? 1000 + n.start - it.end : 0;
    if (d < bestD) {
      best = it;
      bestD = d;
    }
  }
  return best;
}

function mobilizingCountry(text: string, places: PlaceMention[], n: NumberMention, from: number, to: number, periods: Span[]): string | undefined {
  const usable = places.filter((p) => !periods.some((s) => overlaps(s, p)) && !/\b(?:in|at|near|to|from|visiting|visit)\s+$/i.test(text.slice(Math.max(0, p.start - 12), p.start)));
  const before = usable.filter((p) => p.end <= n.start && p.start >= from);
  if (before.length) return before[before.length - 1].place;
  return usable.find((p) => p.start >= n.end && p.end <= to)?.place;
}

/** Where the clause of the sentence's i-th number starts; both readings of a sentence share it (a table cell's differs). */
function clauseStart(a: Analysis, text: string, i: number, from: number, to: number, cell: boolean): number {
  if (cell) return clauseBounds(text, a.numbers[i], from, to)[0];
  return ((a.clauseStarts ??= [])[i] ??= clauseBounds(text, a.numbers[i], from, to)[0]);
}

interface Reading {
  figures: Figure[];
}

// Module-level rather than per-call closures: tsx keeps function names, and naming a closure on every call costs.
function shifted<T extends { start: number; end: number }>(x: T, offset: number): T {
  return { ...x, start: x.start + offset, end: x.end + offset };
}

function readSentence(text: string, state: ArticleState, published?: string, cell?: CellReading): Reading {
  const figures: Figure[] = [];
  const a = analyse(text, state.cache);
  const { numbers, periods } = a;
  if (!numbers.length) {
    noteContext(a, state, text);
    return { figures };
  }
  // A table cell borrows its column header's cue ("Arrivals from Ukraine") after its own words.
  const offset = text.length + 1;
  const cues = cell ? [...a.cues, ...findCues(cell.header).map((x) => shifted(x, offset))] : a.cues;
  const full = cell ? `${text} ${cell.header}` : text;
  const places = [...a.places, ...(cell ? findPlaces(cell.header).map((x) => shifted(x, offset)) : [])].filter((p) => !periods.some((s) => overlaps(s, p) && !/^(?:from|between)\b/i.test(s.text)));
  const attributions = a.attributions;
  let previous: { metric: Metric; places: Places; cue?: Cue; period?: string; per?: Figure['per']; status?: Status; flow?: Flow; breakdown?: boolean } | undefined;
  let blocked = false;
  const voted = new Set<string>();

  const spans = numbers.map((_, i) => ({ from: i > 0 ? numbers[i - 1].end : 0, to: i + 1 < numbers.length ? numbers[i + 1].start : full.length }));
  // The cue of each number depends on the sentence alone: both readings of a sentence share it.
  const ownCues = cell ? numbers.map((n, i) => cueFor(cues, n, spans[i].from, spans[i].to, full)) : (a.ownCues ??= numbers.map((n, i) => cueFor(cues, n, spans[i].from, spans[i].to, full))).slice();
  // "6,000 Lebanese and around 15,000 Syrians had come through": the first items of a list share the last one's verb.
  for (let i = numbers.length - 2; i >= 0; i--) {
    if (ownCues[i]) continue;
    const between = full.slice(numbers[i].end, numbers[i + 1].start);
    if (/^[^.;:]{0,45}?(?:,|\band\b|\bor\b)\s*(?:(?:about|around|some|roughly|nearly|almost|more than|over|at least|another|a further|just over)\s+)?$/i.test(between)) ownCues[i] = ownCues[i + 1];
  }

  for (let i = 0; i < numbers.length; i++) {
    const n = numbers[i];
    const { from, to } = spans[i];
    const group = cell ? groupAfter(text.slice(n.end, to)) : { ...(a.groups ??= numbers.map((m, j) => groupAfter(text.slice(m.end, spans[j].to))))[i] };
    // "One source said": a small number word is a count only before a people noun.
    if (n.words && n.value < 10 && (!group.people || group.partOf)) continue;
    let cue = ownCues[i];
    let sameAsLast = false;
    const ownClauseCue = cell ? clauseCue(cues, n, from, to, full) : (a.clauseCues ??= numbers.map((m, j) => clauseCue(cues, m, spans[j].from, spans[j].to, full)))[i];
    // "One source put the figure at close to 1 million, while another ...": a reference to the count before, whatever verbs follow.
    if (!ownClauseCue && !previous && !cell && state.last && REFERENCE.test(text.slice(clauseStart(a, text, i, from, to, !!cell), n.start))) cue = undefined;
    // Nothing in its own clause: a number in a list takes the verb of the count before it.
    if (previous && !ownClauseCue && cue && cue !== previous.cue) cue = undefined;
    if (/\b(?:of|among)\s+(?:whom|them|those)\s*,?\s*$/i.test(text.slice(from, n.start))) group.partOf = true;
    // "of whom 137 held tourist visas": a part of a crossing described by what they hold is still a crossing.
    if (cue?.kind === 'stock' && group.partOf && /^(?:hold|held)/i.test(cue.text)) cue = cueFor(cues.filter((c) => c.kind !== 'stock'), n, from, to, full);
    let metric: Metric | undefined;
    let chosen = cue;
    if (cue && BLOCKERS.has(cue.kind)) {
      previous = undefined;
      blocked = true;
      continue;
    }
    // "A further 21,113 were caught ...: 14,313 as they ..." — a list after a blocked number shares its fate.
    if (blocked && !previous && (!cue || !clauseCue(cues, n, from, to, full))) continue;
    if (cue) blocked = false;
    if (cue?.kind === 'cross') metric = 'border_crossing';
    else if (cue?.kind === 'mobilize') metric = 'mobilization';
    else if (previous) {
      metric = previous.metric;
      chosen = previous.cue;
    } else if (group.partOf && state.last) {
      // "About 700 of them were women": a part of the count in the sentence before.
      metric = state.last.metric;
      previous = { metric, places: state.last.places };
    } else if (state.last && (cell || REFERENCE.test(text.slice(from, to)))) {
      // "One source put the figure at 1 million": the same kind of count as the one before, between the same places.
      metric = state.last.metric;
      if (!cell) {
        previous = { metric, places: state.last.places };
        sameAsLast = true;
      }
    }
    if (!metric) continue;

    const clause = clauseAround(text, from, to);
    const cs = clauseStart(a, text, i, from, to, !!cell);
    const leftClause = text.slice(cs, n.start);
    // "might add around 50,000 troops", "the EU will resettle one Syrian": speculation and plans are no crossings.
    if (/\b(?:may|might|could)\b/i.test(leftClause) && !/\b(?:said|says)\b.*\b(?:had|have)\b/i.test(leftClause)) continue;
    if (metric === 'border_crossing' && /\b(?:will|would|shall|(?:plans?|expects?|expected|aims?|intends?|seeks?|wants?|set|due|going|is|are) to)\s+(?:\w+\s+){0,5}$/i.test(leftClause)) continue;
    // A troop count is a call-up only where the sentence talks about calling people up.
    if (metric === 'mobilization' && chosen?.weak && /^troops$/i.test(chosen.text) && !cues.some((c) => c.kind === 'mobilize' && !/^troops$/i.test(c.text)) && !/\b(?:add|more|target|wants?|wanted|needs?|seeks?)\b/i.test(text)) continue;
    if (metric === 'border_crossing' && chosen && chosen.start >= n.end && FORECAST_MODAL.test(text.slice(n.end, chosen.start)) && !/\b(?:had|have|has)\b/.test(text.slice(n.end, chosen.start))) {
      // "as many as 20,000 may come": a forecast, not a crossing.
      if (!/^\s*(?:\w+\s+){0,4}(?:a|per|each|every)\s+(?:day|week|month)/i.test(text.slice(n.end, chosen.start))) continue;
    }
    if (metric === 'border_crossing' && chosen && chosen.end <= n.start && /\b(?:may|might|could|expected to|likely to)\s+(?:\w+\s+){0,2}$/i.test(text.slice(Math.max(from, chosen.start - 30), chosen.start))) continue;

    // The first reading's figures are thrown away: it skips what only they carry (qualifier, period, rate, status, a call-up's source).
    const { draft } = state;
    const qualifier = draft ? 'exact' : qualifierOf(text, n);
    const period = draft ? undefined : nearest(periods, n, from, to)?.text ?? previous?.period ?? nearest(periods, n, 0, text.length)?.text;
    const leftPart = text.slice(from, n.start);
    const per = draft
      ? undefined
      : rateIn(text.slice(n.end, to).split(/[;]/)[0]) ??
        (/\b(?:each|every|per)\s+(?:day|week|month|hour)\b|\bdaily\b|\bweekly\b|\bmonthly\b/i.test(leftPart) ? rateIn(leftPart) : undefined) ??
        (period && isSingleDay(period) ? 'day' : undefined) ??
        (!nearest(periods, n, from, to) ? previous?.per : undefined);

    // A crossing's source may name the country that counted, which places it.
    const attr = draft && metric !== 'border_crossing' ? undefined : pickAttribution(attributions, n, text, state, !!cell);
    const figure: Figure = {
      metric,
      count: n.value,
      ...(n.low !== undefined ? { low: n.low, high: n.high } : {}),
      qualifier,
      unit: 'people',
      ...(group.who ? { who: group.who } : {}),
      quote: text,
    };
    if (metric === 'border_crossing') {
      const flow = flowOf(chosen, clause);
      const breakdown =
        sameAsLast ||
        group.partOf ||
        /\b(?:includ(?:ed|ing|es)|among them)\s+(?:\w+\s+){0,2}$/i.test(leftPart) ||
        /^Of\b|\b(?:among (?:them|the arrivals|those)|of (?:this|the) (?:year[’']s )?total|of those who)\b/i.test(text) ||
        // "of them 21,000 children and 8,000 women": the next item of a breakdown list is part of the same count.
        (!!previous?.breakdown && LIST_JOIN.test(leftPart));
      const dir = resolveDirection({
        text: full,
        topic: state.topic,
        from,
        to,
        at: n.start,
        places,
        flow,
        who: group.who,
        previous: previous?.metric === 'border_crossing' ? previous.places : undefined,
        context: state.flow,
        authority: attr ? sourceCountry(attr, state.sources) : undefined,
        home: state.firstCountry,
        // Places before the verb that governs the number belong to an earlier clause.
        subjectFrom: cs,
        mostNamed: state.mostNamed,
        last: state.last?.metric === 'border_crossing' ? state.last.places : undefined,
        parallel: !!previous && chosen === previous.cue,
        previousFlow: previous?.flow,
        continues: CONTINUES.test(text),
        clauseFrom: Math.max(previous && !/[;,:—–]/.test(text.slice(from, n.start)) ? n.start : cs, chosen && chosen.end <= n.start && chosen.start >= cs ? chosen.start : 0),
        partOf: group.partOf,
        breakdown,
      });
      if (dir.origin) figure.origin = dir.origin;
      if (dir.destination) figure.destination = dir.destination;
      // A crossing with no place at all says nothing an analyst can plot.
      if (!dir.origin && !dir.destination) continue;
      // "evacuated from northern Israel": an evacuation inside one's own country is no crossing.
      if (/^evacuat/i.test(chosen?.text ?? '') && !dir.destination && (dir.origin === groupCountry(group.who) || /\bfrom (?:the )?(?:north|south|east|west)(?:ern)?\b/i.test(clause))) continue;
      if (dir.explicit && (flow === 'in' || flow === 'neutral' || ((flow === 'out' || flow === 'expel') && dir.origin && dir.destination))) updateFlow(state, dir);
      if (dir.explicit && dir.origin && dir.destination && flow !== 'back' && flow !== 'expel') {
        const key = `${dir.origin}\u0000${dir.destination}`;
        // Each sentence votes once for the flow it states, so a list of daily counts is one vote.
        if (!voted.has(key)) state.flows.set(key, (state.flows.get(key) ?? 0) + 1);
        if (!state.largest || n.value > state.largest.count) state.largest = { key, count: n.value };
        voted.add(key);
      }
      else if (dir.explicit && flow === 'out' && dir.origin && !state.flow.origin) state.flow = { ...state.flow, origin: dir.origin };

      previous = { metric, places: { origin: dir.origin, destination: dir.destination }, cue: chosen, period, per, flow, breakdown };
    } else {
      const country = mobilizingCountry(text, places, n, from, to, periods) ?? state.mobilizing ?? places.find((p) => !periods.some((s) => overlaps(s, p)))?.place ?? state.firstCountry;
      if (country) figure.country = country;
      if (country) state.mobilizing = country;
      if (!draft) figure.status = statusOf(previous ? clause : text.slice(0, to), previous ? n.start - from : n.start, previous?.status);
      previous = { metric, places: {}, cue: chosen, period, per, status: figure.status };
    }
    if (period) figure.period = period;
    if (per) figure.per = per;
    if (attr) figure.attribution = attr;
    if (published) figure.published = published;
    figures.push(figure);
    state.last = { metric, places: { origin: figure.origin, destination: figure.destination }, country: figure.country };
  }
  noteContext(a, state);
  return { figures };
}

/** authorityCountry, looked up once per source and article: a source gives most of an article's numbers. */
function sourceCountry(attribution: string, seen: Map<string, string | undefined>): string | undefined {
  if (!seen.has(attribution)) seen.set(attribution, authorityCountry(attribution));
  return seen.get(attribution);
}

/** "the Finnish Border Guard", "Kazakhstan's interior ministry": the country whose officials counted. */
function authorityCountry(attribution: string): string | undefined {
  const p = findPlaces(attribution).find((x) => x.kind !== 'bloc');
  if (!p) return undefined;
  if (p.kind === 'demonym' && !/^\s+(?:[A-Z]\w+\s+)*(?:border|police|officials?|authorities|government|ministry|interior|guards?|service|agency|migration|immigration|statistics)/i.test(attribution.slice(p.end))) return undefined;
  return p.place;
}

function groupCountry(who: string | undefined): string | undefined {
  return who ? findPlaces(who).find((p) => p.kind === 'demonym')?.place : undefined;
}

function updateFlow(state: ArticleState, dir: Places): void {
  // The article's main flow is the first one read whole; later side flows do not replace it.
  if (dir.origin && dir.destination && !(state.flow.origin && state.flow.destination)) state.flow = { origin: dir.origin, destination: dir.destination };
  else if (dir.origin && !state.flow.origin) state.flow = { ...state.flow, origin: dir.origin };
  else if (dir.destination && !state.flow.destination) state.flow = { ...state.flow, destination: dir.destination };
}

const MOBILIZING = /^\s+(?:has\s+|had\s+)?(?:announced|declared|ordered|launched|began|started|begins|announces|declares|orders)\s+(?:a\s+|its\s+)?(?:first\s+)?(?:partial\s+|general\s+|full\s+|new\s+|military\s+)*(?:mobili[sz]ation|call-up|conscription|draft)\b/i;

function noteContext(a: Analysis, state: ArticleState, text?: string): void {
  // "Azerbaijan announced a partial mobilisation": the country a later count of reservists belongs to.
  if (text && !a.numbers.length) {
    const subject = a.places.find((p) => p.kind === 'country' && MOBILIZING.test(text.slice(p.end, p.end + 80)));
    if (subject) state.mobilizing = subject.place;
  }
  if (state.named) for (const p of a.places) if (p.kind === 'country') state.named.set(p.place, (state.named.get(p.place) ?? 0) + 1);
  if (!state.firstCountry) state.firstCountry = a.places.find((p) => p.kind !== 'bloc')?.place;
  const named = a.attributions.filter((x) => x.text);
  if (named.length) state.attribution = state.speaker = named[named.length - 1].text;
}

function pickAttribution(list: Attribution[], n: NumberMention, text: string, state: ArticleState, cell: boolean): string | undefined {
  const after = list.filter((a) => a.start >= n.end);
  const before = list.filter((a) => a.end <= n.start);
  // "X said (that) N ...": a source just before the number governs it; otherwise the one that follows.
  const close = before[before.length - 1];
  const gap = text.slice(close?.end ?? 0, n.start).trim();
  const direct = close && !/;/.test(gap) && gap.split(/\s+/).length <= 10 ? close : undefined;
  const a = direct ?? after[0] ?? close;
  // No source in the sentence: the one named earlier in the same paragraph (a quotation's speaker, a report
  // that goes on); a table cell takes the source of the text that introduces the table.
  if (!a) return cell ? state.attribution ?? state.speaker : state.attribution;
  // "he said": the one the pronoun stands for, the source named last.
  return a.text ?? state.speaker;
}



/** One line of the body, with all that both readings take from its text alone. */
interface LaidLine {
  line: string;
  table: boolean;
  /** Opens by pointing back at what was counted, so the paragraph keeps the source before it. */
  continues: boolean;
  /** The place a live-blog heading ("Georgia: about 10,000 arrivals a day") names for the entries below. */
  headingTopic?: string;
  sentences: { text: string; openingTopic?: string }[];
}

/** The body's lines, each with its sentences: split once, read twice. */
type Layout = LaidLine[];

function layout(body: string): Layout {
  return paragraphs(body).map((line) => {
    const table = isTableLine(line);
    if (table) return { line, table, continues: false, sentences: [] };
    const heading = /^([A-Z][^:.!?]{1,50}):\s/.exec(line);
    return {
      line,
      table,
      continues: CONTINUES.test(line),
      headingTopic: heading ? topicOf(heading[1]) : undefined,
      sentences: sentences(line).map((text) => {
        const opening = /^In ([A-Z][^,]{1,40}),/.exec(text);
        return { text, openingTopic: opening ? topicOf(opening[1]) : undefined };
      }),
    };
  });
}

function readBody(input: FigureInput, state: ArticleState, laid: Layout): Figure[] {
  const out: Figure[] = [];
  for (let i = 0; i < laid.length; i++) {
    if (laid[i].table) {
      let j = i;
      while (j < laid.length && laid[j].table) j++;
      out.push(...readTable(laid.slice(i, j).map((l) => l.line), state, input.published));
      i = j - 1;
      continue;
    }
    const { continues, headingTopic } = laid[i];
    // Sources do not carry over into a new paragraph, unless it opens by pointing back at what was counted.
    if (!continues) state.attribution = undefined;
    // A live-blog heading sets the place the entries below are about.
    state.topic = headingTopic ?? state.topic;
    const sectionTopic = state.topic;
    for (const s of laid[i].sentences) {
      state.topic = s.openingTopic ?? state.topic;
      out.push(...readSentence(s.text, state, input.published).figures);
    }
    state.topic = sectionTopic;
  }
  return out;
}

function topicOf(text: string): string | undefined {
  return findPlaces(text).find((p) => p.kind !== 'demonym')?.place ?? authorityCountry(text);
}

function readTable(lines: string[], state: ArticleState, published?: string): Figure[] {
  const out: Figure[] = [];
  const saved = state.topic;
  for (const row of tableRows(lines)) {
    state.topic = findPlaces(row.label).find((p) => p.kind !== 'demonym')?.place ?? saved;
    const ctx = rowContext(row);
    for (const c of row.cells) {
      if (c === row.cells[0] && row.cells.length > 1 && !/\d{2}/.test(c.text)) continue;
      for (const f of readSentence(c.text, state, published, { header: c.header }).figures) {
        if (ctx.period && !f.period) f.period = ctx.period;
        if (ctx.daily && !f.per) f.per = 'day';
        if (ctx.source) f.attribution = ctx.source;
        if (!f.who && /^[A-Z][a-z]+s$|^Lebanese$|^[A-Z][a-z]+ese$/.test(c.header)) f.who = c.header;
        out.push(f);
      }
    }
  }
  state.topic = saved;
  return out;
}

function richness(f: Figure): number {
  return (f.attribution ? 2 : 0) + (f.period ? 1 : 0) + (f.who ? 0.5 : 0);
}

function sameFigure(a: Figure, b: Figure): boolean {
  return a.metric === b.metric && a.count === b.count;
}

/** The flow read most often (the first on a tie), else the first one read. */
function mainFlow(state: ArticleState): Places {
  // Votes, plus a say for the flow with the largest count and for flows touching the headline's country.
  let best: string | undefined;
  let bestScore = 0;
  for (const [key, votes] of state.flows) {
    const [origin, destination] = key.split('\u0000');
    const score = votes + (state.largest?.key === key ? 1 : 0) + (state.firstCountry && (origin === state.firstCountry || destination === state.firstCountry) ? 2 : 0);
    if (score > bestScore) [best, bestScore] = [key, score];
  }
  if (!best) return { ...state.flow };
  const [origin, destination] = best.split('\u0000');
  return { origin, destination };
}

function rankNamed(state: ArticleState): string[] {
  return [...(state.named ?? [])].sort((a, b) => b[1] - a[1]).map(([place]) => place);
}

function isHeadlineLike(f: Figure): boolean {
  return !/[.!?”"]$/.test(f.quote.trim()) && f.quote.length < 140 && !isTableLine(f.quote);
}

/** Finds people-count figures about border crossings and mobilization, headline first, in reading order. */
export function extractFigures(input: FigureInput): Figure[] {
  // A first reading finds the flow and the mobilizing country the article is about,
  // so that the headline and the lede, read first, can lean on them too.
  const titleCountry = input.title ? findPlaces(input.title).find((p) => p.kind !== 'demonym' && p.kind !== 'bloc')?.place : undefined;
  const cache = new Map<string, Analysis>();
  const sources = new Map<string, string | undefined>();
  const first: ArticleState = { flow: {}, firstCountry: titleCountry, flows: new Map(), cache, sources, named: new Map(), draft: true };
  if (input.title) readSentence(input.title, first);
  const laid = layout(input.body);
  readBody(input, first, laid);
  const state: ArticleState = { flow: mainFlow(first), mobilizing: first.mobilizing, firstCountry: first.firstCountry, flows: new Map(), cache, sources, mostNamed: rankNamed(first) };
  const title = input.title?.replace(/\s+/g, ' ').trim();
  const headline: Figure[] = [];
  if (title) {
    for (const s of sentences(title)) headline.push(...readSentence(s, state, input.published).figures.map((f) => ({ ...f, quote: title })));
  }
  state.attribution = state.speaker = undefined;
  const body = readBody(input, state, laid);
  // A headline number repeated in the body is one figure, read from the body (GUIDE clarification 2);
  // so is a headline-like line inside a plain-text body.
  const sentencesBody = body.filter((f) => !isHeadlineLike(f));
  const kept = [...headline, ...body.filter(isHeadlineLike)].filter((h) => !sentencesBody.some((b) => sameFigure(h, b)));
  const out: Figure[] = [];
  for (const f of [...kept, ...sentencesBody]) {
    // The same figure repeated in one article is kept once, from its most informative sentence.
    const i = out.findIndex((o) => sameFigure(o, f) && o.origin === f.origin && o.destination === f.destination && o.country === f.country && o.per === f.per && o.qualifier === f.qualifier);
    if (i < 0) out.push(f);
    else if (richness(f) > richness(out[i])) out[i] = f;
  }
  return out;
}
