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

/**
 * Reads the file's bytes from `from + at` into `into` from `at` until `end` (or the file ends); how far
 * it got.
 */
export function readInto(fd: number, into: Buffer, at: number, end = into.length, from = 0): number {
  while (at < end) {
    const n = readSync(fd, into, at, end - at, from + at);
    if (n === 0) break;
    at += n;
  }
  return at;
}

/**
 * The bytes a run keeps of its entries (their mentions and layer records), cut from blocks of 1 MB
 * shared by many entries. Why: reading each whole entry into a buffer of its own (~32 KB, most of it
 * the report and statements the join only copies later) cost a cached run over 1,000 entries 32 MB of
 * buffers outside the heap, which the engine counts towards its next full collection.
 */
const BLOCK = 1 << 20;
let block = Buffer.allocUnsafeSlow(0);
let blockAt = 0;
export function keptBytes(n: number): Buffer {
  if (blockAt + n > block.length) {
    block = Buffer.allocUnsafeSlow(Math.max(BLOCK, n));
    blockAt = 0;
  }
  const bytes = block.subarray(blockAt, blockAt + n);
  blockAt += n;
  return bytes;
}
/** Where entries' heads are read (they are parsed, not kept): one buffer for all, grown for a larger head. */
let scratch = Buffer.allocUnsafeSlow(1 << 16);

/**
 * An entry's head line (its text, ASCII), read from the file's start, and how many bytes of the file
 * the scratch buffer then holds (from 0): the caller takes what follows the head from there first.
 */
export function readHeadLine(fd: number, size: number): { line: string; cut: number; have: number; scratch: Buffer } {
  let have = readInto(fd, scratch, 0, Math.min(size, scratch.length));
  let cut = scratch.subarray(0, have).indexOf(NL);
  while (cut < 0 && have < size && have === scratch.length) {
    const larger = Buffer.allocUnsafeSlow(scratch.length * 2);
    scratch.copy(larger, 0, 0, have);
    scratch = larger;
    have = readInto(fd, scratch, have, Math.min(size, scratch.length));
    cut = scratch.subarray(0, have).indexOf(NL);
  }
  if (cut < 0) throw new Error('cut short');
  return { line: scratch.toString('latin1', 0, cut), cut, have, scratch };
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
// Read by index, not destructured: a cold run's destructuring of an array goes through its iterator.
function stored(m: StoredMention): MentionPart {
  const v = m as (string | number | boolean | [string, string] | [number, number])[];
  const part: MentionPart = {
    id: v[0] as string,
    start: v[1] as string,
    key: v[2] as string,
    len: v[3] as number,
    own: v[4] as number,
    llen: v[5] as number,
  };
  const link = v[6] as [string, string] | 0;
  if (link) part.link = { meetingId: link[0], reason: link[1] };
  if (v[7]) part.note = v[7] as string;
  if (v.length > 8) {
    const brief: Brief = {
      placeId: (v[9] as string | 0) || null,
      online: v[10] as boolean,
      precision: v[11] as string,
      statements: v[13] as number,
      sco: v[14] as boolean,
      summitWords: v[15] as boolean,
    };
    if (v[16]) brief.span = v[16] as [number, number];
    if (v[8]) brief.end = v[8] as string;
    if (v[12]) brief.topic = v[12] as string;
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
