/**
 * Users add their own documents, and some will be strange: scanned junk, other encodings, markup,
 * text in other scripts. Property-based tests (fast-check) throw arbitrary bytes and text at the real
 * pipeline: it never crashes, and whatever it writes passes the data contract, with every statement
 * found at its offsets in the stored text.
 *
 * @vitest-environment node
 */
import fc from 'fast-check';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DATA_FILES, Documents, Events, Places, Report, Statements, TimeSeries, Topics } from '../../src/contract/schema';
import { decode } from '../../src/pipeline/decode';
import { extractDocument } from '../../src/pipeline/document';
import { Gazetteer } from '../../src/pipeline/gazetteer';
import { loadData, runPipeline } from '../../src/pipeline/run';
import { TopicMatcher } from '../../src/pipeline/topics';
import { writeOutputs } from '../../src/pipeline/write';

const data = loadData();
const ctx = { gaz: new Gazetteer(data.gazetteer), topics: new TopicMatcher(data.topics) };
const scratch = mkdtempSync(join(tmpdir(), 'sco-atlas-property-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Pieces that steer the text into the pipeline's interesting paths: dates, places, traps, markup. */
const pieces = fc.constantFrom(
  'On 10 November 2020 the leaders met in Moscow.',
  'The summit was held in Astana (then Nur-Sultan) on 3-4 July 2024.',
  'between 9 and 10 June 2018 in Qingdao',
  'May 31',
  'July 4',
  'today',
  'last year',
  '2001',
  '15 June 2001',
  '31 February 2021',
  '0 May 0000',
  'Vladimir Putin',
  'Armenia',
  'BEIJING, May 12 (Xinhua) --',
  'via videoconference',
  '\n\n',
  '\n',
  '. ',
  '? ',
  '…',
  ' ',
  '\t',
  '\r\n',
  '\u2028',
  '<script>alert(1)</script>',
  '&lt;b&gt;',
  '\u202e',
  '\u200b',
  '\ufeff',
  '\u0000',
  '\ud800',
  'Шанхайская организация сотрудничества',
  '上海合作组织',
  'سازمان همکاری شانگهای',
  '👩‍👩‍👧',
);
const text = fc.oneof(
  {
    weight: 3,
    arbitrary: fc
      .array(fc.oneof({ weight: 3, arbitrary: pieces }, { weight: 1, arbitrary: fc.string({ maxLength: 30 }) }), { maxLength: 40 })
      .map((xs) => xs.join(' ')),
  },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 400 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 400 }) },
);

let withEvents = 0;
function checkDocument(docText: string) {
  const r = extractDocument('doc', docText, null, ctx);
  if (r.events.length) withEvents++;
  // Same input, same output.
  expect(JSON.stringify(extractDocument('doc', docText, null, ctx).events)).toBe(JSON.stringify(r.events));
  Events.parse(r.events);
  Statements.parse(r.statements);
  const statementIds = new Set(r.statements.map((s) => s.id));
  for (const s of r.statements) {
    expect(docText.slice(s.start, s.end)).toBe(s.text);
    for (const m of s.marks) {
      expect(m.start).toBeGreaterThanOrEqual(0);
      expect(m.end).toBeLessThanOrEqual(s.text.length);
      expect(m.start).toBeLessThan(m.end);
    }
  }
  for (const e of r.events) for (const id of e.statementIds) expect(statementIds.has(id)).toBe(true);
}

describe('the pipeline on arbitrary input (fast-check)', () => {
  it('decoding arbitrary bytes never throws: it gives text, or a message naming the file', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
        const d = decode(bytes, 'odd.txt');
        if (d.ok) expect(typeof d.text).toBe('string');
        else expect(d.message).toContain('odd.txt');
      }),
      { numRuns: 300 },
    );
  });

  it('extracting any text never throws, and every statement is found at its offsets', { timeout: 60_000 }, () => {
    fc.assert(fc.property(text, checkDocument), { numRuns: 150 });
    // The generator really reaches the extraction paths (not only empty or dateless text).
    expect(withEvents).toBeGreaterThan(5);
  });

  it('a folder of arbitrary files runs end to end and every file written passes the contract', { timeout: 60_000 }, () => {
    let run = 0;
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            text.map((t) => new TextEncoder().encode(t)),
            fc.uint8Array({ maxLength: 600 }),
          ),
          { minLength: 1, maxLength: 4 },
        ),
        (files) => {
          const dir = join(scratch, `in-${run}`);
          const out = join(scratch, `out-${run++}`);
          rmSync(dir, { recursive: true, force: true });
          // A real folder of real files through the real entry points (as `npm run extract -- --in --out`).
          mkdirSync(dir, { recursive: true });
          files.forEach((bytes, i) => writeFileSync(join(dir, `doc-${i}.txt`), bytes));
          const o = runPipeline(dir);
          writeOutputs(out, o);
          const read = (f: string) => JSON.parse(readFileSync(join(out, f), 'utf8')) as unknown;
          const events = Events.parse(read(DATA_FILES.events));
          const statements = Statements.parse(read(DATA_FILES.statements));
          Places.parse(read(DATA_FILES.places));
          TimeSeries.parse(read(DATA_FILES.timeseries));
          const documents = Documents.parse(read(DATA_FILES.documents));
          const report = Report.parse(read(DATA_FILES.report));
          Topics.parse(read(DATA_FILES.topics));
          // One report entry per file: a broken file is reported, never silently dropped.
          expect(report.documents).toHaveLength(files.length);
          for (const s of statements) {
            const doc = documents.find((d) => d.id === s.docId)!;
            expect(readFileSync(join(out, doc.textPath), 'utf8').slice(s.start, s.end)).toBe(s.text);
          }
          for (const e of events) expect(documents.some((d) => d.id === e.docId)).toBe(true);
          rmSync(dir, { recursive: true, force: true });
          rmSync(out, { recursive: true, force: true });
        },
      ),
      { numRuns: 25 },
    );
  });
});
