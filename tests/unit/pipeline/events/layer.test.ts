// @vitest-environment node
/**
 * The event layer: mentions of one meeting from several documents become one event with the
 * meeting's span and name and every source; unlinked mentions of the same date, place and kind
 * merge; nothing is dropped; the corrections file can link, unlink and fix meetings.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadChronologyText } from '../../../../src/contract/chronology.ts';
import { LayerEvents, LayerMeetings, type Event, type Statement } from '../../../../src/contract/schema.ts';
import { DATA_DIR } from '../../../../src/pipeline/run.ts';
import { applyMeetingCorrections } from '../../../../src/pipeline/events/corrections.ts';
import { buildLayer, kindOf, namesSco } from '../../../../src/pipeline/events/layer.ts';
import { mention } from '../../../../src/pipeline/events/testing.ts';

const { meetings } = loadChronologyText(readFileSync(join(DATA_DIR, 'chronology.json'), 'utf8'));

/** A mention with one statement holding its sentence. */
function said(docId: string, start: string, sentence: string, fields: Partial<Event> = {}): { e: Event; s: Statement } {
  const sid = `${docId}:s:${start}`;
  const e = mention(start, { id: `${docId}:${start}`, docId, statementIds: [sid], ...fields });
  return {
    e,
    s: { id: sid, docId, text: sentence, start: 0, end: sentence.length, placeIds: [], eventIds: [e.id], topics: [], marks: [] },
  };
}
function layerOf(
  items: { e: Event; s: Statement }[],
  sco = true,
  forced?: Map<string, { meetingId: string | null; reason: string }>,
  ms = meetings,
) {
  const docs = new Map(items.map(({ e }) => [e.docId, { title: '', sco }]));
  return buildLayer({ mentions: items.map((x) => x.e), statements: items.map((x) => x.s), docs, meetings: ms, forced });
}

describe('the event layer', () => {
  it('merges the mentions of one summit from three documents into one event spanning the summit', () => {
    const out = layerOf([
      said('a', '2018-06-10', 'the Action Plan adopted in Qingdao on 10 June 2018', { placeId: 'qingdao-cn', topics: ['youth'] }),
      said('b', '2018-06-09', 'Leaders arrived for the Qingdao summit on 9 June 2018.', { topics: ['summit'] }),
      said('c', '2018', 'In 2018 the Qingdao summit welcomed India and Pakistan.'),
    ]);
    expect(LayerEvents.safeParse(out.layer).success).toBe(true);
    expect(out.layer).toHaveLength(1);
    const ev = out.layer[0]!;
    expect(ev).toMatchObject({
      id: 'chs-2018',
      start: '2018-06-09',
      end: '2018-06-10',
      precision: 'day',
      placeId: 'qingdao-cn',
      online: false,
      title: '18th meeting of the SCO Council of Heads of State, Qingdao',
      docIds: ['a', 'b', 'c'],
      topics: ['summit', 'youth'],
      meeting: { id: 'chs-2018', body: 'heads-of-state', ordinal: 18, format: 'in-person' },
    });
    expect(ev.statementIds).toHaveLength(3);
    // each mention keeps the text's own date and points to the event, with its own reason
    expect(out.mentions.map((m) => [m.start, m.eventId, m.link?.meetingId])).toEqual([
      ['2018-06-10', 'chs-2018', 'chs-2018'],
      ['2018-06-09', 'chs-2018', 'chs-2018'],
      ['2018', 'chs-2018', 'chs-2018'],
    ]);
    expect(ev.link?.reason).toBe('linked: the sentence names the meeting');
    expect(out.meetings.find((m) => m.id === 'chs-2018')?.mentioned).toBe(true);
    expect(out.meetings.find((m) => m.id === 'chs-2019')?.mentioned).toBe(false);
    expect(LayerMeetings.safeParse(out.meetings).success).toBe(true);
  });

  it('a summit held by video is online, and keeps its host city for the map', () => {
    const out = layerOf([
      said('a', '2020-11-10', 'the SCO Council of Heads of State held via videoconference on 10 November 2020', {
        placeId: 'moscow-ru',
        online: true,
      }),
    ]);
    expect(out.layer[0]).toMatchObject({ id: 'chs-2020', online: true, placeId: 'moscow-ru' });
  });

  it('merges unlinked mentions with the same date, place and kind, keeping the first id; others stay apart', () => {
    const out = layerOf([
      said('a', '2019-11-21', 'the 5th Meeting of the Heads of Science Ministries in Moscow on 21 November 2019', {
        placeId: 'moscow-ru',
        title: '5th Meeting of the Heads of Science Ministries, Moscow',
      }),
      said('b', '2019-11-21', 'science ministers held a meeting in Moscow on 21 November 2019', {
        placeId: 'moscow-ru',
        title: 'Meeting of science ministers, Moscow',
      }),
      said('c', '2019-11-21', 'an exhibition opened in Moscow on 21 November 2019', { placeId: 'moscow-ru', title: 'Exhibition, Moscow' }),
      said('d', '2019-11-21', 'a meeting on 21 November 2019', { title: 'Meeting' }),
      said('e', '2019-11-21', 'another meeting on 21 November 2019', { title: 'Meeting' }),
    ]);
    expect(out.layer.map((e) => [e.id, e.docIds])).toEqual([
      ['a:2019-11-21', ['a', 'b']],
      ['c:2019-11-21', ['c']],
      ['d:2019-11-21', ['d']],
      ['e:2019-11-21', ['e']],
    ]);
    expect(out.mentions.map((m) => m.eventId)).toEqual(['a:2019-11-21', 'a:2019-11-21', 'c:2019-11-21', 'd:2019-11-21', 'e:2019-11-21']);
    expect(kindOf('Regular meeting of the SCO Youth Council, Moscow')).toBe('meeting');
  });

  it('says an event is not an SCO event when no source document names the SCO', () => {
    const out = layerOf([said('un', '2023-11-27', 'The Forum met in Bangkok on 27 November 2023.', { placeId: 'bangkok-th' })], false);
    expect(out.layer[0]?.sco).toBe(false);
    expect([
      namesSco('the SCO Secretariat'),
      namesSco('Шанхайской организации сотрудничества'),
      namesSco('上合组织'),
      namesSco('disco night'),
    ]).toEqual([true, true, true, false]);
  });

  it("reports where a text dates a meeting differently, in the document's messages", () => {
    const out = layerOf([said('a', '2020-11-11', 'the Moscow summit of 11 November 2020', { dateText: '11 November 2020' })]);
    expect(out.layer[0]?.id).toBe('chs-2020');
    expect(out.mentions[0]?.start).toBe('2020-11-11');
    expect(out.messages.get('a')?.[0]).toMatch(/linked to chs-2020.*"11 November 2020".*2020-11-10/);
  });
});

