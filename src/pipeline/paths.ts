/**
 * Where the project's data is and how large a document may be: what the command line needs before the
 * pipeline itself is loaded (cli.ts starts the pool's worker first). Re-exported by run.ts and cache.ts.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project folder the launcher's bundle was built for (extract.mjs defines it); undefined when run from the sources. */
declare const __SCO_ATLAS_PROJECT__: string | undefined;

/**
 * The project's data/ folder. In the launcher's bundle (src/pipeline/extract.mjs), that of the folder it
 * was built for: the bundle lives in node_modules/.cache/, and in a second checkout whose node_modules
 * is a link to this one's (a git worktree to compare two versions), the folders above the bundle are
 * this one's, so a search from there found this checkout's data, cache and sources (the cache key's
 * pipeline version) instead of the worktree's. Otherwise the nearest data/ above this module that
 * holds a gazetteer.
 */
export const DATA_DIR = ((): string => {
  if (typeof __SCO_ATLAS_PROJECT__ === 'string') return join(__SCO_ATLAS_PROJECT__, 'data');
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++, dir = dirname(dir)) if (existsSync(join(dir, 'data', 'gazetteer.json'))) return join(dir, 'data');
  return join(dirname(fileURLToPath(import.meta.url)), '../../data');
})();

/**
 * The largest document read, in bytes. Extraction takes time and memory in proportion to a text's
 * dates and places: a text made only of dated, placed sentences (the worst case) ran at ~0.6 MB/s
 * with ~85 MB of memory per MB of text here, so a larger one is refused, by name, and the others still
 * go through; at the limit that worst case stays under a minute and 1 GB (bench/results/extract.md).
 * Declarations and news reports are 5-50 KB. Documented in the README ("Adding documents").
 */
export const MAX_DOCUMENT_BYTES = 10_000_000;

/** The cache's default folder for a data folder: `.extract-cache` at the top of the project. */
export const cacheDirOf = (dataDir: string) => join(dirname(dataDir), '.extract-cache');
