/**
 * The user's documents on the page: what was added, where each one is (reading, finding dates and
 * places, done), what it gave and what went wrong, and their records merged into the atlas's data.
 * One per atlas, made by DocumentsLayer.svelte once the bundled data is in.
 *
 * The life of an added file: its bytes are kept in this browser (store.ts) and sent to the documents
 * worker (extract.worker.ts), which reads and extracts it with the pipeline and joins it with the
 * bundled corpus; the joined records come back and become the atlas's data through the same builder
 * as the bundled files (buildIndexes), so everything the bundled events have, the added ones have.
 * A reload reads the stored files and sends them to the worker again.
 */
import type { CorrectionEntry } from '../../contract/data-files';
import type { Event, Statement } from '../../contract/schema';
import { documentId } from '../../pipeline/doc-id';
import { buildIndexes } from '../data/indexes';
import { toLayer, type RawData } from '../data/load';
import type { AtlasState } from '../state/atlas.svelte';
import { t } from '../i18n';
import type { AddedDocument, JoinedCorpus } from './corpus';
import type { DocJob, FromWorker, Stage, ToWorker } from './protocol';
import { openStore, StoreError, type DocumentStore, type StoredDocument } from './store';
import { forgetText, keepText } from './texts';

export interface UserDocument {
  id: string;
  name: string;
  size: number;
  title: string;
  stage: Stage;
  found: { events: number; places: number; statements: number } | null;
  /** The pipeline's notes and problems about it, each naming the file. */
  messages: string[];
  /** False when this browser would not keep it (it stays until the page is closed). */
  stored: boolean;
}

const iso = (ms: number) => new Date(ms).toISOString();
/** The data folder as an absolute address (the worker resolves against its own URL otherwise). */
const absolute = (base: string) => new URL(base, location.href).href;

