// @vitest-environment node
/**
 * A cached run over many documents with a few changed (issue 12, a one-document change): the changed
 * ones are extracted on a worker while the CLI reads the other documents' entries (cache-lookup.ts),
 * an entry found unusable only when read is extracted after them, and the outputs are byte for byte
 * those of a run without a cache.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../../bench/corpus.ts';
import { extract, files } from './cli-run';

const tmp = mkdtempSync(join(tmpdir(), 'sco-overlap-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const fromCache = (stderr: string) => /cache: (\d+) document\(s\) from the cache, (\d+) extracted/.exec(stderr)?.slice(1).map(Number);

describe('a cached run with a few documents changed', () => {
  it('extracts them on a worker while it reads the others, and writes what a run without a cache writes', { timeout: 240_000 }, () => {
    const docs = join(tmp, 'docs');
    mkdirSync(docs);
    // 260 small documents: more entries to read than the run's threshold for a worker (OVERLAP_ENTRIES, 200).
    const corpus = generateCorpus(261, 7, 1_200);
    for (const d of corpus.slice(0, 260)) writeFileSync(join(docs, d.name), d.text);
    const cache = join(tmp, 'cache');
    const first = extract('--in', docs, '--out', join(tmp, 'first'), '--cache', cache, '--verbose');
    expect(first.status, first.stderr).toBe(0);
    expect(fromCache(first.stderr)).toEqual([0, 260]);

    // One document added, and one entry cut short (as a full disk would leave it): found unusable only once read.
    writeFileSync(join(docs, corpus[260]!.name), corpus[260]!.text);
    const entries = readdirSync(cache).filter((f) => f.endsWith('.entry'));
    const broken = join(cache, entries[0]!);
    writeFileSync(broken, readFileSync(broken, 'utf8').slice(0, 300));
    const second = extract('--in', docs, '--out', join(tmp, 'second'), '--cache', cache, '--verbose');
    expect(second.status, second.stderr).toBe(0);
    // On one core there is no second thread to extract on meanwhile: the same run, in process.
    if (availableParallelism() > 1) expect(second.stderr).toMatch(/2 extracted on 2 threads \(this one and 1 worker\)/);
    expect(second.stderr).toMatch(/unusable cache entry/);
    expect(fromCache(second.stderr)).toEqual([259, 2]);

    const plain = extract('--in', docs, '--out', join(tmp, 'plain'), '--no-cache', '--jobs', '1');
    expect(plain.status, plain.stderr).toBe(0);
    const want = files(join(tmp, 'plain'));
    expect(JSON.parse(want.get('documents.json')!)).toHaveLength(261);
    expect(files(join(tmp, 'second'))).toEqual(want);

    // And the next run takes all 261 from the cache, the mended entry too.
    const third = extract('--in', docs, '--out', join(tmp, 'third'), '--cache', cache, '--verbose');
    expect(fromCache(third.stderr)).toEqual([261, 0]);
    expect(files(join(tmp, 'third'))).toEqual(want);
  });
});
