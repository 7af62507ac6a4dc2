// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { shareStrings, shareStringsWhenIdle } from '../../../src/app/data/share-strings';

/** Events and statements as the loading worker hands them over: every string its own copy. */
function data() {
  const events = [
    { id: 'e1', docId: 'doc-a', start: '2018-06-09', precision: 'day', topics: ['summit', 'security'], statementIds: ['s1', 's2'] },
    { id: 'e2', docId: 'doc-a', start: '2018-06-09', precision: 'day', topics: ['security'], statementIds: ['s2'] },
  ];
  const statements = [
    { id: 's1', docId: 'doc-a', text: 'x'.repeat(100), eventIds: ['e1'], marks: [{ kind: 'date', start: 0, end: 4 }] },
    { id: 's2', docId: 'doc-a', text: 'x'.repeat(100), eventIds: ['e1', 'e2'], marks: [{ kind: 'date', start: 0, end: 4 }] },
  ];
  return structuredClone({ events, statements });
}

describe('repeated strings in the data the page keeps', () => {
  it('are shared: every repeat of a short string is replaced by its first copy, and the data reads the same', () => {
    const { events, statements } = data();
    const before = structuredClone({ events, statements });
    // Repeats: doc-a ×3, e1 ×2, e2, date, s1, s2 ×2, 2018-06-09, day, security; not the long texts.
    expect(shareStrings([statements, events])).toBe(13);
    expect({ events, statements }).toEqual(before);
    // Walked once: the same arrays again (a new AtlasData over the same events) cost nothing.
    expect(shareStrings([statements, events])).toBe(0);
  });

  it('leave frozen data and typed arrays as they are', () => {
    const frozen = Object.freeze({ id: 'a', docId: 'doc', parts: Object.freeze(['doc', 'doc']) });
    const items = [frozen, { id: 'b', docId: 'doc', times: new Float64Array(3) }];
    expect(() => shareStrings([items])).not.toThrow();
    expect(items[0]).toEqual({ id: 'a', docId: 'doc', parts: ['doc', 'doc'] });
  });

  it('are shared in idle moments too, with the same result', async () => {
    const { events, statements } = data();
    const n = await new Promise<number>((done) => shareStringsWhenIdle([statements, events], done));
    expect(n).toBe(13);
    expect(await new Promise<number>((done) => shareStringsWhenIdle([statements, events], done))).toBe(0);
  });
});
