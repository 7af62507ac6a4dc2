// @vitest-environment node
/**
 * A person edits a data file by hand and gets it wrong: the tool says which file and which entry, in
 * words, instead of "Unexpected end of JSON input", "file.places is not iterable" or a zod dump. The
 * pipeline stops on its own configuration (data/gazetteer.json, data/topics.json); the app keeps
 * working without a bad membership.json or story.json and says so in a notice.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { checkMembershipFile } from '../../../src/contract/bundled.ts';
import { readStoryFile } from '../../../src/app/present/story-read.ts';
import { parseCorrections } from '../../../src/pipeline/corrections.ts';
import { DATA_DIR, loadData } from '../../../src/pipeline/run.ts';
import {
  AliasesFile,
  checkData,
  checkDataFile,
  DataFileError,
  GazetteerFile,
  GazetteerIncludeFile,
  MembershipFile,
  PlaceNamesRuZhFile,
  PlaceStoplistFile,
  StoryFile,
  TopicsFile,
} from '../../../src/contract/data-files.ts';

const data = (name: string) => readFileSync(join(DATA_DIR, name), 'utf8');
const tmp = mkdtempSync(join(tmpdir(), 'sco-data-files-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A copy of the project's data folder with one file replaced. */
function dataDirWith(name: string, text: string): string {
  const dir = mkdtempSync(join(tmp, 'data-'));
  cpSync(DATA_DIR, dir, { recursive: true });
  writeFileSync(join(dir, name), text);
  return dir;
}

function problems<T>(r: { ok: true; data: T } | { ok: false; problems: string[] }): string[] {
  return r.ok ? [] : r.problems;
}

describe("the project's own data files fit their schemas", () => {
  const files: [string, z.ZodType<unknown>][] = [
    ['gazetteer.json', GazetteerFile],
    ['topics.json', TopicsFile],
    ['aliases.json', AliasesFile],
    ['place-stoplist.json', PlaceStoplistFile],
    ['gazetteer-include.json', GazetteerIncludeFile],
    ['membership.json', MembershipFile],
    ['story.json', StoryFile],
    ['place-names-ru-zh.json', PlaceNamesRuZhFile],
  ];
  it.each(files.filter(([name]) => existsSync(join(DATA_DIR, name))))('data/%s', (name, schema) => {
    expect(problems(checkDataFile(`data/${name}`, schema, data(name)))).toEqual([]);
  });
});

describe('data/topics.json edited wrongly: the file and the entry are named', () => {
  const topics = JSON.parse(data('topics.json')) as { topics: Record<string, unknown>[] };

  it('keywords written as one string', () => {
    const bad = structuredClone(topics);
    bad.topics[3]!.keywords = 'terrorism';
    expect(problems(checkDataFile('data/topics.json', TopicsFile, JSON.stringify(bad)))).toEqual([
      'data/topics.json: topics[3].keywords: expected an array of strings',
    ]);
  });

  it('a misspelt key, a topic id that is not a slug and one used twice', () => {
    const bad = structuredClone(topics);
    bad.topics[0]!.keyword = ['x'];
    bad.topics[1]!.id = 'Trade Deals';
    bad.topics[2]!.id = bad.topics[4]!.id;
    expect(problems(checkDataFile('data/topics.json', TopicsFile, JSON.stringify(bad)))).toEqual([
      'data/topics.json: topics[0]: unknown key "keyword"',
      'data/topics.json: topics[1].id: use lower-case letters, digits and hyphens',
      `data/topics.json: topics[4]: topic id "${String(bad.topics[4]!.id)}" is already used by entry 2`,
    ]);
  });

  it('the CLI (npm run extract) prints that one message and exits 2 (a copy of the project with the bad file)', () => {
    const root = mkdtempSync(join(tmp, 'project-'));
    for (const d of ['src', 'data'])
      cpSync(join(DATA_DIR, '..', d), join(root, d), { recursive: true, filter: (f) => !f.includes('node_modules') });
    cpSync(join(DATA_DIR, '..', 'package.json'), join(root, 'package.json'));
    symlinkSync(join(DATA_DIR, '..', 'node_modules'), join(root, 'node_modules'));
    const bad = structuredClone(topics);
    bad.topics[3]!.keywords = 'terrorism';
    writeFileSync(join(root, 'data', 'topics.json'), JSON.stringify(bad));
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/pipeline/cli.ts', '--quiet', '--out', join(root, 'out')], {
      cwd: root,
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(r.stderr.trim()).toBe('extract: data/topics.json: topics[3].keywords: expected an array of strings');
    expect(r.status).toBe(2);
  }, 150_000);

  it('the pipeline stops with that one message (the CLI prints it and exits 2)', () => {
    const bad = structuredClone(topics);
    bad.topics[3]!.keywords = 'terrorism';
    const dir = dataDirWith('topics.json', JSON.stringify(bad));
    expect(() => loadData(dir)).toThrow(DataFileError);
    expect(() => loadData(dir)).toThrow(/^\S*topics\.json: topics\[3\]\.keywords: expected an array of strings$/);
  });
});

