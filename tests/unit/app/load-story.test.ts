import { describe, expect, it } from 'vitest';
import { Presentation } from '../../../src/app/present/controller.svelte';
import { parsePresentParams } from '../../../src/app/present/params';
import { buildStory, planStory, type StoryData } from '../../../src/app/present/story';
import { ViewState } from '../../../src/app/state/view.svelte';
import { corpus } from '../present/fixture';

/** The corpus, counting how often the statements are read: building steps reads them, planning does not. */
function counted(): { data: StoryData; reads: () => number } {
  let n = 0;
  const data: StoryData = {
    events: corpus.events,
    places: corpus.places,
    documents: corpus.documents,
    get statements() {
      n++;
      return corpus.statements;
    },
  };
  return { data, reads: () => n };
}

describe('the story is built only when it is used (not while a page that never presents loads)', () => {
  it('a plan knows its step count and notices without building the steps', () => {
    const { data, reads } = counted();
    const plan = planStory(data, { steps: [{ event: 'ev-moscow' }, { event: 'gone' }] });
    expect(plan.total).toBe(1);
    expect(plan.notices).toEqual(['story.json step 2: no event matches event "gone"; step skipped']);
    expect(reads()).toBe(0);
    expect(plan.build().map((s) => s.eventId)).toEqual(['ev-moscow']);
    expect(reads()).toBe(1);
  });

  it('outside story mode, attaching the data builds nothing; the first step asked for builds it once', () => {
    const { data, reads } = counted();
    const p = new Presentation(parsePresentParams(''));
    p.attach({ view: new ViewState() }, data, null);
    expect(p.total).toBe(4);
    expect(p.current).toBeNull();
    expect(reads()).toBe(0);
    p.start(3);
    expect(p.current?.eventId).toBe('ev-moscow');
    p.next();
    expect(p.current?.eventId).toBe('ev-astana');
    expect(reads()).toBe(1);
  });

  it('the chosen steps are found in date order without sorting, as the full story orders them', () => {
    // Both events in 2020 at no particular place: the earlier one (by date, then title) wins.
    const plan = planStory(corpus, { steps: [{ date: '2020' }] });
    const all = buildStory(corpus).steps.filter((s) => s.date.startsWith('2020'));
    expect(plan.build()[0]!.eventId).toBe(all[0]!.eventId);
  });
});
