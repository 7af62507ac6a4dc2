/**
 * Issue 10's toggle: the chronology's meetings that no document mentions, drawn faint on the
 * timeline with their proper names, reachable by keyboard, and leading to no statements.
 */
import { fireEvent, render, screen } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LayerMeeting } from '../../../../src/contract/schema';
import Timeline from '../../../../src/app/timeline/Timeline.svelte';
import { describeMeeting, meetingAt, meetingMarks, unmentioned, withMeetings } from '../../../../src/app/timeline/meetings';
import { ViewState } from '../../../../src/app/state/view.svelte';
import { fsFetch, sampleBeforeLayer, sampleData, stubSizedResizeObserver, withAtlas } from '../sample';

beforeAll(() => {
  stubSizedResizeObserver({ width: 800, height: 150 });
  (globalThis as unknown as { Path2D: unknown }).Path2D ??= class {
    rect() {}
  };
  const noop = () => {};
  HTMLCanvasElement.prototype.getContext = function () {
    return new Proxy({ measureText: () => ({ width: 10 }) }, { get: (t, k) => (k in t ? t[k as 'measureText'] : noop) });
  } as unknown as typeof HTMLCanvasElement.prototype.getContext;
});

const meeting = (id: string, start: string, end: string, mentioned: boolean, format: LayerMeeting['format'] = 'in-person') =>
  ({ id, start, end, mentioned, format, city: 'Dushanbe', names: { en: `Meeting ${id}`, ru: 'р', zh: '中' } }) as LayerMeeting;

describe('the meetings no document mentions', () => {
  it('keeps only the unmentioned ones, in time order, each over its full span', () => {
    const list = unmentioned([
      meeting('chg-2021', '2021-11-25', '2021-11-25', false, 'videoconference'),
      meeting('chs-2019', '2019-06-13', '2019-06-14', true),
      meeting('chs-2021', '2021-09-16', '2021-09-17', false, 'hybrid'),
    ]);
    expect(list.map((m) => m.id)).toEqual(['chs-2021', 'chg-2021']);
    expect(list[0]!.end - list[0]!.start).toBe(2 * 86_400_000); // 16 and 17 September
    expect(describeMeeting(list[1]!)).toEqual({
      text: 'Meeting chg-2021',
      sub: '25 Nov 2021 · online (videoconference chaired from Dushanbe)',
      why: 'no document in this atlas mentions it',
    });
  });

  it('merges them into the keyboard order by date, and finds the mark under the pointer', () => {
    const list = unmentioned([meeting('a', '2020-01-05', '2020-01-05', false), meeting('b', '2030-01-01', '2030-01-01', false)]);
    const evStart = [Date.UTC(2020, 0, 1), Date.UTC(2020, 0, 10)];
    expect(withMeetings([0, 1], evStart, list)).toEqual([0, -1, 1, -2]);
    const x = (t: number) => (t - Date.UTC(2020, 0, 1)) / 86_400_000; // a px per day
    const marks = meetingMarks(list, x, [0, 100]);
    expect(marks).toEqual([{ k: 0, x0: 4, x1: 8 }]); // the 2030 one is off the scale
    expect(meetingAt(marks, 6)).toBe(0);
    expect(meetingAt(marks, 20)).toBeNull();
  });
});

async function setup(on: boolean) {
  const data = await sampleData();
  const view = new ViewState();
  view.meetings = on;
  const { atlas, context } = withAtlas(data, view);
  await atlas.loadMeetings(fsFetch);
  render(Timeline, { props: {}, context });
  flushSync();
  return { view, atlas };
}

describe('the timeline with meetings=1', () => {
  it('draws none by default', async () => {
    await setup(false);
    expect(document.querySelector('[data-testid="faint-meetings"]')).toBeNull();
  });

  it('draws the sample’s unmentioned Dushanbe summit faint, marked as partly online', async () => {
    await setup(true);
    const marks = [...document.querySelectorAll('[data-meeting]')];
    expect(marks.map((m) => m.getAttribute('data-meeting'))).toEqual(['chs-2021']);
    expect(marks[0]!.classList.contains('online')).toBe(true);
  });

  it('the keyboard names it and says no document mentions it; Enter selects nothing', async () => {
    const { view } = await setup(true);
    const plot = screen.getByRole('application', { name: /events over time/i });
    plot.focus();
    await fireEvent.keyDown(plot, { key: 'End' });
    for (let i = 0; i < 8 && !document.querySelector('[data-meeting].lit'); i++) await fireEvent.keyDown(plot, { key: 'ArrowLeft' });
    const said =
      /21th meeting of the SCO Council of Heads of State, Dushanbe, 16 Sept? 2021 – 17 Sept? 2021 · Dushanbe, partly online, no document in this atlas mentions it\./;
    expect(screen.getByText(said)).toBeInTheDocument();
    expect(screen.getByRole('tooltip')).toHaveTextContent('no document in this atlas mentions it');
    await fireEvent.keyDown(plot, { key: 'Enter' });
    expect(view.event).toBeNull();
    expect(view.place).toBeNull();
  });

  it('a data folder without meetings.json says so, naming the file', async () => {
    const data = await sampleData(sampleBeforeLayer());
    const view = new ViewState();
    const { atlas } = withAtlas(data, view);
    await atlas.loadMeetings(fsFetch);
    expect(atlas.meetings).toBeNull();
    expect(view.notices).toMatchObject([{ param: 'meetings.json', message: expect.stringMatching(/missing.*cannot be shown/) }]);
  });
});
