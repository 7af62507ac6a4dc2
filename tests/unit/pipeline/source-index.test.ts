// @vitest-environment node
/**
 * The source index (src/pipeline/source-index.ts): a cached run does not read the documents that did
 * not change, yet never gives stale outputs: a document edited to the same size with its modification
 * time set back is read again, a file changed just before it was read is not trusted, and an index that
 * is cut short is named with --verbose and the run reads everything, with the same outputs.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentHash } from '../../../src/pipeline/cache.ts';
import { SETTLED_MS, SourceIndex } from '../../../src/pipeline/source-index.ts';
import { extract, files, root } from './cli-run';

const tmp = mkdtempSync(join(tmpdir(), 'sco-index-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** [read from disk, documents] from the --verbose line. */
const reads = (stderr: string) => /; (\d+) of (\d+) read from disk/.exec(stderr)?.slice(1).map(Number);

const docs = join(tmp, 'docs');
const cache = join(tmp, 'cache');
const run = (out: string) => extract('--in', docs, '--out', join(tmp, out), '--cache', cache, '--verbose');
const plain = (out: string) => extract('--in', docs, '--out', join(tmp, out), '--no-cache');

/** A file is trusted by its status only once it has been still for a while (see source-index.ts). */
const settle = () => new Promise((r) => setTimeout(r, SETTLED_MS + 200));
beforeAll(async () => {
  cpSync(join(root, 'data/sources'), docs, { recursive: true });
  await settle();
});

describe('the source index', () => {
  it('reads each unchanged document once, and one edited to the same size and time again', { timeout: 120_000 }, () => {
    const first = run('first');
    const n = reads(first.stderr)![1]!;
    expect(reads(first.stderr)).toEqual([n, n]);
    const second = run('second');
    expect(reads(second.stderr), second.stderr).toEqual([0, n]);
    expect(files(join(tmp, 'second'))).toEqual(files(join(tmp, 'first')));

    // An edit that keeps the size, with the modification time put back as it was, to the nanosecond (`touch -r`).
    const name = readdirSync(docs).find((f) => f.endsWith('.txt'))!;
    const path = join(docs, name);
    const reference = join(tmp, 'reference');
    writeFileSync(reference, '');
    expect(spawnSync('touch', ['-r', path, reference]).status).toBe(0);
    const before = statSync(path, { bigint: true });
    const text = readFileSync(path, 'utf8');
    const edited = text.replace(/\b(19|20)\d\d\b/, (y) => String(Number(y) === 2019 ? 2018 : 2019));
    expect(edited).not.toBe(text);
    expect(Buffer.byteLength(edited)).toBe(Buffer.byteLength(text));
    writeFileSync(path, edited);
    expect(spawnSync('touch', ['-r', reference, path]).status).toBe(0);
    expect(statSync(path, { bigint: true }).mtimeNs).toBe(before.mtimeNs);

    const third = run('third');
    expect(reads(third.stderr)).toEqual([1, n]);
    expect(third.stderr).toMatch(/1 extracted/);
    plain('plain-edited');
    expect(files(join(tmp, 'third'))).toEqual(files(join(tmp, 'plain-edited')));
    expect(files(join(tmp, 'third'))).not.toEqual(files(join(tmp, 'first')));
  });

  it('names an index that is cut short, reads every document, and writes the same outputs', { timeout: 120_000 }, async () => {
    await settle(); // the document edited above, so that it can be recorded again
    const index = readdirSync(cache).find((f) => f.startsWith('sources-'))!;
    writeFileSync(join(cache, index), readFileSync(join(cache, index), 'utf8').slice(0, 100));
    const r = run('mended');
    expect(r.stderr).toMatch(/cache: .*sources-[0-9a-f]+\.json: source index not used \(/);
    const n = reads(r.stderr)![1]!;
    expect(reads(r.stderr)).toEqual([n, n]);
    plain('plain-mended');
    expect(files(join(tmp, 'mended'))).toEqual(files(join(tmp, 'plain-mended')));
    // Written whole again: the next run trusts it.
    expect(reads(run('after').stderr)).toEqual([0, n]);
  });

  it('does not record a file changed just before it was read', () => {
    const dir = join(tmp, 'racy');
    const path = join(dir, 'a.txt');
    cpSync(
      join(
        docs,
        readdirSync(docs).find((f) => f.endsWith('.txt'))!,
      ),
      path,
    );
    const stat = statSync(path, { bigint: true });
    const hash = contentHash(readFileSync(path));
    const index = new SourceIndex(join(tmp, 'racy-cache'), dir);
    index.record('a.txt', stat, hash, Date.now()); // read at once: the same clock tick could still hide a write
    index.save();
    expect(new SourceIndex(join(tmp, 'racy-cache'), dir).hashOf('a.txt', stat)).toBeUndefined();
    // The same file read once it had been still long enough is trusted.
    const later = new SourceIndex(join(tmp, 'racy-cache'), dir);
    later.record('a.txt', stat, hash, Number(stat.ctimeNs / 1_000_000n) + SETTLED_MS + 1);
    later.save();
    expect(new SourceIndex(join(tmp, 'racy-cache'), dir).hashOf('a.txt', stat)).toBe(hash);
  });
});
