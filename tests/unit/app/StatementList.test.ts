import { fireEvent, render, screen } from '@testing-library/svelte';
import { flushSync, tick } from 'svelte';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { generateDataset } from '../../../bench/generate-dataset';
import StatementList from '../../../src/app/components/StatementList.svelte';
import { MAX_ROWS, VirtualRows } from '../../../src/app/components/virtual.svelte';
import { buildIndexes, type AtlasData } from '../../../src/app/data/indexes';
import { ViewState } from '../../../src/app/state/view.svelte';
import { stubResizeObserver, withAtlas } from './sample';

beforeAll(stubResizeObserver);

let big: AtlasData | null = null;
function bigData(): AtlasData {
  big ??= buildIndexes(generateDataset(3000), './');
  return big;
}

function rowsInDom() {
  return screen.getByTestId('window-list').querySelectorAll('li');
}

describe('virtual rows: offsets and lookups over measured heights', () => {
  it('finds the row under a position and follows measured heights', () => {
    const v = new VirtualRows();
    v.reset(1000, () => 50);
    expect(v.total()).toBe(50_000);
    expect(v.offset(10)).toBe(500);
    expect(v.indexAt(0)).toBe(0);
    expect(v.indexAt(499)).toBe(9);
    expect(v.indexAt(500)).toBe(10);
    expect(v.indexAt(1e9)).toBe(999);
    expect(v.setHeight(3, 150)).toBe(100);
    expect(v.offset(4)).toBe(300);
    expect(v.offset(10)).toBe(600);
    expect(v.indexAt(250)).toBe(3);
    expect(v.total()).toBe(50_100);
    expect(v.setHeight(3, 150.2)).toBe(0); // sub-pixel changes are ignored
  });

  it('never asks for more than a bounded number of rows, whatever the viewport', () => {
    const v = new VirtualRows();
    v.reset(100_000, () => 10);
    v.viewport = 1e7;
    const { start, end } = v.range();
    expect(start).toBe(0);
    expect(end - start).toBe(MAX_ROWS);
  });
});

describe('the window list is virtual', () => {
  it('puts only a bounded number of rows in the DOM, each saying where it is in the whole list', () => {
    const data = bigData();
    const view = new ViewState();
    render(StatementList, { props: {}, context: withAtlas(data, view).context });
    flushSync();
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent(
      `${data.events.length.toLocaleString('en-GB')} events · ${data.statements.length.toLocaleString('en-GB')} statements`,
    );
    const rows = rowsInDom();
    expect(rows.length).toBeGreaterThan(3);
    expect(rows.length).toBeLessThanOrEqual(MAX_ROWS);
    expect(rows[0]).toHaveAttribute('aria-posinset', '1');
    expect(rows[0]).toHaveAttribute('aria-setsize', String(data.statements.length));
    // The box is as tall as the whole list, so the scroll bar covers every row.
    const ol = screen.getByTestId('window-list').querySelector('ol')!;
    expect(parseFloat(ol.style.height)).toBeGreaterThan(data.statements.length * 40);
  });

  it('the keyboard moves between rows and reaches the last one, which is rendered and focused', async () => {
    const data = bigData();
    const view = new ViewState();
    render(StatementList, { props: {}, context: withAtlas(data, view).context });
    flushSync();
    const first = rowsInDom()[0]!.querySelector<HTMLButtonElement>('.ev')!;
    first.focus();
    await fireEvent.keyDown(first, { key: 'ArrowDown' });
    await tick();
    expect(document.activeElement?.closest('li')).toHaveAttribute('aria-posinset', '2');
    await fireEvent.keyDown(document.activeElement!, { key: 'End' });
    await tick();
    const last = document.activeElement!.closest('li')!;
    expect(last).toHaveAttribute('aria-posinset', String(data.statements.length));
    const lastEvent = data.events[data.events.length - 1]!;
    expect(last.querySelector('.title')).toHaveTextContent(lastEvent.title);
    expect(rowsInDom().length).toBeLessThanOrEqual(MAX_ROWS + 1);
    await fireEvent.keyDown(document.activeElement!, { key: 'Home' });
    await tick();
    expect(document.activeElement?.closest('li')).toHaveAttribute('aria-posinset', '1');
    // Enter on a row's title selects its event, as before.
    await fireEvent.click(document.activeElement!);
    expect(view.event).toBe(data.events[0]!.id);
  });

  it('follows the window once it is still and the drag is dropped', async () => {
    vi.useFakeTimers();
    try {
      const data = bigData();
      const view = new ViewState();
      render(StatementList, { props: {}, context: withAtlas(data, view).context });
      flushSync();
      const heading = screen.getByRole('heading', { level: 2 });
      const all = heading.textContent;
      view.gesture = true;
      view.set({ from: data.evStart[100]!, to: data.evStart[199]! });
      flushSync();
      vi.advanceTimersByTime(500);
      expect(heading.textContent).toBe(all); // still dragging
      view.gesture = false;
      vi.advanceTimersByTime(200);
      flushSync();
      expect(heading.textContent).not.toBe(all);
      expect(heading.textContent).toMatch(/^In this window \d+ events/);
    } finally {
      vi.useRealTimers();
    }
  });
});
