/**
 * The chronology's meetings that no document mentions (meetings.json, `mentioned: false`), as the
 * timeline draws them when `meetings=1`: faint marks over each meeting's full span in a row of their
 * own under the event lanes, named on hover, focus and in the keyboard's words. They are knowledge,
 * not evidence: nothing in the atlas speaks of them, so they lead to no statements. Pure: no DOM.
 */
import type { LayerMeeting } from '../../contract/schema';
import { fmtEventDate } from '../components/format';
import { DAY, parseDay } from '../days';
import { getLocale, t } from '../i18n';

export interface FaintMeeting {
  id: string;
  /** The meeting's proper name in each interface language. */
  names: LayerMeeting['names'];
  /** UTC ms: first day, and the day after the last (exclusive). */
  start: number;
  end: number;
  startText: string;
  endText: string;
  city: string;
  format: LayerMeeting['format'];
}

/** The unmentioned meetings in time order (then by id), each with its span in ms. */
export function unmentioned(meetings: readonly LayerMeeting[]): FaintMeeting[] {
  const out: FaintMeeting[] = [];
  for (const m of meetings) {
    if (m.mentioned) continue;
    const start = parseDay(m.start);
    const last = parseDay(m.end);
    if (start === null || last === null) continue; // the contract has checked them; never draw a bad one
    out.push({
      id: m.id,
      names: m.names,
      start,
      end: Math.max(start, last) + DAY,
      startText: m.start,
      endText: m.end,
      city: m.city,
      format: m.format,
    });
  }
  return out.sort((a, b) => a.start - b.start || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Where a meeting was held, in words: online ones say so. */
export function meetingPlace(m: Pick<FaintMeeting, 'city' | 'format'>): string {
  if (m.format === 'videoconference') return t('meetings.online', { city: m.city });
  if (m.format === 'hybrid') return t('meetings.hybrid', { city: m.city });
  return m.city;
}

/**
 * A meeting in words, in the shape of the events' (keyboard.ts `describe`), in the interface language;
 * `why` says no document in this atlas mentions it.
 */
export function describeMeeting(m: FaintMeeting): { text: string; sub: string; why: string } {
  return {
    text: m.names[getLocale()] || m.names.en,
    sub: `${fmtEventDate({ start: m.startText, end: m.endText })} · ${meetingPlace(m)}`,
    why: t('meetings.unmentioned'),
  };
}

/** A meeting's mark: its span in px (at least `minW` wide), and whether it is inside the drawn range. */
export interface MeetingMark {
  k: number;
  x0: number;
  x1: number;
}

/** The marks of the meetings that fall inside the scale's range (px), in time order. */
export function meetingMarks(
  list: readonly FaintMeeting[],
  x: (t: number) => number,
  range: readonly [number, number],
  minW = 4,
): MeetingMark[] {
  const out: MeetingMark[] = [];
  list.forEach((m, k) => {
    const a = x(m.start);
    const b = Math.max(x(m.end), a + minW);
    if (b < range[0] || a > range[1]) return;
    out.push({ k, x0: a, x1: b });
  });
  return out;
}

/** The meeting mark under x (within `slop` px), nearest first; null when none. */
export function meetingAt(marks: readonly MeetingMark[], px: number, slop = 4): number | null {
  let best: number | null = null;
  let bestD = slop + 1e-9;
  for (const m of marks) {
    const d = px < m.x0 ? m.x0 - px : px > m.x1 ? px - m.x1 : 0;
    if (d < bestD) {
      bestD = d;
      best = m.k;
    }
  }
  return best;
}

/**
 * The keyboard's path through the timeline: the events (indexes >= 0, in `order`) and, when shown,
 * the faint meetings (meeting k as `-(k + 1)`), merged in time order.
 */
export function withMeetings(order: readonly number[], evStart: ArrayLike<number>, list: readonly FaintMeeting[]): number[] {
  if (!list.length) return [...order];
  const out: number[] = [];
  let k = 0;
  for (const i of order) {
    while (k < list.length && list[k]!.start < evStart[i]!) out.push(-(k++ + 1));
    out.push(i);
  }
  while (k < list.length) out.push(-(k++ + 1));
  return out;
}

/** The meeting a keyboard item stands for (see `withMeetings`), or null for an event. */
export const meetingOf = (item: number): number | null => (item < 0 ? -item - 1 : null);
