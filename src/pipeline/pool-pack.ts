/**
 * A document's outcome packed where it is extracted (a worker of the pool, or this thread), in the form
 * a cache entry gives back (cache-entry.ts): its part of the fast join (join-part.ts) and its records as
 * JSON bytes, instead of thousands of event and statement objects.
 *
 * Why: a run over 1,000 documents without a cache sent every outcome's objects to the main thread
 * (structured clone), kept them all until the join, and there joined and wrote them the slow way
 * (run.ts joinRun, JSON.stringify of every record); the main thread, which also extracts, spent about a
 * sixth of its time in the garbage collector. Packed, the part is made on the thread that extracted
 * the document (in parallel), a few byte arrays cross threads, and the join is the one a cached run
 * uses (join-fast.ts), which gives the same bytes. Only for a run without corrections: with them the
 * records are joined the slow way, from the objects.
 */
import type { Meeting } from '../contract/chronology.ts';
import { readBack, type Head } from './cache-entry.ts';
import { makePart, PART, type Parted, type PartHolder } from './join-part.ts';
import type { DocOutcome } from './pool-job.ts';

/** The meetings the parts' links are made against, and their hash (join-part.ts meetingsHash). */
export interface Linking {
  meetings: Meeting[];
  hash: string;
}

/** What crosses from a worker: plain data and byte arrays (a Buffer arrives as a Uint8Array). */
export interface Packed {
  head: Head;
  texts: { report: Uint8Array; events: Uint8Array; layer: Uint8Array; statements: Uint8Array };
  text?: string;
}

/** An outcome, packed (its part made against `linking`). */
export function pack(outcome: DocOutcome, linking: Linking): Packed {
  const held = makePart(outcome, linking.meetings, linking.hash);
  const { ok } = outcome;
  const head: Head = {
    key: '',
    textBytes: 0,
    lengths: [],
    entry: held.entry,
    // The document as the contract reads it (makePart checked it), as a cache entry keeps it.
    ...(ok ? { ok: { sco: ok.sco, document: held.document ?? ok.document, placeNames: ok.placeNames, part: held.part } } : {}),
  };
  const { report, events, layer, statements } = held.texts;
  if (!(report instanceof Uint8Array) || !(statements instanceof Uint8Array)) throw new Error('a fresh outcome has its texts in memory');
  return {
    head,
    texts: { report: own(report), events: own(events), layer: own(layer), statements: own(statements) },
    ...(ok && typeof ok.text === 'string' ? { text: ok.text } : {}),
  };
}

/**
 * Bytes in an array of their own: a small Buffer is a view of an 8 KB pool, which a message would copy
 * whole, and the main thread would then keep 8 KB per piece until the run ends.
 */
const own = (u: Uint8Array) => (u.byteOffset === 0 && u.byteLength === u.buffer.byteLength ? u : new Uint8Array(u));

const buffer = (u: Uint8Array) => Buffer.from(u.buffer, u.byteOffset, u.length);

/** A packed outcome as the join takes it (the records are parsed from their JSON only if the slow join asks). */
export function unpack({ head, texts, text }: Packed): DocOutcome & Parted {
  const held: PartHolder['texts'] = {
    report: buffer(texts.report),
    events: buffer(texts.events),
    layer: buffer(texts.layer),
    statements: buffer(texts.statements),
  };
  return readBack(head, held, head.ok?.part ?? null, text);
}

/** What the run says of an outcome besides its report entry's text (without parsing a packed one's). */
export const messagesOf = (o: DocOutcome): string[] => (o as Parted)[PART]?.entry.messages ?? o.entry.messages;
