/**
 * The Russian stemmer is not part of the page's start (it loads on the first search), yet a search made
 * before it arrived (a query in the link, the first letters typed) finds the other grammatical forms by
 * itself once it is in: the atlas's filter reads whether it is in as state.
 */
import { describe, expect, it } from 'vitest';
import { AtlasState } from '../../../src/app/state/atlas.svelte';
import { ViewState } from '../../../src/app/state/view.svelte';
import { buildIndexes } from '../../../src/app/data/indexes';
import { searchReady, stemmerLoaded } from '../../../src/app/i18n/search.svelte';
import { sampleData } from './sample';

describe('a Russian search before the stemmer is in', () => {
  it('is found again, with stems, as soon as the stemmer arrives', async () => {
    const d = await sampleData();
    const event = d.events.find((e) => !/бишкек/i.test(e.title))!;
    const said = {
      id: 'ru-late',
      docId: event.docId,
      text: 'Главы правительств соберутся в Бишкеке через месяц.',
      start: 0,
      end: 10,
      placeIds: [],
      eventIds: [event.id],
      topics: [],
      marks: [],
    };
    const data = buildIndexes({ ...d.raw, statements: [...d.raw.statements, said] }, d.base);
    expect(stemmerLoaded()).toBe(false); // nothing at start asked for it

    const view = new ViewState();
    const atlas = new AtlasState(view);
    atlas.data = data;
    view.q = 'Бишкеком'; // another case: only the stems meet ("бишкек")
    const before = atlas.mask;
    expect(before?.[data.eventIndex.get(event.id)!]).toBe(0);

    await searchReady(); // the first search started loading it
    expect(stemmerLoaded()).toBe(true);
    expect(atlas.mask?.[data.eventIndex.get(event.id)!]).toBe(1);
  });
});
