// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { allMatches } from '../../../../src/pipeline/lang/matches.ts';
import { matchesAfter, notAfterClass, notAfterLetter, notAfterWordChar } from '../../../../src/pipeline/lang/scan.ts';

const at = (ms: RegExpExecArray[]) => ms.map((m) => [m.index, m[0]]);

// The date finders search a pattern without its leading look-behind and ask the look-behind in code:
// they must find exactly what the pattern with its look-behind finds, or a date would change.
describe('matchesAfter: the matches of a pattern with its leading look-behind', () => {
  const texts = [
    'В июне 2019 года, в мае 2020 г. и вмае 2021 года',
    'Xв июне 2019 года; 5в июле 2019 г.; «в августе 2019 года»',
    '𝐀в июне 2019 года и 𝟏в июле 2019 года', // a letter and a digit outside the BMP before the date
    'вв июне 2019 года, ав июле 2019, вво августе 2019',
    '',
    'в июне',
  ];
  it('Russian: no digit or letter of any script before the date', () => {
    const rest = '(?:(?:в|во)\\s+)?(июн[ьяе]|июл[ьяе]|август[ае]?|ма[йяе])\\s+((?:19|20)\\d{2})(?![\\p{L}\\d])';
    for (const t of texts)
      expect(at(matchesAfter(new RegExp(rest, 'giu'), t, notAfterWordChar))).toEqual(
        at(allMatches(new RegExp(`(?<![\\d\\p{L}])${rest}`, 'giu'), t)),
      );
  });
  it('a meeting word not inside another word', () => {
    const rest = '(?:саммит|встреч)\\p{L}*';
    for (const t of ['Саммит ШОС; предсаммитная встреча; 𝐀саммит и (встреча)', 'подвстречи встречи'])
      expect(at(matchesAfter(new RegExp(rest, 'giu'), t, notAfterLetter))).toEqual(
        at(allMatches(new RegExp(`(?<![\\p{L}])${rest}`, 'giu'), t)),
      );
  });
  it('Chinese: no numeral before the day', () => {
    const cls = '0-9０-９〇○零一二三四五六七八九十两月日年';
    const rest = '([0-9０-９]{1,2}|[一二三四五六七八九十]{2,3})[日号]';
    for (const t of ['新华社青岛6月10日电', '2019年６月１３日至１４日', '十五日，二十日和3日', '月9日'])
      expect(at(matchesAfter(new RegExp(rest, 'gu'), t, notAfterClass(cls)))).toEqual(
        at(allMatches(new RegExp(`(?<![${cls}])${rest}`, 'gu'), t)),
      );
  });
});
