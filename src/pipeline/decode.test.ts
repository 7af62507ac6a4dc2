// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { decode, looksBinary } from './decode.ts';

const bytes = (...parts: (string | number[])[]) => new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'utf8')] : p)));

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
