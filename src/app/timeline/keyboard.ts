/**
 * The timeline by keyboard: arrows move a cursor through the events (those passing the filters, in
 * time order), Enter/Space selects, Escape clears, +/- zoom; the playhead is a slider. Pure: each
 * function says what a key does, the component does it.
 */
import type { AtlasData } from '../data/indexes';
import { notSco } from '../data/layer';
import { eventTitle, linkReason, placeName, t } from '../i18n';
import { DAY } from '../days';
import type { EffectiveWindow } from '../state/window';
import { fmtEventDate } from '../components/format';

export type KeyAction = { kind: 'move'; to: number } | { kind: 'select' } | { kind: 'clear' } | { kind: 'zoom'; by: number } | null;

/** What a key does on the marks, with `list` the events in keyboard order and `active` the cursor. */
export function eventKey(key: string, list: readonly number[], active: number | null): KeyAction {
  if (!list.length) return null;
  const pos = active === null ? -1 : list.indexOf(active);
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
      return { kind: 'move', to: list[Math.min(list.length - 1, pos + 1)]! };
    case 'ArrowLeft':
    case 'ArrowUp':
      return { kind: 'move', to: list[pos < 0 ? 0 : Math.max(0, pos - 1)]! };
    case 'Home':
      return { kind: 'move', to: list[0]! };
    case 'End':
      return { kind: 'move', to: list[list.length - 1]! };
    case 'Enter':
    case ' ':
      return { kind: 'select' };
    case 'Escape':
      return { kind: 'clear' };
    case '+':
    case '=':
      return { kind: 'zoom', by: 2 };
    case '-':
      return { kind: 'zoom', by: 0.5 };
    default:
      return null;
  }
}

/** Where a key moves the playhead slider (a day, 30 with Shift, a year with Page keys); null: not ours. */
export function handleKey(key: string, shift: boolean, w: EffectiveWindow): number | null {
  const step = shift ? 30 * DAY : DAY;
  let to: number | null = null;
  if (key === 'ArrowRight' || key === 'ArrowUp') to = w.cursor + step;
  else if (key === 'ArrowLeft' || key === 'ArrowDown') to = w.cursor - step;
  else if (key === 'PageUp') to = w.cursor + 365 * DAY;
  else if (key === 'PageDown') to = w.cursor - 365 * DAY;
  else if (key === 'Home') to = w.from;
  else if (key === 'End') to = w.end - DAY;
  return to === null ? null : Math.min(Math.max(to, w.from), w.end - DAY);
}

/** Events the keyboard steps through: those passing the filters, in time order. */
export function keyboardOrder(n: number, mask: Uint8Array | null): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) if (!mask || mask[i]) out.push(i);
  return out;
}

/**
 * An event in words: the tooltip's lines, and what a screen reader hears. `why` says why an event of
 * the event layer is tied to a meeting of the SCO's chronology, and how many documents speak of it.
 */
export function describe(d: AtlasData, i: number): { text: string; sub: string; why?: string } {
  const e = d.events[i]! as AtlasData['events'][number] & { link?: { reason: string }; docIds?: string[] };
  const p = e.placeId ? d.places[d.evPlace[i]!] : undefined;
  const city = e.placeId ? (p ? placeName(p.properties) : e.placeId) : null;
  const place = city ? (e.online ? t('event.videoconference', { city }) : city) : e.online ? t('place.onlineLower') : t('place.noneLower');
  const prec = e.precision === 'day' ? '' : t('event.precision', { precision: e.precision });
  const sources = e.docIds && e.docIds.length > 1 ? t('count.documents', { n: e.docIds.length }) : '';
  const why = [notSco(e) ? t('event.notSco') : '', e.link ? linkReason(e.link.reason) : '', sources].filter(Boolean).join(' · ');
  return { text: eventTitle(e), sub: `${fmtEventDate(e)}${prec} · ${place}`, ...(why ? { why } : {}) };
}
