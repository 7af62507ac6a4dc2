// @vitest-environment node
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dateLines, frontMatter, inferMeta, inferSource } from '../../../src/pipeline/meta.ts';
import { SEEDS_DIR } from '../../../src/pipeline/testing.ts';

const seed = (id: string) => readFileSync(join(SEEDS_DIR, `${id}.txt`), 'utf8');

describe('metadata read from the text when there is no side file', () => {
  it('takes the first meaningful line as the title, without markdown', () => {
    expect(inferMeta(seed('000_280c4ec6c7ea0add'), false, null).title).toBe(
      'Video Message by SCO Secretary-General Zhang Ming for the 80th Session of the UN Economic and Social Commission for Asia and the Pacific',
    );
    expect(inferMeta(seed('004_03b34fe1c9b4c7e7'), false, null).title).toBe(
      'The Moscow Declaration of the Council of Heads of State of the Shanghai Cooperation Organisation',
    );
  });

  it('guesses the kind from telling words', () => {
    expect(inferMeta(seed('000_280c4ec6c7ea0add'), false, null).kind).toBe('speech');
    expect(inferMeta(seed('001_a592958030f0a021'), true, null).kind).toBe('news report');
    expect(inferMeta(seed('002_6a425d32ee40c500'), false, null).kind).toBe('event page');
    expect(inferMeta(seed('004_03b34fe1c9b4c7e7'), false, null).kind).toBe('declaration');
  });

  it('finds the publication date on a date-only line, at the top or as a signature', () => {
    expect(inferMeta(seed('000_280c4ec6c7ea0add'), false, null).published).toBe('2024-04-23');
    expect(inferMeta(seed('001_a592958030f0a021'), true, null).published).toBe('2020-05-29');
    expect(inferMeta(seed('002_6a425d32ee40c500'), false, null).published).toBe('2023-10-31');
    expect(inferMeta(seed('003_865c2cac13a4637b'), true, null).published).toBe('2024-07-04');
    expect(inferMeta(seed('004_03b34fe1c9b4c7e7'), false, null).published).toBe('2020-11-10');
  });

  it('names the source as the text gives it: a Source line or the agency in the dateline', () => {
    expect(inferSource('', 'BEIJING, (APP - UrduPoint / Pakistan Point News - 29th May, 2020 ):')).toBe(
      'APP - UrduPoint / Pakistan Point News',
    );
    expect(inferSource('', 'TASHKENT, July 14 (Xinhua) --')).toBe('Xinhua');
    expect(inferSource('', 'MOSCOW, November 10. /TASS/.')).toBe('TASS');
    expect(inferSource('Title\n\nSource: Xinhua | 2021-07-14 21:05:12\n', '')).toBe('Xinhua');
    expect(inferSource('No source here.', 'ASTANA —')).toBe('');
  });

  it('tells a byline stamp ("date | section") from the date of the act', () => {
    const lines = dateLines('Title\n\nOct 31, 2023 | Events\n\n(April 23, 2024)\n\n| 9–10 July 2015 | Ufa |\n');
    expect(lines.map((l) => [l.date, l.stamp])).toEqual([
      ['2023-10-31', true],
      ['2024-04-23', false],
    ]);
  });
});

describe('front matter at the top of a Markdown document', () => {
  it('reads title, kind, published and source, and says where the block ends', () => {
    const text =
      '---\ntitle: "Tianjin Declaration"\nkind: declaration\npublished: 2025-09-01\nauthor: me\n---\n\nThe summit was held in Tianjin.\n';
    const fm = frontMatter(text);
    expect(fm.meta).toEqual({ title: 'Tianjin Declaration', kind: 'declaration', published: '2025-09-01' });
    expect(fm.unknown).toEqual(['author']);
    expect(text.slice(fm.end)).toBe('\nThe summit was held in Tianjin.\n');
  });

  it('is only a block that opens the document', () => {
    expect(frontMatter('Title\n---\ntitle: x\n---\n').end).toBe(0);
  });

  it('reads the title past a dateline, page navigation and capitals, and the date from a byline', () => {
    expect(
      inferMeta('QINGDAO, June 26 (Xinhua) -- Chinese Defense Minister Dong Jun on Thursday chaired a meeting.\n', true, null).title,
    ).toBe('Chinese Defense Minister Dong Jun on Thursday chaired a meeting.');
    expect(inferMeta('ISLAMABAD, October 16. /TASS/. Mishustin took part in the meeting.\n', true, null).title).toBe(
      'Mishustin took part in the meeting.',
    );
    const page = inferMeta(
      'Home / News\n\nShare  |  Print\n\n26.06.2025 | 14:35\n\n# SCO Secretary-General attends a meeting\n\nText.\n',
      false,
      null,
    );
    expect(page).toMatchObject({ title: 'SCO Secretary-General attends a meeting', kind: 'event page', published: '2025-06-26' });
    expect(inferMeta('CHARTER OF THE SHANGHAI COOPERATION ORGANISATION\n\nText.\n', false, null).title).toBe(
      'Charter of the Shanghai Cooperation Organisation',
    );
    expect(inferMeta('Headline here\n\nSource: Xinhua | Editor: Liu Mei | 2025-07-15 21:40:12\n\nText.\n', true, null).published).toBe(
      '2025-07-15',
    );
    expect(inferMeta('Joint Communiqué of the Council\n\nText.\n', false, null).kind).toBe('declaration');
    expect(inferMeta('Press release on the meeting\n\nText.\n', false, null).kind).toBe('news report');
  });
});
