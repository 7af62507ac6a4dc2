/**
 * The corrections file's entries on the event layer (issue 10), part of `Correction` in
 * data-files.ts: `link` a mention (an events.json record) to a chronology meeting, `unlink` it, and
 * `add-meeting` / `update-meeting` / `remove-meeting` to fix the chronology for one corpus. Applied
 * by src/pipeline/events/corrections.ts.
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
] as const;

export const LinkCorrection = z.discriminatedUnion('action', [...LINK_CORRECTIONS]);
export type LinkCorrection = z.infer<typeof LinkCorrection>;
