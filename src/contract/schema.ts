/**
 * The data contract between the pipeline (writer) and the app (reader).
 *
 * Every file the pipeline writes to public/data/ has a schema here. The pipeline validates what it
 * writes before writing it; the app validates what it reads before showing it. Types are derived from
 * the schemas so the two can never drift apart.
 */
import { z } from './zod.ts';
import { Body, Meeting, MeetingFormat } from './chronology.ts';

/** `YYYY-MM-DD`, `YYYY-MM` or `YYYY`: as precise as the text is, never more. */
export const IsoPartialDate = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'expected YYYY, YYYY-MM or YYYY-MM-DD');

export const Precision = z.enum(['day', 'month', 'year']);
export type Precision = z.infer<typeof Precision>;

export const DocumentKind = z.enum(['declaration', 'speech', 'news report', 'event page', 'other']);
export type DocumentKind = z.infer<typeof DocumentKind>;

/** Who made a record: the extractor, or a person through the corrections file. */
export const Provenance = z.object({
  curated: z.boolean(),
  /** The reason given in the corrections file, when curated. */
  reason: z.string().optional(),
});

export const Event = z.object({
  id: z.string().min(1),
  docId: z.string().min(1),
  start: IsoPartialDate,
  end: IsoPartialDate.optional(),
  precision: Precision,
  placeId: z.string().nullable(),
  online: z.boolean(),
  title: z.string().min(1),
  topics: z.array(z.string()),
  statementIds: z.array(z.string()),
  /** The words in the source that gave the date, e.g. "17-19 June 2019". */
  dateText: z.string(),
  curated: z.boolean(),
  reason: z.string().optional(),
  /**
   * The id of the event-layer record (event-layer.json) this mention belongs to. Always written by the
   * pipeline; optional so that files written before the event layer existed still load.
   */
  eventId: z.string().min(1).optional(),
  /** The chronology meeting this mention was linked to, and why (an English sentence the app shows). */
  link: z.object({ meetingId: z.string().min(1), reason: z.string().min(1) }).optional(),
});
/**
 * One record per document and date: what each text dates (issue 10 calls these "mentions"). The
 * event layer (`LayerEvent`, event-layer.json) merges them into real events across documents.
 */
export type Event = z.infer<typeof Event>;
export const Events = z.array(Event);

/** The chronology's facts about a meeting, as a linked layer event carries them. */
export const MeetingRef = z.object({
  id: z.string().min(1),
  body: Body,
  ordinal: z.number().int().positive().nullable(),
  format: MeetingFormat,
  names: z.object({ en: z.string().min(1), ru: z.string().min(1), zh: z.string().min(1) }),
});
export type MeetingRef = z.infer<typeof MeetingRef>;

/**
 * The event layer (event-layer.json): one record per real event across documents. Mentions of one
 * chronology meeting make one event spanning the meeting's dates (id = the meeting's id, title = its
 * English name); unlinked mentions sharing date, place and kind merge, keeping the first mention's id.
 * A superset of `Event`, so the app can read either file.
 */
export const LayerEvent = Event.omit({ eventId: true, link: true }).extend({
  /** Every source document, in the order of their first mention. */
  docIds: z.array(z.string().min(1)).min(1),
  /** The mentions (events.json ids) merged here. Curated events added by the corrections file count as their own mention. */
  mentionIds: z.array(z.string().min(1)).min(1),
  /** False when no source document names the SCO (a UN page, say): not an SCO event. */
  sco: z.boolean(),
  meeting: MeetingRef.optional(),
  /** Why the event is linked to `meeting`: "linked: a document adopted at this meeting". */
  link: z.object({ reason: z.string().min(1) }).optional(),
});
export type LayerEvent = z.infer<typeof LayerEvent>;
export const LayerEvents = z.array(LayerEvent);

/**
 * meetings.json: the chronology's meetings (src/contract/chronology.ts, checked there when read), each
 * saying whether any document mentions it. The same fields, written as plain checks a JSON Schema can
 * hold too (the app's ahead-of-time validators), without the chronology's cross-field refinements.
 */
const IsoDayOut = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'expected YYYY-MM-DD');
const Names3 = z.object({ en: z.string().min(1), ru: z.string().min(1), zh: z.string().min(1) });
export const LayerMeeting = z.object({
  ...Meeting.shape,
  start: IsoDayOut,
  end: IsoDayOut,
  city: z.string().min(1),
  chair: z.string().regex(/^[A-Z]{2}$/),
  names: Names3,
  aliases: z.object({ en: z.array(z.string()), ru: z.array(z.string()), zh: z.array(z.string()) }),
  documents: z.array(z.object({ en: z.string().min(1), ru: z.string().min(1).optional(), zh: z.string().min(1).optional() })),
  source: z.string().min(1),
  note: z.string().optional(),
  mentioned: z.boolean(),
});
export type LayerMeeting = z.infer<typeof LayerMeeting>;
export const LayerMeetings = z.array(LayerMeeting);

