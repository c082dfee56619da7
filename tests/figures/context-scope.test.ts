// What a figure may take from outside its own sentence: places only while the
// text stays on the same flow, sources only within a paragraph (or through a
// pronoun or a quotation), never from an unrelated paragraph.
import { describe, expect, it } from 'vitest';
import { only, peopleFigures } from './helpers.ts';

/** The figures of an article given as its headline and its paragraphs. */
const article = (title: string | undefined, ...paragraphs: string[]) => peopleFigures(paragraphs.join('\n\n'), title);

describe('places from the rest of the article', () => {
  const body = [
    'Around 9,000 people crossed from Eritrea into Ethiopia last month, the regional administration said.',
    'Iraq said 31,000 Kurds had returned to Iraq since the ceasefire, while about 2,400 went back into Turkey.',
    'Azerbaijan reported that 6,500 ethnic Armenians had left the enclave of Kelbajar, which is no country.',
    'Some 1,100 Rohingya landed in Indonesia from Bangladesh during the week.',
  ].join('\n\n');
  const figures = peopleFigures(body, 'Eritreans keep crossing into Ethiopia');

  it('a return to the group’s own country takes no origin from another paragraph or from whoever counted', () => {
    const back = only(figures, 31000);
    expect(back.destination).toBe('Iraq');
    expect(back.origin).toBeUndefined();
  });

  it('a movement out of a place that is no country has no origin, not the article’s', () => {
    const f = figures.find((x) => x.count === 6500);
    expect(f?.origin).not.toBe('Eritrea');
  });

  it('a sentence that names its own places keeps them', () => {
    expect(only(figures, 1100)).toMatchObject({ origin: 'Bangladesh', destination: 'Indonesia' });
  });

  it('a sentence that goes on about the same flow still borrows it', () => {
    const same = article('Somalis flee drought into Kenya', 'More than 14,000 Somalis crossed into Kenya in March, the agency said.', 'Most came through Dadaab; 5,200 arrived in the last week alone.');
    expect(only(same, 5200)).toMatchObject({ origin: 'Somalia', destination: 'Kenya' });
  });
});

describe('sources from the rest of the article', () => {
  it('a source named in one paragraph does not stand behind a count in the next', () => {
    const figures = article(undefined, 'The state broadcaster said Ethiopia would draft 40,000 young men into the army.', 'About 3,700 Sudanese arrived in Ethiopia from Sudan over the weekend.');
    expect(only(figures, 3700).attribution).toBeUndefined();
  });

  it('“he said” stands for the source named before, even a paragraph earlier', () => {
    const figures = article(undefined, 'Colonel Amadou Diallo, who commands the Assamaka post, said on Monday that the flow had not slowed.', 'He said 1,900 migrants had crossed from Algeria into Niger since Friday.');
    expect(only(figures, 1900).attribution).toMatch(/Diallo/);
  });

  it('“gave figures for” names a source even though “for” follows the verb', () => {
    const figures = article(undefined, 'The camps are full, Chad’s refugee commissioner, Idriss Mahamat, told reporters in Abeche.', 'He gave figures for the week: 8,300 people crossed from Sudan into Chad.');
    expect(only(figures, 8300).attribution).toMatch(/Mahamat/);
  });

  it('a later sentence of the same paragraph keeps its source', () => {
    const figures = peopleFigures('Frontex said 4,100 migrants reached Italy from Libya in June. In July, 6,300 more arrived in Italy from Libya.');
    expect(only(figures, 6300).attribution).toBe('Frontex');
  });
});

describe('grammar of the number’s own clause', () => {
  it.each([
    ['names with “of the” inside are one place', 'Some 4,600 people fled the Central African Republic for Cameroon in May.', 4600, { origin: 'Central African Republic', destination: 'Cameroon' }],
    ['a long name after “from”', 'About 2,000 crossed from the Democratic Republic of the Congo into Burundi.', 2000, { origin: 'Democratic Republic of the Congo', destination: 'Burundi' }],
    ['an “of them” before the next number makes this one no onward move', 'Since January, about 52,000 Malians have fled across the border into Mauritania, officials said, of them 30,000 children.', 52000, { origin: 'Mali', destination: 'Mauritania' }],
    ['the second item of an of-them list', 'In May, 14,000 people fled the Central African Republic for Chad, of them 9,000 children and 3,500 women.', 3500, { origin: 'Central African Republic', destination: 'Chad' }],
    ['passing a checkpoint into a country is a crossing', 'Around 900 people an hour were passing the checkpoint into Brazil on Sunday, a witness counted.', 900, { destination: 'Brazil' }],
    ['a flow that “held at” a level is no stock', 'About 4,000 Nicaraguans entered Costa Rica in March, and crossings have since held at roughly 3,000 a month.', 3000, { destination: 'Costa Rica' }],
    ['a directionless verb goes on about the movement before it', 'Some 18,000 Burundians have returned home from Rwanda this month, with 900-1,100 a day now passing through the Nemba post.', 900, { origin: 'Rwanda', destination: 'Burundi' }],
  ])('%s', (_, sentence, count, places) => {
    expect(only(peopleFigures(sentence), count)).toMatchObject(places);
  });

  it('people expelled to a named country are expelled from the other end of the article’s flow', () => {
    const figures = article(
      'Tanzania steps up deportations to Burundi',
      'Tanzania deported 3,100 Burundians to Burundi in August, the UN said.',
      'On Monday, 640 people were expelled to Burundi, a Burundian official said.',
    );
    expect(only(figures, 640)).toMatchObject({ origin: 'Tanzania', destination: 'Burundi' });
  });
});
