// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { findDateline, findPlaces } from '../../../src/pipeline/places.ts';
import { context } from '../../../src/pipeline/testing.ts';

const { gaz } = context();
const places = (text: string) => findPlaces(text, gaz).mentions.map((m) => [m.text, m.place.name]);

describe('places: city names written as places', () => {
  it('finds gazetteer cities with their common English names', () => {
    expect(places('adopted in Qingdao on 10 June 2018')).toEqual([['Qingdao', 'Qingdao']]);
    expect(places('(Bishkek, 14 June 2019) and (New Delhi 4-8 November 2019)')).toEqual([
      ['Bishkek', 'Bishkek'],
      ['New Delhi', 'New Delhi'],
    ]);
    expect(places('(Geneva, 27 February 2020) and (New York, 30 August 2019)')).toEqual([
      ['Geneva', 'Geneva'],
      ['New York', 'New York'],
    ]);
  });

  it('takes the longest name that starts at a word, with a full stop or "\'s" after it', () => {
    // the names starting with "New" have two and three words (the scan tries only those lengths)
    expect(places('met in New York City on 5 May')).toEqual([['New York City', 'New York']]);
    expect(places("met in New York's financial district")).toEqual([['New York', 'New York']]);
    expect(places('the talks in New Delhi.')).toEqual([['New Delhi', 'New Delhi']]);
    expect(places('a New approach')).toEqual([]);
    expect(places("held in St. Petersburg on 7 June, and Beijing's role")).toEqual([
      ['St. Petersburg', 'Saint Petersburg'],
      ['Beijing', 'Beijing'],
    ]);
  });

  it('knows renamed cities by their old names', () => {
    expect(places('held in Nur-Sultan on 30 October 2020')).toEqual([['Nur-Sultan', 'Astana']]);
    expect(places('from Alma-Ata to Bombay and Peking')).toEqual([
      ['Alma-Ata', 'Almaty'],
      ['Bombay', 'Mumbai'],
      ['Peking', 'Beijing'],
    ]);
    expect(places('a conference in Genève')).toEqual([['Genève', 'Geneva']]);
  });

  it('does not take a city inside a longer name for a place', () => {
    for (const t of [
      'reaffirmed their commitment to the Paris Pact Initiative.',
      'co-chairing the Heart of Asia- Istanbul Process 2020',
      'the Heart of Asia-Istanbul Process',
      'the Shanghai Cooperation Organisation (SCO) and the Shanghai Cooperation Organization',
      'the Shanghai Five grouping',
      'resulted in the signing of the Astana Declaration and 25 resolutions.',
      'The Moscow Declaration of the Council of Heads of State',
      'the Moscow format consultations',
      'the joint anti-terrorist exercise Sary-Arka-Antiterror 2019',
      'the joint anti-terrorist exercise Xiamen-2019 aimed at',
      'President Vladimir Putin',
    ])
      expect(places(t), t).toEqual([]);
  });

  it('still finds the place beside such a name', () => {
    expect(places('conferences in Dushanbe (the Dushanbe Process).')).toEqual([['Dushanbe', 'Dushanbe']]);
    expect(places('the ninth ministerial conference of the Istanbul Process in Dushanbe.')).toEqual([['Dushanbe', 'Dushanbe']]);
    expect(places('at the SCO Qingdao Summit in June 2018')).toEqual([['Qingdao', 'Qingdao']]);
  });

  it('does not read country names or common words as cities', () => {
    expect(places('dialogue partners (Armenia, Azerbaijan, Cambodia, Nepal, Sri Lanka and Turkey)')).toEqual([]);
    expect(places('Reading the text. Nice work. Mobile phones. Split decisions.')).toEqual([]);
  });

  it('marks places written with a preposition', () => {
    const [m] = findPlaces('held in Sochi on 17-19 June 2019', gaz).mentions;
    expect(m?.preposition).toBe(true);
    expect(findPlaces('(Moscow, 21 November 2019)', gaz).mentions[0]?.preposition).toBe(false);
  });
});

describe('datelines: the city in capitals that opens a news report', () => {
  it('reads "BEIJING, (APP ... 29th May, 2020 ):"', () => {
    const para =
      'BEIJING, (APP - UrduPoint / Pakistan Point News - 29th May, 2020 ):The Shanghai Cooperation Organization (SCO) chief has stressed';
    const d = findDateline(para, gaz);
    expect(d?.place.name).toBe('Beijing');
    expect(para.slice(0, d!.headerEnd)).toBe('BEIJING, (APP - UrduPoint / Pakistan Point News - 29th May, 2020 ):');
  });

  it('reads "date 2024-07-04 ASTANA —" and "TASHKENT, June 11 (Xinhua) --"', () => {
    expect(findDateline(' date 2024-07-04 ASTANA — President Kassym-Jomart Tokayev proposed', gaz)?.place.name).toBe('Astana');
    const p = 'TASHKENT, June 11 (Xinhua) -- Foreign ministers met here on Friday.';
    const d = findDateline(p, gaz);
    expect(d?.place.name).toBe('Tashkent');
    expect(p.slice(0, d!.headerEnd)).toBe('TASHKENT, June 11 (Xinhua) --');
  });

  it('reads "MOSCOW, November 10. /TASS/." and "NEW DELHI:"', () => {
    const p = 'MOSCOW, November 10. /TASS/. Russian President Vladimir Putin said';
    expect(p.slice(0, findDateline(p, gaz)!.headerEnd)).toBe('MOSCOW, November 10. /TASS/.');
    expect(findDateline('NEW DELHI: India will host the SCO summit', gaz)?.place.name).toBe('New Delhi');
  });

  it('does not take an acronym or an ordinary opening for a dateline', () => {
    expect(findDateline('SCO, ESCAP and UNODC met.', gaz)).toBeNull();
    expect(findDateline('The member states, meeting in Moscow, agreed.', gaz)).toBeNull();
  });
});
