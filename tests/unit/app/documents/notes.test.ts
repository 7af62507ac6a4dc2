// @vitest-environment node
/**
 * What the readers and the pipeline say about an added document, in the interface's language: the
 * sentences come from the real code that writes them (the decoder, the document stage, the page's
 * readers), so a reworded sentence that no pattern knows any more fails here, not silently in the page.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { extractText } from '../../../../src/app/documents/extract';
import { noteText } from '../../../../src/app/documents/notes';
import { loadMessages } from '../../../../src/app/i18n/message-files';
import { readFile } from '../../../../src/app/documents/read-file';
import { decode } from '../../../../src/pipeline/decode';
import { context } from '../../../../src/pipeline/testing';

const enc = (s: string) => new TextEncoder().encode(s);

async function sentences(): Promise<string[]> {
  const decoded = decode(new Uint8Array([0xef, 0xbb, 0xbf, ...enc('Line one.\rLine two\u200e.\r')]), 'cr.txt');
  const undated = extractText('u', 'undated.txt', 'The ministers of the SCO met in Moscow and spoke of trade.', 60, context());
  const noYear = extractText('y', 'no-year.txt', 'Ministers met in Bishkek on 5 June. In 2019 they met in Osh on 6 June.', 60, context());
  const docx = await readFile('broken.docx', enc('not a zip at all'));
  const unknown = await readFile('table.odt', enc('x'));
  return [
    ...(decoded.ok ? decoded.messages : [decoded.message]),
    ...undated.messages,
    ...noYear.messages,
    ...(docx.kind === 'failed' ? [docx.message] : []),
    ...(unknown.kind === 'failed' ? [unknown.message] : []),
  ];
}

describe("notes on an added document, in the interface's language", () => {
  // The page fetches a language's messages when the interface turns to it; here both are asked for at once.
  beforeAll(() => Promise.all([loadMessages('ru'), loadMessages('zh')]));
  it('every note the readers and the pipeline write here is said in Russian and Chinese, after the file it names', async () => {
    const notes = await sentences();
    // the kinds this test means to cover are all there (if a reader stops writing one, the list says so)
    for (const words of [
      'byte order mark',
      'line ends',
      'control character',
      'no dates found',
      'no date found in it',
      'no publication date',
      'Word',
      'not a .txt',
    ])
      expect(
        notes.some((n) => n.includes(words)),
        words,
      ).toBe(true);
    for (const n of notes) {
      const file = n.slice(0, n.indexOf(': '));
      for (const locale of ['ru', 'zh'] as const) {
        const said = noteText(n, locale);
        expect(said, `${locale}: ${n}`).not.toBe(n);
        expect(said.startsWith(`${file}: `), said).toBe(true);
        expect(said, said).not.toMatch(/\b(?:the|found|removed|readable|publication)\b/);
      }
      expect(noteText(n, 'en')).toBe(n);
    }
  });

  it('keeps what it does not know as written, and counts in Russian plurals', () => {
    expect(noteText('a.txt: something new the pipeline says', 'ru')).toBe('a.txt: something new the pipeline says');
    expect(noteText('a.txt: 3 invisible or bidirectional control character(s) removed', 'ru')).toBe(
      'a.txt: удалено 3 невидимых или управляющих символа',
    );
    expect(noteText('a.txt: no publication date: dates without a year take the year 2024', 'zh')).toBe(
      'a.txt: 无发布日期：无年份的日期按 2024 年计',
    );
  });
});
