/**
 * The file names the pipeline writes, relative to the data folder. Apart from schema.ts (which
 * re-exports them) so that the page can name its files without loading zod and building the schemas:
 * the page checks what it reads with the compiled checks first and loads the schemas only to explain a
 * file that fails (src/app/data/check.ts).
 */
export const DATA_FILES = {
  events: 'events.json',
  places: 'places.geojson',
  statements: 'statements.json',
  timeseries: 'timeseries.json',
  documents: 'documents.json',
  report: 'report.json',
  topics: 'topics.json',
  /** The event layer: one record per real event across documents (LayerEvents). */
  layer: 'event-layer.json',
  /** The chronology's meetings with `mentioned` (LayerMeetings). */
  meetings: 'meetings.json',
} as const;
