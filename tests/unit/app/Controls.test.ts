import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import { describe, expect, it } from 'vitest';
import Controls from '../../../src/app/components/Controls.svelte';
import { formatDay } from '../../../src/app/days';
import { ViewState } from '../../../src/app/state/view.svelte';
import { sampleData, withAtlas } from './sample';

async function setup() {
  const data = await sampleData();
  const { view, context } = withAtlas(data, new ViewState());
  render(Controls, { props: {}, context });
  return { data, view };
}

describe('moving through time', () => {
  it('play/pause toggles playback and says which it is', async () => {
    const { view } = await setup();
    await fireEvent.click(screen.getByRole('button', { name: /play/i }));
    expect(view.playing).toBe(true);
    expect(screen.getByRole('button', { name: /pause/i })).toHaveAttribute('aria-pressed', 'true');
    await fireEvent.click(screen.getByRole('button', { name: /pause/i }));
    expect(view.playing).toBe(false);
  });

  it('chooses a play speed', async () => {
    const { view } = await setup();
    await fireEvent.change(screen.getByRole('combobox', { name: 'Play speed' }), { target: { value: '365' } });
    expect(view.speed).toBe(365);
  });

  it('steps to the previous and next event', async () => {
    const { data, view } = await setup();
    const at = () => data.eventIndex.get(view.event ?? '') ?? -1;
    // The playhead starts at the end of the data: back from there is an event before it, then the one
    // before that in time order; forward again comes back.
    await fireEvent.click(screen.getByRole('button', { name: 'Previous event' }));
    const first = at();
    expect(first).toBeGreaterThan(0);
    expect(data.evStart[first]).toBeLessThanOrEqual(data.extent[1]);
    await fireEvent.click(screen.getByRole('button', { name: 'Previous event' }));
    expect(at()).toBe(first - 1);
    await fireEvent.click(screen.getByRole('button', { name: 'Next event' }));
    expect(at()).toBe(first);
  });

  it('sets the window by dates, and refuses a reversed one with a notice', async () => {
    const { view } = await setup();
    // A complete date applies as it is typed.
    await fireEvent.input(screen.getByLabelText('From'), { target: { value: '2020-01-01' } });
    await fireEvent.input(screen.getByLabelText('To'), { target: { value: '2020-12-31' } });
    expect(formatDay(view.from!)).toBe('2020-01-01');
    expect(formatDay(view.to!)).toBe('2020-12-31');
    await fireEvent.input(screen.getByLabelText('From'), { target: { value: '2021-06-01' } });
    expect(formatDay(view.from!)).toBe('2020-01-01');
    expect(view.notices[0]?.param).toBe('from');
  });

  it('a half-typed date waits; on Enter a wrong one gets a notice naming the field and changes nothing', async () => {
    const { view } = await setup();
    const to = screen.getByLabelText('To');
    await fireEvent.input(to, { target: { value: '2019-12-3' } });
    expect(view.to).toBeNull();
    await fireEvent.input(to, { target: { value: '0201-12-31' } });
    expect(view.to).toBeNull();
    await fireEvent.keyDown(to, { key: 'Enter' });
    expect(view.to).toBeNull();
    expect(view.notices.at(-1)).toMatchObject({
      param: 'to',
      message: '“0201-12-31” in To is outside the years 1900–2100. The window is unchanged.',
    });
    await fireEvent.input(to, { target: { value: '2019' } });
    await fireEvent.keyDown(to, { key: 'Enter' });
    expect(formatDay(view.to!)).toBe('2019-12-31'); // a year in To means its last day
  });
});

describe('filters and search', () => {
  it('filters by topic and by document', async () => {
    const { view } = await setup();
    await fireEvent.click(screen.getByRole('checkbox', { name: 'COVID-19' }));
    expect(view.topics).toEqual(['covid']);
    await fireEvent.click(screen.getByRole('checkbox', { name: 'COVID-19' }));
    expect(view.topics).toEqual([]);
    // The document list is built when it is opened, as a reader opens it.
    expect(screen.queryByRole('checkbox', { name: /Moscow Declaration/ })).toBeNull();
    await fireEvent.click(screen.getByText('Documents'));
    await fireEvent.click(await screen.findByRole('checkbox', { name: /Moscow Declaration/ }));
    expect(view.docs).toEqual(['moscow-2020']);
    flushSync();
    expect(screen.getByText('3 of 8 events match')).toBeInTheDocument();
  });

  it('searches statements as you type (debounced)', async () => {
    const { view } = await setup();
    await fireEvent.input(screen.getByRole('searchbox', { name: /search/i }), { target: { value: 'videoconference ' } });
    expect(view.q).toBe('');
    await waitFor(() => expect(view.q).toBe('videoconference'));
  });

  it('picks a city from the list (keyboard users cannot click the map)', async () => {
    const { view } = await setup();
    await fireEvent.change(screen.getByRole('combobox', { name: 'City' }), { target: { value: 'astana' } });
    expect(view.place).toBe('astana');
    expect(view.event).toBeNull();
  });
});

describe('filter pop-overs behave like menus', () => {
  it('Escape closes the open pop-over and returns focus to it; a click elsewhere closes it too', async () => {
    await setup();
    const summary = screen.getByText('Topics');
    const details = summary.closest('details')!;
    await fireEvent.click(summary);
    details.open = true;
    const box = screen.getByRole('checkbox', { name: 'COVID-19' });
    box.focus();
    await fireEvent.keyDown(box, { key: 'Escape' });
    expect(details.open).toBe(false);
    expect(document.activeElement).toBe(summary);
    details.open = true;
    await fireEvent.click(document.body);
    expect(details.open).toBe(false);
  });
});
