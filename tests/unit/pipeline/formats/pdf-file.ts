/**
 * The bytes of a PDF made of the given objects (object 1 is the catalog; index 0 unused): the header,
 * each object, the cross-reference table with each object's offset and the trailer. Shared by the
 * tests that build their own small PDFs to read.
 */
export function pdfFile(objects: readonly string[]): Uint8Array {
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  for (let i = 1; i < objects.length; i++) {
    offsets[i] = out.length;
    out += `${i} 0 obj\n${objects[i]}\nendobj\n`;
  }
  const xref = out.length;
  out += `xref\n0 ${objects.length}\n0000000000 65535 f \n${offsets
    .slice(1)
    .map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)
    .join('')}`;
  out += `trailer\n<< /Size ${objects.length} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}

/**
 * A small but real PDF (PDF 1.4, Helvetica, one text line per `T*`), written here so the test does not
 * depend on a binary fixture. An empty string in a page makes a blank line (a paragraph break).
 */
export function makePdf(pages: string[][]): Uint8Array {
  const objects: string[] = [];
  const pageIds: number[] = [];
  const esc = (t: string) => t.replace(/[\\()]/g, (c) => `\\${c}`);
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[3] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>';
  let id = 4;
  for (const lines of pages) {
    const stream = `BT /F1 11 Tf 14 TL 60 780 Td ${lines.map((l) => (l ? `(${esc(l)}) Tj T*` : 'T*')).join(' ')} ET`;
    objects[id] = `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`;
    objects[id + 1] = `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${id} 0 R >>`;
    pageIds.push(id + 1);
    id += 2;
  }
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((p) => `${p} 0 R`).join(' ')}] /Count ${pageIds.length} >>`;
  return pdfFile(objects);
}

/**
 * A PDF whose Chinese text names its characters through a predefined CMap (UniGB-UCS2-H) in a font that
 * is not embedded (STSong-Light), as iText and other generators of Chinese documents write them: pdf.js
 * reads no text from it without its packed CMaps. One line per entry of `lines`.
 */
export function makeChinesePdf(lines: string[]): Uint8Array {
  const hex = (t: string) => [...t].map((c) => c.codePointAt(0)!.toString(16).padStart(4, '0')).join('');
  const stream = `BT /F1 12 Tf 16 TL 60 780 Td ${lines.map((l) => `<${hex(l)}> Tj T*`).join(' ')} ET`;
  const objects: string[] = [];
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[2] = '<< /Type /Pages /Kids [5 0 R] /Count 1 >>';
  objects[3] = '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [6 0 R] >>';
  objects[4] = `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`;
  objects[5] = '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>';
  objects[6] =
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor 7 0 R /DW 1000 >>';
  objects[7] =
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>';
  return pdfFile(objects);
}
