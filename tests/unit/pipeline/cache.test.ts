// @vitest-environment node
/**
 * The CLI keeps up (issue 12): a second run reads each unchanged document from the cache, a new
 * document is the only one extracted, a change to the data it uses extracts again, a broken cache entry
 * is named (with --verbose) and extracted again, and none of it changes a byte of the outputs: cached,
 * uncached, in process or on worker threads.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../../bench/corpus.ts';
import { dataVersion } from '../../../src/pipeline/cache.ts';
import { extract, files, root } from './cli-run';

const tmp = mkdtempSync(join(tmpdir(), 'sco-cache-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const fromCache = (stderr: string) => /cache: (\d+) document\(s\) from the cache, (\d+) extracted/.exec(stderr)?.slice(1).map(Number);

const docs = join(tmp, 'docs');
cpSync(join(root, 'data/sources'), docs, { recursive: true });
const [extra] = generateCorpus(1, 3, 30_000);
writeFileSync(
  join(docs, 'broken.txt'),
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]),
); // a PNG's first bytes
const sourceCount = readdirSync(docs).filter((f) => !f.endsWith('.meta.json')).length;
const cache = join(tmp, 'cache');

describe('the extraction cache', () => {
  it('gives the same bytes with and without it, in process and on worker threads', { timeout: 180_000 }, () => {
    const plain = extract('--in', docs, '--out', join(tmp, 'plain'), '--no-cache', '--jobs', '1', '--verbose');
    expect(plain.status, plain.stderr).toBe(1); // broken.txt fails, by name, and the others are written
    expect(plain.stderr).toMatch(/broken\.txt/);
    expect(fromCache(plain.stderr)).toEqual([0, sourceCount]);

    const cold = extract('--in', docs, '--out', join(tmp, 'cold'), '--cache', cache, '--jobs', '2', '--verbose');
    expect(cold.stderr).toMatch(/on 2 threads \(this one and 1 worker\)/);
    expect(fromCache(cold.stderr)).toEqual([0, sourceCount]);
    const warm = extract('--in', docs, '--out', join(tmp, 'warm'), '--cache', cache, '--verbose');
    expect(fromCache(warm.stderr)).toEqual([sourceCount, 0]);

    // Without a cache the worker starts before this thread loads the pipeline, and gets its data once the folder is listed.
    const pooled = extract('--in', docs, '--out', join(tmp, 'pooled'), '--no-cache', '--jobs', '2', '--verbose');
    expect(pooled.stderr).toMatch(/on 2 threads \(this one and 1 worker\)/);
    // Too little text for a second thread: the worker started ahead is stopped, and the run ends as one in process.
    const small = extract('--in', join(root, 'data/sources'), '--out', join(tmp, 'small'), '--no-cache', '--verbose');
    expect(small.status, small.stderr).toBe(0);
    expect(small.stderr).not.toMatch(/threads/);

    const a = files(join(tmp, 'plain'));
    expect(a.get('events.json')!.length).toBeGreaterThan(1000);
    expect(files(join(tmp, 'pooled'))).toEqual(a);
    expect(files(join(tmp, 'cold'))).toEqual(a);
    expect(files(join(tmp, 'warm'))).toEqual(a);
    expect([cold.status, warm.status]).toEqual([1, 1]);
  });

  it('extracts only a new document, and everything again when the data it reads changes', { timeout: 120_000 }, () => {
    writeFileSync(join(docs, 'new-report.txt'), extra!.text);
    const one = extract('--in', docs, '--out', join(tmp, 'one'), '--cache', cache, '--verbose');
    expect(fromCache(one.stderr)).toEqual([sourceCount, 1]);
    expect(JSON.parse(readFileSync(join(tmp, 'one/documents.json'), 'utf8')).map((d: { file: string }) => d.file)).toContain(
      'new-report.txt',
    );

    // A place the corrections add is part of the gazetteer every document is read with.
    writeFileSync(
      join(docs, 'corrections.json'),
      JSON.stringify({
        corrections: [
          {
            action: 'add-place',
            id: 'zzyzx-us',
            name: 'Zzyzx',
            names: [],
            country: 'United States',
            countryCode: 'US',
            lat: 35.14,
            lon: -116.1,
            reason: 'test',
          },
        ],
      }),
    );
    const again = extract('--in', docs, '--out', join(tmp, 'again'), '--cache', cache, '--verbose');
    expect(fromCache(again.stderr)).toEqual([0, sourceCount + 1]);
    // The worker started before the pipeline was loaded gets the corrections' places too: the same bytes as in process.
    const pooled = extract('--in', docs, '--out', join(tmp, 'again-pooled'), '--no-cache', '--jobs', '2', '--verbose');
    expect(pooled.stderr).toMatch(/on 2 threads \(this one and 1 worker\)/);
    expect(files(join(tmp, 'again-pooled'))).toEqual(files(join(tmp, 'again')));
    rmSync(join(docs, 'corrections.json'));
    rmSync(join(docs, 'new-report.txt'));
  });

  it('names a broken entry with --verbose, extracts that document again, and writes the same outputs', { timeout: 120_000 }, () => {
    const cutShort = () => {
      const entries = readdirSync(cache).filter((f) => f.endsWith('.entry'));
      expect(entries.length).toBeGreaterThan(sourceCount);
      // as a full disk or a killed copy would leave them
      for (const e of entries) writeFileSync(join(cache, e), readFileSync(join(cache, e), 'utf8').slice(0, 200));
    };
    cutShort();
    const quiet = extract('--in', docs, '--out', join(tmp, 'quiet'), '--cache', cache);
    expect(quiet.status).toBe(1);
    expect(quiet.stderr).not.toMatch(/cache/);
    cutShort();
    const r = extract('--in', docs, '--out', join(tmp, 'mended'), '--cache', cache, '--verbose');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/cache: .*\.entry: unusable cache entry \(/);
    expect(fromCache(r.stderr)).toEqual([0, sourceCount]);
    expect(files(join(tmp, 'mended'))).toEqual(files(join(tmp, 'plain')));
    expect(files(join(tmp, 'quiet'))).toEqual(files(join(tmp, 'plain')));
  });

  it('extracts again a document whose kept text is gone or cut short, and names it', { timeout: 120_000 }, () => {
    const own = join(tmp, 'cache-texts');
    extract('--in', docs, '--out', join(tmp, 'texts'), '--cache', own);
    const texts = readdirSync(own).filter((f) => f.endsWith('.txt'));
    expect(texts.length).toBe(sourceCount - 1); // every document read whole keeps its text (not broken.txt)
    rmSync(join(own, texts[0]!));
    writeFileSync(join(own, texts[1]!), readFileSync(join(own, texts[1]!), 'utf8').slice(0, 10));
    const r = extract('--in', docs, '--out', join(tmp, 'texts'), '--cache', own, '--verbose');
    expect(r.stderr).toMatch(/unusable cache entry \(its text [0-9a-f]+\.txt is missing\)/);
    expect(r.stderr).toMatch(/unusable cache entry \(its text is 10 bytes, not \d+ \(cut short\?\)\)/);
    expect(fromCache(r.stderr)).toEqual([sourceCount - 2, 2]);
    expect(files(join(tmp, 'texts'))).toEqual(files(join(tmp, 'plain')));
  });

  it('keys on the data files and the added places', () => {
    const data = join(tmp, 'data');
    cpSync(join(root, 'data'), data, { recursive: true, filter: (p) => !p.includes('sources') });
    const before = dataVersion(data, []);
    expect(dataVersion(data, [])).toBe(before);
    expect(dataVersion(data, [{ id: 'x' }])).not.toBe(before);
    writeFileSync(join(data, 'topics.json'), readFileSync(join(data, 'topics.json'), 'utf8') + ' ');
    expect(dataVersion(data, [])).not.toBe(before);
  });
});
