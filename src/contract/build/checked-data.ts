/**
 * `virtual:sco-atlas/checked-data` (Node side; imported by vite.config.ts only): the editable data
 * files the app bundles, data/membership.json and data/seas.json, checked when the app is built (or
 * served, in `npm start`), with their notices.
 *
 * Why: the page used to bundle both files and check them with the contract's zod schemas while its
 * first code ran, which meant loading zod and building every schema of data-files.ts before the first
 * screen (~150 ms of the seeds' start). The files are part of the build, so their check can be too: the
 * page gets the sound entries and the same notices (file, entry, what is wrong), and no zod at all. A
 * file that is not JSON is named with its line and column, and the app still runs without it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { checkMembershipFile, checkSeasFile, MEMBERSHIP_FILE, SEAS_FILE, type CheckedMembership, type CheckedSeas } from '../bundled.ts';
import { checkDataFile } from '../data-check.ts';
import { z } from '../zod.ts';

export const CHECKED_DATA_ID = 'virtual:sco-atlas/checked-data';

/** The module's values, from the files' texts (null: the file could not be read, named in a notice). */
export function checkedData(texts: { membership: string | null; seas: string | null }): {
  membership: CheckedMembership;
  seas: CheckedSeas;
} {
  const json = (file: string, text: string | null): { value: unknown; problems: string[] } => {
    if (text === null) return { value: undefined, problems: [`${file}: could not be read`] };
    const r = checkDataFile(file, z.unknown(), text);
    return r.ok ? { value: r.data, problems: [] } : { value: undefined, problems: r.problems };
  };
  const m = json(MEMBERSHIP_FILE, texts.membership);
  const membership = checkMembershipFile(m.value);
  if (m.problems.length) membership.notices = [...m.problems, membership.notices.at(-1)!];
  const s = json(SEAS_FILE, texts.seas);
  const seas = s.problems.length ? { seas: [], notices: s.problems } : checkSeasFile(s.value);
  return { membership, seas };
}

/** The module's source: the two results as JSON (the order and text of each file's entries kept). */
export function checkedDataSource(root: string, watch: (file: string) => void = () => {}): string {
  const read = (file: string) => {
    const path = join(root, file);
    watch(path);
    try {
      return readFileSync(path, 'utf8');
    } catch {
      return null;
    }
  };
  const { membership, seas } = checkedData({ membership: read(MEMBERSHIP_FILE), seas: read(SEAS_FILE) });
  return `export const membership = JSON.parse(${JSON.stringify(JSON.stringify(membership))});\nexport const seas = JSON.parse(${JSON.stringify(JSON.stringify(seas))});\n`;
}

export function checkedDataPlugin(): Plugin {
  const resolved = `\0${CHECKED_DATA_ID}`;
  let root = process.cwd();
  return {
    name: 'sco-atlas:checked-data',
    configResolved: (config) => void (root = config.root),
    resolveId: (id) => (id === CHECKED_DATA_ID ? resolved : undefined),
    load(id) {
      // Watched, so that `npm start` checks an edited file again and reloads the page.
      return id === resolved ? checkedDataSource(root, (file) => this.addWatchFile(file)) : undefined;
    },
  };
}
