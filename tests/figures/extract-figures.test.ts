// One small case per phenomenon of the figure contract, in invented wording and
// mostly about crises the development corpus does not cover.
import { describe, expect, it } from 'vitest';
import { extractFigures } from '../../shared/figures/extract-figures.ts';
import { only, peopleFigures } from './helpers.ts';

describe('border crossings', () => {
  it('reads origin, destination, who, period and attribution of a plain crossing', () => {
    const f = only(peopleFigures('More than 12,000 Sudanese have crossed into Chad since the fighting began in April, the UN refugee agency said on Friday.'), 12000);
    expect(f).toMatchObject({ metric: 'border_crossing', qualifier: 'more_than', origin: 'Sudan', destination: 'Chad', who: 'Sudanese' });
    expect(f.period).toMatch(/^since the fighting began in April/);
    expect(f.attribution).toBe('the UN refugee agency');
    expect(f.quote).toMatch(/^More than 12,000 Sudanese/);
  });

  it('lets "from X" beat a nationality for the origin', () => {
    const f = only(peopleFigures('About 3,400 Afghans crossed from Iran into Turkey last month, Turkish officials said.'), 3400);
    expect(f).toMatchObject({ origin: 'Iran', destination: 'Turkey' });
  });

  it('uses the nationality as origin only when no origin is stated', () => {
    const f = only(peopleFigures('Some 2,100 Venezuelans entered Colombia on Sunday.'), 2100);
    expect(f).toMatchObject({ origin: 'Venezuela', destination: 'Colombia', per: 'day', period: 'on Sunday' });
  });

  it('reads departures with no destination', () => {
    const f = only(peopleFigures('Nearly 90,000 people have fled Nagorno-Karabakh and Azerbaijan for Armenia, while 40,000 have left Myanmar.'), 40000);
    expect(f.origin).toBe('Myanmar');
    expect(f.destination).toBeUndefined();
  });

  it('reads the destination from a capital', () => {
    const f = only(peopleFigures('The government flew 240 Nigerians home from Tripoli to Abuja on Tuesday.'), 240);
    expect(f).toMatchObject({ origin: 'Libya', destination: 'Nigeria' });
  });

  it('maps Gaza to the State of Palestine and keeps blocs as places', () => {
    const g = only(peopleFigures('About 1,500 people left Gaza for Egypt through the Rafah crossing on Wednesday.'), 1500);
    expect(g).toMatchObject({ origin: 'State of Palestine', destination: 'Egypt' });
    const eu = only(peopleFigures('Some 8,000 Belarusians entered the European Union last week, the border agency said.'), 8000);
    expect(eu).toMatchObject({ origin: 'Belarus', destination: 'European Union' });
  });

  it('maps Türkiye to Turkey', () => {
    const f = only(peopleFigures('More than 5,000 Syrians returned from Türkiye to Syria in March.'), 5000);
    expect(f).toMatchObject({ origin: 'Turkey', destination: 'Syria' });
  });

  it('binds each number to its own clause when a sentence has several flows', () => {
    const figs = peopleFigures('On Monday 6,200 Rohingya crossed into Bangladesh from Myanmar, while 900 headed back.');
    expect(only(figs, 6200)).toMatchObject({ origin: 'Myanmar', destination: 'Bangladesh' });
    expect(only(figs, 900)).toMatchObject({ origin: 'Bangladesh', destination: 'Myanmar' });
  });

  it('reverses the flow for "crossed back" and "the other way"', () => {
    const figs = peopleFigures('Some 4,000 Armenians entered Georgia on Friday and 1,100 went the other way.');
    expect(only(figs, 1100)).toMatchObject({ origin: 'Georgia', destination: 'Armenia' });
  });

  it('reads people who moved on from where they were counted', () => {
    const figs = peopleFigures('More than 50,000 Afghans arrived in Pakistan in January. About 20,000 of them have since left.');
    expect(only(figs, 20000)).toMatchObject({ origin: 'Pakistan' });
  });

  it('inherits the article flow for counts with no place', () => {
    const figs = peopleFigures('Over 30,000 people have crossed from South Sudan into Uganda this month.\n\nOfficials recorded 2,900 arrivals on Thursday alone.');
    expect(only(figs, 2900)).toMatchObject({ origin: 'South Sudan', destination: 'Uganda', per: 'day' });
  });

  it('reads rates', () => {
    expect(only(peopleFigures('About 1,800 Haitians a day are crossing into the Dominican Republic.'), 1800)).toMatchObject({ per: 'day', destination: 'Dominican Republic', origin: 'Haiti' });
    expect(only(peopleFigures('Roughly 150 Eritreans an hour were crossing into Ethiopia.'), 150).per).toBe('hour');
    expect(only(peopleFigures('Up to 2,000 Venezuelans cross into Brazil every week.'), 2000).per).toBe('week');
  });

  it('reads a range rate', () => {
    const f = only(peopleFigures('Between 300 and 500 Burundians a day are now arriving in Tanzania.'), 300);
    expect(f).toMatchObject({ low: 300, high: 500, qualifier: 'range', per: 'day', destination: 'Tanzania' });
  });

  it('gives single-day counts per day and longer windows none', () => {
    const figs = peopleFigures('Some 7,500 people entered Moldova from Ukraine in the 24 hours to Sunday morning, and 41,000 over the past week.');
    expect(only(figs, 7500).per).toBe('day');
    expect(only(figs, 41000).per).toBeUndefined();
  });

  it('reads several figures in one sentence', () => {
    const figs = peopleFigures('Police counted 3,310 arrivals on Monday, 2,950 on Tuesday and 4,005 on Wednesday from Venezuela into Peru.');
    expect(figs.map((f) => f.count)).toEqual([3310, 2950, 4005]);
    expect(figs.map((f) => f.period)).toEqual(['on Monday', 'on Tuesday', 'on Wednesday']);
  });

  it('reads expulsions from the expelling country to the deportees\' own', () => {
    const f = only(peopleFigures('Pakistan is deporting about 1,200 Afghans a day through the Torkham crossing, officials said.'), 1200);
    expect(f).toMatchObject({ origin: 'Pakistan', destination: 'Afghanistan', per: 'day', attribution: 'officials' });
  });

  it('reads a receiving authority as the destination', () => {
    const f = only(peopleFigures('Kenyan officials let at least 2,000 people through the Mandera gate on Sunday, leaving others outside.'), 2000);
    expect(f.destination).toBe('Kenya');
  });

  it('gives an elided verb\'s list its own destinations', () => {
    const figs = peopleFigures('More than 1.5 million people have fled Sudan since April. Egypt has received about 450,000 of them and Chad more than 500,000, officials said.');
    expect(only(figs, 450000)).toMatchObject({ origin: 'Sudan', destination: 'Egypt' });
    expect(only(figs, 500000)).toMatchObject({ origin: 'Sudan', destination: 'Chad' });
  });

  it('takes the origin of "left their country" from the group', () => {
    const f = only(peopleFigures('Colombia hosts many migrants. The UN says 7.7 million Venezuelans have left their country since 2014.'), 7700000);
    expect(f.origin).toBe('Venezuela');
  });

  it('reads multi-word nationalities and a compared count', () => {
    const figs = peopleFigures('Only 196 North Koreans reached South Korea last year, compared with 1,047 in 2019.');
    expect(only(figs, 196)).toMatchObject({ origin: 'North Korea', destination: 'South Korea', period: 'last year' });
    expect(only(figs, 1047)).toMatchObject({ origin: 'North Korea', destination: 'South Korea', period: 'in 2019' });
  });

  it('reads repatriations home and refuge sought abroad', () => {
    const figs = peopleFigures('More than 300,000 Afghans were repatriated from Iran this year. Some 3,200 Afghans sought refuge in Tajikistan.');
    expect(only(figs, 300000)).toMatchObject({ origin: 'Iran', destination: 'Afghanistan' });
    expect(only(figs, 3200)).toMatchObject({ origin: 'Afghanistan', destination: 'Tajikistan' });
  });

  it('does not take where people head next for their destination', () => {
    const f = only(peopleFigures('Polish guards said 120 people crossed from Belarus on Sunday and were moving toward Germany.', 'Migrants cross into Poland'), 120);
    expect(f).toMatchObject({ origin: 'Belarus', destination: 'Poland', per: 'day', period: 'on Sunday' });
  });

  it('reads breakdowns of a crossing as figures of their own', () => {
    const figs = peopleFigures('About 9,000 people crossed from Sudan into South Sudan last week; 5,200 of them were children.');
    expect(only(figs, 5200)).toMatchObject({ origin: 'Sudan', destination: 'South Sudan', who: 'children' });
  });

  it('keeps counts of vehicles out of people figures', () => {
    expect(peopleFigures('A queue of 2,300 cars stretched back from the border with Georgia.')).toEqual([]);
  });

  it('reads the number in a quotation and attributes it to the speaker', () => {
    const f = only(peopleFigures('“We had 6,000 people coming into Armenia yesterday. It is unprecedented,” the deputy minister told reporters.'), 6000);
    expect(f.attribution).toBe('the deputy minister');
    expect(f.per).toBe('day');
  });

  it('takes attribution from "according to" and from an inverted "said"', () => {
    expect(only(peopleFigures('According to the Polish Border Guard, 14,300 people arrived from Belarus in October.'), 14300).attribution).toBe('the Polish Border Guard');
    expect(only(peopleFigures('Some 3,000 people crossed into Kenya from Somalia, said a district commissioner.'), 3000).attribution).toBe('a district commissioner');
  });

  it('resolves "he said" to the source named before', () => {
    const figs = peopleFigures('Colonel Ana Ruiz, who runs the checkpoint, said 1,900 Nicaraguans crossed into Costa Rica on Friday. About 700 of them were women, she said.');
    expect(only(figs, 700).attribution).toMatch(/Ana Ruiz/);
  });
});

