// @vitest-environment node
/**
 * The worker pool (pool.ts) when a worker dies: the document it was on fails by name, the one already
 * sent ahead to it is extracted by a new worker (not failed with it), every other document is done once,
 * and the outcomes come back in the inputs' order. The workers here are a stand-in script that dies on
 * purpose (pool-crash-worker.mjs); the real one is covered end to end by cache.test.ts.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractInPool, runPipelineFast, spawnWorkers } from '../../../src/pipeline/pool.ts';
import type { DocInput } from '../../../src/pipeline/pool-job.ts';
import { DATA_DIR } from '../../../src/pipeline/run.ts';

const script = new URL('./pool-crash-worker.mjs', import.meta.url);
const doc = (file: string): DocInput => ({ file, docId: file.replace(/\.txt$/, ''), bytes: new Uint8Array(10), side: null });

describe('the extraction pool', () => {
  it('fails only the document a dead worker was on, and hands the one sent ahead to a new worker', async () => {
    // One worker, two documents in flight: it gets a and slow-crash; a is done at once, so b is sent
    // ahead while slow-crash takes its time, and is waiting in the port when the worker dies.
    const inputs = ['a.txt', 'slow-crash.txt', 'b.txt', 'c.txt', 'd.txt'].map(doc);
    const done: number[] = [];
    const out = await extractInPool(inputs, [], 1, (i) => done.push(i), { script });
    expect(out.map((o) => o.entry.file)).toEqual(inputs.map((d) => d.file));
    expect(out.map((o) => o.entry.status)).toEqual(['ok', 'failed', 'ok', 'ok', 'ok']);
    expect(out[1]!.entry.messages).toEqual([
      'slow-crash.txt: extraction failed (the worker exited with code 3); the other documents were still processed',
    ]);
    // a by the first thread, b, c and d by the one that replaced it.
    const threads = out.filter((o) => o.entry.status === 'ok').map((o) => o.entry.messages[0]);
    expect(new Set(threads).size).toBe(2);
    expect(threads.slice(1).every((t) => t === threads[1])).toBe(true);
    expect([...done].sort()).toEqual([0, 1, 2, 3, 4]);
  });

  it('goes on with the others when several workers die, one document each', async () => {
    const inputs = ['a.txt', 'crash-1.txt', 'b.txt', 'crash-2.txt', 'c.txt', 'crash-3.txt', 'e.txt'].map(doc);
    const out = await extractInPool(inputs, [], 2, undefined, { script });
    expect(out.map((o) => [o.entry.file, o.entry.status])).toEqual(
      inputs.map((d) => [d.file, d.file.startsWith('crash') ? 'failed' : 'ok']),
    );
  });

  it('extracts on this thread too, the smallest documents first, with a worker started ahead', async () => {
    // Sizes 1..12 bytes; the worker takes from the largest, this thread from the smallest.
    const inputs = Array.from({ length: 12 }, (_, k) => ({ ...doc(`d${k}.txt`), bytes: new Uint8Array(k + 1) }));
    const early = spawnWorkers([], 1, script);
    // Ready before the pool takes it up (its ready message already gone by): it is sent the largest at once.
    while (!early[0]!.ready) await new Promise((r) => setTimeout(r, 10));
    const here: string[] = [];
    const out = await extractInPool(inputs, [], 1, undefined, {
      script,
      early,
      local: (input) => {
        here.push(input.file);
        return {
          entry: {
            ...doc(input.file),
            status: 'ok',
            found: { dates: 0, places: 0, events: 0, statements: 0 },
            skipped: [],
            messages: ['here'],
          },
        } as never;
      },
    });
    expect(early).toEqual([]); // taken up
    expect(out.map((o) => o.entry.file)).toEqual(inputs.map((d) => d.file));
    expect(here[0]).toBe('d0.txt');
    expect(here).not.toContain('d11.txt');
    expect(out.filter((o) => o.entry.messages[0] !== 'here').length).toBeGreaterThan(0);
  });

  it('rejects (so the caller extracts in process) when a worker cannot even start', async () => {
    await expect(
      extractInPool([doc('a.txt')], [], 1, undefined, { script: new URL('./no-such-worker.mjs', import.meta.url) }),
    ).rejects.toThrow();
  });
});

describe('a run without a cache', () => {
  it('reads each document only when it is extracted: one gone since the folder was listed is named, the others go on', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sco-unread-'));
    const seed = join(DATA_DIR, 'sources', '000_280c4ec6c7ea0add.txt');
    for (const f of ['a.txt', 'b.txt', 'c.txt']) cpSync(seed, join(dir, f));
    // Called as each file is listed (before any is read), then as each is extracted: b.txt goes once c.txt is listed.
    const onFile = (_done: number, _total: number, file: string) => void (file === 'c.txt' && rmSync(join(dir, 'b.txt'), { force: true }));
    const { outputs, stats } = await runPipelineFast(dir, { cacheDir: null, onFile });
    expect(outputs.report.documents.map((d) => [d.file, d.status])).toEqual([
      ['a.txt', 'ok'],
      ['b.txt', 'failed'],
      ['c.txt', 'ok'],
    ]);
    expect(outputs.report.documents[1]!.messages).toEqual([
      'b.txt: could not be read (it disappeared while the folder was read); the other documents were still processed',
    ]);
    expect(outputs.documents.map((d) => d.file)).toEqual(['a.txt', 'c.txt']);
    expect(stats).toMatchObject({ documents: 2, extracted: 2, read: 2 });
    rmSync(dir, { recursive: true, force: true });
  });
});