/** Picks an id no bundled or added document has, from the file name as the pipeline does (doc-id.ts). */
function freshId(name: string, taken: (id: string) => boolean): string {
  const base = documentId(name.replace(/\.[^.]+$/, '') || 'document');
  let id = base;
  for (let n = 2; taken(id); n++) id = `${base}-${n}`;
  return id;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The two downloads of the whole atlas (corrections/take-away.ts). */
export type TakeAwayKind = 'zip' | 'html';
/**
 * Where a download is: the data folder with the user's documents and fixes, the offline page (the
 * single file's shell: a development server builds it on first use, 15-20 s), the file itself.
 */
export type TakeAwayStep = 'files' | 'shell' | 'file';
export interface TakeAway {
  kind: TakeAwayKind;
  step?: TakeAwayStep;
  /** When it began (Date.now()), for the seconds shown while it runs. */
  since?: number;
  error?: string;
}
/** The key the fixes keep their list under in the same store (corrections/fixes.svelte.ts STORE_KEY). */
const FIXES_KEY = 'corrections';

export class UserDocuments {
  docs = $state<UserDocument[]>([]);
  /** A problem that is not one document's (storage refused, the worker could not start). */
  notice = $state<string | null>(null);
  /** The current batch: how many documents are done of how many. */
  progress = $state<{ done: number; total: number } | null>(null);
  /** A download of the whole atlas being made, or the reason the last one failed. */
  takeAway = $state<TakeAway | null>(null);
  private worker: Worker | null = null;
  /** Each read document's records, for the atlas state (`addedDocuments`: fixes rebuild with them). */
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- read only when the data is rebuilt, never rendered
  private readonly records = new Map<string, AddedDocument>();
  private bundled: RawData | null = null;
  /** Each document's bytes, to tell a file added again (the same bytes, whatever its name) from a new one. */
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- compared when files come, never rendered
  private readonly contents = new Map<string, Uint8Array>();

  constructor(
    private readonly atlas: AtlasState,
    private readonly store: DocumentStore = openStore(),
    private readonly spawn: () => Promise<Worker> = () => import('./spawn').then((m) => m.spawnDocumentsWorker()),
  ) {}

  get busy(): boolean {
    return this.docs.some((d) => d.stage !== 'done' && d.stage !== 'failed');
  }

  /** The documents kept in this browser from an earlier visit, extracted again. */
  async restore(): Promise<void> {
    let stored: StoredDocument[];
    try {
      stored = await this.store.list();
    } catch (e) {
      this.notice = (e as Error).message;
      this.releaseView();
      return;
    }
    if (stored.length) await this.send(stored, true);
    else this.releaseView();
  }

  /** The link's city, event or document held for these documents (view.held) is settled against the data now. */
  private releaseView(): void {
    const d = this.atlas.data;
    if (d) this.atlas.view.release({ places: d.placeIndex, events: d.eventIndex, topics: d.topicIndex, docs: d.documents });
  }

  /** Files from the picker or a drop. */
  async addFiles(files: readonly File[]): Promise<void> {
    const now = Date.now();
    const docs: StoredDocument[] = [];
    for (const [i, f] of files.entries()) {
      const id = freshId(f.name, (x) => this.has(x) || docs.some((d) => d.id === x));
      docs.push({ id, name: f.name, type: f.type, size: f.size, added: iso(now + i), bytes: await f.arrayBuffer() });
    }
    const fresh = this.withoutRepeats(docs);
    if (fresh.length) await this.send(fresh, false);
  }

  /** Pasted text, with the title the user gave (or none). */
  async addText(text: string, title = ''): Promise<void> {
    const name = `${title.trim() || 'Pasted text'}.txt`;
    const bytes = new TextEncoder().encode(text).buffer as ArrayBuffer;
    const id = freshId(name, (x) => this.has(x));
    const fresh = this.withoutRepeats([
      {
        id,
        name,
        type: 'text/plain',
        size: bytes.byteLength,
        added: iso(Date.now()),
        bytes,
        ...(title.trim() ? { title: title.trim() } : {}),
      },
    ]);
    if (fresh.length) await this.send(fresh, false);
  }

  async remove(id: string): Promise<void> {
    const doc = this.docs.find((d) => d.id === id);
    if (!doc) return;
    try {
      await this.store.remove(id);
    } catch (e) {
      this.notice = (e as Error).message;
      return;
    }
    this.docs = this.docs.filter((d) => d.id !== id);
    this.records.delete(id);
    this.contents.delete(id);
    forgetText(id);
    const w = await this.ensureWorker();
    w?.postMessage({ type: 'remove', base: this.base(), ids: [id] } satisfies ToWorker);
  }

  /**
   * The whole atlas as the page shows it (bundled and added documents, the fixes kept in this browser)
   * as a zip of the data folder or one offline HTML file; the code loads on the first click.
   */
  async download(kind: TakeAwayKind): Promise<{ name: string; blob: Blob } | null> {
    if (this.takeAway && !this.takeAway.error) return null;
    const since = Date.now();
    const step = (s: TakeAwayStep) => (this.takeAway = { kind, step: s, since });
    step('files');
    try {
      // The offline page is asked for at once, beside the data folder: it is the long part, the first time.
      const shell = kind === 'html' ? import('../corrections/take-away-single').then((m) => m.offlineShell()) : null;
      shell?.catch(() => {}); // its failure is reported where it is awaited
      const fixes = (await this.store.get<CorrectionEntry[]>(FIXES_KEY).catch(() => undefined)) ?? [];
      const { atlasFiles, zipFolder } = await import('../corrections/take-away');
      const files = await atlasFiles({ base: this.base(), added: this.atlas.addedDocuments, fixes });
      let out: { name: string; blob: Blob };
      if (kind === 'zip') {
        step('file');
        out = { name: 'sco-atlas-data.zip', blob: new Blob([zipFolder(files) as Uint8Array<ArrayBuffer>], { type: 'application/zip' }) };
      } else {
        step('shell');
        const [{ fillShell }, page] = await Promise.all([import('../corrections/single-file'), shell!]);
        step('file');
        out = { name: 'sco-atlas.html', blob: new Blob([fillShell(page, files)], { type: 'text/html' }) };
      }
      this.takeAway = null;
      return out;
    } catch (e) {
      this.takeAway = { kind, error: t(kind === 'zip' ? 'docs.zipFailed' : 'docs.htmlFailed', { error: (e as Error).message }) };
      return null;
    }
  }

  /**
   * Leaves out the files whose bytes are already on the page (added before, or twice in this batch) and
   * names them: the same file dropped again (say, after a reload, forgetting it is kept) would otherwise
   * count every one of its statements twice on the map and the timeline.
   */
  private withoutRepeats(docs: StoredDocument[]): StoredDocument[] {
    // A copy that could not be read does not count: trying the file again is allowed.
    const failed = this.docs.filter((d) => d.stage === 'failed').map((d) => d.id);
    const seen = [...this.contents].filter(([id]) => !failed.includes(id)).map(([, b]) => b);
    const fresh: StoredDocument[] = [];
    const again: string[] = [];
    for (const d of docs) {
      const bytes = new Uint8Array(d.bytes);
      if (seen.some((s) => sameBytes(s, bytes))) again.push(d.name);
      else {
        fresh.push(d);
        seen.push(bytes);
      }
    }
    if (again.length) this.notice = t('docs.again', { names: again.join(', ') });
    return fresh;
  }

  private has(id: string): boolean {
    return this.docs.some((d) => d.id === id) || (this.atlas.data?.documents.has(id) ?? false);
  }

  private base(): string {
    return absolute(this.atlas.data?.base ?? './data/');
  }

  private async send(docs: StoredDocument[], alreadyStored: boolean): Promise<void> {
    for (const d of docs) this.contents.set(d.id, new Uint8Array(d.bytes));
    const listed: UserDocument[] = docs.map((d) => ({
      id: d.id,
      name: d.name,
      size: d.size,
      title: d.title ?? d.name,
      stage: 'waiting',
      found: null,
      messages: [],
      stored: true,
    }));
    this.docs = [...this.docs, ...listed];
    // A batch added while another is under way joins its count.
    const p = this.progress && this.progress.done < this.progress.total ? this.progress : { done: 0, total: 0 };
    this.progress = { done: p.done, total: p.total + docs.length };
    if (!alreadyStored) {
      const refused: string[] = [];
      for (const d of docs) {
        try {
          await this.store.add(d);
        } catch (e) {
          if (!(e instanceof StoreError)) throw e;
          refused.push(e.message);
          this.update(d.id, { stored: false });
        }
      }
      if (refused.length) this.notice = refused.join('\n');
    }
    const w = await this.ensureWorker();
    if (!w) {
      for (const d of docs) this.update(d.id, { stage: 'failed', messages: [this.notice ?? 'the documents worker could not start'] });
      this.releaseView();
      return;
    }
    const jobs: DocJob[] = docs.map((d) => ({ id: d.id, name: d.name, bytes: d.bytes.slice(0), ...(d.title ? { title: d.title } : {}) }));
    w.postMessage(
      { type: 'add', base: this.base(), docs: jobs } satisfies ToWorker,
      jobs.map((j) => j.bytes),
    );
  }

  private update(id: string, patch: Partial<UserDocument>): void {
    this.docs = this.docs.map((d) => (d.id === id ? { ...d, ...patch } : d));
  }

  private async ensureWorker(): Promise<Worker | null> {
    if (this.worker) return this.worker;
    try {
      this.worker = await this.spawn();
    } catch (e) {
      this.notice = t('docs.notServed', { error: (e as Error).message });
      return null;
    }
    this.worker.onmessage = (e: MessageEvent<FromWorker>) => this.hear(e.data);
    this.worker.onerror = (e) => {
      this.notice = t('docs.workerStopped', { error: e.message || t('docs.workerNotLoaded') });
      for (const d of this.docs) if (d.stage !== 'done' && d.stage !== 'failed') this.update(d.id, { stage: 'failed' });
      this.releaseView();
    };
    return this.worker;
  }

  private hear(m: FromWorker): void {
    // pdf.js, loaded in the worker, also speaks on its port (its own "ready"); only our messages count.
    if (!m || typeof m !== 'object' || !['stage', 'doc', 'joined', 'failed'].includes((m as { type?: string }).type ?? '')) return;
    if (m.type === 'stage') {
      if (m.id) this.update(m.id, { stage: m.stage });
    } else if (m.type === 'doc') {
      if (m.added) {
        keepText(m.id, m.added.text);
        this.records.set(m.id, m.added);
      } else this.records.delete(m.id);
      this.update(m.id, {
        stage: m.ok ? 'joining' : 'failed',
        found: m.found,
        messages: m.messages,
        ...(m.added ? { title: m.added.document.title } : {}),
      });
      if (this.progress) this.progress = { ...this.progress, done: this.progress.done + 1 };
    } else if (m.type === 'joined') {
      this.merge(m.corpus);
      this.releaseView();
      for (const d of this.docs) if (d.stage === 'joining') this.update(d.id, { stage: 'done' });
      if (this.progress && this.progress.done >= this.progress.total) this.progress = null;
    } else if (m.type === 'failed') {
      this.notice = t('docs.notJoined', { error: m.message });
      for (const d of this.docs) if (d.stage !== 'done' && d.stage !== 'failed') this.update(d.id, { stage: 'failed' });
      this.progress = null;
      this.releaseView();
    }
  }

  /** The joined records become the atlas's data, built as the bundled files are (the same builder). */
  private merge(c: JoinedCorpus): void {
    const now = this.atlas.data;
    if (!now) return;
    this.bundled ??= now.raw;
    this.atlas.addedDocuments = [...this.records.values()];
    const statements: Statement[] = c.statements;
    // Layer events, as the page holds them when a folder has its layer (data/layer.ts reads their extra fields).
    const events = c.events as unknown as Event[];
    toLayer(events, statements);
    this.atlas.data = buildIndexes(
      { ...this.bundled, events, places: c.places, statements, documents: c.documents, timeseries: c.timeseries },
      now.base,
    );
    // The tests' window onto the data the page shows (main.ts sets it for the first load; the fixes keep it too).
    if (window.__atlas) window.__atlas.data = this.atlas.data;
  }
}
