/**
 * Take it away (issue 12): the atlas the page shows, bundled and added documents with the fixes, as a
 * data folder: zipped (fflate) for `?data=` and the CLI, or inside one offline HTML file
 * (take-away-single.ts). The data folder's files are fetched as served; when the user added documents
 * or made fixes, those the join changes (events, event layer, places, statements, documents, time
 * series) are made again by the page's own code path (documents/corpus.ts `joinCorpus`, or apply.ts
 * `applyFixes` with the fixes), the added documents' texts go in beside the bundled ones, and the fixes
 * themselves go in as corrections.json, so `npm run extract` given it makes the same changes.
 * Same input, same bytes: files in sorted order, zip entries with a fixed time stamp.
 */
import { zipSync, strToU8 } from 'fflate';
import type { Meeting } from '../../contract/chronology';
import type { CorrectionEntry } from '../../contract/data-files';
import { EVENT_INDEX_FILE, eventIndexFile } from '../../contract/event-index-file';
import { DATA_FILES, type DocumentMeta, type Event, type LayerEvent, type PlaceFeature, type Statement } from '../../contract/schema';
import type { GazetteerPlace } from '../../pipeline/gazetteer';
import { joinCorpus, type AddedDocument, type BundledCorpus, type JoinedCorpus } from '../documents/corpus';
import { addedText } from '../documents/texts';
import type { OfflineFiles } from './single-file';

/** A fixed modification time for every entry (zip needs one; the files' own would change the bytes). */
const STAMP = new Date(Date.UTC(2001, 5, 15));
/** The files of a data folder besides the pipeline's own, when it has them: the story steps, the fixes it was made with. */
const EXTRA_FILES = ['story.json', 'corrections.json', EVENT_INDEX_FILE];

/** What the page shows: its data folder, the user's documents (extracted) and fixes. */
export interface ShownAtlas {
  /** The data folder's address, absolute. */
  base: string;
  added: readonly AddedDocument[];
  fixes: readonly CorrectionEntry[];
}

async function fetchText(base: string, file: string): Promise<string | null> {
  const res = await fetch(new URL(file, base));
  if (!res.ok) return null;
  const text = await res.text();
  return /^\s*</.test(text) && !file.endsWith('.txt') ? null : text; // a dev server answers a missing file with its page
}

/** The data folder's files as served (the pipeline's outputs and the story; no document texts yet). */
async function servedFiles(base: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const names = [...(Object.values(DATA_FILES) as string[]), ...EXTRA_FILES];
  const fetched = await Promise.all(names.map((n) => fetchText(base, n)));
  names.forEach((n, i) => fetched[i] !== null && files.set(n, fetched[i]!));
  return files;
}

/** The folder's records, read from its files as served (documents/bundled.ts reads the same files). */
function bundledOf(files: Map<string, string>): BundledCorpus {
  const read = <T>(name: string): T | null => (files.has(name) ? (JSON.parse(files.get(name)!) as T) : null);
  const need = <T>(name: string): T => {
    const v = read<T>(name);
    if (v === null) throw new Error(`${name} is missing from the data folder`);
    return v;
  };
  return {
    mentions: need<Event[]>(DATA_FILES.events),
    statements: need<Statement[]>(DATA_FILES.statements),
    documents: need<DocumentMeta[]>(DATA_FILES.documents),
    places: need<{ features: PlaceFeature[] }>(DATA_FILES.places).features,
    layer: read<LayerEvent[]>(DATA_FILES.layer),
    meetings: read<Meeting[]>(DATA_FILES.meetings) ?? [],
  };
}

/** Puts a joined corpus's records in place of the folder's, as the pipeline writes them. */
function setCorpus(files: Map<string, string>, c: JoinedCorpus): void {
  const json = (v: unknown) => JSON.stringify(v) + '\n';
  files.set(DATA_FILES.events, json(c.mentions));
  files.set(DATA_FILES.layer, json(c.events));
  files.set(DATA_FILES.places, json(c.places));
  files.set(DATA_FILES.statements, json(c.statements));
  files.set(DATA_FILES.documents, json(c.documents));
  files.set(DATA_FILES.timeseries, json(c.timeseries));
  // The first screen's index of these events, as the pipeline writes it (else the page would draw the served one's).
  files.set(
    EVENT_INDEX_FILE,
    json(
      eventIndexFile(
        c.events,
        c.places.features.map((f) => f.properties.id),
      ),
    ),
  );
}

