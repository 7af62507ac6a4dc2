/**
 * SCO status of each state at a date, from data/membership.json (ISO numeric ids as in world-atlas).
 */
import raw from '../../../data/membership.json';
import { parseDay } from '../state/url';

export type Status = 'member' | 'observer' | 'partner';

interface Period {
  status: Status;
  from: number;
  to: number;
  source: string;
  note?: string;
}

export interface StateMembership {
  id: string;
  name: string;
  periods: Period[];
}

export const STATUS_LABEL: Record<Status, string> = raw.statuses as Record<Status, string>;
export const SOURCES: Record<string, string> = raw.sources;

export const MEMBERSHIP: StateMembership[] = raw.states.map((s) => ({
  id: s.id,
  name: s.name,
  periods: s.periods.map((p) => ({
    status: p.status as Status,
    from: parseDay(p.from) ?? 0,
    to: 'to' in p && typeof p.to === 'string' ? (parseDay(p.to) ?? Infinity) : Infinity,
    source: SOURCES[p.source] ?? p.source,
    ...('note' in p && typeof p.note === 'string' ? { note: p.note } : {}),
  })),
}));

/** Country id → status on day `t` (a period covers [from, to)). */
export function statusAt(t: number): Map<string, Status> {
  const out = new Map<string, Status>();
  for (const s of MEMBERSHIP) {
    const p = s.periods.find((x) => x.from <= t && t < x.to);
    if (p) out.set(s.id, p.status);
  }
  return out;
}

/** A stable key of the statuses at `t`, so the map restyles only when some status changes. */
export function statusKey(m: Map<string, Status>): string {
  return [...m].map(([id, s]) => `${id}:${s[0]}`).sort().join(',');
}
