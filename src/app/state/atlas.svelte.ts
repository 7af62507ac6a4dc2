/**
 * The atlas state: one per mounted atlas, handed to every component through a typed context
 * (context.ts). It holds the view (view.svelte.ts, mirrored in the URL), the loaded data, the values
 * derived from both — computed once here, not in each component — and the commands components call.
 *
 * Follow the selected place from a click to the URL and back, without leaving this folder and one
 * component:
 *   1. map/MapView.svelte: the adapter reports a click on a city → `atlas.select(id)` (below).
 *   2. `select` sets `view.place` / `view.event` (view.svelte.ts, `$state` fields).
 *   3. `syncWithLocation` (view.svelte.ts) has an effect that reads every URL field (`track()`); the
 *      change re-runs it and `view.query()` → `toQuery` (url.ts) writes `place=` with pushState.
 *   4. Back/forward (popstate) → `view.applyQuery(location.search)` → `parseQuery` (url.ts) sets
 *      `view.place` again; MapView's effect on `view.place` calls the adapter's `setSelected`, and the
 *      timeline, panel and summary, reading the same field, follow.
 * The time window is the same path with `from`/`to`/`t` and `atlas.window` (effectiveWindow).
 */
import { flushSync, untrack } from 'svelte';
import { DATA_FILES } from '../../contract/files';
import type { LayerMeeting, Statement } from '../../contract/schema';
import { checkFile } from '../data/check';
import { bytesOf, type Fetch } from '../data/fetch-bytes';
import type { AtlasData, WindowCounts } from '../data/indexes';
import type { AddedDocument } from '../documents/corpus';
import { filterMask, lowerBound, windowCounts } from '../data/indexes';
import { DAY } from '../days';
import { browserLocale, type Locale } from '../i18n/locale.svelte';
import { noticeOf } from './url';
import type { ViewState } from './view.svelte';
import { effectiveWindow, type EffectiveWindow } from './window';

/** What the story controller needs from the atlas (present/controller.svelte.ts goes through it). */
export interface StoryDriver {
  goto(n: number): void;
}

export class AtlasState {
  readonly view: ViewState;
  /** The data, once loaded (a new object when the statements arrive). */
  data = $state.raw<AtlasData | null>(null);
  /** Story mode's controller, when there is one (set by the presentation layer). */
  story: StoryDriver | null = null;
  /**
   * A request for the map to fly to a place (the story controller asks for it). MapView is the only
   * thing that moves the map: it follows this field. `n` counts requests, so the same place twice flies twice.
   */
  flight = $state<{ placeId: string; n: number } | null>(null);
  /**
   * The user's own documents, extracted (documents/documents.svelte.ts keeps this): whatever rebuilds
   * the data from the folder's records joins these in too (documents/corpus.ts `withAdded`), so a fix
   * and an added document never hide each other.
   */
  addedDocuments = $state.raw<AddedDocument[]>([]);
  /** The event being fixed in the event editor (corrections/), or null. */
  editing = $state<string | null>(null);
  /**
   * The fixes (corrections/CorrectionsLayer), while they are mounted: never in an embed, so null means
   * the atlas is read-only and the panel shows no Fix or Detach buttons.
   */
  fixer = $state.raw<{ detach(statementId: string, eventId: string): void } | null>(null);
  /** While the event editor picks a place on the map: called with the clicked point (and the city disc hit, if any). */
  picking = $state.raw<((at: { lng: number; lat: number; placeId: string | null }) => void) | null>(null);
  /** The chronology's meetings (meetings.json), read when `view.meetings` first asks for them. */
  meetings = $state.raw<LayerMeeting[] | null>(null);
  /** The data folder meetings.json was (or is being) read from, so each folder is read once. */
  private meetingsBase: string | null = null;

  constructor(view: ViewState) {
    this.view = view;
  }

  /** The interface language: the link's or the switch's choice (`view.lang`), else the browser's. */
  readonly locale = $derived.by((): Locale => this.view.lang ?? browserLocale());

  /** Events passing the topic, document and search filters (null: all of them). */
  readonly mask = $derived.by((): Uint8Array | null => {
    const d = this.data;
    const v = this.view;
    return d ? filterMask(d, { topics: v.topics, docs: v.docs, q: v.q }) : null;
  });
  /** The window the views show: brushed window and playhead, clamped to the data (window.ts). */
  readonly window = $derived.by((): EffectiveWindow | null => (this.data ? effectiveWindow(this.view, this.data.extent) : null));
  /** Events and statements per city in the window up to the playhead. */
  readonly counts = $derived.by((): WindowCounts | null => {
    const d = this.data;
    const w = this.window;
    return d && w ? windowCounts(d, w.from, w.upTo, this.mask) : null;
  });
  /** How many events pass the filters. */
  readonly matching = $derived.by((): number => {
    const d = this.data;
    if (!d) return 0;
    const m = this.mask;
    return m ? m.reduce((n, v) => n + v, 0) : d.evStart.length;
  });
  /** The open document and the statement marked in it, when the data has them. */
  readonly reading = $derived.by(() => {
    const r = this.view.reading;
    const d = this.data;
    const doc = r && d ? d.documents.get(r.docId) : undefined;
    if (!r || !doc || !d) return null;
    return { doc, statement: r.statementId ? (d.statementById.get(r.statementId) ?? null) : null };
  });

  /** Every window/playhead change goes through here, so the bench can read `scrub` measures. */
  commit(change: () => void): void {
    performance.mark('scrub:start');
    change();
    flushSync();
    performance.mark('scrub:end');
    performance.measure('scrub', 'scrub:start', 'scrub:end');
  }

