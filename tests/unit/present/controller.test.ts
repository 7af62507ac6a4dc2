import { afterEach, describe, expect, it, vi } from 'vitest';
import { Presentation } from '../../../src/app/present/controller.svelte';
import { listenForHost, storyKeyHandler } from '../../../src/app/present/messaging';
import { parsePresentParams } from '../../../src/app/present/params';
import { ViewState } from '../../../src/app/state/view.svelte';
import { corpus } from './fixture';

function setup(query = '?story=1') {
  const view = new ViewState();
  const flyTo = vi.fn();
  const p = new Presentation(parsePresentParams(query));
  p.attach({ view, flyTo }, corpus, null);
  return { view, flyTo, p };
}

afterEach(() => vi.useRealTimers());

describe('a story step sets the view like a click would', () => {
  it('selects the event and its city, moves the playhead, flies the map and writes step= into the link', () => {
    const { view, flyTo, p } = setup('?story=1&step=3');
    expect(p.step).toBe(3);
    expect(view.event).toBe('ev-moscow');
    expect(view.place).toBe('moscow');
    expect(view.cursor).toBe(Date.UTC(2020, 10, 10));
    expect(flyTo).toHaveBeenCalledWith('moscow');
    expect(view.story).toEqual({ step: 3, autoplay: null });
    expect(view.query()).toContain('step=3');
  });

  it('stays on the step a deck moved to when the data is attached again (statements arriving later)', () => {
    const { view, flyTo, p } = setup('?story=1&step=1');
    p.goto(3);
    p.attach({ view, flyTo }, corpus, null);
    expect(p.step).toBe(3);
    expect(view.event).toBe('ev-moscow');
    expect(view.query()).toContain('step=3');
  });

  it('keeps a city the reader clicked after the step when the statements arrive and the data is attached again', () => {
    const { view, flyTo, p } = setup('?story=1&step=3');
    const heard: number[] = [];
    p.onStep((r) => heard.push(r.step));
    flyTo.mockClear();
    view.set({ place: 'beijing' });
    p.attach({ view, flyTo }, corpus, null);
    expect(p.step).toBe(3);
    expect(view.place).toBe('beijing');
    expect(flyTo).not.toHaveBeenCalled();
    // The deck still hears where the story is (its step count may have changed).
    expect(heard).toEqual([3]);
  });

  it('widens a brushed window that would hide the step', () => {
    const { view, p } = setup();
    view.set({ from: Date.UTC(2024, 0, 1), to: Date.UTC(2024, 11, 31) });
    p.goto(3);
    expect(view.from).toBeNull();
    expect(view.to).toBeNull();
  });

  it('tells listeners about every step, and autoplay loops back to the start', () => {
    vi.useFakeTimers();
    const { p } = setup('?story=1&step=4&autoplay=5');
    const heard: number[] = [];
    p.onStep((r) => heard.push(r.step));
    vi.advanceTimersByTime(5000);
    expect(p.step).toBe(1);
    vi.advanceTimersByTime(5000);
    p.pause();
    vi.advanceTimersByTime(20000);
    expect(heard).toEqual([1, 2]);
  });
});

describe('messages and keys', () => {
  const source = () => ({ postMessage: vi.fn() });
  const send = (data: unknown, origin: string, src: { postMessage: unknown }) =>
    window.dispatchEvent(new MessageEvent('message', { data, origin, source: src as unknown as Window }));

  it('obeys its own origin and replies; ignores a foreign origin without a word', () => {
    const { p } = setup();
    const stop = listenForHost(p);
    const friend = source();
    send({ type: 'sco-atlas:goto', step: 3 }, window.location.origin, friend);
    expect(p.step).toBe(3);
    expect(friend.postMessage).toHaveBeenCalledWith(
      expect.objectContaining({ type: 'sco-atlas:step', step: 3, total: 4, eventId: 'ev-moscow' }),
      window.location.origin,
    );
    const stranger = source();
    send({ type: 'sco-atlas:goto', step: 1 }, 'https://evil.example', stranger);
    send({ type: 'sco-atlas:get' }, 'https://evil.example', stranger);
    expect(p.step).toBe(3);
    expect(stranger.postMessage).not.toHaveBeenCalled();
    stop();
  });

  it('steps with clicker keys, but not while someone types in a field', () => {
    const { p } = setup();
    const onKey = storyKeyHandler(p);
    onKey(new KeyboardEvent('keydown', { key: 'PageDown' }));
    expect(p.step).toBe(2);
    const input = document.createElement('input');
    document.body.append(input);
    const typed = new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true });
    input.addEventListener('keydown', onKey);
    input.dispatchEvent(typed);
    expect(p.step).toBe(2);
    onKey(new KeyboardEvent('keydown', { key: 'End' }));
    expect(p.step).toBe(4);
    input.remove();
  });
});