describe('mobilization', () => {
  it('reads a planned call-up with its country and status', () => {
    const f = only(peopleFigures('Israel will call up 300,000 reservists for the Gaza operation, the military said.'), 300000);
    expect(f).toMatchObject({ metric: 'mobilization', country: 'Israel', status: 'planned', who: 'reservists', attribution: 'the military' });
  });

  it('reads a reported call-up', () => {
    const f = only(peopleFigures('Azerbaijan has mobilized 40,000 men since the start of the month, the defence ministry said.'), 40000);
    expect(f).toMatchObject({ metric: 'mobilization', country: 'Azerbaijan', status: 'reported' });
  });

  it.each([
    ['drafted', 'Some 12,000 young men were drafted in Eritrea last year.'],
    ['conscripted', 'The junta says 8,000 people have been conscripted in Myanmar since April.'],
    ['summoned', 'Armenia summoned 15,000 reservists on Tuesday.'],
    ['enlisted after a call-up', 'After the call-up, 25,000 volunteers enlisted in Ukraine within a week.'],
  ])('knows the cue "%s"', (_cue, text) => {
    expect(peopleFigures(text)[0]).toMatchObject({ metric: 'mobilization' });
  });

  it('takes the country from an announcement in an earlier sentence', () => {
    const figs = peopleFigures('Azerbaijan announced a partial mobilisation on Monday. The defence ministry said about 45,000 reservists would be called up in the first wave.');
    expect(only(figs, 45000)).toMatchObject({ country: 'Azerbaijan', status: 'planned' });
  });

  it('takes the country from the article when the sentence names none', () => {
    const figs = peopleFigures('Colombia announced a call-up of reservists on Monday.\n\nThe ministry said 20,000 would be summoned in the first wave.');
    expect(only(figs, 20000)).toMatchObject({ country: 'Colombia', status: 'planned' });
  });

  it('keeps a subordinate clause\'s verb out of the count', () => {
    const f = only(peopleFigures('Serbia plans to conscript about 8,000 young men a year once compulsory service returns, the minister said.'), 8000);
    expect(f).toMatchObject({ metric: 'mobilization', country: 'Serbia', status: 'planned', qualifier: 'about' });
  });

  it('does not count the mobilized by what they did later or registers', () => {
    const figs = peopleFigures('Last autumn, 130,000 conscripts were drafted in Russia. About 10,000 of them later signed contracts with the army. Some 4.6 million men are registered with the military.');
    expect(figs.map((f) => f.count)).toEqual([130000]);
  });

  it('reads a call-up rate', () => {
    expect(only(peopleFigures('The army will conscript 4,000 people a month, the spokesman said.'), 4000).per).toBe('month');
  });
});