describe('corrections on links and meetings', () => {
  const entries = (cs: object[]) => cs.map((c, index) => ({ index, c: c as { action: string } }));
  const qingdao = said('a', '2018-06-10', 'the Action Plan adopted in Qingdao on 10 June 2018', { placeId: 'qingdao-cn' });
  const other = said('b', '2018-03-01', 'a workshop on 1 March 2018');

  it('link and unlink override the text, and the event says it was curated', () => {
    const fixed = applyMeetingCorrections(
      meetings,
      entries([
        { action: 'unlink', mentionId: 'a:2018-06-10', reason: 'a side event, not the summit' },
        { action: 'link', mentionId: 'b:2018-03-01', meetingId: 'cfm-2018', reason: "the workshop was the ministers' meeting" },
      ]),
      'corrections.json',
      new Set(['a:2018-06-10', 'b:2018-03-01']),
    );
    expect(fixed.messages).toEqual([]);
    const out = layerOf([qingdao, other], true, fixed.forced, fixed.meetings);
    expect(out.mentions.find((m) => m.id === 'a:2018-06-10')?.link).toBeUndefined();
    const cfm = out.layer.find((e) => e.id === 'cfm-2018');
    expect(cfm).toMatchObject({ curated: true, meeting: { body: 'foreign-ministers' } });
    expect(cfm?.link?.reason).toMatch(/^linked by the corrections file: the workshop/);
  });

  it('adds, updates and removes meetings, and names each bad entry', () => {
    const added = { ...meetings.find((m) => m.id === 'chs-2018')!, id: 'chs-2030', start: '2030-06-01', end: '2030-06-02', ordinal: 30 };
    const fixed = applyMeetingCorrections(
      meetings,
      entries([
        { action: 'add-meeting', meeting: added, reason: 'announced' },
        { action: 'update-meeting', id: 'chs-2018', set: { end: '2018-06-11' }, reason: 'test' },
        { action: 'remove-meeting', id: 'chs-2019', reason: 'test' },
        { action: 'update-meeting', id: 'chs-1990', set: { end: '2018-06-11' }, reason: 'no such' },
        { action: 'update-meeting', id: 'chs-2020', set: { end: '2020-11-01' }, reason: 'end before start' },
        { action: 'link', mentionId: 'nope', meetingId: 'chs-2018', reason: 'no such mention' },
        { action: 'link', mentionId: 'a:2018-06-10', meetingId: 'chs-2019', reason: 'removed above' },
      ]),
      'corrections.json',
      new Set(['a:2018-06-10']),
    );
    expect(fixed.meetings.find((m) => m.id === 'chs-2030')?.ordinal).toBe(30);
    expect(fixed.meetings.find((m) => m.id === 'chs-2018')?.end).toBe('2018-06-11');
    expect(fixed.meetings.some((m) => m.id === 'chs-2019')).toBe(false);
    expect(fixed.messages).toEqual([
      'corrections.json entry 3 (update-meeting): no meeting with id "chs-1990"; skipped',
      expect.stringMatching(/^corrections\.json entry 4 \(update-meeting\): end: .*before start.*; skipped$/),
      'corrections.json entry 5 (link): no mention (events.json record) with id "nope"; skipped',
      'corrections.json entry 6 (link): no meeting with id "chs-2019"; skipped',
    ]);
  });
});
