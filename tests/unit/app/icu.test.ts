// @vitest-environment node
/**
 * i18n/icu.ts reads and writes messages as intl-messageformat (which the page used before) does: every
 * message of every language file, with counts that take each plural form and each select's options,
 * and hand-made messages for quoting, spacing, offsets and exact matches; broken messages are refused
 * by both.
 */
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import en from '../../../src/app/i18n/messages/en.json';
import ru from '../../../src/app/i18n/messages/ru.json';
import zh from '../../../src/app/i18n/messages/zh.json';
import { formatShown } from '../../../src/app/i18n/catalog';
import { argNames, isIdentChar, isSpace, parseMessage, type Msg } from '../../../src/app/i18n/icu';

const TAGS = { en: 'en-GB', ru: 'ru-RU', zh: 'zh-CN' } as const;
type Locale = keyof typeof TAGS;
const COUNTS = [0, 1, 2, 3, 4, 5, 11, 12, 21, 22, 25, 101, 999, 1000, 1001, 12345, 2.5, -3];

/** The library's output, or 'throws'. */
function theirs(text: string, locale: Locale, values: Record<string, unknown>): string {
  try {
    return String(new IntlMessageFormat(text, TAGS[locale], undefined, { ignoreTag: true }).format(values as never));
  } catch {
    return 'throws';
  }
}
function ours(text: string, locale: Locale, values: Record<string, unknown>): string {
  try {
    const m = parseMessage(text);
    return formatShown(m.every((p) => typeof p === 'string') ? m.join('') : m, locale, values);
  } catch {
    return 'throws';
  }
}

/** Value sets that visit each option: every count for plurals, each option key (and none) for selects. */
function valueSets(m: Msg): Array<Record<string, unknown>> {
  const names = argNames(m);
  const choices = new Map<string, unknown[]>();
  const walk = (pieces: Msg) => {
    for (const p of pieces) {
      if (typeof p !== 'object' || !('options' in p)) continue;
      const keys = [...p.options.keys()];
      choices.set(p.arg, p.kind === 'plural' ? COUNTS : [...keys, 'something-else']);
      for (const o of p.options.values()) walk(o);
    }
  };
  walk(m);
  const base = Object.fromEntries(names.map((n) => [n, choices.get(n)?.[0] ?? `‹${n}›`]));
  const sets: Array<Record<string, unknown>> = [base];
  for (const [n, vs] of choices) for (const v of vs) sets.push({ ...base, [n]: v });
  return sets;
}

describe('icu.ts against intl-messageformat', () => {
  const files: Record<Locale, Record<string, string>> = { en, ru, zh };
  it('writes every message of every language file the same, with every count and option', () => {
    let compared = 0;
    for (const locale of Object.keys(files) as Locale[])
      for (const [key, text] of Object.entries(files[locale])) {
        const m = parseMessage(text);
        for (const values of valueSets(m)) {
          expect(ours(text, locale, values), `${locale} ${key} ${JSON.stringify(values)}`).toBe(theirs(text, locale, values));
          compared++;
        }
      }
    expect(compared).toBeGreaterThan(900);
  });

  it('reads quotes, spaces, offsets and exact matches as the library does', () => {
    const cases = [
      "it's {n}",
      "'{literal}' and '' and '#",
      "{n, plural, one {'#' is #} other {# isn''t '{n}'}}",
      '{ n , plural , offset:1 =0 {none} =1 {just you} one {you and # other} other {you and # others} }',
      '{n, plural, =2 {pair} other {#}}',
      '{g, select, male {he} female {she} other {they}} said {n, plural, one {# word} other {# words}}',
      '{n, plural, other {{g, select, a {# a} other {#}}}}',
      'a } b',
      "'{unclosed quote",
      "<b>{n}</b> '<' '>'",
      '{n}{n}{m}',
    ];
    for (const text of cases)
      for (const locale of ['en', 'ru'] as const)
        for (const n of [0, 1, 2, 3, 5, 21, 1234])
          for (const g of ['male', 'female', 'a', 'x']) {
            const values = { n, g, m: 'M' };
            expect(ours(text, locale, values), `${text} ${locale} ${n} ${g}`).toBe(theirs(text, locale, values));
          }
  });

  it('refuses what the library refuses, and a missing value throws in both', () => {
    const broken = [
      '{n, plural, one {# событие} few {# события}',
      '{n, plural, one {x}}',
      '{}',
      '{n',
      '{n, plural}',
      '{n, plural, one {x} one {y} other {z}}',
      '{n, foo}',
      '{n, select, a {x} other {y}',
      '{n, plural, offset:x other {y}}',
      '{a b}',
    ];
    for (const text of broken) {
      expect(() => new IntlMessageFormat(text, 'en-GB', undefined, { ignoreTag: true }), text).toThrow();
      expect(() => parseMessage(text), text).toThrow();
    }
    expect(ours('{n} and {m}', 'en', { n: 1 })).toBe('throws');
    expect(theirs('{n} and {m}', 'en', { n: 1 })).toBe('throws');
    expect(ours('{x}|{y}|{z}|{w}', 'en', { x: null, y: undefined, z: 0, w: '' })).toBe(
      theirs('{x}|{y}|{z}|{w}', 'en', { x: null, y: undefined, z: 0, w: '' }),
    );
  });

  it("reads white space and identifiers by Unicode's properties, every code unit of the BMP", () => {
    const wrong: string[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      if (isSpace(c) !== /\p{White_Space}/u.test(ch) || isIdentChar(c) !== /[^\p{White_Space}\p{Pattern_Syntax}]/u.test(ch))
        wrong.push(c.toString(16));
    }
    expect(wrong).toEqual([]);
  });

  it('names the placeholders, nested ones too', () => {
    expect(argNames(parseMessage('{b} {a, plural, one {{c}} other {{d, select, x {{e}} other {}}}}'))).toEqual(['a', 'b', 'c', 'd', 'e']);
  });
});
