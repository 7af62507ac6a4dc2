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