  /** Selects a city (and an event in it), or clears the selection with nulls. */
  select(place: string | null, event: string | null = null): void {
    this.view.select(place, event);
  }

  /** Selects an event and its city. */
  selectEvent(id: string): void {
    const d = this.data;
    const e = d?.events[d.eventIndex.get(id) ?? -1];
    this.view.set({ event: id, place: e ? e.placeId : null });
  }

  /** The brushed window (`to` inclusive); null ends show everything. The playhead goes back to the end. */
  setWindow(from: number | null, to: number | null): void {
    this.commit(() => this.view.set({ from, to, cursor: null }));
  }

  /** Moves the playhead, kept inside the window. */
  setCursor(t: number): void {
    const w = this.window;
    if (!w) return;
    this.commit(() => (this.view.cursor = Math.min(Math.max(t, w.from), w.end - DAY)));
  }

  /** Previous/next event (among those passing the filters), moving the playhead and window to it. */
  step(dir: 1 | -1): void {
    const data = this.data;
    const win = this.window;
    const view = this.view;
    // On the first screen from the event index there is no event to step to yet (a moment later there is).
    if (!data || !win || data.eventsPending) return;
    const mask = this.mask;
    const ok = (i: number) => !mask || mask[i] === 1;
    const cur = view.event ? data.eventIndex.get(view.event) : undefined;
    let i: number;
    if (cur !== undefined) i = cur + dir;
    else {
      // From the playhead: the first event after it (next) or the last one before it (prev).
      i = lowerBound(data.evStart, win.cursor + (dir === 1 ? DAY : 0));
      if (dir === -1) i -= 1;
    }
    while (i >= 0 && i < data.events.length && !ok(i)) i += dir;
    if (i < 0 || i >= data.events.length) {
      view.notify(noticeOf('event', dir === 1 ? 'step.last' : 'step.first', {}));
      return;
    }
    const e = data.events[i]!;
    const s = data.evStart[i]!;
    const width = win.end - win.from;
    this.commit(() => {
      if (s < win.from || s >= win.end) {
        if (view.from === null && view.to === null) view.cursor = s;
        else {
          const from = Math.max(data.extent[0], s - Math.floor(width / 2 / DAY) * DAY);
          view.set({ from, to: from + width - DAY });
        }
      }
      view.set({ event: e.id, place: e.placeId, cursor: Math.max(s, view.from ?? s) });
    });
  }

  play(): void {
    this.view.playing = true;
  }

  pause(): void {
    this.view.playing = false;
  }

  togglePlay(): void {
    this.view.playing = !this.view.playing;
  }

  /**
   * Runs playback while `view.playing`: the playhead moves at `speed` days per second; at the window's
   * end the window slides on, and playback stops at the end of the data. Call inside an effect (the
   * app's root component does); returns its cleanup.
   */
  playback(): (() => void) | undefined {
    const view = this.view;
    const data = this.data;
    if (!view.playing || !data) return;
    untrack(() => {
      const w = effectiveWindow(view, data.extent);
      // At the very end: start again from the window's start.
      if (w.cursor >= w.end - DAY && w.end >= data.extent[1]) view.cursor = w.from;
    });
    view.gesture = true;
    let last = performance.now();
    let raf = 0;
    const tick = (now: number) => {
      const dt = Math.min(0.25, (now - last) / 1000);
      last = now;
      const w = effectiveWindow(view, data.extent);
      const step = view.speed * DAY * dt;
      let cursor = w.cursor + step;
      this.commit(() => {
        if (cursor >= w.end - DAY) {
          if (w.end >= data.extent[1]) {
            view.cursor = w.end - DAY;
            view.playing = false;
            return;
          }
          // Slide the window on, keeping its width.
          const width = w.end - w.from;
          const to = Math.min(data.extent[1], w.end + step);
          view.set({ from: to - width, to: to - DAY });
          cursor = to - DAY;
        }
        view.cursor = Math.floor(cursor / DAY) * DAY;
      });
      if (view.playing) raf = requestAnimationFrame(tick);
    };
    raf = requestAnimationFrame(tick);
    return () => {
      cancelAnimationFrame(raf);
      view.gesture = false;
    };
  }

  /**
   * Reads meetings.json of the data folder, once per folder (`meetings=1` shows those no document
   * mentions). A folder without it, or a file the contract refuses, gets a notice naming the file; the
   * rest of the atlas carries on.
   */
  async loadMeetings(fetchFn: Fetch = (u) => fetch(u)): Promise<void> {
    const base = this.data?.base;
    if (base === undefined || this.meetingsBase === base) return;
    this.meetingsBase = base;
    const file = DATA_FILES.meetings;
    const got = await bytesOf(fetchFn(base + file));
    const checked = got.ok ? await checkFile(file, got.bytes) : got;
    if (this.data?.base !== base) return;
    if (checked.ok) this.meetings = checked.data as LayerMeeting[];
    else this.view.notify(noticeOf(file, 'meetings.missing', { message: checked.message }));
  }

  /** Opens a statement's document, marking the statement. */
  read(s: Pick<Statement, 'id' | 'docId'>): void {
    this.view.reading = { docId: s.docId, statementId: s.id };
  }

  closeReading(): void {
    this.view.reading = null;
  }

  /** Story mode: shows step n (1-based). */
  storyGoto(n: number): void {
    this.story?.goto(n);
  }

  /** Asks the map to fly to a place (MapView does it). */
  flyTo(placeId: string): void {
    this.flight = { placeId, n: (untrack(() => this.flight?.n) ?? 0) + 1 };
  }
}
