/**
 * SCO status of each state at a date, from data/membership.json (ISO numeric ids as in world-atlas).
 * The file is bundled at build time and checked against the contract when this module loads: a state
 * whose entry is wrong is left uncoloured and named in MEMBERSHIP_NOTICES (shown as notices), and the
 * rest of the map and the atlas still work.
 */
import raw from '../../../data/membership.json';
import { checkData, MembershipFile, type MembershipStatus } from '../../contract/data-files';
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

const FILE = 'data/membership.json';

/**
 * The file's states as the map uses them (days since the epoch). Checked as a whole first; when that
 * fails, each state is checked on its own so one bad entry costs only that state its colour.
 */
export function readMembership(value: unknown): Membership {
  const file = (value ?? {}) as { states?: unknown };
  let kept = Array.isArray(file.states) ? (file.states as unknown[]).map((state, at) => ({ state, at })) : null;
  const notices: string[] = [];
  // Each round drops the states named in problems (some checks, like a source key that is not listed,
  // only run once every entry has the right shape), until the rest is sound or the file itself is not.
  for (let round = 0; round < 100; round++) {
    const r = checkData(FILE, MembershipFile, kept ? { ...file, states: kept.map((k) => k.state) } : value);
    if (r.ok) return { ...r.data, states: r.data.states.map((s) => toState(s, r.data.sources)), notices };
    const bad = new Set<number>();
    for (const problem of r.problems) {
      const i = Number(/^[^:]+: states\[(\d+)\]/.exec(problem)?.[1] ?? NaN);
      const k = kept?.[i];
      if (!k) return unusable([...notices, ...r.problems]);
      const id = (k.state as { id?: unknown } | null)?.id;
      notices.push(
        `${problem.replace(`states[${i}]`, `states[${k.at}]`)}; ${typeof id === 'string' ? id : `state ${k.at}`} left uncoloured`,
      );
      bad.add(i);
    }
    kept = kept!.filter((_, i) => !bad.has(i));
  }
  return unusable(notices);
}

/** The file as a whole is wrong (not a list of states, a status label missing): no colours, one notice more. */
function unusable(notices: string[]): Membership {
  const statuses = { member: 'member', observer: 'observer', partner: 'partner' };
  return { statuses, sources: {}, states: [], notices: [...notices, `${FILE} could not be used; the map shows no SCO membership`] };
}

function toState(s: MembershipFile['states'][number], sources: Record<string, string>): StateMembership {
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

const membership = readMembership(raw);
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
