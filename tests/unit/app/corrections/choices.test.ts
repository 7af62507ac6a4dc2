// @vitest-environment node
/**
 * What the event editor offers (issue 12): to link, the chronology meetings nearest the event's date
 * first, or those whose name (any language) or alias holds what was typed; to merge, the other events
 * nearest in time, never the event itself; and for a point clicked on the map, the nearest gazetteer place;
 * a place found is named in the interface language.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadChronologyText } from '../../../../src/contract/chronology';
import { eventChoices, meetingChoices } from '../../../../src/app/corrections/choices';
import { gazetteerLabel, nearestPlace, searchPlaces } from '../../../../src/app/corrections/places';
import { setLocale } from '../../../../src/app/i18n';
import { DATA_DIR, loadData } from '../../../../src/pipeline/run';

const { meetings } = loadChronologyText(readFileSync(join(DATA_DIR, 'chronology.json'), 'utf8'));

describe('the meeting picker', () => {
  it('offers the meetings nearest the date first: a forum of 29 October 2020 gets the Moscow summit of 10 November', () => {
    const ids = meetingChoices(meetings, '2020-10-29', '', 3).map((m) => m.id);
    expect(ids[0]).toBe('chs-2020');
    expect(ids).toHaveLength(3);
  });
  it('a day inside a meeting comes first; a typed name in Russian or Chinese finds it', () => {
    expect(meetingChoices(meetings, '2018-06-10', '', 1)[0]!.id).toBe('chs-2018');
    expect(meetingChoices(meetings, '2000-01-01', 'Циндао', 5).map((m) => m.id)).toContain('chs-2018');
    expect(meetingChoices(meetings, '2000-01-01', '青岛', 5).map((m) => m.id)).toContain('chs-2018');
    expect(meetingChoices(meetings, '2018-06-10', 'no such meeting', 5)).toEqual([]);
  });
});

describe('the merge picker', () => {
  const events = [
    { id: 'a', start: '2019-09-25', title: 'UN Security Council meeting' },
    { id: 'b', start: '2019-08-30', title: 'UN General Assembly resolution' },
    { id: 'c', start: '2019-09-20', end: '2019-09-30', title: 'Week of talks' },
    { id: 'd', start: '2024-07-03', title: 'Astana summit' },
  ];
  it('lists the other events nearest in time first, never the event itself', () => {
    expect(eventChoices(events, events[0]!, '', (e) => e.title, 10).map((e) => e.id)).toEqual(['c', 'b', 'd']);
  });
  it('narrows to titles or dates holding what was typed, case and accents aside', () => {
    expect(eventChoices(events, events[0]!, 'RÉSOLUTION', (e) => e.title, 10).map((e) => e.id)).toEqual(['b']);
    expect(eventChoices(events, events[0]!, '2024', (e) => e.title, 10).map((e) => e.id)).toEqual(['d']);
  });
});

describe('a point picked on the map', () => {
  const gaz = new Map(loadData().gazetteer.places.map((p) => [p.id, p]));
  it('becomes the nearest gazetteer place', () => {
    expect(nearestPlace(gaz, 69.25, 41.3)!.id).toBe('tashkent-uz');
    expect(nearestPlace(gaz, 74.6, 42.87)!.id).toBe('bishkek-kg');
  });
  it('found by name instead, is listed under its name in the interface language, as the map names it', async () => {
    const [tianjin] = searchPlaces(gaz, 'Тянь', 1);
    expect(tianjin!.id).toBe('tianjin-cn');
    expect(gazetteerLabel(tianjin!, 'ru')).toMatch(/^Тяньцзинь, /);
    expect(gazetteerLabel(tianjin!, 'en')).toBe('Tianjin, China');
    await setLocale('zh'); // the Chinese messages, loaded as the page loads them
    try {
      expect(gazetteerLabel(tianjin!, 'zh')).toMatch(/^天津，/); // the Chinese comma, as Chinese writes it
    } finally {
      await setLocale('en');
    }
  });
});