export const Statement = z.object({
  id: z.string().min(1),
  docId: z.string().min(1),
  text: z.string(),
  /** Offsets in UTF-16 code units into the document's text as stored in documents/<docId>.txt. */
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  placeIds: z.array(z.string()),
  eventIds: z.array(z.string()),
  topics: z.array(z.string()),
  /** Spans inside `text` (offsets relative to the statement) worth highlighting. */
  marks: z.array(z.object({ kind: z.enum(['place', 'date']), start: z.number().int(), end: z.number().int() })),
});
export type Statement = z.infer<typeof Statement>;
export const Statements = z.array(Statement);

export const PlaceProperties = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  country: z.string(),
  /** ISO 3166-1 alpha-2 country code, when known. */
  countryCode: z.string(),
  /** Names seen in the text other than `name` (e.g. Nur-Sultan for Astana). */
  aliases: z.array(z.string()),
  /**
   * The place's name in the interface's other languages (the gazetteer's first Russian and simplified
   * Chinese name, data/place-names-ru-zh.json), when it has them; the app labels the map with them.
   */
  names: z.object({ ru: z.string().min(1).optional(), zh: z.string().min(1).optional() }).optional(),
  eventCount: z.number().int().nonnegative(),
  statementCount: z.number().int().nonnegative(),
  firstDate: IsoPartialDate.nullable(),
  lastDate: IsoPartialDate.nullable(),
  /** Where the coordinates come from. */
  source: z.string(),
  curated: z.boolean(),
  /** The reason given in the corrections file, when curated. */
  reason: z.string().optional(),
});
export type PlaceProperties = z.infer<typeof PlaceProperties>;

export const PlaceFeature = z.object({
  type: z.literal('Feature'),
  id: z.string().optional(),
  geometry: z.object({
    type: z.literal('Point'),
    coordinates: z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]),
  }),
  properties: PlaceProperties,
});
export type PlaceFeature = z.infer<typeof PlaceFeature>;

export const Places = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(PlaceFeature),
});
export type Places = z.infer<typeof Places>;

const CountRow = z.object({ month: z.string().regex(/^\d{4}-\d{2}$/), events: z.number().int(), statements: z.number().int() });

export const TimeSeries = z.object({
  /** Every month from the first to the last, with zeros, so the timeline can draw a strip. */
  months: z.array(z.string().regex(/^\d{4}-\d{2}$/)),
  total: z.array(CountRow),
  byTopic: z.record(z.string(), z.array(CountRow)),
  byPlace: z.record(z.string(), z.array(CountRow)),
});
export type TimeSeries = z.infer<typeof TimeSeries>;

export const DocumentMeta = z.object({
  id: z.string().min(1),
  file: z.string(),
  title: z.string(),
  kind: DocumentKind,
  published: IsoPartialDate.nullable(),
  source: z.string(),
  bytes: z.number().int().nonnegative(),
  chars: z.number().int().nonnegative(),
  eventCount: z.number().int().nonnegative(),
  statementCount: z.number().int().nonnegative(),
  placeCount: z.number().int().nonnegative(),
  /** URL path (relative to the data folder) of the normalised text that statement offsets index. */
  textPath: z.string(),
  /** The document's language (detected, or front matter `lang:`); the pipeline reads en, ru and zh. */
  lang: z.enum(['en', 'ru', 'zh']).optional(),
});
export type DocumentMeta = z.infer<typeof DocumentMeta>;
export const Documents = z.array(DocumentMeta);

export const ReportEntry = z.object({
  docId: z.string(),
  file: z.string(),
  status: z.enum(['ok', 'warning', 'failed']),
  found: z.object({ dates: z.number().int(), places: z.number().int(), events: z.number().int(), statements: z.number().int() }),
  skipped: z.array(z.object({ text: z.string(), offset: z.number().int(), why: z.string() })),
  messages: z.array(z.string()),
  /** How the file's bytes were read: the encoding and the detector's confidence (0-100). */
  encoding: z.object({ name: z.string(), confidence: z.number() }).optional(),
});
export type ReportEntry = z.infer<typeof ReportEntry>;
export const Report = z.object({
  documents: z.array(ReportEntry),
  corrections: z.array(z.string()),
  /** Problems with data/chronology.json, one line per entry (the rest still loads). */
  chronology: z.array(z.string()).optional(),
});
export type Report = z.infer<typeof Report>;

/** The file names the pipeline writes, relative to the data folder (zod-free, for the page: files.ts). */
export { DATA_FILES } from './files.ts';

/** Topics as the pipeline assigns them: a stable id and the label people read. */
export const Topic = z.object({ id: z.string().min(1), label: z.string().min(1) });
export type Topic = z.infer<typeof Topic>;
export const Topics = z.array(Topic);