/** Every document's text, as `documents/<id>.txt` (its textPath): the added ones from the page, the rest as served. */
async function addTexts(files: Map<string, string>, base: string, added: readonly AddedDocument[]): Promise<void> {
  const own = new Map(added.map((a) => [a.document.id, a.text]));
  const documents = JSON.parse(files.get(DATA_FILES.documents) ?? '[]') as { id: string; textPath?: string }[];
  const paths = documents.map((d) => d.textPath ?? `documents/${encodeURIComponent(d.id)}.txt`);
  // addedText: the page's copy of an added document's text (the fixes bar's zip passes no documents).
  const texts = await Promise.all(documents.map((d, i) => own.get(d.id) ?? addedText(d.id) ?? fetchText(base, paths[i]!)));
  documents.forEach((_, i) => texts[i] !== null && files.set(decodeURIComponent(paths[i]!), texts[i]!));
}

/**
 * The corrections.json the CLI reads, for these fixes (the same words as the fixes bar's download),
 * after those of the folder's own corrections.json (a folder taken away earlier with its fixes: they
 * are in its records already, and the CLI run from the documents needs both).
 */
function correctionsFile(fixes: readonly CorrectionEntry[], earlier: string | undefined): string {
  let before: CorrectionEntry[];
  try {
    before = earlier ? ((JSON.parse(earlier) as { corrections?: CorrectionEntry[] }).corrections ?? []) : [];
  } catch {
    before = []; // not ours to judge here: the CLI names a broken file when it reads it
  }
  fixes = [...before, ...fixes];
  return `${JSON.stringify({ about: `Fixes made in the SCO Atlas page (${fixes.length}); put this file beside the documents and run npm run extract.`, corrections: fixes }, null, 2)}\n`;
}

let gazetteer: Promise<Map<string, GazetteerPlace>> | null = null;
/** The pipeline's gazetteer, for the cities only added documents or fixes name (its own chunk, loaded on first use). */
const loadGazetteer = () =>
  (gazetteer ??= import('../../../data/gazetteer.json').then(
    (m) => new Map((m.default as unknown as { places: GazetteerPlace[] }).places.map((p) => [p.id, p])),
  ));

/** The whole atlas the page shows as a data folder: file path → text, sorted. */
export async function atlasFiles(atlas: ShownAtlas): Promise<OfflineFiles> {
  const files = await servedFiles(atlas.base);
  if (!files.has(DATA_FILES.events)) throw new Error(`${DATA_FILES.events} could not be read from ${atlas.base}`);
  if (atlas.added.length || atlas.fixes.length) {
    const gaz = await loadGazetteer();
    const place = (id: string) => gaz.get(id);
    const bundled = bundledOf(files);
    // With fixes, the fixes' own path (which joins the added documents too); without, the documents worker's join.
    const corpus = atlas.fixes.length
      ? (await import('./apply')).applyFixes(bundled, atlas.fixes, place, atlas.added).corpus
      : joinCorpus(bundled, atlas.added, place);
    setCorpus(files, corpus);
  }
  if (atlas.fixes.length) files.set('corrections.json', correctionsFile(atlas.fixes, files.get('corrections.json')));
  await addTexts(files, atlas.base, atlas.added);
  const out: OfflineFiles = {};
  for (const name of [...files.keys()].sort()) out[name] = files.get(name)!;
  return out;
}

/** A data folder as a zip, under one folder `sco-atlas-data/`. */
export function zipFolder(files: Readonly<OfflineFiles>): Uint8Array {
  const entries: Record<string, [Uint8Array, { mtime: Date }]> = {};
  for (const name of Object.keys(files).sort()) entries[`sco-atlas-data/${name}`] = [strToU8(files[name]!), { mtime: STAMP }];
  return zipSync(entries, { level: 6 });
}

/**
 * The fixes bar's zip (corrections/fixes.svelte.ts): `fixed`, the corpus with the fixes applied (null:
 * none); `corrections`, the corrections.json text.
 */
export async function dataFolderZip(base: string, fixed: JoinedCorpus | null, corrections: string | null): Promise<Uint8Array> {
  const files = await servedFiles(base);
  if (fixed) setCorpus(files, fixed);
  if (corrections) files.set('corrections.json', corrections);
  await addTexts(files, base, []);
  return zipFolder(Object.fromEntries(files));
}
