/**
 * Take it away (issue 12): the atlas the page shows, as a data folder in a zip (fflate) that `?data=`
 * opens and the CLI reads. The data folder's files are fetched as served, and those the fixes change
 * (events, event layer, places, statements, documents, time series) are replaced by the fixed ones;
 * the fixes themselves go in as corrections.json, so `npm run extract -- --in <folder with the
 * documents>` given it makes the same changes. Same input, same bytes: entries in a fixed order, with a
 * fixed time stamp.
 */
import { zipSync, strToU8 } from 'fflate';
import { DATA_FILES } from '../../contract/schema';
import type { JoinedCorpus } from '../documents/corpus';

/** A fixed modification time for every entry (zip needs one; the files' own would change the bytes). */
const STAMP = new Date(Date.UTC(2001, 5, 15));

async function fetchText(base: string, file: string): Promise<string | null> {
  const res = await fetch(new URL(file, base));
  if (!res.ok) return null;
  const text = await res.text();
  return /^\s*</.test(text) && !file.endsWith('.txt') ? null : text; // a dev server answers a missing file with its page
}

/** `fixed`: the corpus with the fixes applied (null: none); `corrections`: the corrections.json text. */
export async function dataFolderZip(base: string, fixed: JoinedCorpus | null, corrections: string | null): Promise<Uint8Array> {
  const files = new Map<string, string>();
  const names = Object.values(DATA_FILES) as string[];
  const fetched = await Promise.all(names.map((n) => fetchText(base, n)));
  names.forEach((n, i) => fetched[i] !== null && files.set(n, fetched[i]!));
  if (fixed) {
    const json = (v: unknown) => JSON.stringify(v) + '\n';
    files.set(DATA_FILES.events, json(fixed.mentions));
    files.set(DATA_FILES.layer, json(fixed.events));
    files.set(DATA_FILES.places, json(fixed.places));
    files.set(DATA_FILES.statements, json(fixed.statements));
    files.set(DATA_FILES.documents, json(fixed.documents));
    files.set(DATA_FILES.timeseries, json(fixed.timeseries));
  }
  if (corrections) files.set('corrections.json', corrections);
  const documents = JSON.parse(files.get(DATA_FILES.documents) ?? '[]') as { id: string; textPath?: string }[];
  const texts = await Promise.all(documents.map((d) => fetchText(base, d.textPath ?? `documents/${encodeURIComponent(d.id)}.txt`)));
  documents.forEach((d, i) => texts[i] !== null && files.set(`documents/${d.id}.txt`, texts[i]!));
  const entries: Record<string, [Uint8Array, { mtime: Date }]> = {};
  for (const name of [...files.keys()].sort()) entries[`sco-atlas-data/${name}`] = [strToU8(files.get(name)!), { mtime: STAMP }];
  return zipSync(entries, { level: 6 });
}
