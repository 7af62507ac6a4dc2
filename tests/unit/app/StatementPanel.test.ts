import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { flushSync, tick } from 'svelte';
import { describe, expect, it, vi } from 'vitest';
import { generateDataset } from '../../../bench/generate-dataset';
import { MAX_ROWS } from '../../../src/app/components/virtual.svelte';
import StatementPanel from '../../../src/app/components/StatementPanel.svelte';
import { buildIndexes } from '../../../src/app/data/indexes';
import { ViewState } from '../../../src/app/state/view.svelte';
import { sampleData, stubResizeObserver, withAtlas } from './sample';

describe('clicking a city opens its statements', () => {
  it('shows the city’s statements grouped by event, with place and date marked and the document named', async () => {
    const data = await sampleData();
    const view = new ViewState();
    view.place = 'bangkok';
    render(StatementPanel, { props: { onclose: () => {} }, context: withAtlas(data, view).context });

    expect(screen.getByRole('heading', { level: 2, name: 'Bangkok' })).toBeInTheDocument();
    // Two events in Bangkok, in date order: the 2023 forum before the 2024 session.
    const groups = screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent?.trim());
    expect(groups).toEqual(['Fifth Directors General Forum', '80th session of ESCAP']);

    const quote = screen.getByText((_, el) => el?.tagName === 'BLOCKQUOTE' && el.textContent?.includes('opened in Bangkok') === true);
    const marks = within(quote).getAllByText((_, el) => el?.tagName === 'MARK');
    expect(
      marks.map((m) => [m.classList.contains('place') ? 'place' : m.classList.contains('date') ? 'date' : '?', m.textContent]),
    ).toEqual([
      ['place', 'Bangkok'],
      ['date', '23 April 2024'],
    ]);
    expect(screen.getAllByText('Video Message by SCO Secretary-General Zhang Ming for the 80th Session of ESCAP')).toHaveLength(2);
    expect(screen.getAllByText(/speech · 23 Apr 2024/)).toHaveLength(2);

    await fireEvent.click(screen.getAllByRole('button', { name: 'Read in context' })[1]!);
    // The document opens (its id in the URL's read=) with that statement marked.
    const read = data.statements.find((s) => s.text === 'The 80th session of the Commission opened in Bangkok on 23 April 2024.')!;
    expect(view.reading).toEqual({ docId: read.docId, statementId: read.id });
  });

  it('renders document text as text, never as markup', async () => {
    const base = await sampleData();
    const raw = structuredClone(base.raw);
    const hostile = '<img src=x onerror="window.__pwned=1"> met in Bangkok <script>window.__pwned=1</script>';
    raw.statements[5]!.text = hostile;
    raw.statements[5]!.marks = [{ kind: 'place', start: hostile.indexOf('Bangkok'), end: hostile.indexOf('Bangkok') + 7 }];
    raw.documents[2]!.title = '<b>bold</b> title';
    const data = buildIndexes(raw);
    const view = new ViewState();
    view.place = 'bangkok';
    const { container } = render(StatementPanel, { props: { onclose: () => {} }, context: withAtlas(data, view).context });
    expect(container.querySelector('img, script, b')).toBeNull();
    expect(screen.getByText(/<img src=x onerror/)).toBeInTheDocument();
    expect(screen.getAllByText('<b>bold</b> title').length).toBeGreaterThan(0);
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('marks the selected event and closes on request', async () => {
    const data = await sampleData();
    const view = new ViewState();
    view.set({ place: 'bangkok', event: 'ev-forum-2023' });
    const onclose = vi.fn();
    const { container } = render(StatementPanel, { props: { onclose }, context: withAtlas(data, view).context });
    expect(container.querySelector('.group.selected h3')?.textContent?.trim()).toBe('Fifth Directors General Forum');
    expect(screen.getByText(/27 Nov 2023 – 28 Nov 2023/)).toBeInTheDocument();
    await fireEvent.click(screen.getByRole('button', { name: 'Close the statements panel' }));
    expect(onclose).toHaveBeenCalled();
  });

  it('says when an event lies outside the current window', async () => {
    const data = await sampleData();
    const view = new ViewState();
    view.set({ place: 'bangkok', from: Date.UTC(2024, 0, 1), to: Date.UTC(2024, 11, 31) });
    render(StatementPanel, { props: { onclose: () => {} }, context: withAtlas(data, view).context });
    expect(screen.getAllByText('outside the window')).toHaveLength(1);
  });
});

describe('a city with hundreds of statements', () => {
  it('keeps a bounded number of rows in the DOM, and the keyboard reaches the last statement', async () => {
    stubResizeObserver();
    const data = buildIndexes(generateDataset(3000), './');
    let busiest = '';
    let most = 0;
    for (const [id, sts] of data.statementsByPlace) if (sts.length > most) [busiest, most] = [id, sts.length];
    expect(most).toBeGreaterThan(40);
    const view = new ViewState();
    view.place = busiest;
    const { container } = render(StatementPanel, { props: { onclose: () => {} }, context: withAtlas(data, view).context });
    const rows = () => container.querySelectorAll('li[data-row]');
    const setsize = Number(rows()[0]!.getAttribute('aria-setsize'));
    expect(setsize).toBeGreaterThan(most); // a heading row per event plus a row per statement
    expect(rows().length).toBeLessThan(setsize);
    expect(rows().length).toBeLessThanOrEqual(MAX_ROWS);
    const first = rows()[0]!.querySelector('button')!;
    first.focus();
    await fireEvent.keyDown(first, { key: 'End' });
    await tick();
    expect(document.activeElement?.closest('li')).toHaveAttribute('aria-posinset', String(setsize));
    // A window move with the panel open keeps the rows (and the reader's place) as they are.
    const before = document.activeElement;
    view.set({ from: data.evStart[10]!, to: data.evStart[500]! });
    flushSync();
    expect(document.activeElement).toBe(before);
    // Another city with fewer rows: the panel follows (it once read past the end of the shorter list).
    let fewest = '';
    for (const [id, sts] of data.statementsByPlace) if (sts.length > 0 && sts.length < 5) fewest = id;
    view.set({ place: fewest, event: null });
    flushSync();
    await tick();
    const name = data.places[data.placeIndex.get(fewest)!]!.properties.name;
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent(name);
    expect(Number(rows()[0]!.getAttribute('aria-setsize'))).toBe(rows().length);
  });
});
