/**
 * SCO status of each state at a date, from data/membership.json (ISO numeric ids as in world-atlas).
 * The file is bundled and checked against the contract when the app is built (src/contract/bundled.ts,
 * build/checked-data.ts): a state whose entry is wrong is left uncoloured and named in
 * MEMBERSHIP_NOTICES (shown as notices), and the rest of the map and the atlas still work. No zod runs
 * in the page for it.
 */
import { membership as checked } from 'virtual:sco-atlas/checked-data';
import type { CheckedMembership } from '../../contract/bundled';
import type { MembershipStatus } from '../../contract/data-files';
import { parseDay } from '../state/url';

export type Status = MembershipStatus;

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

export interface Membership {
  statuses: Record<Status, string>;
  /** Source key → citation. */
  sources: Record<string, string>;
  states: StateMembership[];
  /** Problems with the file, each naming the file and the entry. */
  notices: string[];
}

/** The checked file's states as the map uses them (days since the epoch). */
export function toMembership(c: CheckedMembership): Membership {
  return { ...c, states: c.states.map((s) => toState(s, c.sources)) };
}

function toState(s: CheckedMembership['states'][number], sources: Record<string, string>): StateMembership {
  return {
    id: s.id,
    name: s.name,
    periods: s.periods.map((p) => ({
      status: p.status,
      from: parseDay(p.from) ?? 0,
      to: p.to !== undefined ? (parseDay(p.to) ?? Infinity) : Infinity,
      source: sources[p.source] ?? p.source,
      ...(p.note !== undefined ? { note: p.note } : {}),
    })),
  };
}

const membership = toMembership(checked);
export const STATUS_LABEL: Record<Status, string> = membership.statuses;
export const SOURCES: Record<string, string> = membership.sources;
export const MEMBERSHIP: StateMembership[] = membership.states;
/** Shown by the app as notices (param "membership.json"): empty when the file is sound. */
export const MEMBERSHIP_NOTICES: readonly string[] = membership.notices;

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
  return [...m]
    .map(([id, s]) => `${id}:${s[0]}`)
    .sort()
    .join(',');
}
