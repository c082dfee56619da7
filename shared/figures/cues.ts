// Lexicons that say what a number in a clause counts. Each cue kind is one
// regular expression of whole words; the reader takes the cue nearest to the
// number, so the lexicons stay flat word lists rather than sentence patterns.

export type CueKind =
  | 'cross' // people moving across a border
  | 'mobilize' // people called up into a force
  | 'stock' // people who are somewhere, not people who moved
  | 'forecast' // what may happen, capacities, needs
  | 'denial' // a number cited to be rejected
  | 'aftermath' // mobilized people counted by what happened to them later
  | 'force'; // standing forces, reserve pools, contract soldiers

export interface Cue {
  kind: CueKind;
  start: number;
  end: number;
  text: string;
  /** A topic noun, consulted only when no other cue is near. */
  weak?: boolean;
}

const words = (list: string[]) => list.join('|');

const CROSS = words([
  'cross(?:ed|es|ing|ings)?(?! points?)', 'enter(?:ed|ing|s)?', 'entr(?:y|ies)', 'arriv(?:e|ed|es|ing|als?)',
  'fle(?:e|es|eing|d)', 'left', 'leav(?:e|es|ing)', 'depart(?:ed|ing|s|ures?)?', 'exit(?:ed|ing|s)?',
  'c[ao]me(?:\\s+(?:in|into|through|across|over|back|home|ashore))?', 'coming', 'comes',
  'went', 'gone', 'go(?:es|ing)? (?:back|home|abroad)', 'pour(?:ed|ing|s)?', 'stream(?:ed|ing|s)?', 'flood(?:ed|ing)?',
  'flock(?:ed|ing)?', 'surg(?:ed|ing)', 'return(?:ed|ing|s|ees?)?', 'travell?(?:ed|ing) (?:out|to|into|abroad|on)',
  'fl(?:ew|own)(?: (?:out|into|to|home|abroad))?', 'flying', 'airlift(?:ed)?', 'evacuat(?:ed|ion) (?:from|out)',
  'deport(?:s|ed|ing|ations?|ees)?', 'expel(?:led|ling|s)?', 'expulsions?', 'handed(?: back| over)?', 'sent back',
  'pushed back', 'let(?= (?:in|through|at least|about|some|more than|\\d))', 'allowed (?:in|through)', 'passed through', 'pass(?:ed|es|ing) (?:through|the (?:\\w+ )?(?:checkpoint|crossing|border|bridge))', 'through the (?:\\w+ )?(?:gate|crossing|checkpoint)',
  'receiv(?:ed|ing)', 'took in', 'tak(?:e|ing) in', 'admitted', 'landed', 'ashore', 'reached', 'mov(?:ed|ing) on',
  'escap(?:ed|ing)', 'across the border', 'over the border', 'head(?:ed|ing) (?:back|home|for|to|into|across)',
  'emigrat(?:ed|ing|ion)', 'repatriat(?:ed|ing|ion)', 'sought (?:refuge|shelter|safety|protection|sanctuary)', 'seek(?:ing)? (?:refuge|shelter|safety)', 'emigrants', 'exodus', 'influx', 'outflow', 'inflow', 'newcomers', 'evacuees', 'returnees',
  'sea crossing', 'driven',
]);

const MOBILIZE = words([
  'call(?:ed|ing|s)?[- ]up', 'call-ups?', 'mobili[sz](?:e|ed|es|ing|ation|ations)', 'draft(?:ed|ing|ees)?', 'conscript(?:ed|ion|s)?',
  'summon(?:ed|s|ses|ing)?', 'recruit(?:ed|ing|s|ment)?', 'enlist(?:ed|ing|ment)?', 'reservists', 'intakes?', 'batch',
  'joined (?:\\w+[’\']?s? )?(?:the )?(?:armed forces|army|military|national defen[cs]e force|defen[cs]e forces)',
  'reported for duty', 'into the (?:army|armed forces|military)', 'call-up papers', 'send-off', 'volunteer(?:ed|s)?',
  'troops',
]);

