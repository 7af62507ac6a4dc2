/**
 * The same file added twice (dropped again after a reload, forgetting it is kept; or chosen twice in
 * one batch) is not extracted twice: every statement of it would count double on the map and the
 * timeline. The page names it and adds what is new. Pasted text the same.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { UserDocuments } from '../../../../src/app/documents/documents.svelte';
import { openStore } from '../../../../src/app/documents/store';
import type { AtlasState } from '../../../../src/app/state/atlas.svelte';

const NOTE = 'В прошлом году в Самарканде главы государств подписали меморандумы.\n';

/** The page's documents with no atlas loaded yet and a worker that only records what it is sent. */
function page() {
  const sent: { docs: { name: string }[] }[] = [];
  const worker = { postMessage: (m: { type: string; docs: { name: string }[] }) => m.type === 'add' && sent.push(m) } as unknown as Worker;
  const docs = new UserDocuments({ data: null } as unknown as AtlasState, openStore(`again-${Math.random()}`), async () => worker);
  return { docs, sent: () => sent.flatMap((m) => m.docs.map((d) => d.name)) };
}
const file = (name: string, text: string) => new File([text], name, { type: 'text/plain' });

describe('a file added again', () => {
  it('is named and not extracted twice, whatever its name; a new file in the same batch is added', async () => {
    const { docs, sent } = page();
    await docs.addFiles([file('ru-note.txt', NOTE)]);
    await docs.addFiles([file('ru-note.txt', NOTE), file('copy of the note.txt', NOTE), file('other.txt', 'Другой текст.\n')]);
    expect(sent()).toEqual(['ru-note.txt', 'other.txt']);
    expect(docs.docs.map((d) => d.name)).toEqual(['ru-note.txt', 'other.txt']);
    expect(docs.notice).toBe('Already in Your documents, not added again: ru-note.txt, copy of the note.txt');
  });

  it('twice in one batch is added once; once removed, it can be added again', async () => {
    const { docs, sent } = page();
    await docs.addFiles([file('a.txt', NOTE), file('a (1).txt', NOTE)]);
    expect(docs.docs.map((d) => d.name)).toEqual(['a.txt']);
    await docs.remove(docs.docs[0]!.id);
    await docs.addFiles([file('a.txt', NOTE)]);
    expect(sent()).toEqual(['a.txt', 'a.txt']);
  });

  it('pasted text the same', async () => {
    const { docs, sent } = page();
    await docs.addText(NOTE, 'Записка');
    await docs.addText(NOTE, 'Записка');
    expect(sent()).toEqual(['Записка.txt']);
    expect(docs.notice).toContain('Записка.txt');
  });
});
