/**
 * The view's fields, mirrored in the URL (see `syncWithLocation`). Fields that a link should restore
 * are listed in `ViewValues` (url.ts) plus the story step; the rest (hover, playing, notices) are
 * transient. Components reach it through the atlas state (atlas.svelte.ts), which adds the derived
 * values and the commands.
 */
import { untrack } from 'svelte';
import type { Locale } from '../i18n/locale.svelte';
import {
  checkAgainstData,
  emptyView,
  parseQuery,
  toQuery,
  type Known,
  type MapView,
  type Notice,
  type Reading,
  type ViewValues,
} from './url';

export type { MapView, Notice, Reading, ViewValues };

/** Story mode in the URL: `story=1`, `step=N` (1-based), `autoplay=S` (see present/params.ts). */
export interface StoryView {
  step: number | null;
  autoplay: number | null;
}
const STORY_PARAMS = ['story', 'step', 'autoplay'];
/** The link's ids that the browser's own documents may bring (see `held`). */
const HELD = ['place', 'event', 'read'] as const;

export class ViewState {
  from = $state<number | null>(null);
  to = $state<number | null>(null);
  cursor = $state<number | null>(null);
  place = $state<string | null>(null);
  event = $state<string | null>(null);
  topics = $state<string[]>([]);
  docs = $state<string[]>([]);
  q = $state('');
  map = $state<MapView | null>(null);
  data = $state<string | null>(null);
  /** The open document and the statement marked in it (`read=`, `statement=`). */
  reading = $state<Reading | null>(null);
  /** Story mode and its step; null when not in story mode. Written by the presentation controller. */
  story = $state<StoryView | null>(null);
  /** The interface language chosen by a link or the switch (`lang=`); null follows the browser. */
  lang = $state<Locale | null>(null);
  /** The chronology's meetings no document mentions, drawn faint on the timeline (`meetings=1`). */
  meetings = $state(false);

  // Transient: not in the URL.
  hoverEvent = $state<string | null>(null);
  hoverPlace = $state<string | null>(null);
  playing = $state(false);
  /** Play speed: days of data per second. */
  speed = $state(91);
  notices = $state<Notice[]>([]);

  /**
   * URL parameters owned by other features (embed=, origins=...): kept as they are. Reactive, so that a
   * change of these alone (story mode's step=, leaving story mode) updates the URL too.
   */
  extra = $state<Array<[string, string]>>([]);
  /** Set while a drag or playback runs: the URL is replaced, not pushed, after the first step. */
  gesture = $state(false); // reactive: views that wait for the drop (the window list) follow its end
  /** The next URL write replaces the entry (map moves, corrections). */
  replaceNext = false;
  /**
   * The link's city, event and open document that the bundled data does not have, held (with their
   * notices) until this browser's own documents are back: a reload of a city from an added document
   * dropped it with "No place … in this data" before the documents were read again. `release` settles it.
   */
  held: { values: Pick<ViewValues, 'place' | 'event' | 'read'>; notices: Notice[] } | null = null;

  values(): ViewValues {
    return {
      from: this.from,
      to: this.to,
      cursor: this.cursor,
      place: this.place,
      event: this.event,
      topics: [...this.topics],
      docs: [...this.docs],
      q: this.q,
      map: this.map ? { ...this.map } : null,
      data: this.data,
      read: this.reading ? { ...this.reading } : null,
      meetings: this.meetings,
      lang: this.lang,
    };
  }

  set(v: Partial<ViewValues>): void {
    if ('from' in v) this.from = v.from ?? null;
    if ('to' in v) this.to = v.to ?? null;
    if ('cursor' in v) this.cursor = v.cursor ?? null;
    if ('place' in v) this.place = v.place ?? null;
    if ('event' in v) this.event = v.event ?? null;
    if ('topics' in v) this.topics = v.topics ?? [];
    if ('docs' in v) this.docs = v.docs ?? [];
    if ('q' in v) this.q = v.q ?? '';
    if ('map' in v) this.map = v.map ?? null;
    if ('data' in v) this.data = v.data ?? null;
    if ('read' in v) this.reading = v.read ?? null;
    if ('lang' in v) this.lang = v.lang ?? null;
    if ('meetings' in v) this.meetings = v.meetings ?? false;
  }

  /** Reads a query string into the view; bad parameters become notices. */
  applyQuery(search: string, known?: Known, hold = false): void {
    const parsed = parseQuery(search);
    let { values } = parsed;
    const notices = [...parsed.notices];
    this.held = null;
    if (known) {
      const checked = checkAgainstData(values, known);
      const later = hold ? checked.notices.filter((n) => HELD.includes(n.param as (typeof HELD)[number])) : [];
      if (later.length) {
        const kept = checked.values;
        this.held = {
          values: {
            place: kept.place === null ? values.place : null,
            event: kept.event === null ? values.event : null,
            read: kept.read === null ? values.read : null,
          },
          notices: later,
        };
      }
      values = checked.values;
      notices.push(...checked.notices.filter((n) => !later.includes(n)));
    }
    this.extra = parsed.extra.filter(([k]) => !STORY_PARAMS.includes(k));
    this.story = storyOf(parsed.extra);
    this.set({ ...emptyView(), ...values });
    for (const n of notices) this.notify(n);
  }

