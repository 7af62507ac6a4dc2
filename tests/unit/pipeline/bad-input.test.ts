// @vitest-environment node
/**
 * A user drops all sorts of files into the sources folder. Each gets a clear message naming it, the
 * good ones are still extracted, the outputs are complete, and the exit code says something failed.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../../bench/corpus.ts';
import { MAX_DOCUMENT_BYTES, runPipeline } from '../../../src/pipeline/run.ts';
import { writeOutputs } from '../../../src/pipeline/write.ts';

const tmp = mkdtempSync(join(tmpdir(), 'sco-bad-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const root = join(import.meta.dirname, '../../..');

function folder(name: string, files: Record<string, string | Uint8Array>): string {
  const dir = join(tmp, name);
  mkdirSync(dir, { recursive: true });
  for (const [f, body] of Object.entries(files)) writeFileSync(join(dir, f), body);
  return dir;
}

const GOOD = 'SCO summit report\n\nThe summit was held in Astana on 4 July 2024 and adopted the Astana Declaration.\n';
const messy = {
  'good.txt': GOOD,
  'empty.txt': '',
  'blank.md': '  \n\n \n',
  'image.txt': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]),
  'latin1.txt': new Uint8Array([...Buffer.from('Line one\nThe meeting in Gen'), 0xe8, ...Buffer.from('ve on 2 March 2020.\n')]),
  'windows.txt': new Uint8Array([
    0xef,
    0xbb,
    0xbf,
    ...Buffer.from('Report\r\n\r\nThe forum met in Tashkent on 19 August 2022.\r\nIt ended the next day.\r\n'),
  ]),
  'nodates.txt': 'A text about cooperation in general, with no dates and no places at all.\n',
  'markup.md':
    '# <b>Notes</b>\n\n<script>alert("x")</script> The meeting was held in Bishkek on 14 June 2019. <img src=x onerror=alert(1)>\n',
  'slides.pdf': '%PDF-1.4 not really',
};

describe('bad input', () => {
  const dir = folder('messy', messy);
  const o = runPipeline(dir);
  const entry = (file: string) => o.report.documents.find((d) => d.file === file)!;

  it('names each problem file and says what happened', () => {
    expect(entry('empty.txt')).toMatchObject({ status: 'warning', messages: [expect.stringMatching(/empty\.txt: empty file/)] });
    expect(entry('blank.md').messages.join()).toMatch(/blank\.md: empty file/);
    expect(entry('image.txt')).toMatchObject({
      status: 'failed',
      messages: [expect.stringMatching(/image\.txt: looks like a binary file/)],
    });
    expect(entry('latin1.txt')).toMatchObject({
      status: 'failed',
      messages: [expect.stringMatching(/latin1\.txt: not valid UTF-8 .*line 2, column 19/)],
    });
    expect(entry('nodates.txt')).toMatchObject({ status: 'warning', messages: [expect.stringMatching(/no dates found/)] });
    expect(entry('slides.pdf')).toMatchObject({
      status: 'failed',
      messages: [expect.stringMatching(/slides\.pdf: a PDF is read only through `npm run extract`/)],
    });
    expect(o.failed).toBe(true);
  });

  it('still extracts the good documents', () => {
    const astana = o.events.find((e) => e.docId === 'good');
    expect(astana).toMatchObject({ start: '2024-07-04', placeId: 'astana-kz' });
    expect(o.documents.map((d) => d.id).sort()).toEqual(['good', 'markup', 'nodates', 'windows']);
  });

  it('reads a BOM and CRLF file, with offsets into the normalised text', () => {
    expect(entry('windows.txt').messages.join(' ')).toMatch(/byte order mark removed.*line ends/);
    const text = o.texts.get('windows')!;
    expect(text.startsWith('Report\n\nThe forum')).toBe(true);
    const s = o.statements.find((x) => x.docId === 'windows')!;
    expect(text.slice(s.start, s.end)).toBe('The forum met in Tashkent on 19 August 2022.');
  });

  it('keeps markup and script as text, never as anything else', () => {
    const s = o.statements.find((x) => x.docId === 'markup')!;
    expect(s.text).toContain('<script>alert("x")</script>');
    expect(o.events.find((e) => e.docId === 'markup')).toMatchObject({ start: '2019-06-14', placeId: 'bishkek-kg' });
  });

  it('handles a document just under the size limit', { timeout: 60_000 }, () => {
    const [doc] = generateCorpus(1, 7, MAX_DOCUMENT_BYTES - 200_000);
    const big = folder('big', { 'big.txt': doc!.text });
    expect(readFileSync(join(big, 'big.txt')).length).toBeGreaterThan(MAX_DOCUMENT_BYTES - 300_000);
    const r = runPipeline(big);
    expect(r.report.documents[0]!.status).toBe('ok');
    expect(r.events.length).toBeGreaterThan(1000);
    const text = r.texts.get('big')!;
    for (const s of r.statements.slice(-20)) expect(text.slice(s.start, s.end)).toBe(s.text);
  });
});

describe('the command line', () => {
  const cli = (...args: string[]) => {
    try {
      const stdout = execFileSync(process.execPath, ['--import', 'tsx', join(root, 'src/pipeline/cli.ts'), ...args], {
        cwd: root,
        encoding: 'utf8',
        stdio: 'pipe',
      });
      return { code: 0, out: stdout, err: '' };
    } catch (e) {
      const x = e as { status: number; stdout: string; stderr: string };
      return { code: x.status, out: x.stdout, err: x.stderr };
    }
  };

  it('writes all outputs for --in/--out, and exits 1 naming the files that failed', { timeout: 30_000 }, () => {
    const out = join(tmp, 'cli-out');
    const r = cli('--in', join(tmp, 'messy'), '--out', out);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/latin1\.txt: not valid UTF-8/);
    expect(r.err).toMatch(/image\.txt: looks like a binary file/);
    expect(r.out).toMatch(/extracted 4 document\(s\)/);
    for (const f of ['events.json', 'places.geojson', 'statements.json', 'timeseries.json', 'documents.json', 'report.json', 'topics.json'])
      expect(existsSync(join(out, f)), f).toBe(true);
    expect(readdirSync(join(out, 'documents')).sort()).toEqual(['good.txt', 'markup.txt', 'nodates.txt', 'windows.txt']);
  });

  it('exits 0 when every document is read, 2 on a wrong folder or option, and leaves old outputs alone', { timeout: 30_000 }, () => {
    const out = join(tmp, 'cli-good');
    expect(cli('--in', folder('clean', { 'good.txt': GOOD }), '--out', out).code).toBe(0);
    const before = readFileSync(join(out, 'events.json'), 'utf8');
    const missing = cli('--in', join(tmp, 'no-such-folder'), '--out', out);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/input folder not found: .*no-such-folder/);
    expect(readFileSync(join(out, 'events.json'), 'utf8')).toBe(before);
    expect(cli('--bogus').code).toBe(2);
  });
});

describe('atomic writing', () => {
  it('replaces the previous outputs completely and leaves no temporary files', () => {
    const out = join(tmp, 'atomic');
    writeOutputs(out, runPipeline(folder('one', { 'a.txt': GOOD, 'b.txt': GOOD })));
    writeOutputs(out, runPipeline(folder('two', { 'c.txt': GOOD })));
    expect(readdirSync(join(out, 'documents'))).toEqual(['c.txt']);
    expect(readdirSync(out).filter((f) => f.startsWith('.'))).toEqual([]);
  });
});
