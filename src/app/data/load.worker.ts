/**
 * The loading worker: JSON.parse and contract validation (zod, jitless as on the page) of the data
 * files, off the main thread, plus the event index for the core files. The page fetches the bytes
 * (so its own fetch, e.g. the single file's inlined data, still answers) and transfers them here.
 *
 *   in:  { id, kind: 'core', bytes: { events, places, documents, topics } }  → { id, core: verdicts + index, bytes }
 *   in:  { id, kind: 'file', file, bytes }                                    → { id, checked: verdict, bytes }
 *   out at start: { ready: true }
 */
import '../zod-setup'; // first: before any schema is created
import { checkCore, checkFile, type Checked, type CoreChecked } from './check';
import { transferables } from './event-index';
import type { WorkerReply, WorkerJob } from './pool';

const post = (msg: WorkerReply, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(msg, transfer);

/**
 * The verdicts and the index go back, and so do the bytes (transferred, not copied): the page parses
 * valid bytes itself, because V8 rebuilds objects from JSON text ~2x faster than from a structured
 * clone (100,000 events: JSON.parse ~300 ms, structured-clone deserialisation ~500-700 ms).
 */
const verdict = (c: Checked | null): Checked | null => (c === null || !c.ok ? c : { ok: true, data: null });

self.onmessage = (e: MessageEvent<WorkerJob>) => {
  const job = e.data;
  try {
    if (job.kind === 'core') {
      const core = checkCore(job.bytes);
      const slim: CoreChecked = { events: verdict(core.events), places: verdict(core.places), documents: verdict(core.documents), topics: verdict(core.topics), index: core.index } as CoreChecked;
      // The page parsed its own copy of events.json meanwhile; the others come back to be parsed there.
      const back = { ...job.bytes, events: null };
      const buffers = [back.places, back.documents, back.topics].filter((b): b is ArrayBuffer => b !== null);
      post({ id: job.id, core: slim, bytes: back }, [...(core.index ? transferables(core.index) : []), ...buffers]);
    } else {
      post({ id: job.id, checked: verdict(checkFile(job.file, job.bytes))!, bytes: job.bytes }, [job.bytes]);
    }
  } catch (err) {
    post({ id: job.id, failed: err instanceof Error ? err.message : String(err) });
  }
};
post({ ready: true });
