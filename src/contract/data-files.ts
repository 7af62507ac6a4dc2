/**
 * The editable data files: what people change by hand (data/*.json and a corpus's corrections.json),
 * as opposed to what the pipeline writes (schema.ts). Each file is checked where it is loaded, with
 * `checkDataFile`, whose problems name the file and the entry ("data/topics.json: topics[3].keywords:
 * expected an array of strings"). The chronology's schema is its own module (chronology.ts).
 *
 * Loaders and their files:
 *   data/gazetteer.json, data/topics.json       src/pipeline/run.ts loadData (the CLI stops, exit 2)
 *   data/aliases.json, data/place-stoplist.json,
 *   data/gazetteer-include.json,
 *   data/place-names-ru-zh.json                 src/pipeline/tools/build-gazetteer.ts (stops, exit 2)
 *   <corpus>/corrections.json                   src/pipeline/corrections.ts (entry by entry; a bad one is skipped)
 *   data/membership.json                        src/app/map/membership.ts (a notice; that state goes uncoloured)
 *   data/story.json (served as story.json)      src/app/present/story-read.ts readStoryFile (a notice; that step is skipped)
 * The checking itself (JSON by line and column, zod's issues in plain words) is data-check.ts.
 *
 * Objects that the pipeline's own tools write (the gazetteer) are loose: a field added by a newer
 * builder passes through. Objects people write by hand are strict, so a misspelt key is named instead
 * of silently ignored.
 */
import { z } from './zod.ts';
import { LINK_CORRECTIONS } from './link-corrections.ts';
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

// ---- data/seas.json (names of seas and oceans on the map, for bearings) ----

const Names3 = z.strictObject({ en: z.string().min(1), ru: z.string().min(1), zh: z.string().min(1) });
export const SeaLabel = z.strictObject({
  id: slugId,
  names: Names3,
  lng: lon,
  lat,
  /** The zoom from which the name is written (small seas only close up). */
  minZoom: z.number().min(0).max(22),
});
export type SeaLabel = z.infer<typeof SeaLabel>;
export const SeasFile = z.strictObject({
  about,
  source: z.string().min(1, 'say where the names come from'),
  seas: z.array(SeaLabel).superRefine(unique((s: SeaLabel) => s.id, 'id')),
});
export type SeasFile = z.infer<typeof SeasFile>;

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
        if (!(p.source in f.sources))
          ctx.addIssue({ code: 'custom', path: ['states', i, 'periods', j, 'source'], message: `"${p.source}" is not a key of "sources"` });
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
    date: z
      .string()
      .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'expected YYYY, YYYY-MM or YYYY-MM-DD')
      .optional(),
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
  start: RealDate,
  end: RealDate.optional(),
  precision: Precision.optional(),
  placeId: z.string().nullable().optional(),
  online: z.boolean().optional(),
  title: z.string().min(1).optional(),
  topics: z.array(z.string()).optional(),
});
/**
 * An update's fields. `"end": null` takes the last day away (a two-day event made one day): read as an
 * end that is there and undefined, so the update's fields, laid over the event, leave it none; JSON
 * has no undefined, and an end left out keeps the event's own.
 */
const UpdateFields = EventFields.partial()
  .extend({
    end: RealDate.nullable()
      .transform((v) => (v === null ? undefined : v))
      .optional(),
  })
  .strict();
export const Correction = z.discriminatedUnion('action', [
  z.object({ action: z.literal('add-event'), docId: z.string().min(1), ...EventFields.shape, title: z.string().min(1), reason }).strict(),
  z.object({ action: z.literal('remove-event'), id: z.string().min(1), reason }).strict(),
  z.object({ action: z.literal('update-event'), id: z.string().min(1), set: UpdateFields, reason }).strict(),
  z
    .object({
      action: z.literal('add-place'),
      id: slugId,
      name: z.string().min(1),
      country: z.string(),
      countryCode: z.string().default(''),
      lon,
      lat,
      names: z.array(z.string().min(1)).default([]),
      reason,
    })
    .strict(),
  z.object({ action: z.literal('remove-place'), id: z.string().min(1), reason }).strict(),
  z
    .object({
      action: z.literal('update-place'),
      id: z.string().min(1),
      set: z
        .object({ name: z.string().min(1), country: z.string(), countryCode: z.string(), lon, lat })
        .partial()
        .strict(),
      reason,
    })
    .strict(),
  ...LINK_CORRECTIONS,
]);
export type Correction = z.infer<typeof Correction>;
/** A correction as it is written (before the check): an update's `end` may be null. */
export type CorrectionEntry = z.input<typeof Correction>;
/** The file's frame; its entries are checked one by one against `Correction`, so one bad entry hides no other. */
export const CorrectionsFile = z.object({ about: z.string().optional(), corrections: z.array(z.unknown()) }).strict();

// Checking a file as it is loaded (data-check.ts), re-exported so loaders need one import.
export { checkData, checkDataFile, dataPath, DataFileError, expectDataFile, problemsLine, type DataFileResult } from './data-check.ts';