const STOCK = words([
  'remain(?:ed|s|ing)?', 'stay(?:ed|s|ing)?', 'still (?:in|there|here)', 'host(?:ed|s|ing)?', 'register(?:ed|s)?', 'registration',
  'applied for', 'appl(?:y|ying) for', 'asylum (?:applications|claims|requests)', 'hold(?:s|ing)?', 'held(?! (?:at|steady)\\b)', 'liv(?:e|es|ing)', 'resid(?:e|ing|ents)',
  'displaced (?:inside|within)', 'internally displaced', 'detain(?:ed|ing)?', 'arrest(?:ed)?', 'waiting', 'queu(?:e|ed|ing)',
  'stranded', 'shelter(?:ed|ing|s)?', 'population', 'home to', 'on (?:its|the|their) regist(?:er|ers|ry)', 'camp(?:ing|ed)', 'eligible', 'displaced', '(?:fle(?:d|e|eing)|left|leaving|forced from|driven from) (?:their|his|her) (?:own )?homes?', 'hous(?:ed|ing)', 'accommodated', 'opened (?:its|their) (?:halls|doors|homes)',
  'caught', 'intercepted', 'tr(?:ied|ying) to', 'attempt(?:s|ed|ing)? to', 'prevented', 'stopped', 'thwarted', 'foiled', '(?:refused|denied) entry', 'received (?:one|it|them|a|an|their|his|her|the|papers|documents|summons(?:es)?)\\b', 'apprehended', 'turned (?:back|away)', 'blocked', 'records', 'inhabitants', 'a country of', 'a nation of', 'a city of', 'camps?\\b',
  'without (?:a )?(?:roof|shelter|homes?)',
]);

const FORECAST = words([
  'may', 'might', 'could', 'expect(?:ed|s)? to', 'likely to', 'set to', 'projected', 'forecast', 'predict(?:ed|s)?', 'anticipat(?:e|ed|es)',
  'prepar(?:ing|ed|es) for', 'planned for', 'plans? for', 'capacity', 'accommodate', 'need(?:s|ed)? (?:help|aid|assistance|shelter)',
  'would need', 'in need', 'aim(?:s|ing)? to', 'intend(?:s|ing)? to', 'seek(?:s|ing)? to', '(?:will|would) begin', 'ready for', 'ceiling', 'cap of', 'up to a (?:limit|maximum)',
]);

const DENIAL = words(['false', 'denied', 'den(?:y|ies)', 'not true', 'untrue', 'dismissed', 'rejected', 'exaggerated', 'fake']);

const AFTERMATH = words([
  'fighting', 'at the front', 'sent to', 'sent (?:back )?home', 'kill(?:s|ed|ing)?', 'deaths?', 'to the front', 'in combat', 'in training', 'training', 'sent home', 'killed', 'wounded', 'died', 'dead',
  'deferments?', 'deferred', 'exempt(?:ed|ions?)?', 'deserted', 'desert(?:ers|ion)', 'captured', 'missing', 'demobili[sz]ed',
  'drown(?:ed|ing)', 'feared (?:dead|drowned|lost)',
]);

const FORCE = words([
  'contract (?:soldiers|servicemen|troops)', 'on contract', 'signed contracts?', 'reserve(?:s| pool| force)', 'standing (?:army|force)',
  'active[- ]duty', 'strong (?:army|force|military)', 'has (?:about |some |around )?(?=\\d)', 'million reservists', 'troops in total',
  'army of', 'force of', 'personnel', 'on (?:its|the|their) (?:books|rolls|lists)', 'in reserve', 'eligible', 'reserves?(?! ?ists)', '(?:army|armed forces|military|forces) (?:grew|grows|swelled|expanded|expand|numbers?)',
  'expand(?:s|ed|ing)? (?:its |the )?(?:armed forces|army|military)', 'strength', 'liable',
]);

const KINDS: [CueKind, RegExp][] = [
  ['cross', new RegExp(`\\b(?:${CROSS})\\b`, 'gi')],
  ['mobilize', new RegExp(`\\b(?:${MOBILIZE})\\b`, 'gi')],
  ['stock', new RegExp(`\\b(?:${STOCK})\\b`, 'gi')],
  ['forecast', new RegExp(`\\b(?:${FORECAST})\\b`, 'gi')],
  ['denial', new RegExp(`\\b(?:${DENIAL})\\b`, 'gi')],
  ['aftermath', new RegExp(`\\b(?:${AFTERMATH})\\b`, 'gi')],
  ['force', new RegExp(`\\b(?:${FORCE})\\b`, 'gi')],
];

