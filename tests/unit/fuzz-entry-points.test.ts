/**
 * Fuzz (issue 14): over 10,000 generated inputs in all (with pipeline-property.test.ts) thrown at every
 * entry point that takes text from outside (the pipeline's stages, the corrections file, file names)
 * and at the app's data checks. Each must return, not throw; finish quickly (no input shape makes it
 * hang); and every rejection must say what it rejects (the file, the entry, the field).
 *
 * @vitest-environment node
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkFile } from '../../src/app/data/check';
import { checkMeaning, isRealDate } from '../../src/contract/checks';
import { parseCorrections } from '../../src/pipeline/corrections';
import { findDates, findPeriods, findYears } from '../../src/pipeline/dates';
import { documentId } from '../../src/pipeline/doc-id';
import { htmlToText } from '../../src/pipeline/formats/html';
import { Gazetteer } from '../../src/pipeline/gazetteer';
import { findPlaces } from '../../src/pipeline/places';
import { loadData } from '../../src/pipeline/run';
import { paragraphs, sentences } from '../../src/pipeline/segment';

const data = loadData();
const gaz = new Gazetteer(data.gazetteer);

/** Words that lead the generators into the interesting paths (dates, places, ranges, markup, scripts). */
const word = fc.constantFrom(
  '1',
  '31',
  '2019',
  '10000',
  '0000',
  'May',
  'June',
  'Sept.',
  'between',
  'and',
  'to',
  '-',
  '–',
  'of',
  'in',
  'on',
  'Astana',
  'New',
  'Delhi',
  'St.',
  'Petersburg',
  'Moscow.',
  "Beijing's",
  'the',
  'The',
  '.',
  ',',
  ':',
  '\n',
  '\n\n',
  '\r\n',
  '<div>',
  '</div>',
  '<p>',
  '<nav>',
  '<script>',
  '&amp;',
  '&#x10FFFF;',
  '<!--',
  '-->',
  '\u202e',
  '\ud800',
  '\u0000',
  '上海',
  'Шанхай',
);
const text = fc.oneof(
  {
    weight: 3,
    arbitrary: fc
      .array(fc.oneof({ weight: 4, arbitrary: word }, { weight: 1, arbitrary: fc.string({ maxLength: 12 }) }), { maxLength: 60 })
      .map((xs) => xs.join(' ')),
  },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 300 }) },
);

/** Runs `f` and fails when one input takes longer than `ms`: a hang shows as a slow input, by name. */
function quick<T>(f: (x: T) => void, ms = 2000) {
  return (x: T) => {
    const t = performance.now();
    f(x);
    const took = performance.now() - t;
    if (took > ms) throw new Error(`took ${Math.round(took)} ms on ${JSON.stringify(x).slice(0, 200)}`);
  };
}

describe("fuzz: the pipeline's text entry points", () => {
  it('dates: never throw; every date found is real and inside the text', () => {
    const docDate = fc.option(
      fc.record({ y: fc.integer({ min: 0, max: 12000 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 31 }) }),
    );
    fc.assert(
      fc.property(
        fc.tuple(text, docDate),
        quick(([t, doc]: [string, { y: number; m: number; d: number } | null]) => {
          const r = findDates(t, doc);
          for (const m of r.mentions) {
            expect(t.slice(m.start, m.end)).toBe(m.text);
            expect(isRealDate(m.value.start), m.value.start).toBe(true);
            if (m.value.end) expect(m.value.end > m.value.start).toBe(true);
          }
          for (const s of r.skipped) expect(s.why.length).toBeGreaterThan(0); // every date passed over says why
          findPeriods(t);
          for (const y of findYears(t, r.mentions)) expect(isRealDate(y.value.start)).toBe(true);
        }),
      ),
      { numRuns: 2500 },
    );
  });

  it('paragraphs and sentences: never throw; spans are ordered, inside the text, and do not overlap', () => {
    fc.assert(
      fc.property(
        text,
        quick((t: string) => {
          let last = 0;
          for (const p of paragraphs(t)) {
            expect(p.start).toBeGreaterThanOrEqual(last);
            let s0 = p.start;
            for (const s of sentences(t, p)) {
              expect(s.start).toBeGreaterThanOrEqual(s0);
              expect(s.end).toBeLessThanOrEqual(p.end);
              s0 = s.end;
            }
            last = p.end;
          }
        }),
      ),
      { numRuns: 1500 },
    );
  });

  it('places: never throw; every place found is named by the text at its offsets', () => {
    fc.assert(
      fc.property(
        text,
        quick((t: string) => {
          for (const m of findPlaces(t, gaz).mentions) expect(t.slice(m.start, m.end)).toBe(m.text);
        }),
      ),
      { numRuns: 1500 },
    );
  });

  it('HTML: never throws, never keeps markup of the page as markup, whatever the nesting', () => {
    const tag = fc.constantFrom('div', 'p', 'nav', 'pre', 'article', 'header', 'svg', 'math', 'table', 'td', 'li', 'script', 'br', 'form');
    const html = fc
      .array(
        fc.oneof(
          tag.map((n) => `<${n}>`),
          tag.map((n) => `</${n}>`),
          word,
          fc.string({ maxLength: 8 }),
        ),
        { maxLength: 80 },
      )
      .map((xs) => xs.join(''));
    fc.assert(
      fc.property(
        html,
        quick((h: string) => {
          const out = htmlToText(h);
          expect(out).not.toMatch(/<script>/);
        }),
      ),
      { numRuns: 1500 },
    );
  });

  it('a corrections file: never throws; each entry that is not applied is named by file and index', () => {
    const value = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.constantFrom('2020-13-01', '99999-01-01', '2020-02-31', '2020-02-29', '2021', 'The', 'In'),
      fc.integer(),
      fc.constant(null),
    );
    const entry = fc.record(
      {
        action: fc.constantFrom('add-event', 'remove-event', 'update-event', 'add-place', 'remove-place', 'update-place', 'bogus'),
        docId: value,
        id: value,
        start: value,
        end: value,
        title: value,
        reason: value,
        name: value,
        lon: fc.double(),
        lat: fc.double(),
        set: fc.record({ start: value, name: value }, { requiredKeys: [] }),
      },
      { requiredKeys: ['action'] },
    );
    const file = fc.oneof(
      { weight: 5, arbitrary: fc.array(entry, { maxLength: 6 }).map((c) => JSON.stringify({ corrections: c })) },
      { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
    );
    fc.assert(
      fc.property(
        file,
        quick((json: string) => {
          const r = parseCorrections(json, 'corrections.json');
          for (const m of r.messages) expect(m).toMatch(/^corrections\.json(:| entry \d+)/);
          if (json.trim().startsWith('{"corrections"')) {
            const n = (JSON.parse(json) as { corrections: unknown[] }).corrections.length;
            expect(r.entries.length + r.messages.length).toBe(n); // each entry applied or named
          }
        }),
      ),
      { numRuns: 1200 },
    );
  });

  it("file names: every one gives an id the app's URL accepts, the same every time", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('binary', 'grapheme') as unknown as 'binary', maxLength: 120 }), (name) => {
        const id = documentId(name);
        expect(`${id}:2024-01-01..2024-01-02`).toMatch(/^[\p{L}\p{N}_.:-]{1,120}$/u);
        expect(documentId(name)).toBe(id);
      }),
      { numRuns: 1500 },
    );
  });
});

