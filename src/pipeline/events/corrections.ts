/**
 * The corrections file's actions on the event layer (in the same corrections.json as the others):
 * `link` a mention to a meeting, `unlink` it, and `add-meeting` / `update-meeting` / `remove-meeting`
 * to fix the chronology for this corpus. Each bad entry is reported with the file, its index and what
 * is wrong, and skipped; the others still apply.
 */
import { Meeting } from '../../contract/chronology.ts';
import { LINK_CORRECTIONS, type LinkCorrection } from '../../contract/link-corrections.ts';

export { LINK_CORRECTIONS };
export const isLinkCorrection = (c: { action: string }): c is LinkCorrection =>
  LINK_CORRECTIONS.some((s) => s.shape.action.value === c.action);

export interface MeetingCorrections {
  meetings: Meeting[];
  /** mention id → the meeting it must link to (null: must stay unlinked), with the reason given. */
  forced: Map<string, { meetingId: string | null; reason: string }>;
  messages: string[];
}

/**
 * Applies the meeting and link entries, in file order, to the chronology's meetings. `mentionIds`
 * are the mentions that exist after the event corrections (a link to anything else is reported).
 */
export function applyMeetingCorrections(
  meetings: readonly Meeting[],
  entries: readonly { index: number; c: { action: string } }[],
  file: string,
  mentionIds: ReadonlySet<string>,
): MeetingCorrections {
  const byId = new Map(meetings.map((m) => [m.id, m]));
  const forced = new Map<string, { meetingId: string | null; reason: string }>();
  const messages: string[] = [];
  for (const { index, c } of entries) {
    if (!isLinkCorrection(c)) continue;
    const where = `${file} entry ${index} (${c.action})`;
    switch (c.action) {
      case 'add-meeting':
        if (byId.has(c.meeting.id)) {
          messages.push(`${where}: a meeting with id "${c.meeting.id}" already exists (use update-meeting); skipped`);
          break;
        }
        byId.set(c.meeting.id, { ...c.meeting, note: c.meeting.note ?? `added by the corrections file: ${c.reason}` });
        break;
      case 'update-meeting': {
        const m = byId.get(c.id);
        if (!m) {
          messages.push(`${where}: no meeting with id "${c.id}"; skipped`);
          break;
        }
        const r = Meeting.safeParse({ ...m, ...c.set });
        if (!r.success) {
          messages.push(`${where}: ${r.error.issues.map((i) => `${i.path.join('.') || 'entry'}: ${i.message}`).join('; ')}; skipped`);
          break;
        }
        byId.set(c.id, r.data);
        break;
      }
      case 'remove-meeting':
        if (!byId.delete(c.id)) messages.push(`${where}: no meeting with id "${c.id}"; skipped`);
        break;
      case 'link':
        if (!mentionIds.has(c.mentionId)) {
          messages.push(`${where}: no mention (events.json record) with id "${c.mentionId}"; skipped`);
          break;
        }
        forced.set(c.mentionId, { meetingId: c.meetingId, reason: c.reason });
        break;
      case 'unlink':
        if (!mentionIds.has(c.mentionId)) {
          messages.push(`${where}: no mention (events.json record) with id "${c.mentionId}"; skipped`);
          break;
        }
        forced.set(c.mentionId, { meetingId: null, reason: c.reason });
        break;
    }
  }
  // A link to a meeting that does not exist (never did, or removed above) is named, not followed.
  for (const { index, c } of entries) {
    if (!isLinkCorrection(c) || c.action !== 'link' || forced.get(c.mentionId)?.meetingId !== c.meetingId) continue;
    if (!byId.has(c.meetingId)) {
      messages.push(`${file} entry ${index} (link): no meeting with id "${c.meetingId}"; skipped`);
      forced.delete(c.mentionId);
    }
  }
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return { meetings: [...byId.values()].sort((a, b) => cmp(a.start, b.start) || cmp(a.id, b.id)), forced, messages };
}

/** What `merge-events` and `detach-statement` ask of the layer (see buildLayer). */
export interface LayerFixes {
  /** Mentions to make one event, each list's first mention naming it, with the reason given. */
  merges: { mentionIds: string[]; reason: string }[];
  /** mention id → statements that no longer count for it, with the reason given. */
  detached: Map<string, { statementIds: Set<string>; reason: string }>;
  messages: string[];
}

/**
 * Reads the `merge-events` and `detach-statement` entries against the mentions and statements there
 * are now. An entry naming a mention or statement that no longer exists (its document changed) is
 * reported with the file, the entry and the id, and skipped: stale, not silently dropped.
 */
export function applyLayerFixes(
  entries: readonly { index: number; c: { action: string } }[],
  file: string,
  mentions: readonly { id: string; statementIds: readonly string[] }[],
  statements: readonly { id: string; eventIds: readonly string[] }[],
): LayerFixes {
  // Most folders have none: the indexes below are not worth building for nothing (a tenth of a cached run's join).
  if (!entries.some(({ c }) => c.action === 'merge-events' || c.action === 'detach-statement'))
    return { merges: [], detached: new Map(), messages: [] };
  const byId = new Map(mentions.map((e) => [e.id, e]));
  const statementById = new Map(statements.map((s) => [s.id, s]));
  const merges: LayerFixes['merges'] = [];
  const detached: LayerFixes['detached'] = new Map();
  const messages: string[] = [];
  for (const { index, c } of entries) {
    if (!isLinkCorrection(c)) continue;
    const where = `${file} entry ${index} (${c.action})`;
    if (c.action === 'merge-events') {
      const missing = c.mentionIds.filter((id) => !byId.has(id));
      if (missing.length) {
        messages.push(`${where}: no mention (events.json record) with id ${missing.map((id) => `"${id}"`).join(', ')}; skipped`);
        continue;
      }
      merges.push({ mentionIds: [...c.mentionIds], reason: c.reason });
    } else if (c.action === 'detach-statement') {
      const m = byId.get(c.mentionId);
      const s = statementById.get(c.statementId);
      if (!m) messages.push(`${where}: no mention (events.json record) with id "${c.mentionId}"; skipped`);
      else if (!s) messages.push(`${where}: no statement with id "${c.statementId}"; skipped`);
      else if (!m.statementIds.includes(s.id) && !s.eventIds.includes(m.id))
        messages.push(`${where}: statement "${c.statementId}" is not under mention "${c.mentionId}"; skipped`);
      else {
        const d = detached.get(m.id) ?? { statementIds: new Set<string>(), reason: c.reason };
        d.statementIds.add(s.id);
        detached.set(m.id, d);
      }
    }
  }
  return { merges, detached, messages };
}