// Nouns that name the topic of a sentence rather than what its number counts
// ("protests against the mobilisation"): used only when nothing else is there.
const WEAK = /^(?:through the .*|mobili[sz]ations?|call-ups?|conscription|draft|exodus|influx|outflow|inflow|troops|reservists|intakes?|batch|volunteers?|newcomers|evacuees|returnees|emigration)$/i;

/** Every cue in the sentence, in text order. Where a blocker and a cue overlap, the blocker stands. */
export function findCues(sentence: string): Cue[] {
  const out: Cue[] = [];
  for (const [kind, re] of KINDS) {
    re.lastIndex = 0;
    for (let m = re.exec(sentence); m; m = re.exec(sentence)) {
      // "through the Torkham crossing" names a place, not a movement.
      const placeNoun = /^crossings?$/i.test(m[0]) && /\b(?:the|a|an|this|that|another|main|busiest|border|official|unofficial|informal|illegal)\s+(?:[A-Z][\w-]*\s+){0,2}$/.test(sentence.slice(Math.max(0, m.index - 40), m.index));
      out.push({ kind, start: m.index, end: m.index + m[0].length, text: m[0], weak: placeNoun || WEAK.test(m[0]) });
    }
  }
  const blockers = out.filter((c) => c.kind !== 'cross' && c.kind !== 'mobilize');
  return out
    .filter((c) => !((c.kind === 'cross' || c.kind === 'mobilize') && blockers.some((b) => b.start < c.end && c.start < b.end)))
    .sort((a, b) => a.start - b.start);
}

/** Nouns after a number that make it a count of people. */
export const PEOPLE_NOUN =
  /^(?:people|persons?|individuals|refugees|migrants|asylum[- ]seekers|citizens|nationals|residents|civilians|foreigners|men|women|children|minors|boys|girls|family members|adults|travell?ers|passengers|tourists|visitors|arrivals|departures|entries|exits|returnees|evacuees|deportees|expellees|reservists|conscripts|recruits|draftees|troops|soldiers|servicemen|fighters|volunteers|conscientious|workers|students|Americans|others|more|new|young|more people|of them|of whom|others)\b/i;

/** Nouns after a number that make it something other than people. */
export const NON_PEOPLE_NOUN =
  /^(?:(?:[\w-]+\s)?(?:km|kilomet(?:re|er)s?|miles?|met(?:re|er)s?|feet|hectares?|acres?|tonnes?|tons?|kg|litres?|liters?|years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?|centur(?:y|ies)|times|per ?cent|percent|%|points?|dollars?|euros?|rubles?|roubles?|pounds?|francs?|lira|liras|rupees?|yuan|tenge|lari|hryvnias?|dinars?|dirhams?|riyals?|rials?|shekels?|yen|won|pesos?|reais|reals?|bolivars?|bol[ií]vares|naira|rand|shillings?|birr|kwacha|lei|zloty|zlotys|forint|korunas?|kroner|kronor|kronas?|drams?|manats?|soms?|baht|dong|ringgit|taka|afghanis|cedis?|leones?|dalasis?|francs|USD|EUR|GBP|flights?|planes?|aircraft|cars?|vehicles?|trucks?|lorries|buses|coaches|trains?|ships?|boats?|ferries|tickets?|checkpoints?|crossings|crossing points?|border (?:posts|crossings)|posts|families|households|attempts|countries|nations|regions|districts|provinces|cities|towns|villages|kilos?|beds?|tents?|rooms?|homes|houses|apartments|flats|visas?|passports?|applications|cases|documents|locations|sites|centres|centers|camps|schools|hospitals|streets?|roads?|lanes?|queues?|articles?|reports?|pages?|comments?|photos?|videos?|votes?|seats?|ballots?|jobs|positions|companies|firms|units|brigades|divisions|battalions|regiments|tanks|guns|rifles|shells|missiles|drones|rounds|sorties|strikes)\b)/i;
