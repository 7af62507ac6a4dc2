/**
 * Corrections: a person's fixes to what the extractor found, kept in corrections.json beside the
 * documents (so they travel with the corpus). Each entry adds, removes or changes an event or a place
 * and gives a reason; the records it touches are marked curated. A bad entry is reported with the
 * file and its index and skipped; it never stops the run.
 */
import { eng, rus, zho } from 'stopword';
import { checkData, checkDataFile, Correction, CorrectionsFile } from '../contract/data-files.ts';
import type { Event } from '../contract/schema.ts';
import { precisionOf } from './dates.ts';
import type { GazetteerPlace } from './gazetteer.ts';

// The schemas live in the contract with the other editable data files; re-exported for this module's users.
export { Correction, CorrectionsFile };

export const CORRECTIONS_FILE = 'corrections.json';

export interface LoadedCorrections {
  entries: { index: number; c: Correction }[];
  messages: string[];
}

/** Function words of English, Russian and Chinese (the stopword package's lists), lower-cased. */
const COMMON_WORDS = new Set([...eng, ...rus, ...zho].map((w) => w.toLowerCase()));
/**
 * True for a place name that is a common word ("The", "In", "При"): the text would name it in every
 * other sentence, and one added place "The" was attached to 128 statements.
 */
export const isCommonWord = (name: string) => COMMON_WORDS.has(name.trim().toLowerCase());

/** An entry that would make a common word a place name is skipped, with the word named. */
function placeNamesOk(c: Correction, where: string, messages: string[]): Correction | null {
  const names =
    c.action === 'add-place' ? [c.name, ...c.names] : c.action === 'update-place' && c.set.name !== undefined ? [c.set.name] : [];
  const common = names.filter(isCommonWord);
  if (common.length === 0) return c;
  messages.push(
    `${where}: the place name ${common.map((n) => `"${n}"`).join(', ')} is a common word, which the text uses in nearly every sentence; skipped`,
  );
  return null;
}

/** Parses the file; every entry is checked on its own so one bad entry does not hide the others. */
export function parseCorrections(json: string, file: string): LoadedCorrections {
  const messages: string[] = [];
  // The frame first (JSON syntax by line and column, then { "corrections": [...] }), each entry after.
  const top = checkDataFile(file, CorrectionsFile, json);
  if (!top.ok) return { entries: [], messages: top.problems.map((p) => `${p}; no corrections applied`) };
  const entries: LoadedCorrections['entries'] = [];
  top.data.corrections.forEach((entry, index) => {
    const where = `${file} entry ${index}`;
    const r = checkData(where, Correction, entry);
    const ok = r.ok ? placeNamesOk(r.data, `${where} (${r.data.action})`, messages) : null;
    if (ok) entries.push({ index, c: ok });
    else if (!r.ok) messages.push(`${where}: ${r.problems.map((p) => p.slice(where.length + 2)).join('; ')}; skipped`);
  });
  return { entries, messages };
}

/** Places the corrections add, as gazetteer entries, so the text can name them too. */
export function addedPlaces(c: LoadedCorrections): GazetteerPlace[] {
  return c.entries.flatMap(({ c: e }) =>
    e.action === 'add-place'
      ? [
          {
            id: e.id,
            name: e.name,
            names: [...new Set([e.name, ...e.names])],
            country: e.country,
            countryCode: e.countryCode,
            lat: e.lat,
            lon: e.lon,
            population: 0,
            source: 'corrections file',
            curated: true,
          },
        ]
      : [],
  );
}

export interface PlaceEdit {
  curated: true;
  reason: string;
  name?: string;
  country?: string;
  countryCode?: string;
  lon?: number;
  lat?: number;
}

/**
 * Applies event and place corrections to the extracted events. Returns the events, the place edits
 * (id → change, null = removed) and one message per entry that could not be applied.
 */
export function applyCorrections(
  events: Event[],
  c: LoadedCorrections,
  file: string,
  knownPlace: (id: string) => boolean,
  docIds: Set<string>,
) {
  const messages: string[] = [];
  const byId = new Map(events.map((e) => [e.id, e]));
  const placeEdits = new Map<string, PlaceEdit | null>();
  const placeOk = (id: string | null | undefined) => id == null || (knownPlace(id) && placeEdits.get(id) !== null);
  for (const { index, c: e } of c.entries) {
    const where = `${file} entry ${index} (${e.action})`;
    switch (e.action) {
      case 'add-event': {
        if (!docIds.has(e.docId)) {
          messages.push(`${where}: no document with id "${e.docId}"; skipped`);
          break;
        }
        if (!placeOk(e.placeId)) {
          messages.push(`${where}: unknown place id "${e.placeId}"; skipped`);
          break;
        }
        const id = `${e.docId}:${e.start}${e.end ? '..' + e.end : ''}:curated-${index}`;
        const precision = e.precision ?? precisionOf(e.start);
        const ev: Event = {
          id,
          docId: e.docId,
          start: e.start,
          precision,
          placeId: e.placeId ?? null,
          online: e.online ?? false,
          title: e.title,
          topics: [...(e.topics ?? [])].sort(),
          statementIds: [],
          dateText: '',
          curated: true,
          reason: e.reason,
        };
        if (e.end) ev.end = e.end;
        byId.set(id, ev);
        break;
      }
      case 'remove-event':
        if (!byId.delete(e.id)) messages.push(`${where}: no event with id "${e.id}"; skipped`);
        break;
      case 'update-event': {
        const ev = byId.get(e.id);
        if (!ev) {
          messages.push(`${where}: no event with id "${e.id}"; skipped`);
          break;
        }
        if (e.set.placeId !== undefined && !placeOk(e.set.placeId)) {
          messages.push(`${where}: unknown place id "${e.set.placeId}"; skipped`);
          break;
        }
        const next: Event = {
          ...ev,
          ...e.set,
          topics: e.set.topics ? [...e.set.topics].sort() : ev.topics,
          curated: true,
          reason: e.reason,
        } as Event;
        if (e.set.start && !e.set.precision) next.precision = precisionOf(e.set.start);
        if (next.end && next.end <= next.start) {
          messages.push(`${where}: end ${next.end} is not after start ${next.start}; skipped`);
          break;
        }
        byId.set(e.id, next);
        break;
      }
      case 'add-place':
        placeEdits.set(e.id, { curated: true, reason: e.reason });
        break;
      case 'remove-place':
        if (!knownPlace(e.id)) {
          messages.push(`${where}: unknown place id "${e.id}"; skipped`);
          break;
        }
        placeEdits.set(e.id, null);
        break;
      case 'update-place':
        if (!knownPlace(e.id)) {
          messages.push(`${where}: unknown place id "${e.id}"; skipped`);
          break;
        }
        placeEdits.set(e.id, { ...(placeEdits.get(e.id) ?? {}), ...e.set, curated: true, reason: e.reason });
        break;
    }
  }
  for (const [id, edit] of placeEdits) {
    if (edit !== null) continue;
    for (const [eid, ev] of byId)
      if (ev.placeId === id)
        byId.set(eid, { ...ev, placeId: null, curated: true, reason: ev.reason ?? `place ${id} removed by the corrections file` });
  }
  return { events: [...byId.values()], placeEdits, messages };
}
