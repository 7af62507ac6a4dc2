/**
 * Keeps the countries' colours at the SCO status of a date, as feature state, at most one repaint a
 * second while the date runs (a drag or playback across years of history).
 */
import type { Map as MLMap } from 'maplibre-gl';
import { COUNTRY_LAYER } from './country-tiles';
import { statusAt, statusKey, type Status } from './membership';

/**
 * At most one membership repaint in this time: while the brush is dragged (or the timeline plays)
 * across years of SCO history, statuses can change several times a second, and each change repaints
 * the WebGL map (~100 ms of blocked page on software GL, one dropped frame or more). A single change
 * after a quiet moment shows at once; during a run of changes the last date wins, within a second.
 */
const MEMBERSHIP_GAP_MS = 1000;

export interface MembershipColours {
  /** The date to show; applied now, later (throttled) or once the style has loaded. */
  apply(t: number): void;
  /** The style has loaded: feature state can be set now. */
  loaded(): void;
  destroy(): void;
}

/** `initial`: the date the style's base colours were made for (see style.ts `membershipPaint`). */
export function membershipColours(map: MLMap, initial: number | null): MembershipColours {
  let styleLoaded = false;
  let destroyed = false;
  /** The statuses the map shows, the date asked for last, and when the colours were last changed. */
  let shown = initial !== null ? statusAt(initial) : new Map<string, Status>();
  let shownKey = statusKey(shown);
  let want: number | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastPaint = -Infinity;

  const paint = (t: number) => {
    const next = statusAt(t);
    const key = statusKey(next);
    if (key === shownKey) return;
    for (const [id, st] of next)
      if (shown.get(id) !== st) map.setFeatureState({ source: 'countries', sourceLayer: COUNTRY_LAYER, id }, { status: st });
    for (const id of shown.keys())
      if (!next.has(id)) map.setFeatureState({ source: 'countries', sourceLayer: COUNTRY_LAYER, id }, { status: 'none' });
    shown = next;
    shownKey = key;
    lastPaint = performance.now();
  };
  return {
    apply(t) {
      want = t;
      // Before the style has loaded, `loaded` applies it; while a timer waits, the timer takes the latest.
      if (!styleLoaded || timer !== undefined) return;
      const wait = lastPaint + MEMBERSHIP_GAP_MS - performance.now();
      if (wait > 0) {
        if (statusKey(statusAt(t)) === shownKey) return;
        timer = setTimeout(() => {
          timer = undefined;
          if (!destroyed && want !== null) paint(want);
        }, wait);
        return;
      }
      paint(t);
    },
    loaded() {
      styleLoaded = true;
      if (want !== null) paint(want);
    },
    destroy() {
      destroyed = true;
      clearTimeout(timer);
    },
  };
}
