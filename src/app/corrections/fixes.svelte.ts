/**
 * The user's fixes to the atlas: a list of corrections in the format of corrections.json (the CLI's),
 * with undo and redo, kept in this browser (the documents' store, key "corrections"), applied to the
 * data folder's records by apply.ts every time the list changes, and downloadable as corrections.json.
 * One per atlas, made by CorrectionsLayer.svelte once the bundled data is in.
 */
import type { Meeting } from '../../contract/chronology';
import type { CorrectionEntry } from '../../contract/data-files';
import type { Event, LayerEvent } from '../../contract/schema';
import type { GazetteerPlace } from '../../pipeline/gazetteer';
import { withAdded, type AddedDocument, type JoinedCorpus } from '../documents/corpus';
import { bundledReader } from '../documents/bundled';
import { openStore, type DocumentStore } from '../documents/store';
import { buildIndexes } from '../data/indexes';
import { toLayer } from '../data/load';
import type { AtlasState } from '../state/atlas.svelte';
import { t } from '../i18n';
import type { StaleFix } from './apply';

export const STORE_KEY = 'corrections';
export const REASON = 'fixed in the SCO Atlas page';

let gazetteer: Promise<Map<string, GazetteerPlace>> | null = null;
/** The pipeline's gazetteer (data/gazetteer.json, a chunk of its own), loaded when a fix first needs it. */
export const loadGazetteer = () =>
  (gazetteer ??= import('../../../data/gazetteer.json').then(
    // A lookup built once and never changed: no reactivity wanted.
    // eslint-disable-next-line svelte/prefer-svelte-reactivity
    (m) => new Map((m.default as unknown as { places: GazetteerPlace[] }).places.map((p) => [p.id, p])),
  ));

export class Fixes {
  /** The fixes, in the order they were made (the order corrections.json lists them). */
  list = $state.raw<CorrectionEntry[]>([]);
  /** Fixes that match nothing in the data any more, each with why. */
  stale = $state.raw<StaleFix[]>([]);
  notice = $state<string | null>(null);
  canUndo = $state(false);
  canRedo = $state(false);
  /** The data folder's records with the fixes applied, as data files hold them (for the zip), or null before any fix. */
  private fixed: JoinedCorpus | null = null;
  private undos: CorrectionEntry[][] = [];
  private redos: CorrectionEntry[][] = [];

  constructor(
    private readonly atlas: AtlasState,
    private readonly store: DocumentStore = openStore(),
  ) {}

  /** The fixes kept in this browser from an earlier visit, applied again. */
  async restore(): Promise<void> {
    try {
      const saved = await this.store.get<CorrectionEntry[]>(STORE_KEY);
      if (saved?.length) {
        this.list = saved;
        await this.apply();
      }
    } catch (e) {
      this.notice = (e as Error).message;
    }
  }

  /** Adds fixes as one step (one undo takes them all back); `follow` is a mention whose event is selected after. */
  async add(entries: CorrectionEntry[], follow?: string): Promise<void> {
    if (!entries.length) return;
    this.undos.push(this.list);
    this.redos = [];
    this.list = [...this.list, ...entries];
    await this.changed(follow);
  }

  async undo(): Promise<void> {
    const prev = this.undos.pop();
    if (!prev) return;
    this.redos.push(this.list);
    this.list = prev;
    await this.changed();
  }

  async redo(): Promise<void> {
    const next = this.redos.pop();
    if (!next) return;
    this.undos.push(this.list);
    this.list = next;
    await this.changed();
  }

  /** The fixes as a corrections.json the CLI reads (`npm run extract` with it beside the documents). */
  file(): string {
    return `${JSON.stringify({ about: `Fixes made in the SCO Atlas page (${this.list.length}); put this file beside the documents and run npm run extract.`, corrections: this.list }, null, 2)}\n`;
  }

  /**
   * The user's documents, extracted, when the documents layer keeps them on the atlas state
   * (documents/documents.svelte.ts); read loosely so the fixes work without it too.
   */
  added(): readonly AddedDocument[] {
    return (this.atlas as AtlasState & { addedDocuments?: readonly AddedDocument[] }).addedDocuments ?? [];
  }

