/**
 * Story mode's steps: either the list a person chose in data/story.json (served as story.json next to
 * the pipeline's output), or every event in date order. Pure: data in, steps out.
 */
import type { StoryFile, StoryStepSpec } from '../../contract/data-files';
import type { DocumentMeta, Event, PlaceFeature, Statement } from '../../contract/schema';
import { interval } from '../data/event-index';
import type { ShownEvent } from '../data/layer';

// data/story.json's schema lives in the contract with the other editable data files; it is read by
// story-read.ts (a chunk fetched after the first screen, with its compiled check).
export type { StoryFile, StoryStepSpec };

export interface StoryStep {
  /** 1-based. */
  n: number;
  eventId: string;
  title: string;
  caption: string | null;
  date: string;
  placeId: string | null;
  placeName: string | null;
  country: string | null;
  lngLat: [number, number] | null;
  online: boolean;
  /** How the chronology says the meeting was held (the card says "by videoconference"); null when unlinked. */
  format: 'in-person' | 'videoconference' | 'hybrid' | null;
  /** The first statement of the event: what is shown large. */
  statement: string | null;
  docTitle: string | null;
  docKind: string | null;
  docPublished: string | null;
  /** For the interface's other languages: the city's names, the country's code, the meeting's names, the document's language. */
  placeNames?: { ru?: string; zh?: string };
  countryCode?: string | null;
  meetingNames?: { en: string; ru: string; zh: string };
  lang?: string;
}

export interface StoryData {
  events: readonly Event[];
  places: readonly PlaceFeature[];
  statements: readonly Statement[];
  documents: readonly DocumentMeta[];
}

export interface Story {
  title: string | null;
  steps: StoryStep[];
  /** Human-readable problems with story.json (which step, why), shown as a quiet notice. */
  notices: string[];
}

