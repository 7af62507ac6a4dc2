/**
 * Reads one of the tool's own data files (data/*.json) and checks it against its schema in the
 * contract (src/contract/data-files.ts). These files are the pipeline's configuration, so a bad one
 * stops the run: a DataFileError whose message names the file (relative to the working folder when it
 * is inside it) and the entry; the CLI prints it and exits 2. I/O only here, at the edge.
 *
 * With a store (the extraction cache's folder, cache.ts), what a check gave is remembered under the hash
 * of the file's text and of the code that checks it, and a run over the same files and code reads that
 * back instead of checking again: zod over the gazetteer (530 KB) and the chronology was ~0.15 s of CPU
 * in a one-document change on 1,000 cached documents, more than the join of any ten documents.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, isAbsolute, join, relative } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { z } from 'zod';
import { loadChronologyText, type Chronology } from '../contract/chronology.ts';
import { DataFileError, expectDataFile } from '../contract/data-files.ts';
import { CHRONOLOGY_FILE, readChronology } from './events/read.ts';

/** "data/topics.json" when run from the project, the full path otherwise. */
export function shownPath(path: string, cwd = process.cwd()): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split('\\').join('/') : path;
}

/**
 * Where checks are remembered (`dir`), and the version of the code that checks (cache.ts
 * pipelineVersion: the sources of src/pipeline and src/contract, whose schemas decide, and the
 * libraries' versions, zod's among them).
 */
export interface CheckedStore {
  dir: string;
  version: string;
}

/**
 * `check(text)`, or what it gave for this text and version before (kept in `store`, one file per data
 * file: `<name>.checked`, the key on its first line and the value's JSON after it). A check that throws
 * (a bad file) is not kept, so it is named again next time. A value is kept only when JSON gives it back
 * exactly (no undefined fields, no Map...), so the value read back is the one the check gives. A kept
 * file that is missing, of another key or unreadable is a check like any other; one that cannot be
 * written leaves the run as it was.
 */
export function checkedOnce<T>(store: CheckedStore | undefined, name: string, text: string, check: (text: string) => T): T {
  if (!store) return check(text);
  const key = createHash('sha256').update(`${store.version}\n${name}\n`).update(text).digest('hex');
  const path = join(store.dir, `${name}.checked`);
  try {
    const kept = readFileSync(path, 'utf8');
    const nl = kept.indexOf('\n');
    if (kept.slice(0, nl) === key) return JSON.parse(kept.slice(nl + 1)) as T;
  } catch {
    /* none yet, or unreadable: checked below */
  }
  const value = check(text);
  const json = JSON.stringify(value);
  if (!isDeepStrictEqual(JSON.parse(json), value)) return value;
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    mkdirSync(store.dir, { recursive: true });
    writeFileSync(tmp, `${key}\n${json}`);
    renameSync(tmp, path);
  } catch {
    try {
      rmSync(tmp, { force: true });
    } catch {
      /* a folder this user cannot write: nothing was kept, nothing to remove */
    }
  }
  return value;
}

export function readDataFile<T>(path: string, schema: z.ZodType<T>, store?: CheckedStore): T {
  const name = shownPath(path);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new DataFileError([`${name}: ${code === 'ENOENT' ? 'file not found' : `cannot be read (${code ?? (e as Error).message})`}`]);
  }
  // Keyed by the file's own name: a check's value does not depend on where the run was started.
  return checkedOnce(store, basename(path), text, (t) => expectDataFile(name, schema, t));
}

/** The last chronology read with a store, and what it gave (a run reads it for the cache's links and for the join). */
let lastChronology: { key: string; chronology: Chronology } | undefined;

/** data/chronology.json as the event layer reads it (events/read.ts), its check remembered in `store`. */
export function readChronologyChecked(dataDir: string, store?: CheckedStore): Chronology {
  if (!store) return readChronology(dataDir);
  let text: string;
  try {
    text = readFileSync(join(dataDir, CHRONOLOGY_FILE), 'utf8');
  } catch {
    return readChronology(dataDir); // missing or unreadable: said in its own words there
  }
  const key = `${store.dir}\n${store.version}\n${text}`;
  if (lastChronology?.key !== key)
    lastChronology = { key, chronology: checkedOnce(store, CHRONOLOGY_FILE, text, (t) => loadChronologyText(t, CHRONOLOGY_FILE)) };
  return lastChronology.chronology;
}
