// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { documentId } from '../../../src/pipeline/doc-id.ts';

/** The app's own test for an id in the URL (src/app/state/url.ts), with the ~40 characters an event id adds. */
const URL_ID = /^[\p{L}\p{N}_.:-]{1,120}$/u;
const eventId = (doc: string) => `${doc}:2024-07-03..2024-07-04`;

describe('document ids from file names', () => {
  it('keeps a name that is already URL-safe as the id, as before', () => {
    for (const name of ['astana-declaration-2024', '000_280c4ec6c7ea0add', 'Шанхай_2001', '上海宣言', 'report.v2'])
      expect(documentId(name)).toBe(name);
  });

  it('gives any other name a stable id that survives a URL and a shared link', () => {
    const names = [
      'SCO talks #2',
      'what?',
      '<b>notes</b>',
      'a b',
      'file\u202Etxt.exe',
      '..',
      '#',
      'x'.repeat(300),
      'a:b',
      'e\u0301te',
      '%41',
      'a/b',
    ];
    const ids = names.map(documentId);
    for (const [i, id] of ids.entries()) {
      expect(URL_ID.test(eventId(id)), `${names[i]} → ${id}`).toBe(true);
      expect(id).not.toMatch(/[\u202A-\u202E\u2066-\u2069#?<>\s:/%]/);
      expect(new URLSearchParams(`event=${encodeURIComponent(eventId(id))}`).get('event')).toBe(eventId(id));
      expect(documentId(names[i]!)).toBe(id); // stable from run to run
    }
    expect(new Set(ids).size).toBe(names.length);
    expect(documentId('SCO talks #2')).toMatch(/^SCO-talks-2-[0-9a-f]{8}$/);
  });

  it('keeps two names that differ only in unsafe characters apart', () => {
    expect(documentId('a b')).not.toBe(documentId('a?b'));
  });
});
