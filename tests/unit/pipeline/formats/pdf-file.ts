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
