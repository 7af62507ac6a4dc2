/** The messages between the page and the documents worker (extract.worker.ts). */
import type { AddedDocument, JoinedCorpus } from './corpus';

/** What can be added: the file picker's `accept`, and the words of the message for anything else. */
export const ADDABLE = ['.txt', '.md', '.html', '.htm', '.pdf', '.docx', '.csv', '.xlsx'];
export const ADDABLE_LIST = '.txt, .md, .html, .pdf, .docx, .csv or .xlsx';

/** Where a document is: read from its file, dates and places found by the pipeline, then joined with the rest. */
export type Stage = 'waiting' | 'reading' | 'finding' | 'joining' | 'done' | 'failed';

export interface DocJob {
  id: string;
  name: string;
  bytes: ArrayBuffer;
  /** A title the user gave (pasted text). */
  title?: string;
}

export type ToWorker = { type: 'add'; base: string; docs: DocJob[] } | { type: 'remove'; base: string; ids: string[] };

export type FromWorker =
  /** `id` '' : the whole set (joining with the bundled corpus). */
  | { type: 'stage'; id: string; stage: Stage }
  | {
      type: 'doc';
      id: string;
      found: { events: number; places: number; statements: number };
      messages: string[];
      ok: boolean;
      /** Its records (with the text statement offsets index, for "read in context"), when it was read. */
      added?: AddedDocument;
    }
  | { type: 'joined'; corpus: JoinedCorpus }
  | { type: 'failed'; message: string };
