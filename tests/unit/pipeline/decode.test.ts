// @vitest-environment node
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decode, looksBinary } from '../../../src/pipeline/decode.ts';

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'utf8')] : p)));

describe('decode: a source file becomes the text offsets refer to', () => {
  it('removes a byte order mark and says so', () => {
    const r = decode(bytes([0xef, 0xbb, 0xbf], 'Moscow, 10 November 2020'), 'a.txt');
    expect(r.ok && r.text).toBe('Moscow, 10 November 2020');
    expect(r.ok && r.messages.join()).toMatch(/byte order mark/);
  });

  it('turns Windows and old Mac line ends into \\n', () => {
    const r = decode(bytes('one\r\ntwo\rthree\n'), 'a.txt');
    expect(r.ok && r.text).toBe('one\ntwo\nthree\n');
  });

  it('rejects invalid UTF-8 naming the file, line and column of the first bad byte', () => {
    const r = decode(bytes('first line\nsecond caf', [0xe9], ' line\n'), 'latin1.txt');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toMatch(/latin1\.txt: not valid UTF-8 .*0xe9 at line 2, column 11/);
  });

  it('rejects binary files (NUL bytes, control characters)', () => {
    expect(looksBinary(bytes([0x25, 0x50, 0x44, 0x46, 0x00, 0x01]))).toBe(true);
    const r = decode(bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00]), 'image.txt');
    expect(!r.ok && r.why).toBe('binary');
    expect(!r.ok && r.message).toMatch(/image\.txt: looks like a binary file/);
  });

  it('calls a file binary past 5% of control characters in its first 8 KB, not at 5%, nor for one past those 8 KB', () => {
    // 20 control bytes (0x01) in 400: exactly 5% is text; one more makes it binary
    const withControls = (n: number, total: number) => bytes('a'.repeat(total - n), new Array<number>(n).fill(0x01));
    expect(looksBinary(withControls(20, 400))).toBe(false);
    expect(looksBinary(withControls(21, 400))).toBe(true);
    // tabs, line ends and form feeds are text
    expect(looksBinary(bytes('a\tb\r\nc\f'.repeat(100)))).toBe(false);
    // a NUL byte after the first 8 KB is not looked at; inside them it is enough
    expect(looksBinary(bytes('a'.repeat(8192), [0x00]))).toBe(false);
    expect(looksBinary(bytes('a'.repeat(8191), [0x00]))).toBe(true);
    expect(looksBinary(new Uint8Array(0))).toBe(false);
  });

  it('removes bidirectional overrides and invisible characters, keeping ZWNJ', () => {
    const r = decode(bytes('Mos\u200Bcow \u202Eevil\u202C text \u2066x\u2069 \uFEFFend \u0645\u06CC\u200C\u0634\u0648\u062F'), 'bidi.txt');
    expect(r.ok && r.text).toBe('Moscow evil text x end \u0645\u06CC\u200C\u0634\u0648\u062F');
    expect(r.ok && r.messages.join()).toMatch(/bidi\.txt: 6 invisible or bidirectional control character\(s\) removed/);
  });

  it('keeps markup and script as plain text', () => {
    const r = decode(bytes('<script>alert(1)</script> in Moscow'), 'x.md');
    expect(r.ok && r.text).toBe('<script>alert(1)</script> in Moscow');
  });
});

describe('decode: Russian and Chinese files in the encodings they come in (issue 11, issue 14 item 10)', () => {
  const fixture = (f: string) => new Uint8Array(readFileSync(new URL(`../../../tests/fixtures/lang/${f}`, import.meta.url)));
  const utf16 = (s: string, le: boolean, bom: boolean) => {
    const out: number[] = bom ? (le ? [0xff, 0xfe] : [0xfe, 0xff]) : [];
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      out.push(...(le ? [c & 0xff, c >> 8] : [c >> 8, c & 0xff]));
    }
    return new Uint8Array(out);
  };
  const text = 'Бишкек, 14 июня 2019 года.\nСаммит ШОС прошёл в Бишкеке.';

  it('reads UTF-16 LE and BE with a byte order mark, and LE without one, instead of calling it binary', () => {
    for (const [le, bom] of [
      [true, true],
      [false, true],
      [true, false],
    ] as const) {
      const r = decode(utf16(text, le, bom), 'u16.txt');
      expect(r.ok && r.text).toBe(text);
      expect(r.ok && r.encoding?.name).toBe(le ? 'UTF-16LE' : 'UTF-16BE');
    }
  });

  it('names the line and column of a lone surrogate in UTF-16', () => {
    const bad = utf16('first line\nsecond \uD800x line', true, true);
    const r = decode(bad, 'broken16.txt');
    expect(!r.ok && r.message).toMatch(/broken16\.txt: not valid UTF-16LE \(a lone surrogate U\+D800 at line 2, column 8\)/);
  });

  it('detects windows-1251, KOI8-R, GB18030 and Big5 and says how sure the detector was', () => {
    const cases: [string, string, RegExp][] = [
      ['ru-chronology.txt', 'windows-1251', /^Хроника Шанхайской/],
      ['ru-koi8.txt', 'KOI8-R', /^ТАШКЕНТ, 11 июня/],
      ['zh-chronology.txt', 'GB18030', /^上海合作组织大事记/],
      ['zh-big5.txt', 'Big5', /^新華社比什凱克/],
    ];
    for (const [file, name, start] of cases) {
      const r = decode(fixture(file), file);
      expect(r.ok && r.text).toMatch(start);
      expect(r.ok && r.encoding).toMatchObject({ name });
      expect(r.ok && r.messages.join()).toMatch(new RegExp(`${file}: read as ${name} \\(chardet's guess, confidence \\d+/100\\)`));
    }
  });

  it('records UTF-8 as the decision for UTF-8 files, with or without a byte order mark', () => {
    expect(decode(bytes([0xef, 0xbb, 0xbf], 'Москва'), 'a.txt')).toMatchObject({
      ok: true,
      text: 'Москва',
      encoding: { name: 'UTF-8', confidence: 100 },
    });
    expect(decode(bytes('上海'), 'a.txt')).toMatchObject({ ok: true, text: '上海', encoding: { name: 'UTF-8' } });
  });
});
