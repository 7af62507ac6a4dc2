/**
 * The corrections file's entries on the event layer (issue 10), part of `Correction` in
 * data-files.ts: `link` a mention (an events.json record) to a chronology meeting, `unlink` it, and
 * `add-meeting` / `update-meeting` / `remove-meeting` to fix the chronology for one corpus,
 * `merge-events` (two or more mentions become one event) and `detach-statement` (a statement no
 * longer counts for a mention). All name mentions by their events.json id, which stays the same when
 * the corpus grows (event-layer ids do not). Applied by src/pipeline/events/corrections.ts.
 */
import { z } from './zod.ts';
import { Meeting } from './chronology.ts';

const reason = z.string().min(1, 'give a reason');
/** Every field of a meeting but its id, each optional: what `update-meeting` may change (checked again as a whole meeting). */
const MeetingFields = z.strictObject(Meeting.shape).omit({ id: true }).partial();

export const LINK_CORRECTIONS = [
  z.object({ action: z.literal('link'), mentionId: z.string().min(1), meetingId: z.string().min(1), reason }).strict(),
  z.object({ action: z.literal('unlink'), mentionId: z.string().min(1), reason }).strict(),
  z.object({ action: z.literal('add-meeting'), meeting: Meeting, reason }).strict(),
  z.object({ action: z.literal('update-meeting'), id: z.string().min(1), set: MeetingFields, reason }).strict(),
  z.object({ action: z.literal('remove-meeting'), id: z.string().min(1), reason }).strict(),
  // The first mention named gives the merged event its date, place and title (unless one is linked to a meeting).
  z
    .object({
      action: z.literal('merge-events'),
      mentionIds: z
        .array(z.string().min(1))
        .min(2, 'name at least two mentions (events.json ids)')
        .refine((ids) => new Set(ids).size === ids.length, 'a mention is named twice'),
      reason,
    })
    .strict(),
  z.object({ action: z.literal('detach-statement'), statementId: z.string().min(1), mentionId: z.string().min(1), reason }).strict(),
] as const;

export const LinkCorrection = z.discriminatedUnion('action', [...LINK_CORRECTIONS]);
export type LinkCorrection = z.infer<typeof LinkCorrection>;
