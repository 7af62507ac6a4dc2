/**
 * The join of a cached run (issue 12, "the CLI keeps up"): every document's part (join-part.ts, kept
 * beside its cache entry) merged into the outputs, with the records' JSON texts put together as they
 * are instead of parsed, joined and written out again. Parsing 23 MB of entries and building the
 * event layer over 25,000 mention objects took most of a one-document change on 1,000 documents.
 *
 * It gives exactly the outputs joinRun (run.ts) gives, byte for byte, and takes only the case where
 * that is plain to see: no corrections file entries (they change records across documents), and every
 * document with a part. Then the corrections, the statements' links and the mentions stay as extracted,
 * and the join is: mentions sorted, grouped into events (the same keys as events/layer.ts), each event
 * written by the layer's own `layerEvent` unless it is one plain mention (its JSON with the layer's
 * fields added), places and time series counted from the parts by aggregate.ts. Otherwise it returns
 * null and joinRun joins the records. Pure: parts and texts in, outputs out.
 */
import type { Chronology, Meeting } from '../contract/chronology.ts';
import {
  LayerMeetings,
  Places,
  Report,
  ReportEntry,
  type DocumentMeta,
  type Event,
  type LayerEvent,
  type Topic,
} from '../contract/schema.ts';
import { addPlaceCounts, placesOf, seriesOf, type PlaceCount, type SeriesCount } from './aggregate.ts';
import { CORRECTIONS_FILE } from './corrections.ts';
import { applyMeetingCorrections } from './events/corrections.ts';
import { eventIndexFile, type IndexRow } from '../contract/event-index-file.ts';
import { layerEvent } from './events/layer.ts';
import type { Link } from './events/link.ts';
import {
  asExtracted,
  inner,
  joinKept,
  makePart,
  meetingsHash,
  PART,
  readKept,
  relinked,
  rowOf,
  type Kept,
  type MentionPart,
  type Parted,
} from './join-part.ts';
import type { DocOutcome, TextFile } from './pool-job.ts';
import type { Outputs, RunPlan } from './run-types.ts';

/** A mention of the join: its part, its document, and where its JSON texts are (`JoinTexts`, as plain bytes). */
interface Item {
  m: MentionPart;
  docId: string;
  events: Uint8Array;
  /** Where its JSON starts in `events`. */
  at: number;
  layer: Uint8Array;
  /** Where its layer record starts in `layer`. */
  lat: number;
  /** The id of its event, once grouped. */
  eventId?: string;
}

/**
 * A file's bytes put together in one buffer from pieces of the kept texts, each copied as it is (a
 * few strings, written in as UTF-8). Hand-written: Buffer.concat takes whole buffers, and cutting
 * 50,000 Buffers out of the kept texts first (Buffer's own subarray and copy go through JavaScript),
 * or joining everything as strings, cost more than the rest of the join; plain Uint8Array views are
 * cut and copied by the engine's built-ins.
 */
class Bytes {
  private readonly from: Uint8Array[] = [];
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private size = 0;
  add(x: Uint8Array | string, start = 0, end = x.length): void {
    const b = typeof x === 'string' ? bytesOf(Buffer.from(x)) : x;
    if (typeof x === 'string') end = b.length;
    this.from.push(b);
    this.starts.push(start);
    this.ends.push(end);
    this.size += end - start;
  }
  done(): Buffer {
    const out = Buffer.allocUnsafe(this.size);
    let at = 0;
    for (let i = 0; i < this.from.length; i++) {
      const piece = this.from[i]!.subarray(this.starts[i], this.ends[i]);
      out.set(piece, at);
      at += piece.length;
    }
    return out;
  }
}
/** A Buffer's bytes as a plain Uint8Array (whose subarray is the engine's, not Buffer's). */
const bytesOf = (b: Buffer): Uint8Array => new Uint8Array(b.buffer, b.byteOffset, b.length);
/**
 * `[`, the items with a comma between, `]`. `add` is told whether a comma must follow the item: a kept
 * text that has one after it gives it in the same piece (half as many pieces to copy).
 */
function array<T>(xs: readonly T[], add: (into: Bytes, x: T, comma: boolean) => void): Buffer {
  const into = new Bytes();
  into.add('[');
  const last = xs.length - 1;
  xs.forEach((x, i) => add(into, x, i < last));
  into.add(']');
  return into.done();
}
const COMMA = bytesOf(Buffer.from(','));
const COMMA_BYTE = 0x2c;

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const emptyFound = { dates: 0, places: 0, events: 0, statements: 0 };

/** The meetings as the layer reads them without corrections (sorted: events/corrections.ts). */
export const meetingsFor = (chronology: Chronology): Meeting[] =>
  applyMeetingCorrections(chronology.meetings, [], CORRECTIONS_FILE, new Set()).meetings;

