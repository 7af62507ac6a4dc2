// @vitest-environment node
/**
 * English forms of issue 10 through a whole document: a page dated only by its stamp, a wire dated
 * only by its dateline and a weekday.
 */
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../../src/pipeline/document.ts';
import { context } from '../../../src/pipeline/testing.ts';

const eventsOf = (text: string) =>
  extractDocument('doc', text, null, context()).events.map((e) => [e.start, e.end ?? null, e.placeId, e.online]);

describe('a page dated only by its stamp, a wire only by its dateline', () => {
  it('"Posted On: 04 JUL 2023" is no event, but it is the day "today" means and the year of "from 4 to 5 May"', () => {
    const text =
      'PM chairs virtual SCO Summit\n\nPosted On: 04 JUL 2023 3:40PM by PIB Delhi\n\nThe Prime Minister chaired the meeting of the SCO Council of Heads of State in virtual format today.\n\nThe Summit was prepared by the meeting of the SCO Council of Foreign Ministers held from 4 to 5 May in Goa.\n';
    expect(eventsOf(text)).toEqual([
      ['2023-05-04', '2023-05-05', 'panaji-in', false],
      ['2023-07-04', null, null, true],
    ]);
  });

  it('"MOSCOW, November 10. /TASS/. ... on Tuesday" is 10 November 2020, the Tuesday near the years the text names', () => {
    const text =
      'SCO leaders adopt Moscow Declaration\n\nMOSCOW, November 10. /TASS/. The leaders of the SCO member states adopted the Moscow Declaration on Tuesday at a summit held via videoconference.\n\nTajikistan chairs the organization for 2020-2021.\n';
    expect(eventsOf(text).map((e) => e[0])).toEqual(['2020-11-10']);
  });
});
