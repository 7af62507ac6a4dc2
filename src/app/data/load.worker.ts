/**
 * The loading worker: JSON.parse and contract validation (zod, jitless as on the page) of the data
 * files, off the main thread, plus the event index for the core files. The page fetches the bytes
 * (so its own fetch, e.g. the single file's inlined data, still answers) and transfers them here.
 *
 *   in:  { id, kind: 'core', bytes: { events, places, documents, topics } }  → { id, core: verdicts + index, bytes }
 *        (each file as bytes, or as { url } to fetch here; a fetched events.json is first copied back
 *        as { id, early: bytes } so the page can parse it while this worker checks it)
 *   in:  { id, kind: 'file', file, bytes }                                    → { id, checked: verdict, bytes }
 *   out at start: { ready: true }
 */
import '../zod-setup'; // first: before any schema is created
import { checkCore, checkFile, type Checked, type CoreChecked } from './check';
import { transferables } from './event-index';
import { bytesOf } from './fetch-bytes';
import type { CoreBytes, CoreSource, WorkerReply, WorkerJob } from './pool';

const post = (msg: WorkerReply, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(msg, transfer);

/**
 * The verdicts and the index go back, and so do the bytes (transferred, not copied): the page parses
 * valid bytes itself, because V8 rebuilds objects from JSON text ~2x faster than from a structured
 * clone (100,000 events: JSON.parse ~300 ms, structured-clone deserialisation ~500-700 ms).
 */
const verdict = (c: Checked | null): Checked | null => (c === null || !c.ok ? c : { ok: true, data: null });

/**
 * A core file handed over by address, fetched here; a file that cannot be fetched gets its verdict
 * (the same words the page would use) instead of bytes.
 */
async function resolve(s: CoreSource): Promise<{ bytes: ArrayBuffer | null; problem: Checked | null }> {
  if (s === null || s instanceof ArrayBuffer) return { bytes: s, problem: null };
  const got = await bytesOf(fetch(s.url));
  return got.ok ? { bytes: got.bytes, problem: null } : { bytes: null, problem: got };
}

self.onmessage = async (e: MessageEvent<WorkerJob>) => {
  const job = e.data;
  try {
    if (job.kind === 'core') {
      const src = job.bytes;
      const events = await resolve(src.events);
      // The page parses its own copy of the events while this worker checks them.
      if (events.bytes && !(src.events instanceof ArrayBuffer)) {
        const copy = events.bytes.slice(0);
        post({ id: job.id, early: copy }, [copy]);
      }
      const [places, documents, topics] = await Promise.all([resolve(src.places), resolve(src.documents), resolve(src.topics)]);
      const bytes: CoreBytes = { events: events.bytes, places: places.bytes, documents: documents.bytes, topics: topics.bytes };
      const core = checkCore(bytes);
      const slim: CoreChecked = {
        events: events.problem ?? verdict(core.events),
        places: places.problem ?? verdict(core.places),
        documents: documents.problem ?? verdict(core.documents),
        topics: topics.problem ?? verdict(core.topics),
        index: core.index,
      } as CoreChecked;
      // The page parsed its own copy of events.json meanwhile; the others come back to be parsed there.
      const back = { ...bytes, events: null };
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
