// @vitest-environment node
/**
 * The page's readers for what only the page reads: a workbook (.xlsx, exceljs) becomes rows with the
 * sheet's own row numbers and typed dates, a Word file (.docx, mammoth) its text, and anything else is
 * refused by name. (Texts, web pages and PDFs go through the pipeline's readers, tested there.)
 */
import ExcelJS from 'exceljs';
import { Document, Packer, Paragraph } from 'docx';
import { describe, expect, it } from 'vitest';
import { readFile } from '../../../../src/app/documents/read-file';

describe('reading added files', () => {
  it('reads the first sheet of a workbook, dates as dates, row numbers as the sheet has them', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Events');
    sheet.addRow(['Date', 'City', 'Event']);
    sheet.addRow([new Date(Date.UTC(2024, 6, 4)), 'Astana', 'Astana summit']);
    sheet.addRow([]);
    sheet.addRow(['2019-06-14', 'Bishkek', { richText: [{ text: 'Bishkek ' }, { text: 'summit' }] }]);
    const bytes = new Uint8Array(await book.xlsx.writeBuffer());
    const r = await readFile('events.xlsx', bytes);
    expect(r.kind).toBe('sheet');
    if (r.kind !== 'sheet') return;
    expect(r.rows[0]).toEqual(['Date', 'City', 'Event']);
    expect(r.rows[1]![0]).toBeInstanceOf(Date);
    expect(r.rows[3]).toEqual(['2019-06-14', 'Bishkek', 'Bishkek summit']);
  });

  it('reads a Word document as its text', async () => {
    const doc = new Document({
      sections: [{ children: [new Paragraph('Samarkand summit'), new Paragraph('The SCO met in Samarkand on 16 September 2022.')] }],
    });
    const r = await readFile('s.docx', new Uint8Array(await Packer.toBuffer(doc)));
    expect(r).toMatchObject({ kind: 'text' });
    if (r.kind === 'text') expect(r.text).toContain('The SCO met in Samarkand on 16 September 2022.');
  });

  it('names a broken Word file and a file of another kind', async () => {
    expect(await readFile('x.docx', new TextEncoder().encode('not a zip'))).toMatchObject({
      kind: 'failed',
      message: expect.stringMatching(/^x\.docx: not a readable Word/),
    });
    expect(await readFile('photo.jpg', new Uint8Array([1, 2, 3]))).toEqual({
      kind: 'failed',
      message: 'photo.jpg: not a .txt, .md, .html, .pdf, .docx, .csv or .xlsx file',
    });
  });
});
