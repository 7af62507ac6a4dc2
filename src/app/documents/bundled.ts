/**
 * The data folder's own records (the mentions, not only the layer the page shows), which the documents
 * worker joins added documents with and the corrections apply fixes to. One reader for both.
 */
import type { Meeting } from '../../contract/chronology';
import type { DocumentMeta, Event, LayerEvent, PlaceFeature, Statement } from '../../contract/schema';
import type { BundledCorpus } from './corpus';

async function fetchJson<T>(base: string, file: string, optional = false): Promise<T | null> {
  const res = await fetch(new URL(file, base));
  const text = res.ok ? await res.text() : '';
  // A dev server answers a missing file with the app's page.
  if (!res.ok || /^\s*</.test(text)) {
    if (optional) return null;
    throw new Error(`${file} is missing from the data folder (HTTP ${res.status})`);
  }
  return JSON.parse(text) as T;
}

async function readBundled(base: string): Promise<BundledCorpus> {
  const [mentions, statements, documents, places, layer, meetings] = await Promise.all([
    fetchJson<Event[]>(base, 'events.json'),
    fetchJson<Statement[]>(base, 'statements.json'),
    fetchJson<DocumentMeta[]>(base, 'documents.json'),
    fetchJson<{ features: PlaceFeature[] }>(base, 'places.geojson'),
    fetchJson<LayerEvent[]>(base, 'event-layer.json', true),
    fetchJson<Meeting[]>(base, 'meetings.json', true),
  ]);
  return { mentions: mentions!, statements: statements!, documents: documents!, places: places!.features, layer, meetings: meetings ?? [] };
}

/** A reader that reads a folder once and again only when the folder changes or the last read failed. */
export function bundledReader(): (base: string) => Promise<BundledCorpus> {
  let read: Promise<BundledCorpus> | null = null;
  let folder = '';
  return (base) => {
    if (!read || base !== folder) {
      folder = base;
      read = readBundled(base);
      read.catch(() => (read = null));
    }
    return read;
  };
}
