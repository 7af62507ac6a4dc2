/**
 * The user's own documents, kept in this browser only (IndexedDB through idb-keyval): nothing is sent
 * anywhere. One database, one object store, keys by prefix:
 *   doc:<id>  a StoredDocument (the file's bytes as added, so a reload extracts it again)
 *   kv:<key>  anything another part of the app keeps beside them (the corrections keep their fixes here)
 *
 * Every write is awaited and a failure (quota, private mode, storage switched off) becomes a StoreError
 * whose message says what was not kept; what was stored before stays as it was (IndexedDB writes are
 * transactions: a failed put changes nothing).
 *
 *   const store = openStore();
 *   await store.add({ id, name, type, size, added, bytes });
 *   for (const d of await store.list()) ...;
 *   await store.put('corrections', json); await store.get('corrections');
 */
import { createStore, del, entries, get, set, type UseStore } from 'idb-keyval';

export interface StoredDocument {
  /** The document id the pipeline gives its file name (documentId), unique among the stored ones. */
  id: string;
  /** The file name as the user added it ("Pasted text.txt" for pasted text). */
  name: string;
  /** MIME type as the browser reported it (may be empty). */
  type: string;
  size: number;
  /** When it was added (ISO time): the list's order. */
  added: string;
  /** A title the user gave (pasted text). */
  title?: string;
  bytes: ArrayBuffer;
}

export class StoreError extends Error {}

export interface DocumentStore {
  /** Every stored document, in the order they were added. */
  list(): Promise<StoredDocument[]>;
  add(doc: StoredDocument): Promise<void>;
  remove(id: string): Promise<void>;
  /** A value kept beside the documents (structured-cloneable), under the caller's own key. */
  put(key: string, value: unknown): Promise<void>;
  get<T>(key: string): Promise<T | undefined>;
}

const DOC = 'doc:';
const KV = 'kv:';

/** Why a write failed, in words a user can act on. */
function why(e: unknown): string {
  const name = (e as { name?: string })?.name ?? '';
  if (name === 'QuotaExceededError') return 'the browser has no more room for this site (storage quota reached)';
  if (name === 'InvalidStateError' || name === 'SecurityError' || name === 'UnknownError')
    return 'this browser does not let the page store data here (private window, or site storage turned off)';
  return (e as Error)?.message || String(e);
}

async function guarded<T>(what: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    throw new StoreError(`${what}: ${why(e)}`);
  }
}

/** `db`: the database name (tests use their own). */
export function openStore(db = 'sco-atlas'): DocumentStore {
  let store: UseStore | null = null;
  // Opened on first use: a page that never adds a document never touches IndexedDB.
  const s = () => (store ??= createStore(db, 'documents'));
  return {
    list: () =>
      guarded('Your documents could not be read from this browser', async () =>
        (await entries<string, StoredDocument>(s()))
          .filter(([k]) => typeof k === 'string' && k.startsWith(DOC))
          .map(([, v]) => v)
          .sort((a, b) => (a.added < b.added ? -1 : a.added > b.added ? 1 : a.id < b.id ? -1 : 1)),
      ),
    add: (doc) =>
      guarded(`${doc.name} was not kept in this browser (it stays on the page until you reload)`, () => set(DOC + doc.id, doc, s())),
    remove: (id) => guarded(`${id} could not be removed from this browser's storage`, () => del(DOC + id, s())),
    put: (key, value) => guarded(`${key} was not kept in this browser`, () => set(KV + key, value, s())),
    get: <T>(key: string) => guarded(`${key} could not be read from this browser`, () => get<T>(KV + key, s())),
  };
}
