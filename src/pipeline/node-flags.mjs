/**
 * Node's flags for the extraction CLI's own thread, given on the command line wherever the CLI is started:
 * package.json's "extract" script (checked against this list by tests/unit/pipeline/extract.test.ts), the
 * dev server's re-extraction (src/build/dev-extract.ts) and bench/extract.ts.
 *
 * --min-semi-space-size=16: a young generation of 16 MB from the start instead of one grown from 1 MB,
 * scavenge by scavenge. A cached run parses ~14 MB of entry heads on this thread at once (a one-document
 * change on 1,000 documents, 7 runs in turns, 7 December: median 1.09 -> 1.00 s besides start-up and
 * writing; CPU 1.86 -> 1.69 s). V8 reads it when a heap is made: set from code (extract.mjs) it reaches
 * the workers, whose heaps are made later, but never the thread already running.
 */
export const NODE_FLAGS = ['--min-semi-space-size=16'];
