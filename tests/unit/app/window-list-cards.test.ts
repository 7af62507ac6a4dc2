/**
 * The window list shows one card per event (issue 13 item 6: "one event shown twice as separate
 * cards"): a merged event's further statements follow under its title, not under a second copy of it,
 * and the arrow keys still move through every row.
 */
import { fireEvent, render } from '@testing-library/svelte';
import { flushSync, tick } from 'svelte';
import { beforeAll, describe, expect, it } from 'vitest';
import StatementList from '../../../src/app/components/StatementList.svelte';
import { buildIndexes } from '../../../src/app/data/indexes';
import { sampleData, stubResizeObserver, withAtlas } from './sample';

beforeAll(stubResizeObserver);

describe('the window list, one card per event', () => {
  it('titles each event once, whatever the number of its statements', async () => {
    // The sample, with a second statement for one event (as a meeting that two documents speak of has).
    const sample = await sampleData();
    const first = sample.statements.find((s) => s.eventIds.length === 1)!;
    const data = buildIndexes(
      { ...sample.raw, statements: [...sample.raw.statements, { ...first, id: `${first.id}-again`, text: 'Said again.' }] },
      sample.base,
    );
    const { context } = withAtlas(data);
    const { container } = render(StatementList, { props: {}, context });
    flushSync();
    const many = data.events.filter((e) => (data.statementsByEvent.get(e.id)?.length ?? 0) > 1);
    expect(many.length).toBeGreaterThan(0);
    const rows = [...container.querySelectorAll('li[data-row]')];
    const titles = rows.map((li) => li.querySelector('.ev .title')?.textContent ?? null);
    const named = titles.filter((t): t is string => t !== null);
    expect(new Set(named).size).toBe(named.length); // no title twice
    for (const e of many) expect(named.filter((t) => t === e.title)).toHaveLength(1);
    // A row without a title is a further statement of the event above, said so to a screen reader.
    const cont = rows.find((li) => li.classList.contains('cont'))!;
    expect(cont.querySelector('.sr-only')!.textContent).toMatch(/:$/);
    expect(cont.querySelector('.read')).not.toBeNull();

    // From the event's title, ArrowDown reaches that row's "Read in context".
    const k = Number(cont.getAttribute('data-row'));
    const above = container.querySelector<HTMLElement>(`li[data-row="${k - 1}"] .ev, li[data-row="${k - 1}"] .read`)!;
    above.focus();
    await fireEvent.keyDown(above, { key: 'ArrowDown' });
    await tick();
    expect(document.activeElement?.closest('li')?.getAttribute('data-row')).toBe(String(k));
  });
});
