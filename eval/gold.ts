/**
 * The gold files of the development set and the seeds: their shape (zod), and the checks that make a
 * malformed set say which file and which entry is wrong. Pure: the caller reads the files.
 */
import { z } from 'zod';
import { IsoPartialDate } from '../src/contract/schema.ts';
import { precisionOfIso, type GoldEvent } from './score.ts';

/** The kinds of eval-format.md, plus 'speech' (one of the seeds is a video message). */
export const KINDS = ['encyclopedia', 'chronology', 'wire', 'press-release', 'analysis', 'declaration', 'event-page', 'speech'] as const;
export const LANGS = ['en', 'ru', 'zh'] as const;

/**
 * How a gold event's date is written, so recall can be read per form (optional tags on each event):
 * day "15 June 2001"; day-range "9–10 June 2018"; month-first "June 8-9", "Sept. 15-16"; and-range "on 15
 * and 16 September"; from-to "from 3 to 4 July"; numeric "15.06.2001", "3-4.07.2024"; split-year the year
 * in another column or before a dash ("2018 | 24 April", "2001 — Shanghai (15 June)"); no-year a day or
 * month whose year comes from elsewhere; weekday "on Friday"; relative "the day before", "last year";
 * dateline dated only by the dateline; month; year; online.
 */
export const FORMS = [
  'day',
  'day-range',
  'month-first',
  'and-range',
  'from-to',
  'numeric',
  'split-year',
  'no-year',
  'weekday',
  'relative',
  'dateline',
  'month',
  'year',
  'online',
] as const;

const GoldEventSchema = z
  .object({
    start: IsoPartialDate,
    end: IsoPartialDate.optional(),
    place: z.string().min(1).nullable(),
    online: z.boolean().optional(),
    evidence: z.string().min(1, 'quote the words of the text that date the event'),
    forms: z.array(z.enum(FORMS)).optional(),
  })
  .strict();

export const GoldFile = z
  .object({
    kind: z.enum(KINDS),
    lang: z.enum(LANGS),
    script: z.enum(['hans', 'hant']).optional(),
    events: z.array(GoldEventSchema),
    notEvents: z.array(z.string()).optional(),
    /** Free notes for the reader of the gold (where a fact was checked, what was left out and why). */
    notes: z.string().optional(),
  })
  .strict();
export type GoldFile = z.infer<typeof GoldFile>;

export interface GoldCheck {
  gold: GoldFile | null;
  /** Problems that make the set malformed (exit 2), each naming the file and the entry. */
  errors: string[];
  /** Doubts worth a look that do not stop the run (an evidence quote not found in the text). */
  warnings: string[];
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * Parses and checks one gold file. `file` names it in messages; `knownPlace` says whether a gazetteer
 * id exists; `lang` is the folder's language; `text` (the document as the pipeline reads it), when
 * given, is searched for each evidence quote.
 */
export function checkGold(file: string, raw: string, knownPlace: (id: string) => boolean, lang: string | null, text?: string): GoldCheck {
  const errors: string[] = [];
  const warnings: string[] = [];
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (e) {
    return { gold: null, errors: [`${file}: not valid JSON (${(e as Error).message})`], warnings };
  }
  const r = GoldFile.safeParse(json);
  if (!r.success) {
    return { gold: null, errors: r.error.issues.map((i) => `${file}: ${i.path.join('.') || 'file'}: ${i.message}`), warnings };
  }
  const gold = r.data;
  if (lang && gold.lang !== lang) errors.push(`${file}: lang "${gold.lang}" but the file is in the ${lang}/ folder`);
  if (gold.lang === 'zh' && !gold.script) errors.push(`${file}: script: a Chinese text needs "hans" or "hant"`);
  const seen = new Map<string, number>();
  gold.events.forEach((e, i) => {
    const at = `${file}: events[${i}] (${e.start}${e.end ? '..' + e.end : ''})`;
    if (e.place !== null && !knownPlace(e.place)) errors.push(`${at}: unknown place id "${e.place}" (not in data/gazetteer.json)`);
    if (e.end !== undefined) {
      if (precisionOfIso(e.end) !== precisionOfIso(e.start)) errors.push(`${at}: start and end must have the same precision`);
      else if (e.end <= e.start) errors.push(`${at}: end must come after start (omit end for one day)`);
    }
    const key = `${e.start}..${e.end ?? ''}@${e.place ?? ''}`;
    if (seen.has(key)) errors.push(`${at}: the same date and place as events[${seen.get(key)}]; annotate each (date, place) once`);
    else seen.set(key, i);
    if (text !== undefined && !squash(text).includes(squash(e.evidence)))
      warnings.push(`${at}: evidence not found in the text: "${e.evidence}"`);
  });
  return { gold, errors, warnings };
}

/** The year or date a notEvents entry starts with ("2025 (a plan: ...)"), to label false hits in reports. */
export function notEventDate(entry: string): string | null {
  return /^\s*(\d{4}(?:-\d{2}(?:-\d{2})?)?)/.exec(entry)?.[1] ?? null;
}

export type { GoldEvent };
