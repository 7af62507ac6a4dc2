/**
 * The editable data files the app bundles (data/membership.json, data/seas.json), checked entry by
 * entry: a bad entry is named (file, entry, what is wrong) and left out, and the rest is kept. The app
 * gets these results from when it was built (build/checked-data.ts), so its page never builds a zod
 * schema to check a file that was already checked; the schemas themselves are in data-files.ts.
 */
import { checkData, MembershipFile, SeaLabel, SeasFile, type MembershipStatus } from './data-files.ts';

export const MEMBERSHIP_FILE = 'data/membership.json';
export const SEAS_FILE = 'data/seas.json';

/** data/membership.json as the app uses it: the states that are sound, and one notice per problem. */
export interface CheckedMembership {
  statuses: Record<MembershipStatus, string>;
  sources: Record<string, string>;
  states: MembershipFile['states'];
  /** Problems with the file, each naming the file and the entry. */
  notices: string[];
}

/**
 * Checked as a whole first; when that fails, each state is checked on its own so one bad entry costs
 * only that state its colour.
 */
export function checkMembershipFile(value: unknown): CheckedMembership {
  const file = (value ?? {}) as { states?: unknown };
  let kept = Array.isArray(file.states) ? (file.states as unknown[]).map((state, at) => ({ state, at })) : null;
  const notices: string[] = [];
  // Each round drops the states named in problems (some checks, like a source key that is not listed,
  // only run once every entry has the right shape), until the rest is sound or the file itself is not.
  for (let round = 0; round < 100; round++) {
    const r = checkData(MEMBERSHIP_FILE, MembershipFile, kept ? { ...file, states: kept.map((k) => k.state) } : value);
    if (r.ok) return { statuses: r.data.statuses, sources: r.data.sources, states: r.data.states, notices };
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
function unusable(notices: string[]): CheckedMembership {
  const statuses = { member: 'member', observer: 'observer', partner: 'partner' };
  return {
    statuses,
    sources: {},
    states: [],
    notices: [...notices, `${MEMBERSHIP_FILE} could not be used; the map shows no SCO membership`],
  };
}

/** data/seas.json's names as the map draws them: the sound entries, and one notice per problem. */
export interface CheckedSeas {
  seas: SeaLabel[];
  notices: string[];
}

export function checkSeasFile(value: unknown): CheckedSeas {
  const whole = checkData(SEAS_FILE, SeasFile, value);
  if (whole.ok) return { seas: whole.data.seas, notices: [] };
  const list = Array.isArray((value as { seas?: unknown })?.seas) ? ((value as { seas: unknown[] }).seas ?? []) : [];
  const seas: SeaLabel[] = [];
  const notices: string[] = [];
  list.forEach((entry, i) => {
    const r = checkData(SEAS_FILE, SeaLabel, entry, ['seas', i]);
    if (r.ok) seas.push(r.data);
    else notices.push(...r.problems.map((p) => `${p}; that name is not drawn`));
  });
  if (!list.length) notices.push(...whole.problems);
  return { seas, notices };
}
