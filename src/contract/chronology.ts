/**
 * The SCO's reference chronology (data/chronology.json): the meetings of its councils and the
 * milestones of its history, as facts with their sources. It is knowledge, not evidence: the
 * pipeline links what documents say to these entries (src/pipeline/), it never puts an entry on the
 * map by itself. Shared design: issue 10 and the lead's notes on the event layer.
 *
 * `loadChronology` validates entry by entry, so one malformed entry is reported (file, list, index,
 * id) and every other entry still loads.
 */
import { z } from './zod.ts';

/** A real calendar day, `YYYY-MM-DD` (2019-02-31 is refused, 2024-02-29 accepted). */
export const IsoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'expected a date as YYYY-MM-DD', abort: true })
  .refine(isCalendarDay, { error: (iss) => `${String(iss.input)} is not a calendar date` });

function isCalendarDay(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const [y, m, d] = s.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

export const Body = z.enum(['shanghai-five', 'heads-of-state', 'heads-of-government', 'foreign-ministers']);
export type Body = z.infer<typeof Body>;

/** The id prefix of each body's meetings: 'sf-1996', 'chs-2018', 'chg-2019', 'cfm-2019-05'. */
export const BODY_PREFIX: Record<Body, string> = {
  'shanghai-five': 'sf',
  'heads-of-state': 'chs',
  'heads-of-government': 'chg',
  'foreign-ministers': 'cfm',
};

export const MeetingFormat = z.enum(['in-person', 'videoconference', 'hybrid']);
export type MeetingFormat = z.infer<typeof MeetingFormat>;

const Text = z.string().trim().min(1, 'empty');
const Names = z.strictObject({ en: Text, ru: Text, zh: Text });
const Id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected a URL-safe id (a-z, 0-9, hyphens)');

export const MeetingDocument = z.strictObject({ en: Text, ru: Text.optional(), zh: Text.optional() });
export type MeetingDocument = z.infer<typeof MeetingDocument>;

export const Meeting = z
  .strictObject({
    id: Id,
    body: Body,
    /** 18 for the 18th meeting of the Council of Heads of State; null where no ordinal is in use. */
    ordinal: z.number().int().positive().nullable(),
    start: IsoDay,
    /** Equal to `start` for a one-day meeting. */
    end: IsoDay,
    /** Gazetteer id of the host city (data/gazetteer.json); null when there is none to point at. */
    placeId: z.string().min(1).nullable(),
    /** English name of the host city, or of the chairing capital for a videoconference. */
    city: Text,
    format: MeetingFormat,
    /** ISO 3166-1 alpha-2 code of the chairing (host) state. */
    chair: z.string().regex(/^[A-Z]{2}$/, 'expected an ISO 3166-1 alpha-2 code such as CN'),
    names: Names,
    /** What texts call it: 'Qingdao summit', 'Циндаоский саммит', '青岛峰会'. */
    aliases: z.strictObject({ en: z.array(Text), ru: z.array(Text), zh: z.array(Text) }),
    /** Documents adopted or signed there, by name. */
    documents: z.array(MeetingDocument),
    /** The declaration itself or an official page, by title. */
    source: Text,
    /** Where sources disagree, or anything a reader should know. */
    note: Text.optional(),
  })
  .superRefine((m, ctx) => {
    // A bad date is already reported by IsoDay; comparing it again would only add noise.
    if (!isCalendarDay(m.start) || !isCalendarDay(m.end)) return;
    if (m.end < m.start) ctx.addIssue({ code: 'custom', path: ['end'], message: `${m.end} is before start ${m.start}` });
    const prefix = BODY_PREFIX[m.body];
    const year = m.start.slice(0, 4);
    const expected = new RegExp(`^${prefix}-${year}(-\\d{2})?$`);
    if (!expected.test(m.id)) {
      ctx.addIssue({
        code: 'custom',
        path: ['id'],
        message: `expected ${prefix}-${year} (or ${prefix}-${year}-MM) for a ${m.body} meeting starting ${m.start}`,
      });
    }
  });
export type Meeting = z.infer<typeof Meeting>;

export const MilestoneKind = z.enum(['founding', 'charter', 'accession', 'status', 'other']);
export type MilestoneKind = z.infer<typeof MilestoneKind>;

export const Milestone = z.strictObject({
  id: Id,
  date: IsoDay,
  kind: MilestoneKind,
  title: Names,
  placeId: z.string().min(1).nullable(),
  source: Text,
  /** A key of data/membership.json's `sources`: the states' periods citing it hold the facts. */
  membership: z.string().min(1).optional(),
  note: Text.optional(),
});
export type Milestone = z.infer<typeof Milestone>;

export const ChronologyFile = z.strictObject({
  about: z.string(),
  meetings: z.array(Meeting),
  milestones: z.array(Milestone),
});
export type ChronologyFile = z.infer<typeof ChronologyFile>;

export interface Chronology {
  meetings: Meeting[];
  milestones: Milestone[];
  /** One line per malformed entry: 'chronology.json: meetings[12] (chs-2012): end: …'. */
  problems: string[];
}

/** Zod says "expected string, received undefined" for a missing field; a reader wants "missing". */
const readable: z.core.$ZodErrorMap = (iss) => (iss.code === 'invalid_type' && iss.input === undefined ? 'missing' : undefined);

function describe(error: z.ZodError): string {
  return error.issues.map((iss) => (iss.path.length ? `${pathText(iss.path)}: ${iss.message}` : iss.message)).join('; ');
}

/** ['aliases', 'en', 0] → 'aliases.en[0]', as a reader of the JSON would point at it. */
function pathText(path: readonly PropertyKey[]): string {
  return path.map((k, i) => (typeof k === 'number' ? `[${k}]` : `${i ? '.' : ''}${String(k)}`)).join('');
}

function idOf(entry: unknown): string {
  const id = entry !== null && typeof entry === 'object' ? (entry as { id?: unknown }).id : undefined;
  return typeof id === 'string' && id !== '' ? id : 'no id';
}

/**
 * Validate a parsed chronology file entry by entry. Ids are unique across both lists (a meeting's id
 * becomes an event id); a later duplicate is reported and dropped. Entries come back in date order.
 */
export function loadChronology(json: unknown, file = 'chronology.json'): Chronology {
  const problems: string[] = [];
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    return { meetings: [], milestones: [], problems: [`${file}: expected a JSON object with "meetings" and "milestones"`] };
  }
  const raw = json as Record<string, unknown>;
  if (typeof raw.about !== 'string') problems.push(`${file}: about: expected a string saying what the file holds`);
  const unknownKeys = Object.keys(raw).filter((k) => !['about', 'meetings', 'milestones'].includes(k));
  if (unknownKeys.length) problems.push(`${file}: unknown key(s) ${unknownKeys.join(', ')}`);

  const seen = new Set<string>();
  function entries<T extends { id: string }>(list: 'meetings' | 'milestones', schema: z.ZodType<T>): T[] {
    const value = raw[list];
    if (!Array.isArray(value)) {
      problems.push(`${file}: ${list}: ${value === undefined ? 'missing' : 'expected an array'}`);
      return [];
    }
    const out: T[] = [];
    value.forEach((entry: unknown, i) => {
      const where = `${file}: ${list}[${i}] (${idOf(entry)})`;
      const parsed = schema.safeParse(entry, { error: readable });
      if (!parsed.success) return void problems.push(`${where}: ${describe(parsed.error)}`);
      if (seen.has(parsed.data.id)) return void problems.push(`${where}: id: duplicate of an earlier entry`);
      seen.add(parsed.data.id);
      out.push(parsed.data);
    });
    return out;
  }
  const meetings = entries('meetings', Meeting).sort((a, b) => cmp(a.start, b.start) || cmp(a.id, b.id));
  const milestones = entries('milestones', Milestone).sort((a, b) => cmp(a.date, b.date) || cmp(a.id, b.id));
  return { meetings, milestones, problems };
}

