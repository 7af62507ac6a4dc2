/**
 * Reads one of the tool's own data files (data/*.json) and checks it against its schema in the
 * contract (src/contract/data-files.ts). These files are the pipeline's configuration, so a bad one
 * stops the run: a DataFileError whose message names the file (relative to the working folder when it
 * is inside it) and the entry; the CLI prints it and exits 2. I/O only here, at the edge.
 */
import { readFileSync } from 'node:fs';
import { isAbsolute, relative } from 'node:path';
import type { z } from 'zod';
import { DataFileError, expectDataFile } from '../contract/data-files.ts';

/** "data/topics.json" when run from the project, the full path otherwise. */
export function shownPath(path: string, cwd = process.cwd()): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split('\\').join('/') : path;
}

export function readDataFile<T>(path: string, schema: z.ZodType<T>): T {
  const name = shownPath(path);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new DataFileError([`${name}: ${code === 'ENOENT' ? 'file not found' : `cannot be read (${code ?? (e as Error).message})`}`]);
  }
  return expectDataFile(name, schema, text);
}
