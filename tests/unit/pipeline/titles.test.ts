// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { abbreviate, reportTitle } from '../../../src/pipeline/doc-titles.ts';
import { eventTitle, titleFromPrefix, titleFromSuffix } from '../../../src/pipeline/titles.ts';

describe('titles: a short label from the words around the date', () => {
  it('takes the name of the meeting before the date', () => {
    expect(
      titleFromPrefix(
        'They welcomed the results of the 5th Meeting of the Heads of Science and Technology Ministries and Departments of the SCO Member States ',
      ),
    ).toBe('5th Meeting of the Heads of Science and Technology Ministries and Departments');
    expect(titleFromPrefix('The member states welcome the outcome of the 15th SCO Forum held on')).toBe('15th SCO Forum');
    expect(
      titleFromPrefix(
        "The member states express appreciation for the results of the Supreme Court Chief Justices of the SCO Member States' meetings held in | on",
      ),
    ).toBe("Supreme Court Chief Justices of the SCO Member States' meetings");
  });

  it('takes a noun phrase when there is no name', () => {
    expect(titleFromPrefix('at the inaugural SCO+ format during the organization’s 24th summit on')).toBe('24th summit');
    expect(titleFromPrefix('praised the results of its regular meeting in | on')).toBe('Regular meeting');
    expect(
      titleFromPrefix(
        'They noted the outcome of the roundtable meeting involving representatives of finance ministries and central banks ',
      ),
    ).toBe('Roundtable meeting');
  });

  it('names meetings, visits and quoted titles', () => {
    expect(titleFromPrefix('The Heads of State of the Member States met in | on')).toBe('Meeting of Heads of State of the Member States');
    expect(titleFromPrefix('Xi Jinping visited | on')).toBe('Xi Jinping visit');
    expect(titleFromPrefix('the UN Security Council meeting on “Cooperation between the UN and regional organisations” ( | ,')).toBe(
      'UN Security Council meeting',
    );
  });

  it('falls back to the words after the date', () => {
    expect(titleFromSuffix(', the leaders of six states signed the Declaration on the Establishment of the SCO in |.')).toBe(
      'Declaration on the Establishment of the SCO',
    );
    expect(
      titleFromSuffix(', | , PRC, hosted a meeting of the Council of Heads of State of the Shanghai Cooperation Organisation (CHS SCO).'),
    ).toBe('Meeting of the Council of Heads of State of the Shanghai Cooperation Organisation');
  });

  it('names a meeting of people written in lower case', () => {
    expect(titleFromPrefix('The member states met in | from')).toBe('Meeting of the member states');
    expect(titleFromPrefix('having gathered at a meeting of the Council of heads of SCO member states in | on')).toBe(
      'Meeting of the Council of heads of SCO member states',
    );
  });

  it('is never empty, never longer than about 90 characters, and ends with the place when it fits', () => {
    expect(eventTitle('', '', null)).toBe('Event');
    expect(eventTitle('15th SCO Forum', 'x', 'Moscow')).toBe('15th SCO Forum, Moscow');
    const long = eventTitle(
      'Concept for Cooperation between the SCO Member States in the Sphere of Digitisation and Information and Communication Technology',
      '',
      'Bishkek',
    );
    expect(long.length).toBeLessThanOrEqual(92);
    expect(long).not.toMatch(/in the Sphere$|, Bishkek$/); // issue 10: "... in the Sphere, Bishkek" was a name cut to fit its city
  });

  it('names meetings the way a reader would on unseen texts', () => {
    expect(titleFromPrefix('Last year the heads of state met in | on')).toBe('Meeting of the heads of state');
    expect(titleFromPrefix('The Council of Heads of State of the member states of the SCO held its 25th meeting in | on')).toBe(
      '25th meeting of the Council of Heads of State',
    );
    expect(titleFromPrefix('The member states noted that the Organisation, founded in | on')).toBe('Founding of the Organisation');
    expect(titleFromPrefix('submit it at the next meeting of heads of state, to be held in Russia in')).toBe(
      'Next meeting of heads of state',
    );
    expect(titleFromPrefix('Since the SCO summit in | in')).toBe('SCO summit');
    expect(titleFromSuffix(' | the heads of six states met in | and founded our organisation')).toBe('Meeting of the heads of six states');
    expect(titleFromSuffix(', SCO Secretary-General Nurlan Yermekbayev took part in the meeting of the SCO defence ministers in |')).toBe(
      'Meeting of the SCO defence ministers',
    );
    expect(titleFromSuffix(' under the chairmanship of the Prime Minister of the Islamic Republic of Pakistan.')).toBe('');
    expect(titleFromSuffix(' India and Pakistan are full members')).toBe('');
    expect(titleFromPrefix('The virtual SCO summit hosted by India on')).toBe('SCO summit');
    expect(titleFromPrefix('The meeting of the Council of Heads of State, chaired by Kazakhstan, took place in | on')).toBe(
      'Meeting of the Council of Heads of State',
    );
    expect(titleFromSuffix(', SCO Secretary-General Nurlan Yermekbayev received the Ambassador of Pakistan at the SCO Secretariat')).toBe(
      '',
    );
    expect(eventTitle('Meeting of the member states', '', 'Ufa')).toBe('Meeting of the member states, Ufa');
    expect(eventTitle('', 'The Secretariat hosted a reception.', 'Beijing')).toBe('The Secretariat hosted a reception, Beijing');
  });
});

