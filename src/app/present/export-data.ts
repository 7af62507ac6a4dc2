/**
 * The events of the current view as GeoJSON and CSV, for people who take the data into a GIS, a
 * spreadsheet or a slide tool. Pure: data in, text out; the dialog turns the text into a download.
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
  statement: Statement | undefined;
}

function rows(data: ExportData): Row[] {
  const places = new Map(data.places.map((p) => [p.properties.id, p]));
  const docs = new Map(data.documents.map((d) => [d.id, d]));
  const statements = new Map(data.statements.map((s) => [s.id, s]));
  return [...data.events]
    .sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((event) => ({
      event,
      place: event.placeId ? places.get(event.placeId) : undefined,
      doc: docs.get(event.docId),
      statement: event.statementIds.map((id) => statements.get(id)).find((s) => s !== undefined),
    }));
}

/**
 * A FeatureCollection with one Point per event at its city; online events and events without a
 * known place keep `geometry: null` (valid GeoJSON) so nothing in the view is silently dropped.
 */
export function eventsToGeoJSON(data: ExportData): string {
  const features = rows(data).map(({ event, place, doc, statement }) => ({
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
      statement: statement?.text ?? null,
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
  'statement',
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
  for (const { event, place, doc, statement } of rows(data)) {
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
      statement?.text ?? null,
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
