import type { Random } from './seeded-random.ts';

// The sentences of the synthetic news load, in our own wording. Figure sentences name
// countries, counts, qualifiers and rates the way wire copy does; filler sentences
// carry numbers that are not people counts (years, distances, money, percentages).

const CROSSINGS: readonly [string, string][] = [
  ['Sudan', 'Chad'],
  ['Sudan', 'Egypt'],
  ['South Sudan', 'Uganda'],
  ['Myanmar', 'Bangladesh'],
  ['Belarus', 'Poland'],
  ['Venezuela', 'Colombia'],
  ['Ukraine', 'Moldova'],
  ['Ukraine', 'Romania'],
  ['Russia', 'Kazakhstan'],
  ['Russia', 'Georgia'],
  ['Russia', 'Finland'],
  ['Afghanistan', 'Pakistan'],
  ['Syria', 'Lebanon'],
  ['Ethiopia', 'Kenya'],
  ['Haiti', 'Dominican Republic'],
  ['Nicaragua', 'Costa Rica'],
];
const MOBILIZERS = ['Russia', 'Armenia', 'Azerbaijan', 'Serbia', 'Israel', 'Ukraine'];
const QUALIFIERS = ['About', 'More than', 'Nearly', 'At least', 'Some', 'Up to', ''];
const GROUPS = ['people', 'refugees', 'asylum seekers', 'civilians', 'migrants'];
const SOURCES = ['UNHCR said', 'border officials said', 'the interior ministry said', 'aid workers said', 'the local governor said', 'according to the UN refugee agency'];
const REPORTERS = ['UNHCR', 'Border officials', 'The interior ministry', 'Aid workers', 'The regional governor'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const RATES = ['a day', 'each day', 'per week', 'every week'];

function people(rnd: Random): string {
  if (rnd.chance(0.06)) return `${rnd.int(1, 3)}.${rnd.int(1, 9)} million`;
  return (rnd.int(11, 999) * rnd.pick([1, 10, 100])).toLocaleString('en-US');
}

const lead = (q: string, rest: string) => (q ? `${q} ${rest}` : rest.charAt(0).toUpperCase() + rest.slice(1));
const lower = (q: string) => q.toLowerCase();

/** One sentence that reports a people count: a border crossing or a mobilization. */
export function figureSentence(rnd: Random): string {
  const [origin, destination] = rnd.pick(CROSSINGS);
  const q = rnd.pick(QUALIFIERS);
  const n = people(rnd);
  const group = rnd.pick(GROUPS);
  const country = rnd.pick(MOBILIZERS);
  switch (rnd.int(0, 6)) {
    case 0:
      return `${lead(q, `${n} ${group} crossed from ${origin} into ${destination} in the past week`)}, ${rnd.pick(SOURCES)}.`;
    case 1:
      return `${rnd.pick(REPORTERS)} said ${lower(q)} ${n} ${group} had fled ${origin} for ${destination} since the fighting began.`.replace(/ +/g, ' ');
    case 2:
      return `${lead(q, `${n} ${group} ${rnd.pick(RATES)} are now arriving in ${destination} from ${origin}`)}, ${rnd.pick(SOURCES)}.`;
    case 3:
      return `Between ${n} and ${people(rnd)} ${group} entered ${destination} from ${origin} over the weekend, ${rnd.pick(SOURCES)}.`;
    case 4:
      return `The defence ministry in ${country} said ${n} reservists would be called up over the coming weeks.`;
    case 5:
      return `${country} has mobilized ${lower(q)} ${n} men since the order was signed, officials said on ${rnd.pick(DAYS)}.`.replace(/ +/g, ' ');
    default:
      return `${lead(q, `${n} ${group} have left ${origin} for ${destination} this month`)}, ${rnd.pick(SOURCES)}.`;
  }
}

const FILLERS: readonly ((rnd: Random) => string)[] = [
  () => 'Aid agencies said shelters near the crossing were close to capacity and asked donors for more tents.',
  (rnd) => `The camp, opened in ${rnd.int(2009, 2024)}, lies about ${rnd.int(5, 90)} kilometres from the nearest town.`,
  (rnd) => `Prices for bread in the border market have risen by ${rnd.int(3, 60)} percent since the spring.`,
  () => 'Officials did not say how long the measures would stay in place.',
  () => 'A spokesperson for the regional government declined to comment on the report.',
  (rnd) => `Trucks carrying food waited for ${rnd.int(3, 30)} hours at the checkpoint on ${rnd.pick(DAYS)}.`,
  (rnd) => `The ministry has scheduled a briefing for ${rnd.pick(DAYS)} at ${rnd.int(8, 11)} a.m.`,
  () => 'Residents described long queues of cars stretching back several kilometres.',
  (rnd) => `The agency's appeal for $${rnd.int(20, 900)} million is only partly funded, it said.`,
  () => 'Several families said they had travelled for days with little food or water.',
  (rnd) => `The road was reopened after ${rnd.int(2, 9)} days of repairs, the transport authority said.`,
];

const PLAIN: readonly ((rnd: Random) => string)[] = [
  (rnd) => `The city council approved a budget of ${rnd.int(2, 80)} million for road repairs on ${rnd.pick(DAYS)}.`,
  (rnd) => `The home side won ${rnd.int(0, 5)}-${rnd.int(0, 4)} in front of a sold-out stadium.`,
  (rnd) => `Forecasters expect temperatures of up to ${rnd.int(18, 39)} degrees later in the week.`,
  () => 'The festival returns to the old town square after a break of several years.',
  (rnd) => `Shares in the company fell ${rnd.int(1, 12)} percent after it cut its outlook.`,
  () => 'The museum will stay open late on Fridays throughout the summer.',
  (rnd) => `The new rail line, due to open in ${rnd.int(2027, 2032)}, will cut the journey to ${rnd.int(40, 90)} minutes.`,
];

export const fillerSentence = (rnd: Random) => rnd.pick(FILLERS)(rnd);
export const plainSentence = (rnd: Random) => rnd.pick(PLAIN)(rnd);

export function headline(rnd: Random, withFigures: boolean): string {
  if (!withFigures) return rnd.pick(['Council backs road plan', 'Late goal settles derby', 'Heatwave expected this week', 'Old town festival returns', 'Rail line plans unveiled']);
  const [origin, destination] = rnd.pick(CROSSINGS);
  return rnd.pick([`Thousands flee ${origin} as fighting spreads`, `${destination} border crossings stretched`, `${rnd.pick(MOBILIZERS)} widens call-up of reservists`, `Aid groups warn of crowded camps in ${destination}`]);
}
