/**
 * The events of the current view as GeoJSON and CSV, for people who take the data into a GIS, a
 * spreadsheet or a slide tool. Pure: data in, text out; the dialog turns the text into a download.
 * One row (feature) per event under its name; an event of the event layer, merged from several
 * mentions and documents, carries every one of its statements and every source document.
 */
import type { DocumentMeta, Event, PlaceFeature, Statement } from '../../contract/schema';

export interface ExportData {
  events: readonly Event[];
  places: readonly PlaceFeature[];
  statements: readonly Statement[];
  documents: readonly DocumentMeta[];
}

interface Row {
  event: Event;
  place: PlaceFeature | undefined;
  doc: DocumentMeta | undefined;
  /** Every source document (a merged event's `docIds`, else its one `docId`), in the event's order. */
  docs: DocumentMeta[];
  /** Every statement of the event, by document (in `docs` order), then by position in the text. */
  statements: Statement[];
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function rows(data: ExportData): Row[] {
  const places = new Map(data.places.map((p) => [p.properties.id, p]));
  const docs = new Map(data.documents.map((d) => [d.id, d]));
  const statements = new Map(data.statements.map((s) => [s.id, s]));
  // A statement names the events it supports (for the event layer, the merged event: data/load.ts
  // toLayer); an event lists its own. Either way it belongs to the event, once.
  const byEvent = new Map<string, Set<Statement>>();
  for (const s of data.statements) for (const id of s.eventIds) (byEvent.get(id) ?? byEvent.set(id, new Set()).get(id)!).add(s);
  return [...data.events]
    .sort((a, b) => cmp(a.start, b.start) || cmp(a.id, b.id))
    .map((event) => {
      const docIds = (event as Event & { docIds?: string[] }).docIds ?? [event.docId];
      const own = new Set(byEvent.get(event.id));
      for (const id of event.statementIds) {
        const s = statements.get(id);
        if (s) own.add(s);
      }
      const rank = (s: Statement) => {
        const at = docIds.indexOf(s.docId);
        return at < 0 ? docIds.length : at; // a document the event does not list comes last
      };
      return {
        event,
        place: event.placeId ? places.get(event.placeId) : undefined,
        doc: docs.get(event.docId),
        docs: docIds.map((id) => docs.get(id)).filter((d): d is DocumentMeta => d !== undefined),
        statements: [...own].sort((a, b) => rank(a) - rank(b) || cmp(a.docId, b.docId) || a.start - b.start || cmp(a.id, b.id)),
      };
    });
}

/**
 * A FeatureCollection with one Point per event at its city; online events and events without a
 * known place keep `geometry: null` (valid GeoJSON) so nothing in the view is silently dropped.
 */
export function eventsToGeoJSON(data: ExportData): string {
  const features = rows(data).map(({ event, place, doc, docs, statements }) => ({
    type: 'Feature' as const,
    id: event.id,
    geometry: place ? { type: 'Point' as const, coordinates: place.geometry.coordinates } : null,
    properties: {
      id: event.id,
      title: event.title,
      start: event.start,
      end: event.end ?? null,
      precision: event.precision,
      dateText: event.dateText,
      online: event.online,
      placeId: event.placeId,
      place: place?.properties.name ?? null,
      country: place?.properties.country ?? null,
      topics: event.topics,
      docId: event.docId,
      document: doc?.title ?? null,
      documentKind: doc?.kind ?? null,
      documentSource: doc?.source ?? null,
      documents: docs.map((d) => ({ id: d.id, title: d.title, kind: d.kind, source: d.source ?? null })),
      statements: statements.map((s) => ({ id: s.id, docId: s.docId, text: s.text })),
      coordinatesSource: place?.properties.source ?? null,
    },
  }));
  return JSON.stringify({ type: 'FeatureCollection', features }, null, 1) + '\n';
}

export const CSV_COLUMNS = [
  'id',
  'start',
  'end',
  'precision',
  'date_text',
  'title',
  'place',
  'country',
  'longitude',
  'latitude',
  'online',
  'topics',
  'document',
  'document_kind',
  'document_source',
  'documents',
  'statements',
] as const;

/**
 * One CSV cell (RFC 4180): quoted when it holds a comma, quote or line break, and also a semicolon or
 * a tab, the separators spreadsheets use in locales where the comma is the decimal mark: unquoted,
 * "SCO talks;=1+1" opened there is two cells, the second a formula. Text that a spreadsheet
 * would run as a formula (starting with = + - @, or a tab/carriage return that some tools strip
 * first) gets a leading apostrophe, so a hostile document cannot plant a formula in someone's sheet.
 * Numbers stay numbers.
 */
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  let text = value;
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  if (/[",;\t\r\n]/.test(text) || text !== text.trim()) text = `"${text.replace(/"/g, '""')}"`;
  return text;
}

export function eventsToCsv(data: ExportData): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const { event, place, doc, docs, statements } of rows(data)) {
    const cells: (string | number | boolean | null)[] = [
      event.id,
      event.start,
      event.end ?? null,
      event.precision,
      event.dateText,
      event.title,
      place?.properties.name ?? null,
      place?.properties.country ?? null,
      place ? place.geometry.coordinates[0] : null,
      place ? place.geometry.coordinates[1] : null,
      event.online,
      event.topics.join('; '),
      doc?.title ?? null,
      doc?.kind ?? null,
      doc?.source ?? null,
      docs.map((d) => d.title || d.id).join('; '),
      // Every statement, a blank line between two (a statement may hold a line break of its own).
      statements.map((s) => s.text).join('\n\n'),
    ];
    lines.push(cells.map(csvCell).join(','));
  }
  // CRLF as RFC 4180 says; a BOM so Excel reads UTF-8 names (Tashkent's Cyrillic, Chinese titles).
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

/** A file name for downloads that says what and when: sco-atlas_2020-01-01_2021-12-31.csv */
export function exportFileName(ext: string, from: string | null, to: string | null): string {
  const range = from || to ? `_${from ?? 'start'}_${to ?? 'end'}` : '';
  return `sco-atlas${range}.${ext}`;
}