/** Parse the file's text first: text that is not JSON is one problem naming the file. */
export function loadChronologyText(text: string, file = 'chronology.json'): Chronology {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { meetings: [], milestones: [], problems: [`${file}: not valid JSON (${(e as Error).message})`] };
  }
  return loadChronology(json, file);
}

/**
 * Checks against the other data files: every placeId in the gazetteer, every `membership` a key of
 * membership.json's sources. Separate from loadChronology so that stays a function of one file.
 */
export function checkChronologyReferences(
  chronology: Pick<Chronology, 'meetings' | 'milestones'>,
  known: { placeIds: ReadonlySet<string>; membershipKeys: ReadonlySet<string> },
  file = 'chronology.json',
): string[] {
  const problems: string[] = [];
  for (const m of chronology.meetings) {
    if (m.placeId !== null && !known.placeIds.has(m.placeId))
      problems.push(`${file}: meeting ${m.id}: placeId: ${m.placeId} is not in the gazetteer`);
  }
  for (const m of chronology.milestones) {
    if (m.placeId !== null && !known.placeIds.has(m.placeId))
      problems.push(`${file}: milestone ${m.id}: placeId: ${m.placeId} is not in the gazetteer`);
    if (m.membership !== undefined && !known.membershipKeys.has(m.membership)) {
      problems.push(`${file}: milestone ${m.id}: membership: ${m.membership} is not a key of membership.json's sources`);
    }
  }
  return problems;
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The meetings whose span overlaps a date as precise as a text gives it: a day ('2018-06-10'), a
 * month ('2018-06') or a year ('2018'). Compares ISO strings, so no time zone can shift a day.
 */
export function meetingsOn(meetings: readonly Meeting[], date: string): Meeting[] {
  const from = date.length === 4 ? `${date}-01-01` : date.length === 7 ? `${date}-01` : date;
  const to = date.length === 4 ? `${date}-12-31` : date.length === 7 ? `${date}-31` : date;
  return meetings.filter((m) => m.start <= to && m.end >= from);
}

/** Days between two ISO days (b - a), for "beside a meeting's span" checks. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}