describe("fuzz: the app's data checks", () => {
  const date = fc.oneof(
    fc.constantFrom('2020-02-31', '2020-02-29', '2021-02-29', '2020-13', '2020', '0000-01-01', '2019-06-14'),
    fc.string({ maxLength: 11 }),
  );
  const ev = fc.record({
    id: fc.constantFrom('a', 'b', 'c', 'd'),
    docId: fc.constantFrom('d1', 'd2', 'nope'),
    start: date,
    end: fc.option(date, { nil: undefined }),
    placeId: fc.constantFrom('p1', 'atlantis', null),
    statementIds: fc.array(fc.constantFrom('s1', 's2', 'gone'), { maxLength: 3 }),
  });
  const st = fc.record({
    id: fc.constantFrom('s1', 's2', 's3'),
    docId: fc.constantFrom('d1', 'nope'),
    eventIds: fc.array(fc.constantFrom('a', 'b', 'z'), { maxLength: 3 }),
    placeIds: fc.constant([] as string[]),
  });

  it('meaning: never throws; what it keeps means what it says, and each record left out is named', () => {
    fc.assert(
      fc.property(fc.array(ev, { maxLength: 8 }), fc.option(fc.array(st, { maxLength: 6 }), { nil: null }), (events, statements) => {
        const r = checkMeaning({ events, placeIds: ['p1'], documentIds: ['d1', 'd2'], statements });
        const ids = r.events.map((e) => e.id);
        expect(new Set(ids).size).toBe(ids.length);
        for (const e of r.events) {
          expect(isRealDate(e.start) && (e.end === undefined || isRealDate(e.end))).toBe(true);
          expect(['d1', 'd2']).toContain(e.docId);
          expect(e.placeId === null || e.placeId === 'p1').toBe(true);
          if (statements) for (const s of e.statementIds) expect(statements.some((x) => x.id === s)).toBe(true);
        }
        const dropped = events.length - r.events.length + (statements ? statements.length - (r.statements?.length ?? 0) : 0);
        // one line per record left out (unless the list was cut short after its first twenty lines)
        if (!r.problems.some((p) => p.startsWith('…'))) expect(r.problems.filter((p) => /left out$/.test(p)).length).toBe(dropped);
        for (const p of r.problems) expect(p).toMatch(/^(events|statements)\.json: (event|statement) \S+: |^… and \d+ more/);
      }),
      { numRuns: 1500 },
    );
  });

  it('files: anything fetched as a data file is accepted or rejected with a reason, never thrown', async () => {
    const json = fc.oneof(
      fc.json({ maxDepth: 4 }),
      fc.string({ maxLength: 60 }),
      fc.array(ev).map((e) => JSON.stringify(e)),
    );
    const names = [
      'events.json',
      'places.geojson',
      'documents.json',
      'topics.json',
      'statements.json',
      'timeseries.json',
      'report.json',
    ] as const;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...names), json, async (file, body) => {
        const r = await checkFile(file, body);
        if (!r.ok) expect(r.message).toMatch(/^(is not valid JSON|is missing|does not match the data contract: .+)/);
      }),
      { numRuns: 1500 },
    );
  });
});
