/**
 * A document's part of the join, made once when it is extracted and kept beside its cache entry
 * (cache.ts), so that a run over 1,000 cached documents merges 1,000 small parts (join-fast.ts) instead
 * of parsing and joining every record again. Pure: a document's outcome and the meetings in, its part out.
 *
 * A part holds what the join needs of each mention: its date and id (the order of events.json), the
 * key that groups it with others (date, place or online, kind of event), and its link to a meeting of
 * the chronology (worked out here, against the meetings whose hash it keeps); and what the document
 * adds to places.geojson and timeseries.json, counted (aggregate.ts). The records themselves stay JSON
 * text (`JoinTexts`), written out as they are: the outputs are these texts put together in the join's order.
 *
 * Only a document the fast join can take as it is gets a part: every record's id starts with the
 * document's, no mention is curated or carries an event id or link already, every statement's events
 * are this document's mentions. Any other document (none in practice: corrections are applied later)
 * gives no part, and the run joins the whole folder the slower way (run.ts), with the same result.
 */
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type { Meeting } from '../contract/chronology.ts';
import { spanOf, summitByWords, type IndexRow } from '../contract/event-index-file.ts';
import { DocumentMeta, ReportEntry, type Event } from '../contract/schema.ts';
import { countPlaces, countSeries, type PlaceCount, type SeriesCount } from './aggregate.ts';
import { kindOf } from './events/layer.ts';
import { disagreement, linkMention, mayLink } from './events/link.ts';
import type { DocOutcome } from './pool-job.ts';

/** What the join needs of one mention (events.json record): what orders it, groups it and finds its JSON. */
export interface MentionPart {
  id: string;
  start: string;
  /**
   * What groups it with others when it is not linked to a meeting (events/layer.ts): its date, place
   * (or online) and the kind of event its title names; or its own id when it has neither place nor online.
   */
  key: string;
  /** The length in bytes (UTF-8) of its JSON in `JoinTexts.events`, written as its own event's (`eventId` its id). */
  len: number;
  /** The length of the end of that JSON that says so: `,"eventId":"<its id>"}`. */
  own: number;
  /**
   * The length of its record in `JoinTexts.layer` when, alone in its event and unlinked, it is the
   * mention with the layer's fields added (the fields of an extracted mention in the contract's order,
   * topics and statements sorted and without repeats, not curated); else 0, and the join makes the
   * record with the layer's own code.
   */
  llen: number;
  /**
   * With `llen`: what event-index.json says of its event (contract/event-index-file.ts), so the join
   * writes that file without reading the layer's records back.
   */
  brief?: Brief;
  link?: { meetingId: string; reason: string };
  /** Where the text and the chronology disagree about its link (a line of report.json). */
  note?: string;
}

/** A mention's fields that event-index.json reads, less those the part has already (id, start). */
export type Brief = Pick<IndexRow, 'end' | 'placeId' | 'online' | 'precision' | 'sco' | 'span'> & {
  topic?: string;
  statements: number;
  summitWords: boolean;
};

const NO_TOPICS: readonly string[] = [];
/**
 * A brief as the row event-index.json is written from. Its fields named one by one: a spread of the
 * brief cost ~0.06 s over 25,000 rows in a cold run (a one-document change on 1,000 documents).
 */
export const rowOf = (id: string, start: string, b: Brief): IndexRow => ({
  id,
  start,
  end: b.end,
  placeId: b.placeId,
  online: b.online,
  precision: b.precision,
  sco: b.sco,
  summitWords: b.summitWords,
  span: b.span,
  topics: b.topic === undefined ? NO_TOPICS : [b.topic],
  statementIds: { length: b.statements },
});

/** One document's part: what the join reads of it besides the JSON texts. */
export interface JoinPart {
  /** The hash of the meetings its links were worked out against (`meetingsHash`). */
  meetings: string;
  mentions: MentionPart[];
  /** How many statements it has. */
  statements: number;
  /** What its mentions and statements add to places.geojson and timeseries.json (aggregate.ts). */
  places: Record<string, PlaceCount>;
  series: SeriesCount | null;
}

/** Bytes kept in a file (a cache entry's) and read only when they are needed: the join copies them whole. */
export interface FileBytes {
  path: string;
  start: number;
  length: number;
  /** The file's size when the run read its head: a file replaced since (of another size) is not read. */
  size: number;
}
export type Kept = Uint8Array | FileBytes;

/** A JSON array's items: the bytes between its brackets, or null when it has none. */
export function inner(k: Kept): Kept | null {
  if (k.length <= 2) return null;
  return k instanceof Uint8Array ? k.subarray(1, -1) : { ...k, start: k.start + 1, length: k.length - 2 };
}

