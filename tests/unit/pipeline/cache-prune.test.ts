// @vitest-environment node
/**
 * The cache keeps the entries used most recently (src/pipeline/cache.ts): past its limit the least
 * recently used go, each with its text, and reading an entry marks it used (once a day at most, so a
 * run over 1,000 unchanged documents does not write 1,000 file times).
 */
import { existsSync, mkdtempSync, rmSync, statSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ExtractCache } from '../../../src/pipeline/cache.ts';
import type { DocOutcome } from '../../../src/pipeline/pool-job.ts';

const tmp = mkdtempSync(join(tmpdir(), 'sco-prune-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const outcome = (id: string): DocOutcome => ({
  entry: {
    docId: id,
    file: `${id}.txt`,
    status: 'ok',
    found: { dates: 0, places: 0, events: 0, statements: 0 },
    skipped: [],
    messages: [],
  },
  ok: {
    text: `The text of ${id}.`,
    sco: false,
    events: [],
    statements: [],
    placeNames: [],
    document: {
      id,
      file: `${id}.txt`,
      title: id,
      kind: 'other',
      published: null,
      source: '',
      bytes: 1,
      chars: 1,
      eventCount: 0,
      statementCount: 0,
      placeCount: 0,
      textPath: `documents/${id}.txt`,
      lang: 'en',
    },
  },
});
const key = (k: string) => k.repeat(64);
const daysAgo = (d: number) => new Date(Date.now() - d * 86_400_000);
const age = (dir: string, k: string, days: number) => {
  for (const f of [`${key(k)}.entry`, `${key(k)}.txt`]) utimesSync(join(dir, f), daysAgo(days), daysAgo(days));
};

describe('the cache past its limit', () => {
  it('removes the least recently used entries with their texts, and counts a read as a use', () => {
    const dir = join(tmp, 'lru');
    const cache = new ExtractCache(dir);
    for (const k of ['a', 'b', 'c']) cache.set(key(k), outcome(k));
    age(dir, 'a', 30);
    age(dir, 'b', 20);
    age(dir, 'c', 10);
    // a is the oldest, but read now: b is the least recently used.
    const got = new ExtractCache(dir).get(key('a'));
    expect(got?.ok?.text).toEqual({ path: join(dir, `${key('a')}.txt`), bytes: Buffer.byteLength('The text of a.') });
    expect(statSync(join(dir, `${key('a')}.entry`)).mtimeMs).toBeGreaterThan(daysAgo(1).getTime());
    new ExtractCache(dir).prune(2);
    expect(existsSync(join(dir, `${key('b')}.entry`))).toBe(false);
    expect(existsSync(join(dir, `${key('b')}.txt`))).toBe(false);
    for (const k of ['a', 'c']) expect(new ExtractCache(dir).get(key(k))?.entry.docId).toBe(k);
  });

  it('does not write the time of an entry read again within a day', () => {
    const dir = join(tmp, 'recent');
    const cache = new ExtractCache(dir);
    cache.set(key('d'), outcome('d'));
    const hoursAgo = new Date(Date.now() - 3 * 3_600_000);
    utimesSync(join(dir, `${key('d')}.txt`), hoursAgo, hoursAgo);
    utimesSync(join(dir, `${key('d')}.entry`), hoursAgo, hoursAgo);
    expect(new ExtractCache(dir).get(key('d'))).toBeDefined();
    expect(statSync(join(dir, `${key('d')}.entry`)).mtimeMs).toBeCloseTo(hoursAgo.getTime(), -3);
  });
});
