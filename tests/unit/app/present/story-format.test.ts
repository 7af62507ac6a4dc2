// @vitest-environment node
/** The story card says how a meeting was held (issue 13: Moscow 2020 was a videoconference). */
import { describe, expect, it } from 'vitest';
import { buildStory } from '../../../../src/app/present/story';
import type { Event } from '../../../../src/contract/schema';

const base = { docId: 'd', placeId: null, statementIds: [], topics: [], online: false, precision: 'day', end: null, kind: 'meeting' };
const meeting = (format: string) => ({ id: 'chs-2020', body: 'heads-of-state', ordinal: 20, format, names: { en: 'x', ru: 'x', zh: 'x' } });

describe('story steps and meeting formats', () => {
  it('carries the chronology meeting format, and null for an event no meeting is linked to', () => {
    const events = [
      { ...base, id: 'a', title: 'Moscow summit', start: '2020-11-10', online: true, meeting: meeting('videoconference') },
      { ...base, id: 'b', title: 'Astana summit', start: '2024-07-04', meeting: meeting('in-person') },
      { ...base, id: 'c', title: 'A seminar', start: '2021-01-01' },
    ] as unknown as Event[];
    const story = buildStory({ events, places: [], statements: [], documents: [] });
    expect(story.steps.map((s) => [s.eventId, s.format])).toEqual([
      ['a', 'videoconference'],
      ['c', null],
      ['b', 'in-person'],
    ]);
  });
});