describe('not figures', () => {
  it.each([
    ['years and dates', 'On Sept. 22, 2022, the border at Upper Lars was busy.'],
    ['ages', 'Men aged 18 to 60 may not leave Ukraine.'],
    ['money', 'The UN asked for $1.7 billion to help refugees who crossed into Chad.'],
    ['percentages', 'Arrivals in Poland rose 35% on the week.'],
    ['distances', 'The queue to the Kazakh border stretched for 20 kilometres.'],
    ['durations', 'Refugees waited 36 hours to cross into Chad.'],
    ['forecasts', 'Officials warned that as many as 50,000 people may cross into Chad in the coming weeks.'],
    ['capacities', 'The camp near the Colombian border was built for 15,000 people.'],
    ['needs', 'The agency says 4 million people in Sudan need help.'],
    ['hosted stocks', 'Chad already hosts 400,000 Sudanese refugees.'],
    ['registered stocks', 'Some 1.2 million Venezuelans are registered in Colombia.'],
    ['people who stayed', 'Of those who arrived, 60,000 remained in Armenia at the end of the year.'],
    ['asylum applications', 'More than 12,000 Russians applied for asylum in Germany last year.'],
    ['denied numbers', 'The ministry dismissed reports that 100,000 men had crossed into Georgia as false.'],
    ['reserve pools', 'Russia has a reserve of some 2 million men.'],
    ['force sizes', 'The army has about 180,000 active-duty troops.'],
    ['later fate of the mobilized', 'Of those called up, 40,000 are already at the front.'],
    ['detentions', 'Police detained 1,200 people at protests against the mobilization.'],
    ['evacuations inside a country', 'Authorities evacuated 30,000 people from coastal towns in the province.'],
    ['populations', 'Armenia, a country of about 2.8 million people, has seen many arrivals.'],
    ['internal evacuations', 'Roughly 60,000 Israelis have been evacuated from northern Israel since October.'],
    ['people who fled their homes', 'Half a million Lebanese have fled their homes since the strikes began.'],
    ['attempts and detentions', 'Guards recorded about 4,000 attempts to cross from Belarus; 2,300 were prevented and 1,700 people were detained after crossing.'],
    ['registered parts of a flow', 'The government has registered 65,000 of the new arrivals so far.'],
    ['reservists on the books', 'It has some 465,000 reservists on its books.'],
    ['companions of one person', '“There was nothing left,” said a herder who reached Kenya with 9 members of her family.'],
    ['a parent’s children', 'A teacher from Darfur who arrived in Chad with her four children said the road was mined.'],
    ['the feared drowned', 'At least 63 migrants are feared drowned after a dinghy that left Zuwara sank off Libya.'],
    ['the drowned', 'Some 27 people drowned when their boat capsized on the way from Senegal to Spain.'],
    ['people left without shelter', 'Floods in the camp left some 8,000 Afghan refugees in Iran without a roof, officials said.'],
    ['a reserve pool after “has about”', 'The ministry wants to use more reservists, of whom the country has about 2.7 million.'],
    ['a stock with an arrival in its partitive relative clause', 'The settlements in Kiryandongo shelter close to 120,000 South Sudanese, most of whom arrived after 2016.'],
  ])('%s', (_kind, body) => {
    expect(peopleFigures(body)).toEqual([]);
  });

  it('still counts a busy day given “with” a number', () => {
    expect(peopleFigures('The busiest day was Monday, with 4,800 arrivals from Venezuela in Colombia.').map((f) => f.count)).toContain(4800);
  });

  it('outputs nothing for an article without figures', () => {
    expect(extractFigures({ title: 'Border talks resume', body: 'Delegations met in Geneva on Monday to discuss the crossings.' })).toEqual([]);
  });
});

