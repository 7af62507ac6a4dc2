/**
 * The editable data files: what people change by hand (data/*.json and a corpus's corrections.json),
 * as opposed to what the pipeline writes (schema.ts). Each file is checked where it is loaded, with
 * `checkDataFile`, whose problems name the file and the entry ("data/topics.json: topics[3].keywords:
 * expected an array of strings"). The chronology's schema is its own module (chronology.ts).
 *
 * Loaders and their files:
 *   data/gazetteer.json, data/topics.json       src/pipeline/run.ts loadData (the CLI stops, exit 2)
 *   data/aliases.json, data/place-stoplist.json,
 *   data/gazetteer-include.json                 src/pipeline/tools/build-gazetteer.ts (stops)
 *   <corpus>/corrections.json                   src/pipeline/corrections.ts (entry by entry; a bad one is skipped)
 *   data/membership.json                        src/app/map/membership.ts (a notice; the map goes uncoloured)
 *   data/story.json (served as story.json)      the app's presentation layer (a notice; every event is shown)
 *
 * Objects that the pipeline's own tools write (the gazetteer) are loose: a field added by a newer
 * builder passes through. Objects people write by hand are strict, so a misspelt key is named instead
 * of silently ignored.
 */
import { z } from 'zod';
import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { IsoDay } from './chronology.ts';
import { IsoPartialDate, Precision } from './schema.ts';

const strings = () => z.array(z.string(), 'expected an array of strings');
const slugId = z.string().regex(/^[a-z0-9-]+$/, 'use lower-case letters, digits and hyphens');
const countryCode = z.string().regex(/^[A-Z]{2}$/, 'expected a two-letter country code such as "KZ"');
const lat = z.number().min(-90).max(90);
const lon = z.number().min(-180).max(180);
const about = z.string().optional();

/** An entry whose `key` repeats an earlier one's is named with both places (e.g. two places with one id). */
function unique<T>(key: (t: T) => string, what: string) {
  return (list: T[], ctx: z.RefinementCtx) => {
    const first = new Map<string, number>();
    list.forEach((t, i) => {
      const k = key(t);
      const at = first.get(k);
      if (at === undefined) first.set(k, i);
      else ctx.addIssue({ code: 'custom', path: [i], message: `${what} "${k}" is already used by entry ${at}` });
    });
  };
}

// ---- data/gazetteer.json (built by src/pipeline/tools/build-gazetteer.ts; GeoNames, CC BY 4.0) ----

export const GazetteerPlace = z.looseObject({
  id: slugId,
  name: z.string().min(1),
  names: strings(),
  country: z.string(),
  countryCode: z.string(),
  lat,
  lon,
  population: z.number().min(0),
  /** Where the coordinates come from (defaults to the file's `source`). */
  source: z.string().optional(),
  curated: z.boolean().optional(),
  /** Russian names, the display name first (from data/place-names-ru-zh.json). */
  ru: strings().optional(),
  /** Chinese names: simplified first, then the traditional forms the builder adds. */
  zh: strings().optional(),
  /** Stems of Russian adjectives of the name ("московск"). */
  ruAdjective: strings().optional(),
  /** How texts name the country this is the capital of ("the capital of X"). */
  capitalOf: z.looseObject({ ru: strings().optional(), zh: strings().optional() }).optional(),
});
export type GazetteerPlace = z.infer<typeof GazetteerPlace>;

export const GazetteerFile = z.looseObject({
  about,
  source: z.string().min(1, 'name where the places come from'),
  license: z.string().optional(),
  places: z.array(GazetteerPlace).superRefine(unique((p) => p.id, 'id')),
});
export type GazetteerFile = z.infer<typeof GazetteerFile>;

// ---- the gazetteer builder's inputs ----

/** data/aliases.json: English names and other names (renamings) of places, keyed by GeoNames name and country. */
export const AliasesFile = z.strictObject({
  about,
  places: z.array(
    z.strictObject({
      name: z.string().min(1),
      country: countryCode,
      /** The entry's name in GeoNames when it differs from `name`. */
      geonames: z.string().min(1).optional(),
      aliases: z.array(z.strictObject({ name: z.string().min(1), from: z.int().optional(), to: z.int().optional() })),
      source: z.string().min(1, 'say where the names come from'),
    }),
  ),
});
export type AliasesFile = z.infer<typeof AliasesFile>;

/** data/place-stoplist.json: names never read as places. */
export const PlaceStoplistFile = z.strictObject({ about, names: z.array(z.string().min(1), 'expected an array of strings') });
export type PlaceStoplistFile = z.infer<typeof PlaceStoplistFile>;