  /** Applies the fixes again (the user's documents changed and the data was rebuilt without them). */
  async reapply(): Promise<void> {
    if (this.list.length) await this.apply();
  }

  /** The data folder's chronology meetings (meetings.json), which a fix may link an event to. */
  async meetings(): Promise<Meeting[]> {
    const now = this.atlas.data;
    if (!now) return [];
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a plain value, computed once
    return (await this.bundled(new URL(now.base, location.href).href)).meetings;
  }

  /**
   * Detaches a statement from an event (the panel's "Detach from this event"): a `detach-statement`
   * for each of the event's mentions the statement is under. The page's statements name the layer's
   * events, so which mentions those are is read from the records as data files hold them.
   */
  async detach(statementId: string, eventId: string): Promise<void> {
    const d = this.atlas.data;
    const ev = d?.events[d.eventIndex.get(eventId) ?? -1] as (Event & { mentionIds?: string[] }) | undefined;
    if (!d || !ev) return;
    const mentionIds = ev.mentionIds?.length ? ev.mentionIds : [ev.id];
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a plain value, computed once
    const records = this.fixed ?? withAdded(await this.bundled(new URL(d.base, location.href).href), this.added());
    const st = records.statements.find((s) => s.id === statementId);
    const under = mentionIds.filter(
      (m) => st?.eventIds.includes(m) || records.mentions.find((x) => x.id === m)?.statementIds.includes(statementId),
    );
    // (The panel lists a statement under an event only when one of its mentions has it: this is a guard.)
    if (under.length === 0) return void (this.notice = t('fix.notApplied', { error: `${statementId}: not under ${eventId}` }));
    await this.add(
      under.map((mentionId) => ({ action: 'detach-statement', statementId, mentionId, reason: REASON })),
      under[0],
    );
  }

  /** The atlas as a data folder in a zip, with the fixes (take-away.ts). */
  async zip(): Promise<Uint8Array> {
    const now = this.atlas.data;
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a plain value, computed once
    const base = new URL(now?.base ?? './data/', location.href).href;
    const { dataFolderZip } = await import('./take-away');
    return dataFolderZip(base, this.list.length ? this.fixed : null, this.list.length ? this.file() : null);
  }

  private async changed(follow?: string): Promise<void> {
    this.canUndo = this.undos.length > 0;
    this.canRedo = this.redos.length > 0;
    try {
      await this.store.put(STORE_KEY, $state.snapshot(this.list));
    } catch (e) {
      this.notice = t('fix.notStored', { error: (e as Error).message });
    }
    await this.apply(follow);
  }

  /** The data folder's own records (the mentions, not only the layer the page shows), read once per folder. */
  private bundled = bundledReader();

  /** Applies the whole list to the data folder's records and shows the result (the pipeline's code, apply.ts). */
  private async apply(follow?: string): Promise<void> {
    const now = this.atlas.data;
    if (!now) return;
    try {
      // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a plain value, computed once
      const base = new URL(now.base, location.href).href;
      const [bundled, gaz, { applyFixes }] = await Promise.all([this.bundled(base), loadGazetteer(), import('./apply')]);
      const { corpus, stale } = applyFixes(bundled, this.list, (id) => gaz.get(id), this.added());
      // Kept before toLayer rewrites the statements' links to the layer's ids (data files name mentions).
      this.fixed = { ...corpus, statements: structuredClone(corpus.statements) };
      const events = corpus.events as unknown as Event[];
      toLayer(events, corpus.statements);
      this.atlas.data = buildIndexes(
        {
          ...now.raw,
          events,
          places: corpus.places,
          statements: corpus.statements,
          documents: corpus.documents,
          timeseries: corpus.timeseries,
        },
        now.base,
      );
      // The tests' window onto the data the page shows (mount.ts sets it for the first load).
      if (window.__atlas) window.__atlas.data = this.atlas.data;
      this.stale = stale;
      this.notice = null;
      if (follow) {
        const e = (corpus.events as (LayerEvent & { mentionIds?: string[] })[]).find(
          (x) => x.mentionIds?.includes(follow) || x.id === follow,
        );
        if (e) this.atlas.selectEvent(e.id);
        else this.atlas.select(null, null);
      }
    } catch (e) {
      this.notice = t('fix.notApplied', { error: (e as Error).message });
    }
  }
}
