/**
 * The loading worker: JSON.parse and contract validation (zod, jitless as on the page) of the data
 * files, off the main thread, plus the event index for the core files. The page fetches the bytes
 * (so its own fetch, e.g. the single file's inlined data, still answers) and transfers them here.
 *
 *   in:  { id, kind: 'core', bytes: { events, places, documents, topics } }  → { id, core: CoreChecked }
 *   in:  { id, kind: 'file', file, bytes }                                    → { id, checked: Checked }
 *   out at start: { ready: true }
 */
import '../zod-setup'; // first: before any schema is created
import { checkCore, checkFile } from './check';
import { transferables } from './event-index';
import type { WorkerReply, WorkerJob } from './pool';

const post = (msg: WorkerReply, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(msg, transfer);

self.onmessage = (e: MessageEvent<WorkerJob>) => {
  const job = e.data;
  try {
    if (job.kind === 'core') {
      const core = checkCore(job.bytes);
      post({ id: job.id, core }, core.index ? transferables(core.index) : []);
    } else {
      post({ id: job.id, checked: checkFile(job.file, job.bytes) });
    }
  } catch (err) {
    post({ id: job.id, failed: err instanceof Error ? err.message : String(err) });
  }
};
post({ ready: true });
