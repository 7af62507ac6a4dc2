/**
 * A cache entry's file, as the cache (cache.ts) reads it: its lines, its head, and the outcome it gives
 * back, whose report entry and records are parsed from their JSON only when asked for.
 */
import { readSync } from 'node:fs';
import type { ReportEntry } from '../contract/schema.ts';
import { asExtracted, PART, readKept, type Brief, type JoinPart, type MentionPart, type Parted, type PartHolder } from './join-part.ts';
import type { DocOutcome, TextFile } from './pool-job.ts';

/** The byte that ends an entry's lines, and the lines after its head, in order. */
export const NL = 0x0a;
export const LINES = ['events', 'layer', 'report', 'statements'] as const;
/** How many of them a run reads (the others, which the join only copies, are read when written out). */
export const READ = 2;

/** Reads from `at` until `into` is full or the file ends; how far it got. */
export function readInto(fd: number, into: Buffer, at: number): number {
  while (at < into.length) {
    const n = readSync(fd, into, at, into.length - at, at);
    if (n === 0) break;
    at += n;
  }
  return at;
}
/** An entry's first line. */
export interface Head {
  key: string;
  textBytes: number;
  /** The lengths of the lines after this one (LINES), in bytes. */
  lengths: number[];
  entry: PartHolder['entry'];
  ok?: { sco: boolean; document: NonNullable<DocOutcome['ok']>['document']; placeNames: [string, string[]][]; part: JoinPart | null };
}

/**
 * A mention's part (join-part.ts) as an entry's head keeps it: one array of its values in a fixed order,
 * a missing value as 0, and its brief's values after them when it has one. Why: a cached run parses
 * 1,000 heads of ~25 mentions each, and JSON.parse took ~230 ms over them with each mention an object
 * (every key read and looked up again, 25,000 times), against ~85 ms for arrays of the same values.
 */
type StoredMention = (string | number | boolean | readonly [string, string] | readonly number[])[];

const storedBrief = (b: Brief) => [
  b.end ?? 0,
  b.placeId ?? 0,
  b.online,
  b.precision,
  b.topic ?? 0,
  b.statements,
  b.sco ?? true,
  b.summitWords,
  b.span ?? 0,
];
const store = (m: MentionPart): StoredMention => [
  m.id,
  m.start,
  m.key,
  m.len,
  m.own,
  m.llen,
  m.link ? [m.link.meetingId, m.link.reason] : 0,
  m.note ?? 0,
  ...(m.brief ? storedBrief(m.brief) : []),
];
function stored(m: StoredMention): MentionPart {
  const [id, start, key, len, own, llen, link, note] = m as [
    string,
    string,
    string,
    number,
    number,
    number,
    [string, string] | 0,
    string | 0,
  ];
  const part: MentionPart = { id, start, key, len, own, llen };
  if (link) part.link = { meetingId: link[0], reason: link[1] };
  if (note) part.note = note;
  if (m.length > 8) {
    const [end, placeId, online, precision, topic, statements, sco, summitWords, span] = m.slice(8) as [
      string | 0,
      string | 0,
      boolean,
      string,
      string | 0,
      number,
      boolean,
      boolean,
      [number, number] | 0,
    ];
    const brief: Brief = { placeId: placeId || null, online, precision, statements, sco, summitWords, ...(span ? { span } : {}) };
    if (end) brief.end = end;
    if (topic) brief.topic = topic;
    part.brief = brief;
  }
  return part;
}

/** A head as its entry's first line keeps it (its mentions as arrays: see StoredMention). */
export function storeHead(head: Head): unknown {
  const part = head.ok?.part;
  if (!part) return head;
  return { ...head, ok: { ...head.ok, part: { ...part, mentions: part.mentions.map(store) } } };
}
/** A head read from its entry's first line (storeHead's), or an error that says what does not fit. */
export function headOf(raw: unknown): Head {
  const head = raw as Head;
  const mentions = head.ok?.part?.mentions as unknown;
  if (mentions !== undefined) {
    if (!Array.isArray(mentions) || !mentions.every((m) => Array.isArray(m) && (m.length === 8 || m.length === 17)))
      throw new Error('its mentions are not in the form this version keeps');
    head.ok!.part!.mentions = (mentions as StoredMention[]).map(stored);
  }
  return head;
}

/**
 * An entry as an outcome: its report entry and records parsed from their JSON the first time they are
 * read. `text`: the file that keeps the document's text, or the text itself (an outcome packed where it
 * was extracted, pool-pack.ts).
 */
export function readBack(head: Head, texts: PartHolder['texts'], part: JoinPart | null, text?: TextFile | string): DocOutcome & Parted {
  let entry: ReportEntry | undefined;
  const outcome: DocOutcome & Parted = {
    get entry() {
      return (entry ??= JSON.parse(readKept(texts.report).toString()) as ReportEntry);
    },
    [PART]: { part, texts, entry: head.entry },
  };
  if (head.ok && text !== undefined) {
    const { sco, document, placeNames } = head.ok;
    let events: NonNullable<DocOutcome['ok']>['events'] | undefined;
    let statements: NonNullable<DocOutcome['ok']>['statements'] | undefined;
    outcome.ok = {
      text,
      sco,
      document,
      placeNames,
      get events() {
        // Written as their own events when the document has a part (join-part.ts).
        return (events ??= part ? asExtracted(JSON.parse(texts.events.toString())) : JSON.parse(texts.events.toString()));
      },
      get statements() {
        return (statements ??= JSON.parse(readKept(texts.statements).toString()));
      },
    };
  }
  return outcome;
}