/** data/gazetteer-include.json: [GeoNames name, country code] pairs kept whatever their population. */
export const GazetteerIncludeFile = z.strictObject({
  about,
  places: z.array(z.tuple([z.string().min(1), countryCode], 'expected ["Name", "CC"]')),
});
export type GazetteerIncludeFile = z.infer<typeof GazetteerIncludeFile>;

/**
 * data/place-names-ru-zh.json: Russian and Chinese names of gazetteer places, keyed by gazetteer id;
 * `capitals`: how texts name the country whose capital the place is.
 */
const RuZhNames = z.strictObject({ ru: strings().optional(), zh: strings().optional(), ruAdjective: strings().optional() });
export const PlaceNamesRuZhFile = z.strictObject({
  about,
  source: z.string().min(1, 'say where the names come from'),
  places: z.record(slugId, RuZhNames),
  capitals: z.record(slugId, z.strictObject({ ru: strings().optional(), zh: strings().optional() })),
});
export type PlaceNamesRuZhFile = z.infer<typeof PlaceNamesRuZhFile>;

// ---- data/topics.json ----

export const TopicsFile = z.strictObject({
  about,
  topics: z
    .array(
      z.strictObject({
        id: slugId,
        label: z.string().min(1),
        headings: strings(),
        keywords: strings(),
      }),
    )
    .superRefine(unique((t) => t.id, 'topic id')),
});
export type TopicsFile = z.infer<typeof TopicsFile>;

// ---- data/membership.json (the app colours the map with it) ----

export const MembershipStatus = z.enum(['member', 'observer', 'partner']);
export type MembershipStatus = z.infer<typeof MembershipStatus>;

export const MembershipPeriod = z
  .strictObject({
    status: MembershipStatus,
    from: IsoDay,
    /** Absent: still in force. A period covers [from, to). */
    to: IsoDay.optional(),
    /** A key of the file's `sources`. */
    source: z.string().min(1),
    note: z.string().optional(),
  })
  .refine((p) => p.to === undefined || p.to > p.from, { message: '"to" must be after "from"', path: ['to'] });

export const MembershipFile = z
  .strictObject({
    about,
    statuses: z.record(MembershipStatus, z.string().min(1)),
    sources: z.record(z.string(), z.string().min(1)),
    states: z
      .array(
        z.strictObject({
          /** ISO 3166-1 numeric, as the world-atlas country shapes use. */
          id: z.string().regex(/^\d{3}$/, 'expected a three-digit ISO 3166-1 numeric code such as "398"'),
          name: z.string().min(1),
          periods: z.array(MembershipPeriod),
        }),
      )
      .superRefine(unique((s) => s.id, 'state id')),
  })
  .superRefine((f, ctx) => {
    f.states.forEach((s, i) =>
      s.periods.forEach((p, j) => {
        if (!(p.source in f.sources)) ctx.addIssue({ code: 'custom', path: ['states', i, 'periods', j, 'source'], message: `"${p.source}" is not a key of "sources"` });
      }),
    );
  });
export type MembershipFile = z.infer<typeof MembershipFile>;

// ---- data/story.json (served as story.json next to the pipeline's output) ----

/**
 * A step names its event by id, or — because ids can change when the corpus grows — by date and place
 * ("2020-11-10" + "moscow" or "Moscow"), optionally narrowed by words of the title.
 */
export const StoryStepSpec = z
  .strictObject({
    event: z.string().min(1).optional(),
    date: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'expected YYYY, YYYY-MM or YYYY-MM-DD').optional(),
    place: z.string().min(1).optional(),
    title: z.string().min(1).optional(),
    /** Words shown above the statement instead of the event's title. */
    caption: z.string().max(400).optional(),
  })
  .refine((s) => s.event || s.date || s.place || s.title, 'a step needs event, date, place or title');
export type StoryStepSpec = z.infer<typeof StoryStepSpec>;

export const StoryFile = z.strictObject({
  about,
  title: z.string().max(200).optional(),
  steps: z.array(StoryStepSpec),
});
export type StoryFile = z.infer<typeof StoryFile>;

// ---- <corpus>/corrections.json (checked entry by entry by src/pipeline/corrections.ts) ----