  query(): string {
    const extra = [...this.extra];
    const st = this.story;
    if (st) {
      extra.push(['story', '1']);
      if (st.step !== null) extra.push(['step', String(st.step)]);
      if (st.autoplay !== null) extra.push(['autoplay', String(st.autoplay)]);
    }
    return toQuery(this.values(), extra);
  }

  /**
   * Reads every field the URL holds without serialising them: an effect that calls this re-runs on
   * any change that would change `query()`.
   */
  track(): void {
    void [this.from, this.to, this.cursor, this.place, this.event, this.q, this.data, this.meetings, this.lang];
    for (const t of this.topics) void t;
    for (const d of this.docs) void d;
    if (this.map) void (this.map.lng, this.map.lat, this.map.zoom);
    if (this.reading) void (this.reading.docId, this.reading.statementId);
    if (this.story) void (this.story.step, this.story.autoplay);
    for (const e of this.extra) void (e[0], e[1]);
  }

  /**
   * The held ids against the data as it is now (the browser's documents joined, or none to come): each
   * one it has comes back, unless something else was chosen meanwhile; the rest get their notice.
   */
  release(known: Known): void {
    const h = this.held;
    if (!h) return;
    this.held = null;
    const { values, notices } = checkAgainstData({ ...emptyView(), ...h.values }, known);
    const back: Partial<ViewValues> = {};
    if (values.place && this.place === null) back.place = values.place;
    if (values.event && this.event === null) back.event = values.event;
    if (values.read && this.reading === null) back.read = values.read;
    if (Object.keys(back).length) {
      this.replaceNext = true;
      this.set(back);
    }
    for (const n of notices) this.notify(n);
  }

  notify(n: Notice): void {
    if (this.notices.some((m) => m.param === n.param && m.message === n.message)) return;
    this.notices = [...this.notices, n];
  }

  dismiss(n: Notice): void {
    this.notices = this.notices.filter((m) => m !== n);
  }

  select(place: string | null, event: string | null = null): void {
    this.place = place;
    this.event = event;
  }
}

/**
 * Story parameters as they stand in the URL; the presentation controller reports bad values (params.ts),
 * here a bad value only means "not given".
 */
function storyOf(extra: Array<[string, string]>): StoryView | null {
  const get = (k: string) => extra.find(([n]) => n === k)?.[1] ?? null;
  const story = get('story');
  const stepRaw = get('step');
  const autoRaw = get('autoplay');
  const step = stepRaw !== null && /^\d{1,6}$/.test(stepRaw.trim()) && Number(stepRaw) >= 1 ? Number(stepRaw) : null;
  const auto = autoRaw !== null && autoRaw.trim() !== '' ? Number(autoRaw) : NaN;
  const autoplay = Number.isFinite(auto) && auto >= 2 && auto <= 3600 ? auto : null;
  const on = story !== null && /^(|1|true|yes|on)$/i.test(story.trim());
  return on || step !== null || autoplay !== null ? { step, autoplay } : null;
}

/**
 * Mirrors the view in `location.search`: pushState on discrete changes, replaceState inside a
 * gesture after its first step and for map moves; back/forward (popstate) restore the view.
 * Returns a function that stops syncing.
 */
export function syncWithLocation(state: ViewState, known: () => Known | undefined, win: Window = window): () => void {
  let pushedInGesture = false;
  let lastGesture = false;
  // Inside a gesture the URL is rewritten at most every GESTURE_URL_MS (the last write always lands):
  // a replaceState per brush move cost ~1.5 ms of every move (bench/profile.ts).
  const GESTURE_URL_MS = 250;
  let pending: ReturnType<typeof setTimeout> | null = null;
  let lastWrite = 0;
  const write = (q: string, replace: boolean) => {
    if (q === win.location.search) return;
    const url = win.location.pathname + q + win.location.hash;
    if (replace) win.history.replaceState(win.history.state, '', url);
    else win.history.pushState(null, '', url);
    lastWrite = performance.now();
  };
  const stop = $effect.root(() => {
    $effect(() => {
      state.track();
      const gesture = state.gesture;
      if (gesture !== lastGesture) {
        lastGesture = gesture;
        pushedInGesture = false;
      }
      const hadPending = pending !== null;
      if (pending !== null) {
        clearTimeout(pending);
        pending = null;
      }
      if (gesture && (state.replaceNext || pushedInGesture)) {
        // Inside a drag, after its first step: the URL is serialised and written from a timer, never
        // inside the move itself (replaceState took 1.5-10 ms of a scrub at 100,000 events on this
        // machine, and building the query string on every move is wasted when only the last lands).
        state.replaceNext = false;
        const wait = Math.max(0, GESTURE_URL_MS - (performance.now() - lastWrite));
        pending = setTimeout(() => {
          pending = null;
          write(state.query(), true);
        }, wait);
        return;
      }
      const q = untrack(() => state.query());
      if (q === win.location.search) return;
      // A gesture just ended with its last step still unwritten: it belongs to the gesture's entry.
      const replace = state.replaceNext || (hadPending && !gesture);
      state.replaceNext = false;
      write(q, replace);
      if (gesture) pushedInGesture = true;
    });
  });
  const onPop = () => {
    state.replaceNext = true;
    state.playing = false;
    state.applyQuery(win.location.search, known());
  };
  win.addEventListener('popstate', onPop);
  return () => {
    if (pending !== null) clearTimeout(pending);
    stop();
    win.removeEventListener('popstate', onPop);
  };
}
