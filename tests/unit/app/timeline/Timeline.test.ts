import { fireEvent, render, screen } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import Timeline from '../../../../src/app/timeline/Timeline.svelte';
import { formatDay } from '../../../../src/app/days';
import { setLocale } from '../../../../src/app/i18n';
import { ViewState } from '../../../../src/app/state/view.svelte';
import { sampleBeforeLayer, sampleData, stubSizedResizeObserver, withAtlas } from '../sample';

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
  stubSizedResizeObserver({ width: 800, height: 150 });
  (globalThis as unknown as { Path2D: unknown }).Path2D = FakePath2D;
  const noop = () => {};
  HTMLCanvasElement.prototype.getContext = function () {
    return {
      setTransform: noop,
      clearRect: noop,
      fill: noop,
      stroke: noop,
      strokeRect: noop,
      fillRect: noop,
      fillText: noop,
      setLineDash: noop,
      measureText: () => ({ width: 10 }),
      drawImage: noop,
      save: noop,
      restore: noop,
      beginPath: noop,
      rect: noop,
      clip: noop,
    } as unknown as CanvasRenderingContext2D;
  } as unknown as typeof HTMLCanvasElement.prototype.getContext;
});
afterEach(() => {
  rects = [];
});

/** The timeline over the sample corpus; `init` sets the view first (filters too: the atlas applies them). */
async function setup(init: (v: ViewState) => void = () => {}, base?: string) {
  const data = await sampleData(base);
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
    expect(screen.getByTestId('window-text')).toHaveTextContent('All dates, 13 Jun 2019 – 4 Jul 2024');
  });

  it('draws a meeting from its first day, and a year-precision event across its year', async () => {
    const { data } = await setup();
    const rect = (id: string) => rects[data.events.findIndex((e) => e.id === id)]!;
    // Dushanbe 2021 (year precision) spans 1 Jan 2021 – 1 Jan 2022: it gives the pixels per day.
    const [x2021, , yearW] = rect('ev-dushanbe-2021') as [number, number, number];
    const at = (iso: string) => x2021 + ((Date.parse(iso) - Date.parse('2021-01-01')) / (365 * 86_400_000)) * yearW;
    // A text dated the Samarkand summit only "September 2022"; the chronology knows it began on the
    // 15th, and the mark starts there, not on the 1st.
    expect(rect('chs-2022')[0]).toBeCloseTo(at('2022-09-15'), 0);
    expect(Math.abs(rect('chs-2022')[0]! - at('2022-09-01'))).toBeGreaterThan(4);
    expect(yearW).toBeGreaterThan(rect('chs-2022')[2]! * 20);
  });

  it('from a data folder written before the event layer, a month-precision event spans its month', async () => {
    const { data } = await setup(undefined, sampleBeforeLayer());
    const width = (id: string) => rects[data.events.findIndex((e) => e.id === id)]![2]!;
    expect(width('ev-samarkand-2022')).toBeGreaterThan(width('ev-forum-2023') * 2);
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
    // The first event is the Bishkek summit under its proper name and full span, and why it is one.
    expect(
      screen.getByText(
        '19th meeting of the SCO Council of Heads of State, Bishkek, 13 Jun 2019 – 14 Jun 2019 · Bishkek, linked: the sentence names the meeting. Enter selects.',
      ),
    ).toBeInTheDocument();
    await fireEvent.keyDown(plot, { key: 'ArrowRight' });
    expect(screen.getByText(/Agora online conference, 29 May 2020 · online/)).toBeInTheDocument();
    expect(view.hoverEvent).toBe('ev-agora-2020');
    await fireEvent.keyDown(plot, { key: 'ArrowRight' });
    await fireEvent.keyDown(plot, { key: 'Enter' });
    expect(
      screen.getByText(/Moscow, 10 Nov 2020 · Moscow, by videoconference, linked: a document adopted at this meeting\./),
    ).toBeInTheDocument();
    expect(view.event).toBe('chs-2020');
    expect(view.place).toBe('moscow');
    await fireEvent.keyDown(plot, { key: 'Escape' });
    expect(view.event).toBeNull();
    expect(view.place).toBeNull();
  });

  it('in Chinese, says an event and why it is a meeting in Chinese, with Chinese punctuation', async () => {
    await setLocale('zh');
    try {
      await setup();
      const plot = screen.getByRole('application');
      plot.focus();
      await fireEvent.keyDown(plot, { key: 'Home' });
      const said = document.getElementById('timeline-said')!.textContent!;
      // The reason was the data's English ('linked: the sentence names the meeting'), joined with ', '.
      expect(said).toMatch(/，关联依据：句中提到该会议。按 Enter 选择。$/);
      expect(said).not.toMatch(/[a-z], /);
    } finally {
      await setLocale('en');
    }
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
    // the playhead's day stands apart from the window's last day ('… 2020 · playhead …', not '2020· playhead')
    expect(screen.getByTestId('window-text')).toHaveTextContent(/\d{4} · playhead 1 Jan 2020/);
  });
});
