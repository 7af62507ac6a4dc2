/**
 * The browser store of the user's documents, on an in-memory IndexedDB (fake-indexeddb, the same API):
 * what is added comes back after the store is opened again, in the order added; a write the browser
 * refuses says so and leaves what was stored before untouched.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openStore, StoreError, type StoredDocument } from '../../../../src/app/documents/store';

const doc = (id: string, added: string, text = `text of ${id}`): StoredDocument => ({
  id,
  name: `${id}.txt`,
  type: 'text/plain',
  size: text.length,
  added,
  bytes: new TextEncoder().encode(text).buffer as ArrayBuffer,
});
let n = 0;
const fresh = () => `test-${++n}-${Math.random()}`;

afterEach(() => vi.restoreAllMocks());

describe('document store', () => {
  it('keeps documents across openings, in the order they were added, and removes one', async () => {
    const db = fresh();
    const a = openStore(db);
    await a.add(doc('second', '2026-01-02T00:00:00.000Z'));
    await a.add(doc('first', '2026-01-01T00:00:00.000Z'));
    const b = openStore(db);
    const listed = await b.list();
    expect(listed.map((d) => d.id)).toEqual(['first', 'second']);
    expect(new TextDecoder().decode(listed[1]!.bytes)).toBe('text of second');
    await b.remove('first');
    expect((await openStore(db).list()).map((d) => d.id)).toEqual(['second']);
  });

  it('keeps other values beside the documents without mixing them into the list', async () => {
    const s = openStore(fresh());
    await s.put('corrections', { entries: [1, 2] });
    await s.add(doc('a', '2026-01-01T00:00:00.000Z'));
    expect(await s.get('corrections')).toEqual({ entries: [1, 2] });
    expect((await s.list()).map((d) => d.id)).toEqual(['a']);
    expect(await s.get('nothing')).toBeUndefined();
  });

  it('a write refused for lack of room names the file and the reason, and loses nothing stored before', async () => {
    const db = fresh();
    const s = openStore(db);
    await s.add(doc('kept', '2026-01-01T00:00:00.000Z'));
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    const failed = s.add(doc('big', '2026-01-02T00:00:00.000Z'));
    await expect(failed).rejects.toBeInstanceOf(StoreError);
    await expect(failed).rejects.toThrow(/big\.txt was not kept.*storage quota/);
    vi.restoreAllMocks();
    expect((await openStore(db).list()).map((d) => d.id)).toEqual(['kept']);
  });
});
