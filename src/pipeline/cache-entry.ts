/**
 * A cache entry's file, as the cache (cache.ts) reads it: its lines, its head, and the outcome it gives
 * back, whose report entry and records are parsed from their JSON only when asked for.
 */
import { readSync } from 'node:fs';
import type { ReportEntry } from '../contract/schema.ts';
import { asExtracted, PART, readKept, type JoinPart, type Parted, type PartHolder } from './join-part.ts';
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
