/**
 * The bundled corpus and the user's documents joined into one, with the pipeline's own pure stages, as
 * the CLI's run joins a folder (src/pipeline/run.ts): the mentions of every document go through the
 * event layer together (so a user's mention of the Astana summit joins the bundled event), then the
 * places and the time series are counted again. Pure: records in, records out; runs in the documents
 * worker (extract.worker.ts) and in the unit tests.
 *
 * The bundled side comes as the app's data folder holds it (events.json: the mentions, after the
 * folder's corrections; statements.json; documents.json; places.geojson; meetings.json: the
 * chronology's meetings; event-layer.json), not as its sources, which the page does not have.
 */
import type { Meeting } from '../../contract/chronology';
import type { DocumentMeta, Event, LayerEvent, PlaceFeature, Places, Statement, TimeSeries } from '../../contract/schema';
import { buildPlaces, buildTimeSeries } from '../../pipeline/aggregate';
import { buildLayer, namesSco, type LayerInput } from '../../pipeline/events/layer';
import { REASONS } from '../../pipeline/events/link';
import type { GazetteerPlace } from '../../pipeline/gazetteer';

export interface BundledCorpus {
  mentions: Event[];
  statements: Statement[];
  documents: DocumentMeta[];
  places: PlaceFeature[];
  /** The folder's event layer, when it has one (it tells which documents name the SCO). */
  layer: LayerEvent[] | null;
  meetings: Meeting[];
}

/** One added document, extracted: what pool-job's `extractSource` or the sheet reader give. */
export interface AddedDocument {
  document: DocumentMeta;
  text: string;
  events: Event[];
  statements: Statement[];
  placeNames: [string, string[]][];
}

export interface JoinedCorpus {
  /** The event layer over every document: what the app shows as events. */
  events: LayerEvent[];
  /** Every mention, with the event it joined (`eventId`). */
  mentions: Event[];
  statements: Statement[];
  places: Places;
  documents: DocumentMeta[];
  timeseries: TimeSeries;
}

const byStartThenId = (a: Event, b: Event) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Whether each bundled document names the SCO, read from its layer: an event no source ties to the
 * SCO (`sco: false`) says none of its documents does; the texts themselves are not fetched for this.
 */
function bundledSco(b: BundledCorpus): Map<string, boolean> {
  const out = new Map(b.documents.map((d) => [d.id, true]));
  for (const e of b.layer ?? []) if (e.sco === false) for (const d of e.docIds) out.set(d, false);
  return out;
}

/** Links the folder's corrections file set (their reason says so), kept when the layer is built again. */
function forcedLinks(mentions: readonly Event[]): Map<string, { meetingId: string | null; reason: string }> {
  const prefix = `${REASONS.curated}: `;
  const out = new Map<string, { meetingId: string | null; reason: string }>();
  for (const e of mentions)
    if (e.link && e.link.reason.startsWith(prefix))
      out.set(e.id, { meetingId: e.link.meetingId, reason: e.link.reason.slice(prefix.length) });
  return out;
}

/** A bundled place as the gazetteer entry buildPlaces reads (so its name, country and source stay as the folder has them). */
const asGazetteer = (f: PlaceFeature): GazetteerPlace => ({
  id: f.properties.id,
  name: f.properties.name,
  names: [f.properties.name, ...f.properties.aliases],
  country: f.properties.country,
  countryCode: f.properties.countryCode,
  lat: f.geometry.coordinates[1],
  lon: f.geometry.coordinates[0],
  population: 0,
  source: f.properties.source,
  curated: f.properties.curated,
  // Its Russian and Chinese labels: without them every bundled city fell back to English in the
  // Russian and Chinese interface as soon as one document was added.
  ...(f.properties.names?.ru ? { ru: [f.properties.names.ru] } : {}),
  ...(f.properties.names?.zh ? { zh: [f.properties.names.zh] } : {}),
});

/**
 * The folder's records with the added documents' records beside them, in the shape the folder has:
 * for code that rebuilds the data from the folder (the corrections' fixes, corrections/apply.ts), so
 * it keeps the user's documents too. (Their SCO flag then defaults to true: the layer does not know them.)
 */
export function withAdded(bundled: BundledCorpus, added: readonly AddedDocument[]): BundledCorpus {
  if (added.length === 0) return bundled;
  return {
    ...bundled,
    mentions: [...bundled.mentions, ...added.flatMap((a) => a.events)].sort(byStartThenId),
    statements: [...bundled.statements, ...added.flatMap((a) => a.statements)],
    documents: [...bundled.documents, ...added.map((a) => a.document)],
  };
}

/** The page's fixes to the event layer (corrections/apply.ts): meetings, links, merges and detached statements. */
export type LayerFixInput = Partial<Pick<LayerInput, 'meetings' | 'forced' | 'merges' | 'detached'>>;

/**
 * `place`: the gazetteer's entry for a place id (for the cities only the added documents name).
 * `fixes`: what the page's corrections ask of the event layer (links on top of the folder's own).
 */
export function joinCorpus(
  bundled: BundledCorpus,
  added: readonly AddedDocument[],
  place: (id: string) => GazetteerPlace | undefined,
  fixes: LayerFixInput = {},
): JoinedCorpus {
  const sco = bundledSco(bundled);
  const titles = new Map<string, { title: string; sco: boolean }>();
  for (const d of bundled.documents) titles.set(d.id, { title: d.title, sco: sco.get(d.id) ?? true });
  for (const a of added) titles.set(a.document.id, { title: a.document.title, sco: namesSco(a.text) });

  const mentions = [...bundled.mentions, ...added.flatMap((a) => a.events)].sort(byStartThenId);
  const joined = [...bundled.statements, ...added.flatMap((a) => a.statements)];
  const built = buildLayer({
    mentions,
    statements: joined,
    docs: titles,
    meetings: fixes.meetings ?? bundled.meetings,
    forced: new Map([...forcedLinks(bundled.mentions), ...(fixes.forced ?? [])]),
    merges: fixes.merges,
    detached: fixes.detached,
  });
  const statements = built.statements;

  const placeNames = new Map<string, Set<string>>();
  const note = (id: string, names: Iterable<string>) => {
    const into = placeNames.get(id) ?? new Set<string>();
    for (const n of names) into.add(n);
    placeNames.set(id, into);
  };
  const known = new Map(bundled.places.map((f) => [f.properties.id, asGazetteer(f)]));
  for (const f of bundled.places) note(f.properties.id, [f.properties.name, ...f.properties.aliases]);
  for (const a of added) for (const [id, names] of a.placeNames) note(id, names);
  const places = buildPlaces(built.mentions, statements, placeNames, (id) => known.get(id) ?? place(id), new Map());

  return {
    events: built.layer,
    mentions: built.mentions,
    statements,
    places,
    documents: [...bundled.documents, ...added.map((a) => a.document)],
    timeseries: buildTimeSeries(built.mentions, statements),
  };
}