describe('titles that say what happened (issue 10)', () => {
  it('a possessive names its owner: "the SCO Youth Council ... its regular meeting"', () => {
    expect(
      titleFromPrefix(
        'The member states noted the activities of the SCO Youth Council and praised the results of its regular meeting in | on',
      ),
    ).toBe('Regular meeting of the SCO Youth Council');
  });

  it('a bare document noun says what it is about: not "Concept"', () => {
    expect(
      titleFromPrefix(
        'The member states are in favour of the further development of collaboration between rail administrations based on the concept approved on',
      ),
    ).toBe('Concept on collaboration between rail administrations');
  });

  it('a long document name is shortened by dropping repeated words, never cut mid-phrase, and keeps its place only when that fits', () => {
    const t = eventTitle(
      'Concept for Cooperation between the SCO Member States in the Sphere of Digitisation and Information and Communication Technology',
      '',
      'Bishkek',
    );
    expect(t).toBe('Concept for Cooperation in Digitisation and Information and Communication Technology');
    expect(eventTitle('Model SCO student meeting', '', 'Moscow')).toBe('Model SCO student meeting, Moscow');
  });

  it('a long name written out gives way to the acronym the text uses', () => {
    const title =
      'Video Message by SCO Secretary-General Zhang Ming for the 80th Session of the UN Economic and Social Commission for Asia and the Pacific';
    expect(abbreviate(title, 'We thank ESCAP for its work.')).toBe(
      'Video Message by SCO Secretary-General Zhang Ming for the 80th Session of ESCAP',
    );
    expect(abbreviate(title, 'no acronym here')).toBe(title);
    // only a whole word of capitals is the acronym: not inside a longer one, a word or a number
    for (const text of ['ESCAPE', 'xESCAP', 'ESCAP1', 'ESCAP_', 'the UNESCAP office']) expect(abbreviate(title, text), text).toBe(title);
    for (const text of ['(ESCAP)', 'ESCAP-led', 'at ESCAP.', 'ESCAP']) expect(abbreviate(title, text), text).not.toBe(title);
  });

  it('a news report is named after the meeting it speaks of, never after its headline', () => {
    const text =
      'SCO Taps Into Alibaba For A Digital Future\n\nBEIJING, May 29 -- The SCO chief spoke while delivering the opening speech at the Agora online conference, organized by the SCO Secretariat.';
    expect(reportTitle(text, 'SCO Taps Into Alibaba For A Digital Future')).toBe('Agora online conference');
    expect(
      reportTitle(
        'Leaders Hail New Era\n\nASTANA -- Leaders of the member states signed a declaration on Thursday in the capital.',
        'Leaders Hail New Era',
      ),
    ).toMatch(/^Leaders of the member states signed a declaration/);
  });

  it('a relative pronoun is not who met: "Leaders of the SCO, who met here on"', () => {
    expect(titleFromPrefix('Leaders of the Shanghai Cooperation Organization (SCO), who met here on')).not.toMatch(/\bwho\b/);
    expect(titleFromPrefix('The leaders of the member states, who met in | on')).toBe('Meeting of the member states');
  });

  it("a long name in the text is shortened before it is cut: the seeds' Bishkek concept", () => {
    const prefix =
      'They call for implementing the Concept for Cooperation between the SCO Member States in the Sphere of Digitisation and Information and Communication Technology ( | , ';
    expect(titleFromPrefix(prefix)).toBe('Concept for Cooperation in Digitisation and Information and Communication Technology');
  });
});