describe('headline and article handling', () => {
  it('keeps a headline number once when the body repeats it', () => {
    const figs = peopleFigures('About 45,000 Lebanese have crossed into Syria since Sunday, officials said.', '45,000 Lebanese cross into Syria');
    expect(figs.filter((f) => f.count === 45000)).toHaveLength(1);
    expect(figs[0].quote).toMatch(/^About 45,000/);
  });

  it('keeps a rounded headline number as its own figure, quoting the headline', () => {
    const title = 'Nearly 50,000 Lebanese flee into Syria';
    const figs = peopleFigures('Some 48,600 Lebanese have crossed into Syria since Sunday, officials said.', title);
    expect(figs.map((f) => f.count)).toEqual([50000, 48600]);
    expect(figs[0]).toMatchObject({ quote: title, origin: 'Lebanon', destination: 'Syria', qualifier: 'nearly' });
  });

  it('reads figures out of page clutter in plain text', () => {
    const body = ['Menu', 'Share', 'World', 'Advertisement', 'Photo: a border post (Agency)', '', 'Over 7,000 Russians entered Mongolia through the Altanbulag checkpoint this week, border officials said.', '', 'Related: 10 things to know'].join('\n');
    const figs = peopleFigures(body);
    expect(figs.map((f) => f.count)).toEqual([7000]);
  });

  it('reads a table row with its header, period and source', () => {
    const body = ['Country | Arrivals from Sudan | As of | Source', 'Chad | 610,000 | Jan. 10 | UNHCR', 'Egypt | about 450,000 | Dec. 30 | IOM'].join('\n');
    const figs = peopleFigures(body);
    expect(only(figs, 610000)).toMatchObject({ origin: 'Sudan', destination: 'Chad', period: 'Jan. 10', attribution: 'UNHCR' });
    expect(only(figs, 450000)).toMatchObject({ destination: 'Egypt', qualifier: 'about' });
  });

  it('adds the publication time to every figure', () => {
    const [f] = extractFigures({ body: 'About 2,000 people crossed from Niger into Nigeria on Monday.', published: '2024-05-02T10:00:00Z' });
    expect(f.published).toBe('2024-05-02T10:00:00Z');
  });
});
