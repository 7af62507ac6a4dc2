/**
 * One document's whole extraction, bytes in → its report entry, text and records out: the job each
 * worker of the pool runs (pool.ts), the unit the cache keeps (cache.ts), and what the sequential
 * `runPipeline` runs in process. Pure: the bytes and the side file's text come in, nothing is read here
 * (a PDF's text comes in already read, pdf.js being asynchronous). The result is plain data (no Map or
 * Set) so it crosses a worker's message port and a JSON cache file unchanged.
 */
import { Events, Statements, type DocumentMeta, type Event, type ReportEntry, type Statement } from '../contract/schema.ts';
import type { Decoded } from './decode.ts';
import { extractDocument, type Context } from './document.ts';
import { namesSco } from './events/layer.ts';
import { sourceText } from './formats/index.ts';
import { MetaSideFile } from './meta.ts';

/** One file of the folder to extract (read by run.ts). */
export interface DocInput {
  file: string;
  docId: string;
  bytes: Uint8Array;
  /** The text of `<base>.meta.json` beside it, null when there is none, or why it could not be read. */
  side: string | null | { unreadable: string };
  /** For a PDF: its text, read ahead by `readPdfs`. */
  pdf?: Decoded;
}

/**
 * A document not read yet, as a thread of the pool is given it: the thread that extracts it reads it
 * (run.ts `readInput`), so a run without a cache does not read every file on the main thread first and
 * then copy half of them to a worker.
 */
export interface UnreadInput {
  file: string;
  docId: string;
  path: string;
  /** Its size when the folder was listed (the pool sends the largest first). */
  size: number;
  side: DocInput['side'];
}

/** A document for the pool: its bytes, or where to read them. */
export type PoolInput = DocInput | UnreadInput;

/** A document's size in bytes, read or not. */
export const sizeOf = (input: PoolInput): number => ('bytes' in input ? input.bytes.length : input.size);

/** What a document whose extraction threw (or whose thread was lost) comes back as: failed, by name, and why. */
export const failed = (input: PoolInput, why: string): DocOutcome => ({
  entry: {
    docId: input.docId,
    file: input.file,
    status: 'failed',
    found: { dates: 0, places: 0, events: 0, statements: 0 },
    skipped: [],
    messages: [`${input.file}: extraction failed (${why}); the other documents were still processed`],
  },
});

/** A text kept in a file (a cache entry's, cache.ts): its path and length in bytes; copied, not read, when written out. */
export interface TextFile {
  path: string;
  bytes: number;
}

/** What one document gives: always its report entry; the records only when it was read whole. */
export interface DocOutcome {
  entry: ReportEntry;
  ok?: {
    /** The text statement offsets index: in memory when just extracted, a file when read from the cache. */
    text: string | TextFile;
    /** Whether the text names the SCO (events/layer.ts `namesSco`), kept so the event layer needs no text. */
    sco: boolean;
    events: Event[];
    statements: Statement[];
    /** Place id → names the text used for it. */
    placeNames: [string, string[]][];
    document: DocumentMeta;
  };
}

const emptyFound = () => ({ dates: 0, places: 0, events: 0, statements: 0 });

/** The side file, checked: its metadata, or a note saying why the text's own is used instead. */
function readSide(docId: string, side: DocInput['side'], entry: ReportEntry): MetaSideFile | null {
  if (side === null) return null;
  try {
    if (typeof side !== 'string') throw new Error(side.unreadable);
    const r = MetaSideFile.safeParse(JSON.parse(side));
    if (r.success) return r.data;
    entry.status = 'warning';
    entry.messages.push(
      `${docId}.meta.json: ${r.error.issues.map((i) => `${i.path.join('.') || 'file'}: ${i.message}`).join('; ')}; metadata read from the text instead`,
    );
  } catch (e) {
    entry.status = 'warning';
    entry.messages.push(`${docId}.meta.json: not valid JSON (${(e as Error).message}); metadata read from the text instead`);
  }
  return null;
}

export function extractSource(input: DocInput, ctx: Context): DocOutcome {
  const { file, docId, bytes } = input;
  const entry: ReportEntry = { docId, file, status: 'ok', found: emptyFound(), skipped: [], messages: [] };
  const decoded = sourceText(file, bytes, input.pdf ? new Map([[file, input.pdf]]) : undefined);
  if (!decoded.ok) {
    entry.status = 'failed';
    entry.messages.push(decoded.message);
    return { entry };
  }
  for (const m of decoded.messages) entry.messages.push(m);
  if (decoded.encoding) entry.encoding = decoded.encoding;
  if (decoded.text.trim() === '') {
    entry.status = 'warning';
    entry.messages.push(`${file}: empty file; nothing to extract`);
    return { entry };
  }
  const side = readSide(docId, input.side, entry);
  let r: ReturnType<typeof extractDocument>;
  try {
    r = extractDocument(docId, decoded.text, side, ctx);
    // Checked per document, so a record the contract rejects fails its own document, not the run.
    const bad = [Events.safeParse(r.events), Statements.safeParse(r.statements)].find((x) => !x.success)?.error;
    if (bad)
      throw new Error(
        `a record does not fit the data contract: ${bad.issues
          .slice(0, 3)
          .map((i) => `${i.path.join('.')}: ${i.message}`)
          .join('; ')}`,
      );
  } catch (e) {
    entry.status = 'failed';
    entry.messages.push(`${file}: extraction failed (${(e as Error).message}); the other documents were still processed`);
    return { entry };
  }
  // Only a document that was read whole adds anything to the outputs: nothing of a failed one is kept.
  entry.found = r.found;
  entry.skipped = r.skipped;
  for (const m of r.messages) entry.messages.push(`${file}: ${m}`);
  if (r.found.dates === 0 && entry.status === 'ok') entry.status = 'warning';
  const document: DocumentMeta = {
    id: docId,
    file,
    title: r.meta.title,
    kind: r.meta.kind,
    published: r.meta.published,
    source: r.meta.source,
    bytes: bytes.length,
    chars: decoded.text.length,
    eventCount: r.events.length,
    statementCount: r.statements.length,
    placeCount: r.found.places,
    textPath: `documents/${encodeURIComponent(docId)}.txt`,
    lang: r.lang,
  };
  return {
    entry,
    ok: {
      text: decoded.text,
      sco: namesSco(decoded.text),
      events: r.events,
      statements: r.statements,
      placeNames: [...r.placeNames].map(([pid, names]) => [pid, [...names]]),
      document,
    },
  };
}
