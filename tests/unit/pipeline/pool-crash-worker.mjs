/**
 * A stand-in for pool-worker.mjs in tests/unit/pipeline/pool.test.ts: answers each document with an
 * outcome naming the thread that did it, and stops the whole thread (as a crash in a library or running
 * out of memory would) on a document whose name has "crash" in it. One whose name has "slow" in it
 * takes 200 ms first (one document at a time, synchronously, like the real worker), so the pool has
 * surely sent the next one ahead by then.
 */
import { parentPort, threadId } from 'node:worker_threads';

parentPort.on('message', ({ id, input }) => {
  if (input.file.includes('slow')) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
  if (input.file.includes('crash')) process.exit(3);
  parentPort.postMessage({
    id,
    outcome: {
      entry: {
        docId: input.docId,
        file: input.file,
        status: 'ok',
        found: { dates: 0, places: 0, events: 0, statements: 0 },
        skipped: [],
        messages: [`thread ${threadId}`],
      },
    },
  });
});
parentPort.postMessage({ ready: true });
