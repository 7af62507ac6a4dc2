// @vitest-environment node
/**
 * The join of a cached run (src/pipeline/join-fast.ts) puts the documents' kept parts and JSON texts
 * together instead of joining their records: it must write exactly the bytes the records' join
 * writes (run.ts), and a part that is stale (its links made against other meetings) or does not fit
 * its texts must never give other outputs. In process, on the seeds and generated documents that
 * share events (one summit reported by several documents), with a document whose id another file has
 * and a file that is skipped.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../../bench/corpus.ts';
import { ExtractCache } from '../../../src/pipeline/cache.ts';
import { readChronology } from '../../../src/pipeline/events/read.ts';
import { meetingsFor } from '../../../src/pipeline/join-fast.ts';
import { makePart, PART, type Parted } from '../../../src/pipeline/join-part.ts';
import { extractSource, type DocOutcome } from '../../../src/pipeline/pool-job.ts';
import { DATA_DIR, joinRun, planRun, readPlanned, type Outputs } from '../../../src/pipeline/run.ts';
import { SEEDS_DIR } from '../../../src/pipeline/testing.ts';
import { outputFiles } from '../../../src/pipeline/write.ts';

const tmp = mkdtempSync(join(tmpdir(), 'sco-join-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const docs = join(tmp, 'docs');
mkdirSync(docs);
for (const f of readdirSync(SEEDS_DIR)) copyFileSync(join(SEEDS_DIR, f), join(docs, f));
for (const d of generateCorpus(6, 7, 12_000)) writeFileSync(join(docs, d.name), d.text);
// Another report of the same events: its mentions merge with the first one's into shared events.
const [again] = generateCorpus(1, 7, 12_000);
writeFileSync(join(docs, `again-${again!.name}`), again!.text);
// The same text twice under one id (the second is refused by name), and a file that is not a document.
const first = readdirSync(SEEDS_DIR).find((f) => f.endsWith('.txt'))!;
writeFileSync(join(docs, first.replace(/\.txt$/, '.md')), readFileSync(join(SEEDS_DIR, first)));
writeFileSync(join(docs, 'notes.xyz'), 'not a document');

const plan = planRun(docs);
const ctx = { gaz: plan.gaz, topics: plan.topics };
/** Every file's outcome, extracted afresh (each call: new objects, as two runs would have). */
const outcomes = () =>
  plan.files.map((p) => {
    const f = 'source' in p ? readPlanned(p.source) : p;
    return 'entry' in f ? f : extractSource(f.input, ctx);
  }) as (DocOutcome & Parted)[];
const meetings = meetingsFor(readChronology(DATA_DIR));
/** The outputs as written: file name → bytes. */
const written = (o: Outputs) => new Map(outputFiles(o).map(([name, text]) => [name, Buffer.from(text as string)]));

const reference = written(joinRun(plan, outcomes()));

describe('the join of kept parts', () => {
  it('writes the bytes the join of the records writes, without reading the records back', { timeout: 60_000 }, () => {
    const parted = outcomes();
    for (const o of parted) o[PART] = makePart(o, meetings);
    const o = joinRun(plan, parted);
    expect(o.json, 'the fast join took the run').toBeDefined();
    const events = JSON.parse(reference.get('event-layer.json')!.toString()) as { mentionIds: string[]; meeting?: unknown }[];
    expect(
      events.some((e) => e.mentionIds.length > 1),
      'some events merge mentions',
    ).toBe(true);
    expect(
      events.some((e) => e.meeting),
      'some are linked to meetings',
    ).toBe(true);
    expect(reference.get('report.json')!.toString()).toMatch(/already has the id/);
    expect(written(o)).toEqual(reference);
    // What the CLI prints comes with them.
    expect(o.summary?.events).toBe(JSON.parse(reference.get('events.json')!.toString()).length);
  });

  it('links again a part made against other meetings, with the same outputs', { timeout: 60_000 }, () => {
    const parted = outcomes();
    for (const o of parted) o[PART] = makePart(o, []);
    const o = joinRun(plan, parted);
    expect(o.json).toBeDefined();
    expect(written(o)).toEqual(reference);
  });

  it('joins the records instead when a part does not fit its texts', { timeout: 60_000 }, () => {
    const parted = outcomes();
    for (const o of parted) o[PART] = makePart(o, meetings);
    const broken = parted.find((o) => (o[PART]?.part?.mentions.length ?? 0) > 0)!;
    broken[PART]!.part!.mentions[0]!.len += 3;
    const o = joinRun(plan, parted);
    expect(o.json, 'the records were joined').toBeUndefined();
    expect(written(o)).toEqual(reference);
  });
});

describe('a cache entry whose links were made against other meetings', () => {
  it('is linked again, named, written anew, and gives the same outputs', { timeout: 60_000 }, () => {
    const dir = join(tmp, 'cache');
    const cache = new ExtractCache(dir);
    const parted = outcomes();
    parted.forEach((o, i) => {
      if (!('ok' in o) || !o.ok) return;
      o[PART] = makePart(o, []); // as if data/chronology.json had other meetings when it was stored
      cache.set(`k${i}`, o);
    });
    const read = () => {
      const c = new ExtractCache(dir);
      const back = parted.map((o, i) => (o.ok ? c.get(`k${i}`)! : o));
      return { c, back };
    };
    const once = read();
    expect(once.c.hits).toBe(parted.filter((o) => o.ok).length);
    expect(once.c.problems.join('\n')).toMatch(/k\d+\.entry: its links to meetings were made against another chronology; linked again/);
    expect(written(joinRun(plan, once.back))).toEqual(reference);
    const again = read();
    expect(again.c.problems).toEqual([]);
    const o = joinRun(plan, again.back);
    expect(o.json).toBeDefined();
    expect(written(o)).toEqual(reference);
  });
});

describe('a cache entry with a large head', () => {
  it('is read whole past the first block the cache reads', () => {
    const docId = 'long-list';
    const events = Array.from({ length: 1500 }, (_, i) => ({
      id: `${docId}:${1000 + i}-01-01`,
      docId,
      start: `${1000 + i}-01-01`,
      precision: 'day' as const,
      placeId: null,
      online: false,
      title: `Meeting number ${i}`,
      topics: [],
      statementIds: [],
      dateText: `1 January ${1000 + i}`,
      curated: false,
    }));
    const outcome: DocOutcome & Parted = {
      entry: {
        docId,
        file: `${docId}.txt`,
        status: 'ok',
        found: { dates: 1500, places: 0, events: 1500, statements: 0 },
        skipped: [],
        messages: [],
      },
      ok: {
        text: 'x',
        sco: false,
        events,
        statements: [],
        placeNames: [],
        document: {
          id: docId,
          file: `${docId}.txt`,
          title: 'A long list',
          kind: 'other',
          published: null,
          source: '',
          bytes: 1,
          chars: 1,
          eventCount: 1500,
          statementCount: 0,
          placeCount: 0,
          textPath: `documents/${docId}.txt`,
          lang: 'en',
        },
      },
    };
    const dir = join(tmp, 'cache-long');
    new ExtractCache(dir).set('long', outcome);
    const head = readFileSync(join(dir, 'long.entry')).indexOf(10);
    expect(head).toBeGreaterThan(65_536 * 2);
    const c = new ExtractCache(dir);
    const back = c.get('long')!;
    expect(c.problems).toEqual([]);
    expect(back[PART]!.part!.mentions).toHaveLength(1500);
    expect(back.ok!.events).toEqual(events);
  });
});
