// @vitest-environment node
/**
 * The corrections file's entries on events as a person sees them (issue 12): `merge-events` makes two
 * events one (one mark, one card, every source and statement under one name), `detach-statement`
 * takes a sentence away from an event it does not belong to, `link` ties an event to a chronology
 * meeting. Each goes through the one code path the CLI and the page share (buildEventLayer); a bad
 * entry is named by file, entry and field, and one naming a record that is gone is reported as stale.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadChronologyText } from '../../../src/contract/chronology.ts';
import { LayerEvents, type Event, type Statement } from '../../../src/contract/schema.ts';
import { parseCorrections } from '../../../src/pipeline/corrections.ts';
import { buildEventLayer } from '../../../src/pipeline/events/index.ts';
import { mention } from '../../../src/pipeline/events/testing.ts';
import { DATA_DIR } from '../../../src/pipeline/run.ts';

const chronology = loadChronologyText(readFileSync(join(DATA_DIR, 'chronology.json'), 'utf8'));

/** Two documents: a forum in Tashkent on 3 May 2023 (doc a), the same forum dated a day later in Samarkand (doc b). */
function corpus() {
  const mentions: Event[] = [
    mention('2023-05-03', {
      id: 'a:2023-05-03',
      docId: 'a',
      placeId: 'tashkent-uz',
      title: 'SCO Youth Forum',
      statementIds: ['a:s:0', 'a:s:40'],
    }),
    mention('2023-05-04', { id: 'b:2023-05-04', docId: 'b', placeId: 'samarkand-uz', title: 'Youth forum', statementIds: ['b:s:0'] }),
    mention('2019-06-14', { id: 'c:2019-06-14', docId: 'c', placeId: 'bishkek-kg', title: 'Talks', statementIds: ['c:s:0'] }),
  ];
  const st = (id: string, docId: string, text: string, eventIds: string[], placeIds: string[] = []): Statement => ({
    id,
    docId,
    text,
    start: Number(id.split(':')[2]),
    end: Number(id.split(':')[2]) + text.length,
    placeIds,
    eventIds,
    topics: [],
    marks: [],
  });
  const statements = [
    st('a:s:0', 'a', 'The SCO Youth Forum opened in Tashkent on 3 May 2023.', ['a:2023-05-03'], ['tashkent-uz']),
    st('a:s:40', 'a', 'A fair was held in Tashkent on 3 May 2023 as well.', ['a:2023-05-03'], ['tashkent-uz']),
    st('b:s:0', 'b', 'The youth forum of the SCO met on 4 May 2023.', ['b:2023-05-04']),
    st('c:s:0', 'c', 'Talks were held in Bishkek on 14 June 2019.', ['c:2019-06-14'], ['bishkek-kg']),
  ];
  return { mentions, statements };
}

function run(entries: unknown[]) {
  const { mentions, statements } = corpus();
  const loaded = parseCorrections(JSON.stringify({ corrections: entries }), 'corrections.json');
  const out = buildEventLayer({
    mentions,
    statements,
    documents: ['a', 'b', 'c'].map((id) => ({ id, title: '' })),
    texts: new Map(['a', 'b', 'c'].map((id) => [id, 'SCO'])),
    chronology,
    corrections: loaded.entries,
    correctionsFile: 'corrections.json',
  });
  return { ...out, parseMessages: loaded.messages };
}

describe('merge-events', () => {
  it('makes two events one: the first mention names it, both sources and all statements are under it', () => {
    const before = run([]);
    expect(before.layer).toHaveLength(3);
    const out = run([{ action: 'merge-events', mentionIds: ['a:2023-05-03', 'b:2023-05-04'], reason: 'one forum' }]);
    expect(out.correctionMessages).toEqual([]);
    expect(LayerEvents.safeParse(out.layer).success).toBe(true);
    // As written: the run does not check the layer again (run.ts), so its fields must be in the contract's order.
    expect(JSON.stringify(LayerEvents.parse(out.layer))).toBe(JSON.stringify(out.layer));
    expect(out.layer).toHaveLength(2);
    const forum = out.layer.find((e) => e.id === 'a:2023-05-03')!;
    expect(forum).toMatchObject({
      start: '2023-05-03',
      placeId: 'tashkent-uz',
      title: 'SCO Youth Forum',
      docIds: ['a', 'b'],
      mentionIds: ['a:2023-05-03', 'b:2023-05-04'],
      statementIds: ['a:s:0', 'a:s:40', 'b:s:0'],
      curated: true,
      reason: 'one forum',
    });
    // Each mention keeps its own date and place, and points to the one event.
    expect(out.mentions.find((m) => m.id === 'b:2023-05-04')).toMatchObject({ start: '2023-05-04', eventId: 'a:2023-05-03' });
  });

  it('the order of the ids chooses the name: the first one named gives date, place and title', () => {
    const out = run([{ action: 'merge-events', mentionIds: ['b:2023-05-04', 'a:2023-05-03'], reason: 'one forum' }]);
    const forum = out.layer.find((e) => e.mentionIds.includes('a:2023-05-03'))!;
    expect(forum).toMatchObject({ id: 'b:2023-05-04', start: '2023-05-04', placeId: 'samarkand-uz', title: 'Youth forum' });
    expect(forum.mentionIds).toEqual(['a:2023-05-03', 'b:2023-05-04']);
  });

  it('an event merged with one linked to a meeting becomes the meeting', () => {
    const out = run([
      { action: 'link', mentionId: 'c:2019-06-14', meetingId: 'chs-2019', reason: 'the Bishkek summit' },
      { action: 'merge-events', mentionIds: ['a:2023-05-03', 'c:2019-06-14'], reason: 'same event' },
    ]);
    const ev = out.layer.find((e) => e.mentionIds.includes('a:2023-05-03'))!;
    expect(ev).toMatchObject({ id: 'chs-2019', start: '2019-06-13', end: '2019-06-14', meeting: { id: 'chs-2019' } });
  });

  it('a merge naming a mention that is gone is stale: named by file, entry and id, and the others still apply', () => {
    const out = run([
      { action: 'merge-events', mentionIds: ['a:2023-05-03', 'gone:2020-01-01'], reason: 'x' },
      { action: 'detach-statement', statementId: 'a:s:40', mentionId: 'a:2023-05-03', reason: 'a fair, not the forum' },
    ]);
    expect(out.correctionMessages).toEqual([
      'corrections.json entry 0 (merge-events): no mention (events.json record) with id "gone:2020-01-01"; skipped',
    ]);
    expect(out.layer).toHaveLength(3);
    expect(out.layer.find((e) => e.id === 'a:2023-05-03')!.statementIds).toEqual(['a:s:0']);
  });

  it('a malformed merge is named by file, entry and field', () => {
    const { parseMessages } = run([
      { action: 'merge-events', mentionIds: ['a:2023-05-03'], reason: 'x' },
      { action: 'merge-events', mentionIds: ['a:2023-05-03', 'a:2023-05-03'], reason: 'x' },
      { action: 'merge-events', mentionIds: ['a:2023-05-03', 'b:2023-05-04'] },
    ]);
    expect(parseMessages).toHaveLength(3);
    expect(parseMessages[0]).toMatch(/^corrections\.json entry 0: mentionIds: name at least two mentions/);
    expect(parseMessages[1]).toMatch(/^corrections\.json entry 1: mentionIds: a mention is named twice/);
    expect(parseMessages[2]).toMatch(/^corrections\.json entry 2: reason/);
  });
});

