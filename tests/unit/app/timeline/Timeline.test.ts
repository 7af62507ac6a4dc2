import { fireEvent, render, screen } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import Timeline from '../../../../src/app/timeline/Timeline.svelte';
import { formatDay } from '../../../../src/app/days';
import { ViewState } from '../../../../src/app/state/view.svelte';
import { sampleData, stubResizeObserver, withAtlas } from '../sample';

/**
 * jsdom has no 2D canvas: a recording stand-in for the canvas context and Path2D lets the tests see
 * which marks the timeline paints (the real drawing is checked in the browser tests).
 */
let rects: number[][] = [];
class FakePath2D {
  rect(x: number, y: number, w: number, h: number) {
    rects.push([x, y, w, h]);
  }
}
beforeAll(() => {
  stubResizeObserver();
  (globalThis as unknown as { Path2D: unknown }).Path2D = FakePath2D;
  const noop = () => {};
  HTMLCanvasElement.prototype.getContext = function () {
    return { setTransform: noop, clearRect: noop, fill: noop, stroke: noop, strokeRect: noop, fillRect: noop, fillText: noop, setLineDash: noop, measureText: () => ({ width: 10 }), drawImage: noop, save: noop, restore: noop, beginPath: noop, rect: noop, clip: noop } as unknown as CanvasRenderingContext2D;
  } as unknown as typeof HTMLCanvasElement.prototype.getContext;
});
afterEach(() => {
  rects = [];
});

/** The timeline over the sample corpus; `init` sets the view first (filters too: the atlas applies them). */
async function setup(init: (v: ViewState) => void = () => {}) {
  const data = await sampleData();
  const view = new ViewState();
  init(view);
  const { atlas, context } = withAtlas(data, view);
  // A spy that calls through: every window or playhead change goes through the atlas's measured commit.
  const commit = vi.spyOn(atlas, 'commit');
  render(Timeline, { props: {}, context });
  flushSync();
  return { data, view, commit };
}

describe('the timeline shows every event and the window', () => {
  it('paints one mark per event and writes the window out', async () => {
    const { data } = await setup();
    expect(rects).toHaveLength(data.events.length);
    expect(screen.getByTestId('window-text')).toHaveTextContent('All dates, 14 Jun 2019 – 4 Jul 2024');
  });

  it('draws a month-precision event across its month and a range across its days', async () => {
    const { data } = await setup();
    // The two-day forum is wider than a one-day event; the September 2022 summit is wider still.
    const width = (id: string) => {
      const i = data.events.findIndex((e) => e.id === id);
      return rects[i]![2]!;
    };
    expect(width('ev-samarkand-2022')).toBeGreaterThan(width('ev-forum-2023'));
    expect(width('ev-dushanbe-2021')).toBeGreaterThan(width('ev-samarkand-2022') * 6);
  });

  it('paints only the events that pass the filters', async () => {
    await setup((v) => (v.topics = ['digital']));
    expect(rects).toHaveLength(3);
  });

  it('a window change only moves the lit layer’s clip: no mark is painted again', async () => {
    const { data, view } = await setup();
    expect(rects).toHaveLength(data.events.length);
    const lit = document.querySelectorAll<HTMLCanvasElement>('.plot canvas')[1]!;
    const before = lit.style.clipPath;
    for (let d = 1; d <= 5; d++) {
      view.set({ from: Date.UTC(2020, 0, d), to: Date.UTC(2021, 5, 1) });
      flushSync();
    }
    expect(rects).toHaveLength(data.events.length);
    expect(lit.style.clipPath).toMatch(/^inset\(/);
    expect(lit.style.clipPath).not.toBe(before);
    const [a, b] = lit.dataset.clip!.split(',').map(Number);
    expect(b! - a!).toBeGreaterThan(0);
  });

  it('writes a brushed window and clears it', async () => {
    const { view } = await setup((v) => v.set({ from: Date.UTC(2020, 0, 1), to: Date.UTC(2020, 11, 31) }));
    expect(screen.getByTestId('window-text')).toHaveTextContent('1 Jan 2020 – 31 Dec 2020');
    await fireEvent.click(screen.getByRole('button', { name: 'Clear window' }));
    expect(view.from).toBeNull();
    expect(view.to).toBeNull();
  });
});

describe('keyboard alone reaches and selects events', () => {
  it('arrows move through events in time order, Enter selects, Escape clears', async () => {
    const { view } = await setup();
    const plot = screen.getByRole('application', { name: /events over time/i });
    plot.focus();
    await fireEvent.keyDown(plot, { key: 'Home' });
    expect(screen.getByText(/Bishkek summit, 14 Jun 2019 · Bishkek\. Enter selects\./)).toBeInTheDocument();
    await fireEvent.keyDown(plot, { key: 'ArrowRight' });
    expect(screen.getByText(/Agora online conference, 29 May 2020 · online/)).toBeInTheDocument();
    expect(view.hoverEvent).toBe('ev-agora-2020');
    await fireEvent.keyDown(plot, { key: 'ArrowRight' });
    await fireEvent.keyDown(plot, { key: 'Enter' });
    expect(view.event).toBe('ev-moscow-2020');
    expect(view.place).toBe('moscow');
    await fireEvent.keyDown(plot, { key: 'Escape' });
    expect(view.event).toBeNull();
    expect(view.place).toBeNull();
  });

  it('skips events hidden by the filters', async () => {
    const { view } = await setup((v) => (v.topics = ['covid']));
    const plot = screen.getByRole('application', { name: /events over time/i });
    await fireEvent.keyDown(plot, { key: 'End' });
    await fireEvent.keyDown(plot, { key: 'Enter' });
    expect(view.event).toBe('ev-agora-2020');
  });

  it('the playhead is a slider moved by arrow keys', async () => {
    const { view, commit } = await setup((v) => v.set({ from: Date.UTC(2020, 0, 1), to: Date.UTC(2020, 11, 31) }));
    const handle = screen.getByRole('slider', { name: 'Playhead' });
    expect(handle).toHaveAttribute('aria-valuetext', '31 Dec 2020');
    await fireEvent.keyDown(handle, { key: 'ArrowLeft' });
    expect(formatDay(view.cursor!)).toBe('2020-12-30');
    await fireEvent.keyDown(handle, { key: 'Home' });
    expect(formatDay(view.cursor!)).toBe('2020-01-01');
    await fireEvent.keyDown(handle, { key: 'ArrowLeft' });
    expect(formatDay(view.cursor!)).toBe('2020-01-01'); // never leaves the window
    expect(commit).toHaveBeenCalledTimes(3);
    flushSync();
    expect(screen.getByTestId('window-text')).toHaveTextContent('playhead 1 Jan 2020');
  });
});