/** Date order, then title, then id: the same corpus always gives the same story. */
export function byDate(a: Event, b: Event): number {
  return a.start < b.start ? -1 : a.start > b.start ? 1 : a.title.localeCompare(b.title) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * What a story will be, without building its steps: the title, the notices and the number of steps are
 * known at once (story.json's few steps are matched by a scan, with no sort), while the steps (one per
 * event by default: 100,000 objects and a sort by title at 100,000 events) are built by `build()` only
 * when story mode, a host deck or the element actually asks for them.
 */
export interface StoryPlan {
  title: string | null;
  notices: string[];
  total: number;
  build(): StoryStep[];
}

export function planStory(data: StoryData, file?: StoryFile | null): StoryPlan {
  const places = new Map(data.places.map((p) => [p.properties.id, p]));
  const notices: string[] = [];
  const chosen: { event: Event; caption: string | null }[] = [];
  if (file && file.steps.length > 0) {
    file.steps.forEach((spec, i) => {
      const event = findEvent(data.events, spec, places);
      if (event) chosen.push({ event, caption: spec.caption ?? null });
      else notices.push(`story.json step ${i + 1}: no event matches ${describe(spec)}; step skipped`);
    });
  }
  // A story file whose steps all miss (e.g. written for another corpus) falls back to every event.
  const everything = chosen.length === 0;
  if (everything && file && file.steps.length > 0)
    notices.push('story.json: no step matched this corpus; showing every event in date order');

  const build = (): StoryStep[] => {
    const list = everything ? [...data.events].sort(byDate).map((event) => ({ event, caption: null })) : chosen;
    const statements = new Map(data.statements.map((s) => [s.id, s]));
    const docs = new Map(data.documents.map((d) => [d.id, d]));
    return list.map(({ event, caption }, i): StoryStep => {
      const place = event.placeId ? places.get(event.placeId) : undefined;
      const statement = event.statementIds.map((id) => statements.get(id)).find((s) => s !== undefined);
      const doc = docs.get(event.docId);
      return {
        n: i + 1,
        eventId: event.id,
        title: event.title,
        caption,
        date: event.start,
        placeId: place ? place.properties.id : null,
        placeName: place ? place.properties.name : null,
        country: place ? place.properties.country : null,
        lngLat: place ? [place.geometry.coordinates[0], place.geometry.coordinates[1]] : null,
        online: event.online,
        format: (event as ShownEvent).meeting?.format ?? null,
        statement: statement ? statement.text : null,
        docTitle: doc ? doc.title : null,
        docKind: doc ? doc.kind : null,
        docPublished: doc ? doc.published : null,
        ...(place?.properties.names ? { placeNames: place.properties.names } : {}),
        countryCode: place ? place.properties.countryCode : null,
        ...((event as ShownEvent).meeting ? { meetingNames: (event as ShownEvent).meeting!.names } : {}),
        ...(doc?.lang ? { lang: doc.lang } : {}),
      };
    });
  };
  return { title: file?.title ?? null, notices, total: everything ? data.events.length : chosen.length, build };
}

export function buildStory(data: StoryData, file?: StoryFile | null): Story {
  const plan = planStory(data, file);
  return { title: plan.title, steps: plan.build(), notices: plan.notices };
}

/** The first event in date order (`byDate`) that the step names: one pass, no sorted copy needed. */
function findEvent(events: readonly Event[], spec: StoryStepSpec, places: Map<string, PlaceFeature>): Event | undefined {
  if (spec.event) {
    const byId = events.find((e) => e.id === spec.event);
    if (byId) return byId;
    if (!spec.date && !spec.place && !spec.title) return undefined;
  }
  // A step names a day (or month, or year) that falls inside the event's span: "2018-06-10" finds
  // the Qingdao summit of 9–10 June 2018 as well as an event the text dated only "June 2018".
  const wanted = spec.date ? interval(spec.date) : null;
  const placeWanted = spec.place?.toLowerCase();
  const titleWords = spec.title?.toLowerCase().split(/\s+/).filter(Boolean) ?? [];
  let best: Event | undefined;
  for (const e of events) {
    if (wanted && !overlaps(wanted, interval(e.start, e.end))) continue;
    if (placeWanted) {
      const p = e.placeId ? places.get(e.placeId) : undefined;
      if (!p) continue;
      const names = [p.properties.id, p.properties.name, ...p.properties.aliases].map((n) => n.toLowerCase());
      if (!names.includes(placeWanted)) continue;
    }
    const title = e.title.toLowerCase();
    if (!titleWords.every((w) => title.includes(w))) continue;
    if (!best || byDate(e, best) < 0) best = e;
  }
  return best;
}

const overlaps = (a: [number, number], b: [number, number]) => a[0] < b[1] && b[0] < a[1];

function describe(spec: StoryStepSpec): string {
  return Object.entries(spec)
    .filter(([k]) => k !== 'caption')
    .map(([k, v]) => `${k} "${v}"`)
    .join(', ');
}

/** The step to show for a requested number (from the URL, a message or a key): clamped, 0 if empty. */
export function clampStep(n: number, total: number): number {
  if (total === 0) return 0;
  if (!Number.isFinite(n)) return 1;
  return Math.min(total, Math.max(1, Math.round(n)));
}

/** Keys that presentation clickers send, mapped to story moves. */
export type StoryMove = 'next' | 'prev' | 'first' | 'last';
export function keyToMove(key: string, shift = false): StoryMove | null {
  switch (key) {
    case 'ArrowRight':
    case 'PageDown':
      return 'next';
    case ' ':
    case 'Spacebar':
      return shift ? 'prev' : 'next';
    case 'ArrowLeft':
    case 'PageUp':
      return 'prev';
    case 'Home':
      return 'first';
    case 'End':
      return 'last';
    default:
      return null;
  }
}

export function applyMove(move: StoryMove, current: number, total: number): number {
  if (total === 0) return 0;
  switch (move) {
    case 'next':
      return clampStep(current + 1, total);
    case 'prev':
      return clampStep(current - 1, total);
    case 'first':
      return 1;
    case 'last':
      return total;
  }
}
