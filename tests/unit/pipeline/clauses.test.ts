// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { attach } from '../../../src/pipeline/clauses.ts';
import { findDates } from '../../../src/pipeline/dates.ts';
import { findPlaces } from '../../../src/pipeline/places.ts';
import { context } from '../../../src/pipeline/testing.ts';

const { gaz } = context();
function tie(text: string) {
  const dates = findDates(text, { y: 2020, m: 11, d: 10 }).mentions;
  const places = findPlaces(text, gaz).mentions;
  return attach(text, dates, places).map((a) => [a.date.text, a.place?.place.name ?? null, a.online]);
}

describe('clauses: each date takes the place of its own clause', () => {
  it('two places, two dates, one sentence', () => {
    expect(
      tie(
        "the Supreme Court Chief Justices of the SCO Member States' meetings held in Sochi on 17-19 June 2019 and in Nur-Sultan on 30 October 2020.",
      ),
    ).toEqual([
      ['17-19 June 2019', 'Sochi', false],
      ['30 October 2020', 'Astana', false],
    ]);
  });

  it('a place and date in brackets belong together', () => {
    expect(tie('the 5th Meeting of the Heads of Science and Technology Ministries (Moscow, 21 November 2019) and reaffirmed')).toEqual([
      ['21 November 2019', 'Moscow', false],
    ]);
    expect(tie('Agencies and SCO Joint Exercise on Urban Earthquake Search and Rescue (New Delhi 4-8 November 2019).')).toEqual([
      ['4-8 November 2019', 'New Delhi', false],
    ]);
    expect(tie('the Action Plan to implement it (adopted in Qingdao on 10 June 2018), giving particular attention')).toEqual([
      ['10 June 2018', 'Qingdao', false],
    ]);
  });

  it('a meeting held by videoconference is online, with no place', () => {
    expect(tie('the outcome of the 15th SCO Forum held on 29 September 2020 via videoconference, and emphasise')).toEqual([
      ['29 September 2020', null, true],
    ]);
    expect(tie('the first SCO Startup Forum held via videoconference on 27 October 2020.')).toEqual([['27 October 2020', null, true]]);
    expect(
      tie(
        'the roundtable meeting involving representatives of finance ministries (held on 24 September 2020 via videoconference), including',
      ),
    ).toEqual([['24 September 2020', null, true]]);
  });

  it('a place on the far side of "via videoconference" is not where the meeting was', () => {
    expect(
      tie(
        "the First SCO Member States' Heads of Regions Forum held on 29 October 2020 via videoconference and the initiative of the People's Republic of China on building the Demonstration Zone in Qingdao.",
      ),
    ).toEqual([['29 October 2020', null, true]]);
  });

  it('an online exhibition in a named city keeps the city', () => {
    expect(
      tie(
        'India held, in a digital format, a joint exhibition of the SCO Shared Buddhist Heritage in New Delhi from 30 November 2020 through 28 February 2021.',
      ),
    ).toEqual([['30 November 2020 through 28 February 2021', 'New Delhi', true]]);
  });

  it('"online" means online only when a meeting is', () => {
    expect(tie('The Agora online conference was held on 28 May 2020.')).toEqual([['28 May 2020', null, true]]);
    expect(tie('The summit was held online on 10 November 2020.')).toEqual([['10 November 2020', null, true]]);
    expect(tie('To counter online extremism the experts met in Moscow on 5 May 2020.')).toEqual([['5 May 2020', 'Moscow', false]]);
  });

  it('a date with no place in its clause has none', () => {
    expect(tie('the anti-drug operation Spider Web, held between 23 and 27 May 2020 by the Russian Federation')).toEqual([
      ['23 and 27 May 2020', null, false],
    ]);
  });
});
