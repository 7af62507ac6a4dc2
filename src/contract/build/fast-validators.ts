/**
 * `virtual:sco-atlas/fast-validators` (Node side; imported by vite.config.ts only): a yes/no check of
 * each data file against the contract, compiled ahead of time.
 *
 * Why: the page validates what it reads with the zod schemas in ../schema.ts, and the page's
 * Content-Security-Policy forbids eval, so zod runs jitless: ~300-450 ms for 100,000 events in the
 * loading worker, on the path to the first screen. Ajv can compile a JSON Schema into plain JavaScript
 * source at build time ("standalone code"), which needs no eval when it runs and checks the same
 * 100,000 events in ~50-90 ms. The JSON Schemas come from the zod schemas themselves
 * (`z.toJSONSchema`), so there is still one contract. The page runs this check first; only when it
 * says no does zod run, to decide and to explain exactly what is wrong (check.ts). A property test
 * (tests/unit/contract-fast.test.ts) holds that this check never accepts what zod rejects.
 */
import Ajv2020 from 'ajv/dist/2020.js';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { z } from 'zod';
import type { Plugin } from 'vite';
import { DocumentMeta, Event, LayerEvents, LayerMeetings, Places, Report, Statement, TimeSeries, Topic } from '../schema.ts';
import { StoryFile, StoryStepSpec } from '../data-files.ts';
import { InboundMessage } from '../host-messages.ts';

export const FAST_VALIDATORS_ID = 'virtual:sco-atlas/fast-validators';

/** Export name → the schema of one data file (the names of DATA_FILES' keys). */
const FILES = {
  events: z.array(Event),
  places: Places,
  documents: z.array(DocumentMeta),
  topics: z.array(Topic),
  statements: z.array(Statement),
  timeseries: TimeSeries,
  report: Report,
  layer: LayerEvents,
  meetings: LayerMeetings,
  // Not data files of the pipeline, but read by the page at start: story.json (the story's steps) and
  // the messages a host page sends (the postMessage API).
  story: StoryFile,
  inbound: InboundMessage,
} as const;

/**
 * Refinements (zod `.refine`) the JSON Schema would otherwise leave out, written as JSON Schema, so
 * that the compiled check still never accepts what zod rejects: a story step names its event by at
 * least one of event, date, place or title (each a non-empty string when present).
 */
const REFINED = new Map<unknown, Record<string, unknown>>([
  [StoryStepSpec, { anyOf: ['event', 'date', 'place', 'title'].map((k) => ({ required: [k] })) }],
]);

/**
 * What the page needs before its first screen (the core files), what presenting needs (story.json, a
 * host's messages: read by present/, a chunk fetched after the first screen) and what it checks later or
 * seldom (statements, time series, the meetings, the report): three modules, so the page's first code
 * carries only the first set.
 */
export const FAST_SETS = {
  core: ['events', 'layer', 'places', 'documents', 'topics'],
  present: ['story', 'inbound'],
  later: ['statements', 'timeseries', 'report', 'meetings'],
} as const satisfies Record<string, readonly (keyof typeof FILES)[]>;

/** The module's source: one exported function per data file (of `names`, default all), `(json) => boolean`. */
export function fastValidatorsSource(names: readonly (keyof typeof FILES)[] = Object.keys(FILES) as (keyof typeof FILES)[]): string {
  // allErrors and messages off: the first failure is enough, zod explains. unicode: false counts string
  // lengths in UTF-16 code units, as zod's .min() does (and needs no runtime helper in the output);
  // ajv calls that option deprecated, which its logger would print on every build.
  const quiet = {
    log() {},
    warn(msg: unknown) {
      if (!String(msg).includes('option unicode')) console.warn(msg);
    },
    error: console.error,
  };
  const ajv = new Ajv2020({
    code: { source: true, esm: true, lines: false, optimize: 2 },
    strict: false,
    allErrors: false,
    messages: false,
    unicode: false,
    // NaN and Infinity are not numbers, as for zod (a host's postMessage can send them; JSON cannot).
    strictNumbers: true,
    logger: quiet,
  });
  const refs: Record<string, string> = {};
  for (const name of names) {
    const json = z.toJSONSchema(FILES[name], {
      io: 'input',
      unrepresentable: 'throw',
      override: (ctx) => void Object.assign(ctx.jsonSchema, REFINED.get(ctx.zodSchema) ?? {}),
    }) as Record<string, unknown>;
    delete json.$schema;
    ajv.addSchema({ ...json, $id: `sco-atlas:${name}` });
    refs[name] = `sco-atlas:${name}`;
  }
  return standaloneCode(ajv, refs);
}

/** `virtual:sco-atlas/fast-validators` (all of them, for tests and tools) and `.../core`, `.../present`, `.../later` (FAST_SETS). */
export function fastValidators(): Plugin {
  const ids = new Map<string, readonly (keyof typeof FILES)[] | undefined>([
    [FAST_VALIDATORS_ID, undefined],
    ...Object.entries(FAST_SETS).map(([set, names]): [string, readonly (keyof typeof FILES)[]] => [`${FAST_VALIDATORS_ID}/${set}`, names]),
  ]);
  return {
    name: 'sco-atlas:fast-validators',
    resolveId: (id) => (ids.has(id) ? `\0${id}` : undefined),
    load: (id) => (id.startsWith('\0') && ids.has(id.slice(1)) ? fastValidatorsSource(ids.get(id.slice(1))) : undefined),
  };
}
