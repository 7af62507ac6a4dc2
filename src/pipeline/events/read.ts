/** The one I/O step of the event layer: reading data/chronology.json (a missing file is a problem, not a crash). */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadChronologyText, type Chronology } from '../../contract/chronology.ts';

export const CHRONOLOGY_FILE = 'chronology.json';

/** The last file read and what it gave: a run reads it twice (the cache's links, the join), checked once. */
let last: { text: string; chronology: Chronology } | undefined;

export function readChronology(dataDir: string): Chronology {
  const path = join(dataDir, CHRONOLOGY_FILE);
  if (!existsSync(path))
    return { meetings: [], milestones: [], problems: [`${CHRONOLOGY_FILE}: not found in ${dataDir}; no event is linked to a meeting`] };
  const text = readFileSync(path, 'utf8');
  if (last?.text !== text) last = { text, chronology: loadChronologyText(text, CHRONOLOGY_FILE) };
  return last.chronology;
}