/** A partial ISO date that is also a real calendar day ("2022-02-31" and "2020-13-01" are not). */
// (zod runs a refinement even after the pattern failed, so it must not throw on "2020-13-01" or "99999-01-01".)
const RealDate = IsoPartialDate.refine((s) => s.length !== 10 || IsoDay.safeParse(s).success, 'not a real calendar date');
const reason = z.string().min(1, 'give a reason');
const EventFields = z.object({
  start: RealDate, end: RealDate.optional(), precision: Precision.optional(), placeId: z.string().nullable().optional(),
  online: z.boolean().optional(), title: z.string().min(1).optional(), topics: z.array(z.string()).optional(),
});
export const Correction = z.discriminatedUnion('action', [
  z.object({ action: z.literal('add-event'), docId: z.string().min(1), ...EventFields.shape, title: z.string().min(1), reason }).strict(),
  z.object({ action: z.literal('remove-event'), id: z.string().min(1), reason }).strict(),
  z.object({ action: z.literal('update-event'), id: z.string().min(1), set: EventFields.partial().strict(), reason }).strict(),
  z.object({
    action: z.literal('add-place'), id: slugId, name: z.string().min(1),
    country: z.string(), countryCode: z.string().default(''), lon, lat,
    names: z.array(z.string().min(1)).default([]), reason,
  }).strict(),
  z.object({ action: z.literal('remove-place'), id: z.string().min(1), reason }).strict(),
  z.object({
    action: z.literal('update-place'), id: z.string().min(1),
    set: z.object({ name: z.string().min(1), country: z.string(), countryCode: z.string(), lon, lat }).partial().strict(),
    reason,
  }).strict(),
]);
export type Correction = z.infer<typeof Correction>;
/** The file's frame; its entries are checked one by one against `Correction`, so one bad entry hides no other. */
export const CorrectionsFile = z.object({ about: z.string().optional(), corrections: z.array(z.unknown()) }).strict();

// ---- checking a file as it is loaded ----

export type DataFileResult<T> = { ok: true; data: T } | { ok: false; problems: string[] };

/**
 * Parses `text` (the content of `file`, the name shown to people, e.g. "data/topics.json") and checks
 * it against `schema`. Problems read "data/topics.json: topics[3].keywords: expected an array of
 * strings"; a JSON syntax error gives the line and column. Pure: runs in Node, the browser and workers.
 */
export function checkDataFile<T>(file: string, schema: z.ZodType<T>, text: string): DataFileResult<T> {
  const json = parseJson(file, text);
  if (!json.ok) return json;
  return checkData(file, schema, json.data);
}

/**
 * `checkDataFile` for a value already parsed (e.g. a JSON module bundled at build time). `at`: where
 * the value sits in its file, when one entry is checked on its own (['steps', 2]).
 */
export function checkData<T>(file: string, schema: z.ZodType<T>, value: unknown, at: readonly PropertyKey[] = []): DataFileResult<T> {
  const r = schema.safeParse(value, { error: plainWords });
  if (r.success) return { ok: true, data: r.data };
  return {
    ok: false,
    problems: r.error.issues.map((i) => {
      const path = [...at, ...i.path];
      return `${file}: ${path.length ? `${dataPath(path)}: ` : ''}${i.message}`;
    }),
  };
}

/** The problems as one line (the first few, then how many more): what a CLI prints before exit 2. */
export function problemsLine(problems: readonly string[], shown = 3): string {
  const more = problems.length - shown;
  return problems.slice(0, shown).join('; ') + (more > 0 ? `; and ${more} more problem${more === 1 ? '' : 's'}` : '');
}

/** Thrown by loaders of the tool's own configuration (data/*.json): the file is unusable. */
export class DataFileError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problemsLine(problems));
    this.name = 'DataFileError';
  }
}

/** The data, or a DataFileError naming the file and entry. */
export function expectDataFile<T>(file: string, schema: z.ZodType<T>, text: string): T {
  const r = checkDataFile(file, schema, text);
  if (!r.ok) throw new DataFileError(r.problems);
  return r.data;
}

/** `topics[3].keywords`: the way a person would point into the file. */
export function dataPath(path: readonly PropertyKey[]): string {
  return path
    .map((k, i) => (typeof k === 'number' ? `[${k}]` : /^[A-Za-z_$][\w$]*$/.test(String(k)) ? `${i > 0 ? '.' : ''}${String(k)}` : `[${JSON.stringify(String(k))}]`))
    .join('');
}

function parseJson(file: string, text: string): DataFileResult<unknown> {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text; // a byte-order mark some editors add
  try {
    return { ok: true, data: JSON.parse(body) };
  } catch (e) {
    return { ok: false, problems: [`${file}: ${jsonSyntaxProblem(body, (e as Error).message)}`] };
  }
}