describe('data/gazetteer.json broken: named, with the line or the entry', () => {
  const text = data('gazetteer.json');

  it('cut short (a failed download or copy) gives the line where it ends, not "Unexpected end of JSON input"', () => {
    const cut = text.slice(0, 2000);
    const [message] = problems(checkDataFile('data/gazetteer.json', GazetteerFile, cut));
    const line = cut.split('\n').length;
    expect(message).toBe(
      `data/gazetteer.json: not valid JSON: the file ends before the JSON is complete (cut short at line ${line}, column ${cut.length - cut.lastIndexOf('\n')})`,
    );
    const dir = dataDirWith('gazetteer.json', cut);
    expect(() => loadData(dir)).toThrow(/gazetteer\.json: not valid JSON: the file ends before/);
  });

  it('a comma missing between two places is pointed at by line and column', () => {
    const lines = text.split('\n');
    const i = lines.findIndex((l) => l.includes('"id":"aachen-de"'));
    lines[i] = lines[i]!.replace(/,$/, '');
    expect(problems(checkDataFile('data/gazetteer.json', GazetteerFile, lines.join('\n')))).toEqual([
      `data/gazetteer.json: not valid JSON at line ${i + 2}, column 5: ',' was expected`,
    ]);
  });

  it('"places" that is not a list, instead of "file.places is not iterable"', () => {
    const dir = dataDirWith('gazetteer.json', JSON.stringify({ source: 'GeoNames', places: {} }));
    expect(() => loadData(dir)).toThrow(/gazetteer\.json: places: expected an array, got an object$/);
  });

  it('a place with a latitude off the globe and one with no name', () => {
    const file = JSON.parse(text) as { places: Record<string, unknown>[] };
    file.places[5]!.lat = 123;
    delete file.places[6]!.name;
    expect(problems(checkDataFile('data/gazetteer.json', GazetteerFile, JSON.stringify(file)))).toEqual([
      'data/gazetteer.json: places[5].lat: must be at most 90, got 123',
      'data/gazetteer.json: places[6].name: missing (expected a string)',
    ]);
  });

  it('two places with one id (the second would silently replace the first)', () => {
    const file = JSON.parse(text) as { places: Record<string, unknown>[] };
    file.places[8]!.id = file.places[7]!.id;
    expect(problems(checkDataFile('data/gazetteer.json', GazetteerFile, JSON.stringify(file)))).toEqual([
      `data/gazetteer.json: places[8]: id "${String(file.places[7]!.id)}" is already used by entry 7`,
    ]);
  });

  it('fields a newer gazetteer builder adds pass through to the pipeline', () => {
    const file = JSON.parse(text) as { places: Record<string, unknown>[] };
    file.places[0]!.namesRu = ['А-Корунья'];
    const r = checkData('data/gazetteer.json', GazetteerFile, file);
    expect(r.ok && (r.data.places[0] as Record<string, unknown>).namesRu).toEqual(['А-Корунья']);
  });

  it('a byte-order mark left by an editor is not an error; an empty file is named as empty', () => {
    expect(checkDataFile('data/story.json', StoryFile, `\uFEFF${data('story.json')}`).ok).toBe(true);
    expect(problems(checkDataFile('data/story.json', StoryFile, '  \n'))).toEqual(['data/story.json: the file is empty (expected JSON)']);
  });
});

describe("the gazetteer builder's inputs", () => {
  it('aliases, stoplist and include list: entries named', () => {
    expect(
      problems(
        checkData('data/aliases.json', AliasesFile, {
          places: [{ name: 'Astana', country: 'Kazakhstan', aliases: [{ name: 'Akmola', from: '1992' }], source: 'x' }],
        }),
      ),
    ).toEqual([
      'data/aliases.json: places[0].country: expected a two-letter country code such as "KZ"',
      'data/aliases.json: places[0].aliases[0].from: expected a number, got "1992"',
    ]);
    expect(problems(checkData('data/place-stoplist.json', PlaceStoplistFile, { names: 'Aurora' }))).toEqual([
      'data/place-stoplist.json: names: expected an array of strings',
    ]);
    expect(problems(checkData('data/gazetteer-include.json', GazetteerIncludeFile, { places: [['Sochi', 'RU'], ['Qingdao']] }))).toEqual([
      'data/gazetteer-include.json: places[1]: expected ["Name", "CC"]',
    ]);
  });
});

