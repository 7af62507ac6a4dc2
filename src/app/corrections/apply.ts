/**
 * Fixes made in the page, applied as the CLI applies a corrections.json: the same parser and the same
 * `applyCorrections` (src/pipeline/corrections.ts) on the data folder's mentions (events.json), the
 * statements' links trimmed and kept as run.ts does, then the event layer, places and time series built
 * again by the same join the added documents go through (documents/corpus.ts). One code path: a file
 * downloaded from the page and run through `npm run extract` gives the same events (browser test).
 * Pure: records in, records out.
 */
import type { CorrectionEntry } from '../../contract/data-files';
import type { Statement } from '../../contract/schema';
import { applyCorrections, CORRECTIONS_FILE, parseCorrections } from '../../pipeline/corrections';
import { applyLayerFixes, applyMeetingCorrections } from '../../pipeline/events/corrections';
import { kindOf } from '../../pipeline/events/layer';
import type { GazetteerPlace } from '../../pipeline/gazetteer';
import { joinCorpus, type AddedDocument, type BundledCorpus, type JoinedCorpus } from '../documents/corpus';

/** A fix that no longer matches anything (its event is gone after a document changed): shown, not dropped. */
export interface StaleFix {
  /** Its place in the list of fixes. */
  index: number;
  message: string;
}

export interface FixedCorpus {
  corpus: JoinedCorpus;
  stale: StaleFix[];
}

/** "corrections.json entry 3 (update-event): no event with id …" → 3. */
const indexOf = (message: string) => Number(/ entry (\d+)\b/.exec(message)?.[1] ?? -1);

/**
 * The merges the data folder's own corrections.json made (a folder from the page's zip, say), read back
 * from its event layer: an event whose mentions the layer would not group by itself (different date,
 * place or kind; an unlinked mention in a meeting's event). The page builds the layer again from the
 * folder's mentions for every fix, and these must stay merged, as the CLI keeps them.
 */
function folderMerges(folder: BundledCorpus): { mentionIds: string[]; reason: string }[] {
  if (!folder.layer) return [];
  const byId = new Map(folder.mentions.map((m) => [m.id, m]));
  const out: { mentionIds: string[]; reason: string }[] = [];
  for (const e of folder.layer) {
    if (e.mentionIds.length < 2) continue;
    const ms = e.mentionIds.map((id) => byId.get(id)).filter((m) => m !== undefined);
    const key = (m: (typeof ms)[number]) =>
      e.meeting ? String(Boolean(m.link)) : `${m.start}..${m.end ?? ''}@${m.placeId ?? (m.online ? 'online' : m.id)}:${kindOf(m.title)}`;
    if (new Set(ms.map(key)).size < 2) continue;
    // The event's own id first: for an unlinked event it is the mention that names it.
    const first = ms.find((m) => m.id === e.id) ?? ms.find((m) => m.link) ?? ms[0]!;
    out.push({ mentionIds: [first.id, ...ms.filter((m) => m !== first).map((m) => m.id)], reason: e.reason ?? 'merged' });
  }
  return out;
}

/**
 * `place`: the gazetteer's entry for a place id (a fix may move an event to a city the data folder does
 * not have yet). `added`: the user's own documents (documents/), joined in so a fix and an added
 * document never hide each other, and a fix may name an added document's event.
 */
export function applyFixes(
  folder: BundledCorpus,
  fixes: readonly CorrectionEntry[],
  place: (id: string) => GazetteerPlace | undefined,
  added: readonly AddedDocument[] = [],
): FixedCorpus {
  const base: BundledCorpus = added.length
    ? {
        ...folder,
        mentions: [...folder.mentions, ...added.flatMap((a) => a.events)],
        statements: [...folder.statements, ...added.flatMap((a) => a.statements)],
        documents: [...folder.documents, ...added.map((a) => a.document)],
      }
    : folder;
  const loaded = parseCorrections(JSON.stringify({ corrections: fixes }), CORRECTIONS_FILE);
  const known = new Set(base.places.map((f) => f.properties.id));
  // Copies: the join changes statements' event lists in place, and the base is applied again after every fix.
  const mentions = structuredClone(base.mentions);
  const applied = applyCorrections(
    mentions,
    loaded,
    CORRECTIONS_FILE,
    (id) => known.has(id) || place(id) !== undefined,
    new Set(base.documents.map((d) => d.id)),
  );
  // As run.ts does after its corrections: statements lose removed events, and a fixed event keeps its statements.
  const kept = new Set(applied.events.map((e) => e.id));
  const statements: Statement[] = base.statements.map((s) => ({ ...s, eventIds: s.eventIds.filter((id) => kept.has(id)) }));
  const byId = new Map(statements.map((s) => [s.id, s]));
  for (const e of applied.events)
    if (e.curated)
      for (const sid of e.statementIds) {
        const s = byId.get(sid);
        if (s && !s.eventIds.includes(e.id)) s.eventIds = [...s.eventIds, e.id].sort();
      }
  // The event layer's entries (link, unlink, meetings, merge-events, detach-statement), read as
  // src/pipeline/events/index.ts reads them, then applied by the layer the join builds.
  const meetings = applyMeetingCorrections(base.meetings, loaded.entries, CORRECTIONS_FILE, kept);
  const layer = applyLayerFixes(loaded.entries, CORRECTIONS_FILE, applied.events, statements);
  // The added documents go into the join as added documents (their fixed records), not folded into the
  // folder: the join takes their place names ("Астане", the names their texts use) and their SCO test from them.
  const addedIds = new Set(added.map((a) => a.document.id));
  const ofAdded = (r: { docId: string }) => addedIds.has(r.docId);
  const fixedAdded = added.map((a) => ({
    ...a,
    events: applied.events.filter((e) => e.docId === a.document.id),
    statements: statements.filter((st) => st.docId === a.document.id),
  }));
  const folderFixed = {
    ...folder,
    mentions: applied.events.filter((e) => !ofAdded(e)),
    statements: statements.filter((st) => !ofAdded(st)),
  };
  const corpus = joinCorpus(folderFixed, fixedAdded, place, {
    meetings: meetings.meetings,
    forced: meetings.forced,
    merges: [...folderMerges(folder), ...layer.merges],
    detached: layer.detached,
  });
  const stale = [...loaded.messages, ...applied.messages, ...meetings.messages, ...layer.messages]
    .map((message) => ({ index: indexOf(message), message }))
    .sort((a, b) => a.index - b.index);
  return { corpus, stale };
}