const SYNTAX_WORDS: Record<string, string> = {
  InvalidSymbol: 'an unexpected character',
  InvalidNumberFormat: 'a malformed number',
  PropertyNameExpected: 'a key in double quotes was expected',
  ValueExpected: 'a value was expected',
  ColonExpected: "':' was expected",
  CommaExpected: "',' was expected",
  CloseBraceExpected: "'}' was expected",
  CloseBracketExpected: "']' was expected",
  EndOfFileExpected: 'more text after the end of the JSON value',
  InvalidCommentToken: 'comments are not allowed in JSON',
  UnexpectedEndOfComment: 'comments are not allowed in JSON',
  UnexpectedEndOfString: 'a string is not closed',
  UnexpectedEndOfNumber: 'a number is cut short',
  InvalidUnicode: 'a malformed \\u escape',
  InvalidEscapeCharacter: 'a malformed escape (\\) in a string',
  InvalidCharacter: 'a line break or control character inside a string',
};

/**
 * Where and what: JSON.parse's own message gives no line (and on Node 20 often no position), so the
 * text is scanned again by jsonc-parser (the VS Code JSON scanner) in strict mode for the offset of the
 * first error. Only runs on a file that has already failed.
 */
function jsonSyntaxProblem(text: string, fallback: string): string {
  if (text.trim() === '') return 'the file is empty (expected JSON)';
  const errors: ParseError[] = [];
  parseJsonc(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const first = errors[0];
  if (!first) return `not valid JSON (${fallback})`;
  // Cut short (a failed copy or download): the scanner reached the end still inside a value, and the
  // first error is on the last line (e.g. an unclosed string where the text stops).
  const end = text.trimEnd().length;
  if (errors.some((e) => e.offset >= end) && !text.slice(first.offset, end).includes('\n')) {
    return `not valid JSON: the file ends before the JSON is complete (cut short at line ${lineCol(text, end)})`;
  }
  const code = printParseErrorCode(first.error);
  return `not valid JSON at line ${lineCol(text, first.offset)}: ${SYNTAX_WORDS[code] ?? code}`;
}

function lineCol(text: string, offset: number): string {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return `${line}, column ${offset - start + 1}`;
}

// ---- plain words for zod's issues (per parse, so no global zod setting changes) ----

const NOUN: Record<string, string> = {
  string: 'a string', number: 'a number', int: 'a whole number', boolean: 'true or false', array: 'an array',
  object: 'an object', tuple: 'an array', record: 'an object', null: 'null', literal: 'a fixed value',
};

function shown(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  if (typeof v === 'object') return 'an object';
  return String(v);
}

type Issue = z.core.$ZodRawIssue;

function plainWords(iss: Issue): string | undefined {
  const got = shown(iss.input);
  switch (iss.code) {
    case 'invalid_type': {
      const want = NOUN[iss.expected] ?? iss.expected;
      return iss.input === undefined ? `missing (expected ${want})` : `expected ${want}, got ${got}`;
    }
    case 'unrecognized_keys':
      return `unknown key${iss.keys.length > 1 ? 's' : ''} ${iss.keys.map((k) => `"${k}"`).join(', ')}`;
    case 'invalid_value':
      return `expected ${iss.values.map((v) => JSON.stringify(v)).join(' or ')}, got ${got}`;
    case 'invalid_union':
      if ('options' in iss && Array.isArray(iss.options)) return `expected ${iss.options.map((v) => JSON.stringify(v)).join(' or ')}, got ${got}`;
      return `does not match any allowed form`;
    case 'too_small':
      if (iss.origin === 'string') return Number(iss.minimum) <= 1 ? 'must not be empty' : `needs at least ${iss.minimum} characters`;
      if (iss.origin === 'array') return `needs at least ${iss.minimum} entr${Number(iss.minimum) === 1 ? 'y' : 'ies'}`;
      return `must be ${iss.inclusive ? 'at least' : 'more than'} ${iss.minimum}, got ${got}`;
    case 'too_big':
      if (iss.origin === 'string') return `must be at most ${iss.maximum} characters`;
      if (iss.origin === 'array') return `has more than ${iss.maximum} entries`;
      return `must be ${iss.inclusive ? 'at most' : 'less than'} ${iss.maximum}, got ${got}`;
    case 'invalid_format':
      return `${got} is not in the expected form`;
    default:
      return undefined;
  }
}