describe('detach-statement', () => {
  it('the statement no longer counts for the event, and still counts for its place', () => {
    const out = run([{ action: 'detach-statement', statementId: 'a:s:40', mentionId: 'a:2023-05-03', reason: 'a fair, not the forum' }]);
    expect(out.correctionMessages).toEqual([]);
    const forum = out.layer.find((e) => e.id === 'a:2023-05-03')!;
    expect(forum.statementIds).toEqual(['a:s:0']);
    expect(forum).toMatchObject({ curated: true, reason: 'a fair, not the forum' });
    expect(out.mentions.find((m) => m.id === 'a:2023-05-03')!.statementIds).toEqual(['a:s:0']);
    const fair = out.statements.find((s) => s.id === 'a:s:40')!;
    expect(fair.eventIds).toEqual([]);
    expect(fair.placeIds).toEqual(['tashkent-uz']);
    // The other statements are the same records as given.
    expect(out.statements.find((s) => s.id === 'a:s:0')!.eventIds).toEqual(['a:2023-05-03']);
  });

  it('is stale when the statement, the mention, or the link between them is gone', () => {
    const out = run([
      { action: 'detach-statement', statementId: 'a:s:999', mentionId: 'a:2023-05-03', reason: 'x' },
      { action: 'detach-statement', statementId: 'a:s:40', mentionId: 'gone:2020', reason: 'x' },
      { action: 'detach-statement', statementId: 'b:s:0', mentionId: 'a:2023-05-03', reason: 'x' },
    ]);
    expect(out.correctionMessages).toEqual([
      'corrections.json entry 0 (detach-statement): no statement with id "a:s:999"; skipped',
      'corrections.json entry 1 (detach-statement): no mention (events.json record) with id "gone:2020"; skipped',
      'corrections.json entry 2 (detach-statement): statement "b:s:0" is not under mention "a:2023-05-03"; skipped',
    ]);
    expect(out.layer.find((e) => e.id === 'a:2023-05-03')!.statementIds).toEqual(['a:s:0', 'a:s:40']);
  });

  it('a malformed detach is named by file, entry and field', () => {
    const { parseMessages } = run([{ action: 'detach-statement', statementId: 'a:s:40', reason: 'x' }]);
    expect(parseMessages).toEqual([expect.stringMatching(/^corrections\.json entry 0: mentionId: .*; skipped$/)]);
  });
});

describe('link from the page', () => {
  it('links an unlinked mention to the chosen meeting; unlink keeps a linked one apart', () => {
    const linked = run([{ action: 'link', mentionId: 'c:2019-06-14', meetingId: 'chs-2019', reason: 'the Bishkek summit' }]);
    expect(linked.layer.find((e) => e.mentionIds.includes('c:2019-06-14'))).toMatchObject({
      id: 'chs-2019',
      title: '19th meeting of the SCO Council of Heads of State, Bishkek',
      meeting: { id: 'chs-2019', ordinal: 19 },
    });
  });
});

describe("the README's merge and detach example", () => {
  it('is a valid corrections file', () => {
    const readme = readFileSync(join(import.meta.dirname, '../../../README.md'), 'utf8');
    const block = /```json\n(\{\s*"corrections": \[\s*\{\s*"action": "merge-events"[\s\S]*?)```/.exec(readme)?.[1];
    expect(block).toBeDefined();
    const r = parseCorrections(block!, 'corrections.json');
    expect(r.messages).toEqual([]);
    expect(r.entries.map((e) => e.c.action)).toEqual(['merge-events', 'detach-statement']);
  });
});
