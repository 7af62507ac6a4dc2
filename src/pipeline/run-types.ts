/**
 * The types the run's stages hand each other (run.ts, join-fast.ts, write.ts), in a module of their own so
 * that the fast join can name them without importing run.ts, which imports it.
 */
import type { BigIntStats } from 'node:fs';
import type {
  DocumentMeta,
  Event,
  LayerEvent,
  LayerMeeting,
  Places,
  Report,
  ReportEntry,
  Statement,
  TimeSeries,
  Topic,
} from '../contract/schema.ts';
import type { EventIndexFile } from '../contract/event-index-file.ts';
import type { LoadedCorrections } from './corrections.ts';
import type { Gazetteer } from './gazetteer.ts';
import type { Kept } from './join-part.ts';
import type { DocInput, TextFile } from './pool-job.ts';
import type { TopicMatcher } from './topics.ts';

export interface Outputs {
  events: Event[];
  places: Places;
  statements: Statement[];
  timeseries: TimeSeries;
  documents: DocumentMeta[];
  report: Report;
  topics: Topic[];
  /** The event layer (event-layer.json) and the chronology's meetings with `mentioned` (meetings.json). */
  layer: LayerEvent[];
  meetings: LayerMeeting[];
  /** What the page's first screen draws of the layer's events (event-index.json). */
  eventIndex: EventIndexFile;
  /** docId → the normalised text that statement offsets index. */
  texts: Map<string, string>;
  /** docId → the file that holds that text, for texts not read into memory (a cached run's: cache.ts). */
  textFiles?: Map<string, TextFile>;
  /**
   * Files already written out as JSON by the join of a cached run (join-fast.ts): written as they are,
   * and their fields above parsed from them only when read.
   */
  json?: Partial<Record<'events' | 'statements' | 'layer' | 'report', Uint8Array | Kept[]>>;
  /** What the CLI prints, given with `json` so that printing it reads none of those files back. */
  summary?: { events: number; statements: number; documents: Pick<ReportEntry, 'status' | 'messages'>[]; corrections: string[] };
  failed: boolean;
}

/** A document of the folder whose bytes are not read yet: where it is, its file status, its side file. */
export interface PlannedSource {
  file: string;
  docId: string;
  path: string;
  stat: BigIntStats;
  side: DocInput['side'];
}

/**
 * One file of the folder in listing order: a document to extract, an entry already decided (skipped,
 * unreadable), or (with `defer`) a document not read yet.
 */
export type PlannedFile = { input: DocInput } | { entry: ReportEntry } | { source: PlannedSource };

/** What the run reads before any extraction: the corrections, the data built from them, and every file's bytes. */
export interface RunPlan {
  corrections: LoadedCorrections;
  gaz: Gazetteer;
  topics: TopicMatcher;
  files: PlannedFile[];
  /** For the listing's progress: every name of the folder, in order. */
  names: string[];
}