/**
 * The outputs from the documents' parts, or null when this join cannot take the run (see above).
 * Fresh outcomes (extracted in this run) get their part made here, or by the cache that stored them.
 */
export function fastJoin(
  plan: RunPlan,
  outcomes: readonly (DocOutcome | { entry: DocOutcome['entry'] })[],
  chronology: Chronology,
  topics: Topic[],
): Outputs | null {
  if (plan.corrections.entries.length > 0 || !outcomes.some((o) => PART in o)) return null;
  const meetings = meetingsFor(chronology);
  const hash = meetingsHash(meetings);
  const meetingById = new Map(meetings.map((m) => [m.id, m]));

  const reports: { docId: string; json: Kept; status: ReportEntry['status']; messages: string[] }[] = [];
  const documents: DocumentMeta[] = [];
  const texts = new Map<string, string>();
  const textFiles = new Map<string, TextFile>();
  const sco = new Map<string, boolean>();
  const placeNames = new Map<string, Set<string>>();
  const items: Item[] = [];
  const statementTexts: Kept[] = [];
  const placeCounts: Record<string, PlaceCount> = {};
  const series: SeriesCount[] = [];
  let statementCount = 0;
  for (const o of outcomes as (DocOutcome & Parted)[]) {
    const held = (o[PART] ??= makePart(o, meetings, hash));
    const ok = o.ok;
    const { docId, file } = held.entry;
    if (ok && sco.has(ok.document.id)) {
      const messages = [`${file}: another file already has the id "${docId}"; rename one of them`];
      const entry = { docId, file, status: 'failed' as const, found: { ...emptyFound }, skipped: [], messages };
      reports.push({ docId, json: Buffer.from(JSON.stringify(ReportEntry.parse(entry))), status: 'failed', messages });
      continue;
    }
    reports.push({ docId, json: held.texts.report, status: held.entry.status, messages: held.entry.messages });
    if (!ok) continue;
    let part = held.part;
    if (!part) return null;
    if (part.meetings !== hash) part = relinked(part, held.texts, ok.document.title, meetings, hash);
    const id = ok.document.id;
    if (typeof ok.text === 'string') texts.set(id, ok.text);
    else textFiles.set(id, ok.text);
    sco.set(id, ok.sco);
    documents.push(held.document ?? ok.document); // checked when its part was made (join-part.ts)
    for (const [pid, names] of ok.placeNames) {
      const into = placeNames.get(pid) ?? new Set<string>();
      for (const n of names) into.add(n);
      placeNames.set(pid, into);
    }
    // Where each mention's JSON and layer record are, by the lengths its part keeps.
    const events = bytesOf(held.texts.events);
    const layer = bytesOf(held.texts.layer);
    let at = 1;
    let lat = 0;
    for (const m of part.mentions) {
      items.push({ m, docId: id, events, at, layer, lat });
      at += m.len + 1;
      lat += m.llen > 0 ? m.llen + 1 : 0;
    }
    // The part must fit its texts: '[' and each mention with the comma after it, the last one's being ']' ('[]': none).
    if (at !== (part.mentions.length > 0 ? events.length : 1) || lat !== layer.length) return null;
    const listedStatements = inner(held.texts.statements);
    if (listedStatements) statementTexts.push(listedStatements);
    addPlaceCounts(placeCounts, part.places);
    if (part.series) series.push(part.series);
    statementCount += part.statements;
  }

  items.sort((a, b) => (a.m.start < b.m.start ? -1 : a.m.start > b.m.start ? 1 : a.m.id < b.m.id ? -1 : 1));
  const scoOf = (docId: string) => sco.get(docId) === true;
  const notes = new Map<string, string[]>();
  const links = new Map<string, Link>();
  // A key's first mention alone, an array from its second on (most events have one mention).
  const groups = new Map<string, Item | Item[]>();
  for (const it of items) {
    const { m } = it;
    if (m.link) {
      const meeting = meetingById.get(m.link.meetingId);
      if (!meeting) return null;
      links.set(m.id, { meeting, reason: m.link.reason });
      if (m.note) notes.set(it.docId, [...(notes.get(it.docId) ?? []), m.note]);
    }
    const key = m.link ? `m:${m.link.meetingId}` : m.key;
    const g = groups.get(key);
    if (g === undefined) groups.set(key, it);
    else if (Array.isArray(g)) g.push(it);
    else groups.set(key, [g, it]); // keeps the key's place in the map's order
  }

  // Each event of the layer: a plain mention alone and unlinked is its kept record; any other is made
  // by the layer's own code from its mentions read back.
  const layer: { start: string; id: string; it?: Item; json?: string; row: IndexRow }[] = [];
  const forced = new Map<string, never>();
  for (const g of groups.values()) {
    if (!Array.isArray(g) && !g.m.link && g.m.llen > 0) {
      g.eventId = g.m.id;
      if (!g.m.brief) return null;
      layer.push({ start: g.m.start, id: g.m.id, it: g, row: rowOf(g.m.id, g.m.start, g.m.brief) });
      continue;
    }
    const group = Array.isArray(g) ? g : [g];
    const mentions = asExtracted(
      group.map((it) => JSON.parse(Buffer.from(it.events.buffer, it.events.byteOffset + it.at, it.m.len).toString()) as Event),
    );
    const made: LayerEvent = layerEvent(mentions, { links, sco: scoOf, forced });
    layer.push({ start: made.start, id: made.id, json: JSON.stringify(made), row: made });
    for (const it of group) it.eventId = made.id;
  }
  layer.sort((a, b) => cmp(a.start, b.start) || cmp(a.id, b.id));

  // Each mention as kept (its own event's), or, in an event of other mentions or linked, less the end
  // that says so, with the fields the layer gives it.
  const eventsJson = array(items, (into, it, comma) => {
    const { m } = it;
    const link = links.get(m.id);
    const eventId = it.eventId!;
    const end = it.at + m.len;
    if (!link && eventId === m.id) {
      if (!comma) return into.add(it.events, it.at, end);
      if (it.events[end] === COMMA_BYTE) return into.add(it.events, it.at, end + 1);
      into.add(it.events, it.at, end);
      return into.add(COMMA);
    }
    into.add(it.events, it.at, end - m.own);
    const more = link ? `,"link":${JSON.stringify({ meetingId: link.meeting.id, reason: link.reason })}` : '';
    into.add(`,"eventId":${JSON.stringify(eventId)}${more}}${comma ? ',' : ''}`);
  });

  // The report: each entry's text as kept, parsed again only to add what the layer says of its document.
  const documentsReport = reports.map((r) => {
    const more = notes.get(r.docId);
    if (!more) return r;
    const entry = JSON.parse(readKept(r.json).toString()) as ReportEntry;
    for (const m of more) entry.messages.push(m);
    return { ...r, json: Buffer.from(JSON.stringify(entry)), messages: entry.messages };
  });
  const corrections = [...plan.corrections.messages];
  const shell = JSON.stringify(
    Report.parse({ documents: [], corrections, ...(chronology.problems.length ? { chronology: chronology.problems } : {}) }),
  );
  const head = '{"documents":[]';
  if (!shell.startsWith(head)) return null;
  // The report and the statements stay where they are kept until written (write.ts): pieces in order.
  const listed = (xs: readonly Kept[], open: string, close: string): Kept[] => [
    Buffer.from(open),
    ...xs.flatMap((x, i) => (i > 0 ? [COMMA, x] : [x])),
    Buffer.from(close),
  ];

  const mentioned = new Set([...links.values()].map((l) => l.meeting.id));
  const json = {
    events: eventsJson,
    statements: listed(statementTexts, '[', ']'),
    layer: array(layer, (into, e, comma) =>
      // A kept record has its comma after it.
      e.it ? into.add(e.it.layer, e.it.lat, e.it.lat + e.it.m.llen + (comma ? 1 : 0)) : into.add(comma ? `${e.json!},` : e.json!),
    ),
    report: listed(
      documentsReport.map((r) => r.json),
      '{"documents":[',
      `]${shell.slice(head.length)}`,
    ),
  };
  const places = Places.parse(placesOf(placeCounts, placeNames, (id) => plan.gaz.byId.get(id), new Map()));
  const outputs = {
    places,
    // From the rows the parts keep and the events made here: the layer's records are not read back.
    eventIndex: eventIndexFile(
      layer.map((e) => e.row),
      places.features.map((f) => f.properties.id),
    ),
    // Built in the contract's form (as joinRun checks: join-fast.test compares the two), not checked again.
    timeseries: seriesOf(series),
    documents,
    meetings: LayerMeetings.parse(meetings.map((m) => ({ ...m, mentioned: mentioned.has(m.id) }))),
    topics,
    texts,
    ...(textFiles.size ? { textFiles } : {}),
    json,
    summary: {
      events: items.length,
      statements: statementCount,
      documents: documentsReport.map(({ status, messages }) => ({ status, messages })),
      corrections,
    },
    failed: reports.some((r) => r.status === 'failed') || corrections.some((m) => / skipped$|no corrections applied$/.test(m)),
  } as Omit<Outputs, keyof typeof json>;
  // The records are there as JSON: read back only for a caller that asks for them (the CLI does not).
  for (const key of Object.keys(json) as (keyof typeof json)[]) {
    let value: unknown;
    Object.defineProperty(outputs, key, { enumerable: true, get: () => (value ??= JSON.parse(joinKept(json[key]).toString())) });
  }
  return outputs as Outputs;
}