describe('corrections.json', () => {
  it('a date that is not in the calendar names its entry and the others still apply (no "Invalid time value")', () => {
    const c = parseCorrections(
      JSON.stringify({
        corrections: [
          { action: 'add-event', docId: 'd', start: '2020-13-01', title: 'T', reason: 'r' },
          { action: 'update-event', id: 'e', set: { start: '99999-01-01' }, reason: 'r' },
          { action: 'update-event', id: 'e', set: { start: '2022-02-31' }, reason: 'r' },
          { action: 'remove-event', id: 'e', reason: 'r' },
        ],
      }),
      'corrections.json',
    );
    expect(c.entries.map((e) => e.index)).toEqual([3]);
    expect(c.messages).toHaveLength(3);
    expect(c.messages[0]).toMatch(/^corrections\.json entry 0: start: /);
    expect(c.messages[1]).toMatch(/^corrections\.json entry 1: set\.start: /);
    expect(c.messages[2]).toBe('corrections.json entry 2: set.start: not a real calendar date; skipped');
  });
});

describe('corrections.json: the frame and the entries in plain words', () => {
  it('a missing comma is pointed at by line and column; nothing is applied', () => {
    const c = parseCorrections('{ "corrections": [\n  { "action": "remove-event" "id": "x", "reason": "r" }\n] }', 'corrections.json');
    expect(c.entries).toEqual([]);
    expect(c.messages).toEqual(["corrections.json: not valid JSON at line 2, column 30: ',' was expected; no corrections applied"]);
  });

  it('an action that does not exist lists the ones that do; an entry without a reason says so', () => {
    const c = parseCorrections(
      JSON.stringify({
        corrections: [
          { action: 'delete-event', id: 'x', reason: 'r' },
          { action: 'remove-event', id: 'x' },
        ],
      }),
      'corrections.json',
    );
    expect(c.messages[0]).toMatch(
      /^corrections\.json entry 0: action: expected "add-event" or "remove-event" or .*, got "delete-event"; skipped$/,
    );
    expect(c.messages[1]).toBe('corrections.json entry 1: reason: missing (expected a string); skipped');
  });
});

describe('data/membership.json in the app: a bad state is a notice, the other states still colour the map', () => {
  const file = JSON.parse(data('membership.json')) as {
    sources: Record<string, string>;
    states: { id: string; periods: Record<string, unknown>[] }[];
  };

  it('as shipped: every state, no notice', () => {
    const m = checkMembershipFile(file);
    expect(m.notices).toEqual([]);
    expect(m.states).toHaveLength(file.states.length);
  });

  it('one state with a date that is not a day and a source that is not listed', () => {
    const bad = structuredClone(file);
    bad.states[2]!.periods[0]!.from = '2001-02-30';
    bad.states[4]!.periods[0]!.source = 'dushanbe2031';
    const m = checkMembershipFile(bad);
    expect(m.notices).toEqual([
      `data/membership.json: states[2].periods[0].from: 2001-02-30 is not a calendar date; ${bad.states[2]!.id} left uncoloured`,
      `data/membership.json: states[4].periods[0].source: "dushanbe2031" is not a key of "sources"; ${bad.states[4]!.id} left uncoloured`,
    ]);
    expect(m.states.map((s) => s.id)).toEqual(file.states.map((s) => s.id).filter((_, i) => i !== 2 && i !== 4));
  });

  it('a file that is not membership data at all: one notice, no colours, nothing thrown', () => {
    const m = checkMembershipFile({ states: 'none' });
    expect(m.states).toEqual([]);
    expect(m.notices[0]).toMatch(/^data\/membership\.json: /);
    expect(m.notices.at(-1)).toBe('data/membership.json could not be used; the map shows no SCO membership');
  });
});

describe('story.json in the app', () => {
  it('a bad step is skipped with a notice naming it; the good steps stay', async () => {
    const r = await readStoryFile(
      JSON.stringify({
        title: 'T',
        steps: [{ date: '2018-06-10', place: 'Qingdao' }, { date: '10 June 2019' }, { caption: 'no event named' }],
      }),
    );
    expect(r.file).toEqual({ title: 'T', steps: [{ date: '2018-06-10', place: 'Qingdao' }] });
    expect(r.notices).toEqual([
      'story.json: steps[1].date: expected YYYY, YYYY-MM or YYYY-MM-DD; step 2 skipped',
      'story.json: steps[2]: a step needs event, date, place or title; step 3 skipped',
    ]);
  });

  it('not JSON: named with its line, and every event is shown instead', async () => {
    const r = await readStoryFile('{ "steps": [ { "date": "2018" } ');
    expect(r.file).toBeNull();
    expect(r.notices).toEqual([
      'story.json: not valid JSON: the file ends before the JSON is complete (cut short at line 1, column 32); showing every event instead',
    ]);
  });

  it("a static host's index.html in place of a missing story.json is no story, and no notice", async () => {
    expect(await readStoryFile('<!doctype html><html></html>')).toEqual({ file: null, notices: [] });
  });
});
