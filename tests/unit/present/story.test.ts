// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { applyMove, buildStory, clampStep, keyToMove } from '../../../src/app/present/story';
import { StoryFile } from '../../../src/contract/data-files';
import { fmtPartial } from '../../../src/app/components/format';
import { corpus } from './fixture';

describe('story steps', () => {
  it('without a story file, walks every event in date order with its city and statement', () => {
    const story = buildStory(corpus);
    expect(story.steps.map((s) => s.eventId)).toEqual(['ev-bishkek', 'ev-online', 'ev-moscow', 'ev-astana']);
    expect(story.steps.map((s) => s.n)).toEqual([1, 2, 3, 4]);
    const moscow = story.steps[2]!;
    expect(moscow.placeName).toBe('Moscow');
    expect(moscow.lngLat).toEqual([37.6173, 55.7558]);
    expect(moscow.statement).toBe('The Council met in Moscow on 10 November 2020.');
    expect(moscow.docTitle).toBe('The Moscow Declaration');
    expect(story.steps[1]!.lngLat).toBeNull();
    expect(story.notices).toEqual([]);
  });

  it('follows the chosen steps of story.json, by id or by date and place name or alias', () => {
    const file = StoryFile.parse({
      title: 'Summits',
      steps: [
        { date: '2024-07-04', place: 'Nur-Sultan', caption: 'Astana, 2024' },
        { event: 'ev-moscow' },
        { event: 'gone' },
        { place: 'Tashkent' },
      ],
    });
    const story = buildStory(corpus, file);
    expect(story.title).toBe('Summits');
    expect(story.steps.map((s) => s.eventId)).toEqual(['ev-astana', 'ev-moscow']);
    expect(story.steps[0]!.caption).toBe('Astana, 2024');
    expect(story.notices).toEqual([
      'story.json step 3: no event matches event "gone"; step skipped',
      'story.json step 4: no event matches place "Tashkent"; step skipped',
    ]);
  });

  it("a step's date finds the event whose span holds it (the event layer gives meetings their full span)", () => {
    // The Astana summit as the event layer has it: 3–4 July 2024; a Bishkek event dated "June 2019".
    const events = corpus.events.map((e) => (e.id === 'ev-astana' ? { ...e, start: '2024-07-03', end: '2024-07-04' } : e));
    const data = { ...corpus, events };
    const file = StoryFile.parse({
      steps: [
        { date: '2024-07-04', place: 'Astana' },
        { date: '2024-07-03', place: 'Astana' },
        { date: '2019-06-14', place: 'Bishkek' },
        { date: '2024-07-05', place: 'Astana' },
        { date: '2024-07', place: 'Astana' },
      ],
    });
    const story = buildStory(data, file);
    expect(story.steps.map((s) => s.eventId)).toEqual(['ev-astana', 'ev-astana', 'ev-bishkek', 'ev-astana']);
    expect(story.notices).toEqual(['story.json step 4: no event matches date "2024-07-05", place "Astana"; step skipped']);
  });

  it('falls back to every event when no chosen step matches this corpus', () => {
    const story = buildStory(corpus, { steps: [{ event: 'nope' }] });
    expect(story.steps).toHaveLength(4);
    expect(story.notices.at(-1)).toMatch(/no step matched/);
  });

  it('rejects a story file step that names nothing', () => {
    expect(StoryFile.safeParse({ steps: [{ caption: 'x' }] }).success).toBe(false);
  });
});

describe('clicker keys', () => {
  it('maps the keys presentation clickers send', () => {
    expect(keyToMove('PageDown')).toBe('next');
    expect(keyToMove('ArrowRight')).toBe('next');
    expect(keyToMove(' ')).toBe('next');
    expect(keyToMove(' ', true)).toBe('prev');
    expect(keyToMove('PageUp')).toBe('prev');
    expect(keyToMove('ArrowLeft')).toBe('prev');
    expect(keyToMove('Home')).toBe('first');
    expect(keyToMove('End')).toBe('last');
    expect(keyToMove('a')).toBeNull();
  });
  it('stays within the story', () => {
    expect(applyMove('next', 4, 4)).toBe(4);
    expect(applyMove('prev', 1, 4)).toBe(1);
    expect(applyMove('last', 1, 4)).toBe(4);
    expect(clampStep(0, 4)).toBe(1);
    expect(clampStep(9, 4)).toBe(4);
    expect(clampStep(3, 0)).toBe(0);
  });
  it('writes dates no more precisely than the source', () => {
    expect(fmtPartial('2020-11-10', 'long')).toBe('10 November 2020');
    expect(fmtPartial('2019-06', 'long')).toBe('June 2019');
    expect(fmtPartial('2021', 'long')).toBe('2021');
  });
});