/** Kept pieces put together (read from their files where they are kept). */
export const joinKept = (pieces: Kept | readonly Kept[]): Buffer =>
  Array.isArray(pieces) ? Buffer.concat(pieces.map(readKept)) : readKept(pieces as Kept);

/** Kept bytes, read when they are in a file (I/O: called by the cache, the writer, or to read records back). */
export function readKept(k: Kept): Buffer {
  if (k instanceof Uint8Array) return Buffer.from(k.buffer, k.byteOffset, k.length);
  const b = Buffer.allocUnsafe(k.length);
  const fd = openSync(k.path, 'r');
  try {
    if (fstatSync(fd).size !== k.size) throw new Error(`${k.path} changed while the run was going on; run again`);
    for (let at = 0; at < k.length;) {
      const n = readSync(fd, b, at, k.length - at, k.start + at);
      if (n === 0) throw new Error(`${k.path}: cut short while it was read`);
      at += n;
    }
  } finally {
    closeSync(fd);
  }
  return b;
}

/**
 * The JSON texts of one document's records, as the outputs hold them, in UTF-8: kept as bytes (read from
 * the cache as they are, cut and put together without being decoded into strings). The report entry and
 * the statements, which the join only copies, stay in the cache's file until the outputs are written.
 */
export interface JoinTexts {
  /** Its report entry, as the contract reads it (ReportEntry). */
  report: Kept;
  /**
   * Its mentions as one JSON array (each `MentionPart.len` bytes, a comma between), each written as its
   * own event (with `eventId`) when the document has a part, as extracted when not; empty when it was
   * not read whole.
   */
  events: Buffer;
  /** Its mentions' records of the layer, each (`MentionPart.llen` bytes) followed by a comma. */
  layer: Buffer;
  /** Its statements as one JSON array; empty when it was not read whole. */
  statements: Kept;
}

/** An outcome's part and texts, once made (attached by the cache, or by the join to a fresh outcome). */
export const PART = Symbol('join part');
export interface PartHolder {
  part: JoinPart | null;
  /** Its documents.json record, as the contract reads it (checked once, when the part is made). */
  document?: DocumentMeta;
  texts: JoinTexts;
  /** What the run says of the document besides its report entry's text. */
  entry: Pick<ReportEntry, 'docId' | 'file' | 'status' | 'messages'>;
}
export interface Parted {
  [PART]?: PartHolder;
}

/** The hash the parts' links depend on: the meetings as linking reads them. */
export const meetingsHash = (meetings: readonly Meeting[]) => createHash('sha256').update(JSON.stringify(meetings)).digest('hex');

/** The fields of an extracted mention in the contract's order (Event), with and without `end`. */
const PLAIN = ['id', 'docId', 'start', 'end', 'precision', 'placeId', 'online', 'title', 'topics', 'statementIds', 'dateText', 'curated'];
const PLAIN_NO_END = PLAIN.filter((k) => k !== 'end');
const sortedUnique = (xs: readonly string[]) => xs.every((x, i) => i === 0 || xs[i - 1]! < x);
const sameKeys = (o: object, keys: readonly string[]) => {
  const own = Object.keys(o);
  return own.length === keys.length && own.every((k, i) => k === keys[i]);
};

/**
 * The links of one document's mentions to the meetings, as buildLayer makes them without corrections:
 * a mention with a meeting near its date is linked on its own sentences and its document's title.
 */
export function linksOf(
  events: readonly Event[],
  sentences: ReadonlyMap<string, string>,
  title: string,
  meetings: readonly Meeting[],
): (Pick<MentionPart, 'link' | 'note'> | undefined)[] {
  return events.map((e) => {
    if (!mayLink(e, meetings)) return undefined;
    const link = linkMention(e, { sentences: e.statementIds.map((id) => sentences.get(id) ?? ''), docTitle: title }, meetings);
    if (!link) return undefined;
    const note = disagreement(e, link.meeting);
    return { link: { meetingId: link.meeting.id, reason: link.reason }, ...(note ? { note } : {}) };
  });
}

/** A document's texts, and its part when the fast join can take it (see above); `meetings` sorted as the layer reads them. */
export function makePart(outcome: DocOutcome, meetings: readonly Meeting[], hash = meetingsHash(meetings)): PartHolder {
  const { docId, file, status, messages } = outcome.entry;
  const entry = { docId, file, status, messages };
  const report = Buffer.from(JSON.stringify(ReportEntry.parse(outcome.entry)));
  const ok = outcome.ok;
  const none = Buffer.alloc(0);
  if (!ok) return { part: null, texts: { report, events: none, layer: none, statements: none }, entry };
  const statements = Buffer.from(JSON.stringify(ok.statements));
  const part = partOf(ok.document, ok.sco, ok.events, ok.statements, meetings, hash);
  const document = DocumentMeta.parse(ok.document);
  if (!part)
    return { part: null, document, texts: { report, events: Buffer.from(JSON.stringify(ok.events)), layer: none, statements }, entry };
  return { part: part.part, document, texts: { report, events: part.events, layer: part.layer, statements }, entry };
}

