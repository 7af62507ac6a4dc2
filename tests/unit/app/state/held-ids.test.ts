/**
 * A link's city, event or open document that only the browser's own documents have (a reload after
 * choosing an added city): held until those documents are back, then shown, or dropped with the notice.
 */
import { describe, expect, it } from 'vitest';
import { ViewState } from '../../../../src/app/state/view.svelte';

const bundled = { places: new Set(['moscow']), events: new Set(['e1']), topics: new Set<string>(), docs: new Set(['d1']) };
const withAdded = { ...bundled, places: new Set(['moscow', 'almaty']), docs: new Set(['d1', 'mine']) };

describe('ids the bundled data lacks, in a link opened with held ids', () => {
  it('come back once the added documents have them, with no notice', () => {
    const view = new ViewState();
    view.applyQuery('?place=almaty&read=mine', bundled, true);
    expect(view.place).toBeNull();
    expect(view.notices).toEqual([]);
    view.release(withAdded);
    expect(view.place).toBe('almaty');
    expect(view.reading?.docId).toBe('mine');
    expect(view.notices).toEqual([]);
  });

  it('get their notice when the documents do not bring them, and other bad parameters are named at once', () => {
    const view = new ViewState();
    view.applyQuery('?place=atlantis&topics=nope', bundled, true);
    expect(view.notices.map((n) => n.param)).toEqual(['topics']);
    view.release(withAdded);
    expect(view.place).toBeNull();
    expect(view.notices.map((n) => n.param)).toEqual(['topics', 'place']);
  });

  it('do not replace a city chosen meanwhile', () => {
    const view = new ViewState();
    view.applyQuery('?place=almaty', bundled, true);
    view.select('moscow');
    view.release(withAdded);
    expect(view.place).toBe('moscow');
  });

  it('are dropped at once, as before, when nothing is held', () => {
    const view = new ViewState();
    view.applyQuery('?place=almaty', bundled);
    expect(view.notices.map((n) => n.param)).toEqual(['place']);
  });
});
