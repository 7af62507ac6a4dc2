/**
 * One presentation per mounted atlas: embed flag, story mode and its current step, autoplay, and the
 * listeners (the page's parent via postMessage, the custom element via DOM events) that hear about
 * step changes. The view itself stays in the app's ViewState: a step only sets the view's event,
 * place and playhead, so the map, timeline and statement panel follow as they do for a click.
 */
import { parseDay } from '../days';
import type { ViewState } from '../state/view.svelte';
import type { PresentParams } from './params';
import type { StepReply } from './protocol';
import {
  applyMove,
  clampStep,
  planStory,
  type Story,
  type StoryData,
  type StoryFile,
  type StoryMove,
  type StoryPlan,
  type StoryStep,
} from './story';

export interface StoryTarget {
  view: ViewState;
  /** Flies the map to a place; absent when the map could not start (no WebGL). */
  flyTo?: (placeId: string) => void;
}

/** The UTC day a partial date starts: where the playhead goes for a step. */
const dayOf = (date: string): number => parseDay(date) ?? 0;

export class Presentation {
  embed = $state(false);
  storyOn = $state(false);
  /** 1-based; 0 while the story is not built or empty. */
  step = $state(0);
  /** What the story will be (title, notices, number of steps); its steps are built on first use. */
  #plan = $state.raw<StoryPlan | null>(null);
  #built: { plan: StoryPlan; story: Story } | null = null;
  autoplay = $state<number | null>(null);
  playing = $state(false);
  notices = $state<string[]>([]);
  origins: string | null;

  /** Resolves once the story is built (data loaded, story.json read). */
  readonly ready: Promise<void>;
  private resolveReady: () => void = () => {};
  private wantedStep: number | null;
  private target: StoryTarget | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- who hears about step changes; nothing renders it
  private listeners = new Set<(r: StepReply) => void>();

  constructor(params: PresentParams) {
    this.embed = params.embed;
    this.storyOn = params.story;
    this.wantedStep = params.step;
    this.autoplay = params.autoplay;
    this.origins = params.origins;
    this.notices = [...params.notices];
    this.ready = new Promise((r) => (this.resolveReady = r));
  }

  /**
   * The story's steps, built the first time someone needs them (story mode, a step message, the
   * element's `current`): at 100,000 events building every step costs a few hundred ms, which a page
   * that never enters story mode should not pay while it loads.
   */
  get story(): Story | null {
    const plan = this.#plan;
    if (!plan) return null;
    if (this.#built?.plan !== plan) this.#built = { plan, story: { title: plan.title, steps: plan.build(), notices: plan.notices } };
    return this.#built.story;
  }

  get total(): number {
    return this.#plan?.total ?? 0;
  }

  get current(): StoryStep | null {
    if (this.step < 1 || !this.#plan) return null;
    return this.story?.steps[this.step - 1] ?? null;
  }

  /** Plans the story once the data is in (its steps are built on first use), then shows the step the URL or attribute asked for. */
  attach(target: StoryTarget, data: StoryData, file: StoryFile | null): void {
    this.target = target;
    // Attached again when the statements arrive: stay on the step shown (a deck may have asked for
    // it meanwhile) instead of going back to the one in the URL, and leave the view alone if that
    // step is still the same event: the reader may have clicked a city since, and applying the step
    // again would take their choice back.
    const again = this.#plan !== null;
    const shown = again ? (this.current?.eventId ?? null) : null;
    this.#plan = planStory(data, file);
    if (!again) this.notices = [...this.notices, ...this.#plan.notices];
    if (this.storyOn) {
      if (again && this.step >= 1 && this.step <= this.total && this.current?.eventId === shown) this.emit();
      else this.goto(again ? this.step : (this.wantedStep ?? 1));
      if (this.autoplay && !again) this.play(this.autoplay);
    }
    this.resolveReady();
  }

  start(step = this.step || 1): void {
    this.storyOn = true;
    this.goto(step);
  }

  stop(): void {
    this.pause();
    this.storyOn = false;
    this.setStory(null);
  }

  goto(n: number): void {
    if (!this.#plan) {
      this.wantedStep = n;
      return;
    }
    const step = clampStep(n, this.total);
    this.step = step;
    const s = this.current;
    const t = this.target;
    if (s && t) {
      // The step is written into the URL with the view, so a reload or a shared link shows it again.
      this.setStory(step);
      const day = dayOf(s.date);
      // A step outside the brushed window widens it to everything, or the event would be hidden.
      const v = t.view;
      const outside = (v.from !== null && day < v.from) || (v.to !== null && day > v.to);
      t.view.set({ ...(outside ? { from: null, to: null } : {}), event: s.eventId, place: s.placeId, cursor: day });
      if (s.placeId) t.flyTo?.(s.placeId);
    }
    this.emit();
  }

  move(m: StoryMove): void {
    this.goto(applyMove(m, this.step, this.total));
  }

  next(): void {
    this.move('next');
  }

  prev(): void {
    this.move('prev');
  }

  /** Kiosk autoplay: advance every `seconds`, back to the first step after the last. */
  play(seconds = this.autoplay ?? 8): void {
    this.pause();
    if (!this.total) return;
    this.autoplay = seconds;
    this.playing = true;
    this.timer = setInterval(() => this.goto(this.step >= this.total ? 1 : this.step + 1), seconds * 1000);
  }

  pause(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.playing = false;
  }

  reply(): StepReply {
    const s = this.current;
    return {
      type: 'sco-atlas:step',
      step: this.step,
      total: this.total,
      eventId: s?.eventId ?? null,
      title: s?.title ?? null,
      date: s?.date ?? null,
    };
  }

  onStep(fn: (r: StepReply) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  destroy(): void {
    this.pause();
    this.listeners.clear();
  }

  private emit(): void {
    const r = this.reply();
    for (const fn of this.listeners) fn(r);
  }

  /** Story mode and its step in the view (and so in the URL); null leaves story mode. */
  private setStory(step: number | null): void {
    const view = this.target?.view;
    if (!view) return;
    view.story = step === null ? null : { step, autoplay: view.story?.autoplay ?? null };
    // The URL follows the view on its next write; story steps replace rather than push history
    // entries, so Back leaves the story instead of walking back through every step.
    view.replaceNext = true;
  }
}