/** What event-index.json reads of a plain mention alone in its event (its layer record: `sco` its document's). */
const briefOf = (e: Event, sco: boolean): Brief => {
  const { start, end, topics } = e;
  const brief: Brief = {
    placeId: e.placeId,
    online: e.online,
    precision: e.precision,
    statements: e.statementIds.length,
    sco,
    summitWords: summitByWords(e),
    // Its days, worked out here (on the extracting thread, and kept in the cache) rather than in each join.
    span: spanOf(start, end),
  };
  if (end !== undefined) brief.end = end;
  if (topics.length) brief.topic = topics[0];
  return brief;
};

/** The fields a mention read back from `JoinTexts.events` has besides those it was extracted with. */
export const asExtracted = (events: (Event & { eventId?: string })[]): Event[] => {
  for (const e of events) delete e.eventId;
  return events;
};

function partOf(
  document: DocumentMeta,
  sco: boolean,
  events: readonly Event[],
  statements: NonNullable<DocOutcome['ok']>['statements'],
  meetings: readonly Meeting[],
  hash: string,
): { part: JoinPart; events: Buffer; layer: Buffer } | null {
  const prefix = `${document.id}:`;
  const index = new Map<string, number>();
  for (const [i, e] of events.entries()) {
    if (e.docId !== document.id || !e.id.startsWith(prefix) || index.has(e.id)) return null;
    if ('eventId' in e || 'link' in e || e.curated || e.reason !== undefined) return null;
    index.set(e.id, i);
  }
  const sentences = new Map<string, string>();
  for (const s of statements) {
    if (!s.id.startsWith(prefix) || sentences.has(s.id) || s.eventIds.some((id) => !index.has(id))) return null;
    sentences.set(s.id, s.text);
  }
  if (events.some((e) => e.statementIds.some((id) => !sentences.has(id)))) return null;
  const links = linksOf(events, sentences, document.title, meetings);
  const own: string[] = [];
  const layer: string[] = [];
  // Each event's fields read once, and each part built field by field: the events come in several
  // shapes (with or without an end...), which makes every read of them slow, and spreads slower still.
  const mentions = events.map((e, i): MentionPart => {
    const { id, start, end, placeId, online } = e;
    const json = JSON.stringify(e);
    const idJson = JSON.stringify(id);
    const body = json.slice(0, -1);
    const tail = `,"eventId":${idJson}}`;
    const ownJson = body + tail;
    own.push(ownJson);
    const plain =
      sameKeys(e, end !== undefined ? PLAIN : PLAIN_NO_END) &&
      Boolean(end ?? true) &&
      sortedUnique(e.topics) &&
      sortedUnique(e.statementIds);
    const record = plain ? `${body},"docIds":[${JSON.stringify(e.docId)}],"mentionIds":[${idJson}],"sco":${sco}}` : '';
    if (record) layer.push(`${record},`);
    const part: MentionPart = {
      id,
      start,
      key: placeId !== null || online ? `u:${start}..${end ?? ''}@${placeId ?? 'online'}:${kindOf(e.title)}` : `e:${id}`,
      len: Buffer.byteLength(ownJson),
      own: Buffer.byteLength(tail),
      llen: Buffer.byteLength(record),
    };
    if (record) part.brief = briefOf(e, sco);
    const linked = links[i];
    if (linked?.link) part.link = linked.link;
    if (linked?.note) part.note = linked.note;
    return part;
  });
  return {
    part: {
      meetings: hash,
      mentions,
      statements: statements.length,
      places: countPlaces(events, statements),
      series: countSeries(events, statements),
    },
    events: Buffer.from(`[${own.join(',')}]`),
    layer: Buffer.from(layer.join('')),
  };
}

/** A part whose links were worked out against other meetings, linked again (its records read back from its texts). */
export function relinked(part: JoinPart, texts: JoinTexts, title: string, meetings: readonly Meeting[], hash: string): JoinPart {
  const events = asExtracted(JSON.parse(texts.events.toString()) as Event[]);
  const statements = JSON.parse(readKept(texts.statements).toString()) as { id: string; text: string }[];
  const links = linksOf(events, new Map(statements.map((s) => [s.id, s.text])), title, meetings);
  return { ...part, meetings: hash, mentions: part.mentions.map(({ link: _link, note: _note, ...m }, i) => ({ ...m, ...links[i] })) };
}
