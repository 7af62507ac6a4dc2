// @vitest-environment node
/**
 * The six documents of the walk-through (tests/fixtures/walk/, composed for the tests; what a careful
 * reader expects of each is in its README), read as the page reads them (.txt, .html, .docx through
 * mammoth, .pdf through pdf.js: src/app/documents/read-file.ts) and extracted by the pipeline as one
 * folder. Asserted: only what a careful reader is sure of. What the pipeline gets wrong today is
 * `it.fails`, with the reason; each is reported in the README.
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from '../../../src/app/documents/read-file.ts';
import type { Outputs } from '../../../src/pipeline/run.ts';
import { runPipeline } from '../../../src/pipeline/run.ts';

const WALK = join(import.meta.dirname, '../../fixtures/walk');
const tmp = mkdtempSync(join(tmpdir(), 'sco-walk-'));
let o: Outputs;

beforeAll(async () => {
  const dir = join(tmp, 'in');
  mkdirSync(dir);
  for (const f of readdirSync(WALK).filter((n) => /\.(txt|html|docx|pdf)$/.test(n))) {
    const read = await readFile(f, new Uint8Array(readFileSync(join(WALK, f))));
    if (read.kind !== 'text') throw new Error(`${f}: ${read.kind === 'failed' ? read.message : 'not a text'}`);
    writeFileSync(join(dir, f.replace(/\.\w+$/, '.txt')), read.text);
  }
  o = runPipeline(dir);
}, 60_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A document's events as [start, end, place, online, the chronology meeting it is linked to]. */
const at = (docId: string) =>
  o.events.filter((e) => e.docId === docId).map((e) => [e.start, e.end ?? null, e.placeId, e.online, e.link?.meetingId ?? null]);
const published = (docId: string) => o.documents.find((d) => d.id === docId)?.published;
const statement = (docId: string, has: string) => o.statements.find((s) => s.docId === docId && s.text.includes(has));

describe('en: a news report with a dateline (PANAJI, India, May 5, 2023)', () => {
  it('is dated by its dateline, and the July summit is the New Delhi summit held by video', () => {
    expect(published('en-goa-news')).toBe('2023-05-05');
    expect(at('en-goa-news')).toContainEqual(['2023-07-04', null, 'new-delhi-in', true, 'chs-2023']);
  });
  it.fails(
    'the foreign ministers in Goa on 4–5 May are the chronology meeting, in Goa (today: no place, not linked; the chronology has no place id for Goa)',
    () => {
      expect(at('en-goa-news')).toContainEqual(['2023-05-04', '2023-05-05', 'panaji-in', false, 'cfm-2023']);
    },
  );
  it('no summit in Panaji: the dateline city is not where the July summit was', () => {
    expect(at('en-goa-news').filter(([start, , place]) => String(start).startsWith('2023-07') && place === 'panaji-in')).toEqual([]);
  });
});

describe('en: a speech transcript (Astana, 4 July 2024), a web page', () => {
  it('finds the three summits it names, each linked to the chronology', () => {
    const events = at('en-speech-astana');
    expect(events).toContainEqual(['2022-09-15', '2022-09-16', 'samarkand-uz', false, 'chs-2022']);
    expect(events).toContainEqual(['2023-07-04', null, null, true, 'chs-2023']);
    expect(events).toContainEqual(['2024-07-04', null, 'astana-kz', false, 'chs-2024']);
  });
  it('is dated by the line under its heading, "Astana, 4 July 2024 — as delivered"', () => {
    expect(published('en-speech-astana')).toBe('2024-07-04');
  });
});

describe('ru: a press release of a ministerial meeting, a Word document', () => {
  it('finds the foreign ministers in Astana on 21 May 2024 (the chronology meeting) and the defence ministers on 26 April', () => {
    const events = at('ru-cfm-astana');
    expect(events).toContainEqual(['2024-05-21', null, 'astana-kz', false, 'cfm-2024']);
    expect(events).toContainEqual(['2024-04-26', null, 'astana-kz', false, null]);
  });
  it.fails('finds the coming summit "в Астане 3–4 июля 2024 года" (today: no event; the sentence yields nothing)', () => {
    expect(at('ru-cfm-astana')).toContainEqual(['2024-07-03', '2024-07-04', 'astana-kz', false, 'chs-2024']);
  });
});

describe('ru: an analytical note of 26 September 2023, with relative dates', () => {
  it('dates itself, the summit "4 июля" held by video, and "в прошлом году в Самарканде" as 2022 in Samarkand', () => {
    expect(published('ru-note')).toBe('2023-09-26');
    const events = at('ru-note');
    expect(events).toContainEqual(['2023-07-04', null, null, true, 'chs-2023']);
    expect(events).toContainEqual(['2022', null, 'samarkand-uz', false, null]);
  });
  it('"Через месяц в Бишкеке" is October 2023 in Bishkek', () => {
    expect(at('ru-note').some(([start, , place]) => String(start).startsWith('2023-10') && place === 'bishkek-kg')).toBe(true);
  });
});

describe('zh: an embassy statement of 2023年7月5日', () => {
  it('dates itself and links 2023年7月4日 to the New Delhi summit held by video', () => {
    expect(published('zh-embassy')).toBe('2023-07-05');
    expect(at('zh-embassy')).toContainEqual(['2023-07-04', null, null, true, 'chs-2023']);
  });
  it('reads 7月4日至5日 as a range in New Delhi', () => {
    expect(at('zh-embassy').map(([s, e, p]) => [s, e, p])).toContainEqual(['2023-07-04', '2023-07-05', 'new-delhi-in']);
  });
  it.fails('the photo exhibition of 7月4日至5日 is not the summit (today: linked to chs-2023, "the sentence names the meeting")', () => {
    expect(at('zh-embassy')).toContainEqual(['2023-07-04', '2023-07-05', 'new-delhi-in', false, null]);
  });
  it('去年9月 撒马尔罕峰会 is September 2022 in Samarkand', () => {
    expect(at('zh-embassy').some(([start, , place]) => String(start).startsWith('2022-09') && place === 'samarkand-uz')).toBe(true);
  });
});

describe('zh: a Xinhua-style item, 新华社阿斯塔纳7月4日电, printed to PDF', () => {
  it('takes the year from the 24th council and links the summit and the foreign ministers to the chronology', () => {
    const events = at('zh-xinhua-astana');
    expect(events).toContainEqual(['2024-07-04', null, 'astana-kz', false, 'chs-2024']);
    expect(events).toContainEqual(['2024-05-21', null, 'astana-kz', false, 'cfm-2024']);
  });
  it('会议于3日至4日举行 is 3–4 July', () => {
    expect(at('zh-xinhua-astana').map(([s, e]) => [s, e])).toContainEqual(['2024-07-03', '2024-07-04']);
  });
  it('a sentence broken across two printed lines stays whole', () => {
    expect(statement('zh-xinhua-astana', '喀什')?.text).toBe('上合组织地方领导人论坛6月在喀什举行。');
  });
});
