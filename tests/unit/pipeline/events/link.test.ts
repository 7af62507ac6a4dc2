// @vitest-environment node
/**
 * Linking a document's dated mention to a meeting of the reference chronology: only when the text
 * supports it (a document of the meeting, its name or ordinal, or its date and place), with the
 * reason the app shows, and never on a date alone.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadChronologyText } from '../../../../src/contract/chronology.ts';
import type { Event } from '../../../../src/contract/schema.ts';
import { DATA_DIR } from '../../../../src/pipeline/run.ts';
import { disagreement, linkMention, ordinalsNamed, REASONS, zhNumber } from '../../../../src/pipeline/events/link.ts';
import { mention } from '../../../../src/pipeline/events/testing.ts';

const { meetings, problems } = loadChronologyText(readFileSync(join(DATA_DIR, 'chronology.json'), 'utf8'));

const link = (e: Event, sentence: string, docTitle = '') => linkMention(e, { sentences: [sentence], docTitle }, meetings);

describe('linking a mention to the chronology', () => {
  it('reads the chronology without problems', () => expect(problems).toEqual([]));

  it('links "adopted in Qingdao on 10 June 2018" by date and place to the Qingdao summit', () => {
    const l = link(mention('2018-06-10', { placeId: 'qingdao-cn' }), 'the Action Plan (adopted in Qingdao on 10 June 2018)');
    expect(l?.meeting.id).toBe('chs-2018');
    expect(l?.reason).toBe(REASONS.datePlace);
  });

  it('links a day beside the span (the day before a summit) but not two days off', () => {
    expect(link(mention('2019-06-12', { placeId: 'bishkek-kg' }), 'ministers met in Bishkek on 12 June 2019')?.meeting.id).toBe('chs-2019');
    expect(link(mention('2019-06-11', { placeId: 'bishkek-kg' }), 'ministers met in Bishkek on 11 June 2019')).toBeNull();
  });

  it('does not link on the date alone, nor at another place the same day', () => {
    expect(link(mention('2018-06-10'), 'On 10 June 2018 the exhibition opened.')).toBeNull();
    expect(link(mention('2018-06-10', { placeId: 'beijing-cn' }), 'On 10 June 2018 the exhibition opened in Beijing.')).toBeNull();
  });

  it('does not link an exhibition of three months that starts on a meeting day', () => {
    expect(
      link(
        mention('2020-11-30', { end: '2021-02-28', placeId: 'new-delhi-in', online: true }),
        'an online exhibition in New Delhi from 30 November 2020 through 28 February 2021',
      ),
    ).toBeNull();
  });

  it('links a year-only mention that names the meeting ("In 2019 the Bishkek summit ...")', () => {
    const l = link(mention('2019'), 'In 2019 the Bishkek summit adopted a declaration.');
    expect(l?.meeting.id).toBe('chs-2019');
    expect(l?.reason).toBe(REASONS.name);
  });

  it('links by ordinal: "the organization\'s 24th summit on July 4"', () => {
    expect(link(mention('2024-07-04'), "during the organization's 24th summit on July 4")?.meeting.id).toBe('chs-2024');
    expect(ordinalsNamed('the 18th meeting of the Council of Heads of Government')).toEqual([{ body: 'heads-of-government', ordinal: 18 }]);
    expect(ordinalsNamed('上海合作组织成员国元首理事会第二十四次会议')).toEqual([{ body: 'heads-of-state', ordinal: 24 }]);
    expect([zhNumber('十八'), zhNumber('二十'), zhNumber('二十四'), zhNumber('九')]).toEqual([18, 20, 24, 9]);
  });

  it('links by a document the meeting adopted, and tells 2017 Astana from 2024 Astana by the date', () => {
    const l = link(mention('2024-07-04'), 'The leaders signed the Astana Declaration on 4 July 2024.');
    expect(l).toMatchObject({ meeting: { id: 'chs-2024' }, reason: REASONS.document });
    expect(link(mention('2017-06'), 'the Astana Declaration of June 2017')?.meeting.id).toBe('chs-2017');
  });

  it("a document title naming the meeting's declaration links the declaration's own date", () => {
    const e = mention('2020-11-10', { placeId: 'moscow-ru', online: true });
    const l = link(
      e,
      'following the meeting of the SCO Council of Heads of State held via videoconference on 10 November 2020',
      'The Moscow Declaration of the Council of Heads of State',
    );
    expect(l).toMatchObject({ meeting: { id: 'chs-2020' }, reason: REASONS.document });
    // but not a year named anywhere else in that document
    expect(link(mention('2020'), 'In 2020 the world marked the 75th anniversary of the UN.', 'The Moscow Declaration')).toBeNull();
  });

  it('links a videoconference on the meeting day when the meeting was held by video', () => {
    expect(link(mention('2020-11-10', { online: true }), 'the leaders met via videoconference on 10 November 2020')?.reason).toBe(
      REASONS.dateOnline,
    );
    expect(link(mention('2018-06-10', { online: true }), 'an online forum on 10 June 2018')).toBeNull();
  });

  it('matches Russian names through their endings and Chinese names without spaces', () => {
    expect(link(mention('2019'), 'В 2019 году на Бишкекском саммите ШОС была принята декларация.')?.meeting.id).toBe('chs-2019');
    expect(link(mention('2019-06-14'), 'Участники саммита ШОС в Бишкеке 14 июня 2019 года подписали документы.')?.meeting.id).toBe(
      'chs-2019',
    );
    expect(link(mention('2018-06'), '2018年6月，上合组织青岛峰会通过了宣言。')?.meeting.id).toBe('chs-2018');
  });

  it('a name with a date that does not agree links nothing', () => {
    expect(link(mention('2020-11-10'), 'implementing the Qingdao Declaration, they met on 10 November 2020')).toBeNull();
  });

  it('says where a linked text dates the meeting differently; the mention keeps its date', () => {
    const e = mention('2020-11-11', { dateText: '11 November 2020', placeId: 'moscow-ru' });
    const l = link(e, 'the Moscow summit of 11 November 2020');
    expect(l?.meeting.id).toBe('chs-2020');
    expect(disagreement(e, l!.meeting)).toMatch(/chs-2020.*"11 November 2020".*2020-11-10/);
    expect(disagreement(mention('2020-11-10', { placeId: 'moscow-ru' }), l!.meeting)).toBeNull();
  });
});
