// @vitest-environment node
/**
 * A PDF set at a generous line height (1.6 lines, as a browser prints a web page) keeps each paragraph whole,
 * and a Chinese sentence broken across two printed lines joins with nothing between its characters (the
 * walk-through's Xinhua item lost "上合" from a sentence and showed "会议在 阿斯塔纳举行"). Texts composed for
 * these tests; the PDFs are written here (a font with no glyphs, its text through a ToUnicode map, as pdf.js
 * reads a printed page's text layer).
 */
import { describe, expect, it } from 'vitest';
import { pdfFile } from './formats/pdf-file.ts';
import { pdfToText } from '../../../src/pipeline/formats/pdf.ts';

/**
 * A one-page PDF whose text lines go down by `leading` points; '' is a blank line (a paragraph break). Each
 * character is drawn as its own code point through an Identity-H font whose ToUnicode maps it back.
 */
function makePdf(lines: string[], size: number, leading: number): Uint8Array {
  const chars = [...new Set(lines.join(''))].sort();
  const hex = (c: string) => c.codePointAt(0)!.toString(16).padStart(4, '0').toUpperCase();
  const toUnicode = [
    '/CIDInit /ProcSet findresource begin 12 dict begin begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def /CMapName /Test-UCS def /CMapType 2 def',
    '1 begincodespacerange <0000> <FFFF> endcodespacerange',
    `${chars.length} beginbfchar`,
    ...chars.map((c) => `<${hex(c)}> <${hex(c)}>`),
    'endbfchar endcmap CMapName currentdict /CMap defineresource pop end end',
  ].join('\n');
  const stream = `BT /F1 ${size} Tf ${leading} TL 56 780 Td ${lines.map((l) => (l ? `<${[...l].map(hex).join('')}> Tj T*` : 'T*')).join(' ')} ET`;
  const objects = [
    '',
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    `<< /Length ${new TextEncoder().encode(stream).length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type0 /BaseFont /TestSong /Encoding /Identity-H /DescendantFonts [6 0 R] /ToUnicode 7 0 R >>',
    '<< /Type /Font /Subtype /CIDFontType2 /BaseFont /TestSong /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 /FontDescriptor 8 0 R >>',
    `<< /Length ${toUnicode.length} >>\nstream\n${toUnicode}\nendstream`,
    '<< /Type /FontDescriptor /FontName /TestSong /Flags 4 /FontBBox [0 -120 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>',
  ];
  return pdfFile(objects);
}

describe('a PDF printed at a line height of 1.6', () => {
  it('a Chinese sentence broken across printed lines is one paragraph with no space inside', async () => {
    const pdf = makePdf(
      [
        '新华社比什凯克6月14日电 上合组织成员国元首理事会',
        '第十九次会议14日在比什凯克举行。',
        '',
        '上合组织青年委员会会议6月在',
        '奥什举行。',
      ],
      12,
      19.5,
    );
    expect((await pdfToText(pdf)).text).toBe(
      '新华社比什凯克6月14日电 上合组织成员国元首理事会第十九次会议14日在比什凯克举行。\n\n上合组织青年委员会会议6月在奥什举行。\n',
    );
  });

  it('English lines of one paragraph stay together (joined by the segmenter), paragraphs stay apart', async () => {
    const pdf = makePdf(
      ['The heads of government met in', 'Tashkent on 2 November 2017 and', 'approved the budget.', '', 'The next meeting is in Sochi.'],
      11,
      18,
    );
    expect((await pdfToText(pdf)).text).toBe(
      'The heads of government met in\nTashkent on 2 November 2017 and\napproved the budget.\n\nThe next meeting is in Sochi.\n',
    );
  });

  it('one-line paragraphs set far apart stay apart', async () => {
    const pdf = makePdf(['第一段。', '', '第二段。', '', '第三段。'], 12, 16);
    expect((await pdfToText(pdf)).text).toBe('第一段。\n\n第二段。\n\n第三段。\n');
  });
});
