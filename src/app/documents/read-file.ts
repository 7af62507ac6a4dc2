/**
 * A file the user added → its text (or, for a sheet, its rows), in the documents worker. Texts, web
 * pages and PDFs are read by the pipeline's own readers (src/pipeline/formats/, the same as the CLI);
 * what only the page reads comes from well-kept libraries: .docx through mammoth, CSV through
 * papaparse (sheet.ts), .xlsx through exceljs. Each is loaded only when a file of its kind comes.
 */
import { decode, decodeUtf8, normalise, type Decoded } from '../../pipeline/decode';
import { htmlToText } from '../../pipeline/formats/html';
import { ADDABLE_LIST } from './protocol';
import { csvRows } from './sheet';

export type ReadResult =
  | { kind: 'text'; text: string; messages: string[] }
  | { kind: 'sheet'; rows: unknown[][]; messages: string[] }
  | { kind: 'failed'; message: string };

const extOf = (name: string) => /\.[^.]+$/.exec(name.toLowerCase())?.[0] ?? '';

function fromDecoded(d: Decoded): ReadResult {
  return d.ok ? { kind: 'text', text: d.text, messages: d.messages } : { kind: 'failed', message: d.message };
}

/**
 * pdf.js's packed CMaps of Chinese fonts (GB for simplified, CNS and Big5 for traditional; pipeline
 * formats/pdf.ts CMapBytes), copied into the build as files of their own and fetched from this origin
 * only when a PDF asks for one (~800 KB in all, the largest 50 KB; here only their addresses).
 */
const CMAPS: Record<string, string> = import.meta.glob('/node_modules/pdfjs-dist/cmaps/{*GB*,*CNS*,*B5*}.bcmap', {
  // Files, never data: URLs (which the page's policy on what may be fetched would not allow).
  query: '?url&no-inline',
  import: 'default',
  eager: true,
});
async function cmapBytes(name: string): Promise<Uint8Array> {
  const url = CMAPS[`/node_modules/pdfjs-dist/cmaps/${name}.bcmap`];
  if (!url) throw new Error(`no CMap named ${name} in this build`);
  const r = await fetch(url);
  if (!r.ok) throw new Error(`the CMap ${name} could not be fetched (${r.status})`);
  return new Uint8Array(await r.arrayBuffer());
}

async function readPdf(name: string, bytes: Uint8Array): Promise<ReadResult> {
  // pdf.js runs its parser in this worker already: handing it the parser module ("fake worker")
  // keeps it from starting a worker of its own. Once loaded, the parser also listens and speaks on this
  // worker's port (it takes itself for pdf.js's own worker); both ends ignore what is not theirs.
  const g = globalThis as { pdfjsWorker?: unknown };
  g.pdfjsWorker ??= await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
  const { pdfToText, PdfError } = await import('../../pipeline/formats/pdf');
  try {
    const { text, pages } = await pdfToText(bytes, cmapBytes);
    const messages = [`${name}: read as a PDF (${pages} page${pages === 1 ? '' : 's'})`];
    if (!text.trim())
      return { kind: 'failed', message: `${name}: the PDF has no text layer (a scan?); run it through OCR and add the text` };
    const n = normalise(text, name);
    return { kind: 'text', text: n.text, messages: [...messages, ...n.messages] };
  } catch (e) {
    return { kind: 'failed', message: `${name}: ${e instanceof PdfError ? e.message : `not a readable PDF (${(e as Error).message})`}` };
  }
}

async function readDocx(name: string, bytes: Uint8Array): Promise<ReadResult> {
  const mammoth = (await import('mammoth')).default;
  try {
    // The browser build reads `arrayBuffer`, the Node build (unit tests) `buffer`: both are given.
    const input = { arrayBuffer: bytes.slice().buffer, buffer: bytes } as unknown as Parameters<typeof mammoth.extractRawText>[0];
    const r = await mammoth.extractRawText(input);
    const n = normalise(r.value, name);
    return { kind: 'text', text: n.text, messages: [`${name}: read as a Word document`, ...n.messages] };
  } catch (e) {
    return { kind: 'failed', message: `${name}: not a readable Word (.docx) document (${(e as Error).message})` };
  }
}

/** A cell as the sheet parser reads it: rich text and links as their text, formulas as their result. */
function cellValue(v: unknown): unknown {
  if (v && typeof v === 'object' && !(v instanceof Date)) {
    const o = v as { richText?: { text: string }[]; text?: unknown; result?: unknown; hyperlink?: string };
    if (o.richText) return o.richText.map((r) => r.text).join('');
    if ('result' in o) return cellValue(o.result);
    if ('text' in o) return cellValue(o.text);
    if (o.hyperlink) return o.hyperlink;
    return '';
  }
  return v;
}

async function readXlsx(name: string, bytes: Uint8Array): Promise<ReadResult> {
  const ExcelJS = (await import('exceljs')).default;
  try {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes.slice().buffer);
    const sheet = book.worksheets[0];
    if (!sheet) return { kind: 'failed', message: `${name}: the workbook has no sheet` };
    const rows: unknown[][] = [];
    // Row and cell numbers are the sheet's own (1-based); a gap stays a gap, so row numbers match.
    sheet.eachRow({ includeEmpty: true }, (row, n) => {
      const values = (row.values as unknown[]).slice(1).map(cellValue);
      rows[n - 1] = values;
    });
    for (let i = 0; i < rows.length; i++) rows[i] ??= [];
    const more = book.worksheets.length > 1 ? [`${name}: only its first sheet ("${sheet.name}") was read`] : [];
    return { kind: 'sheet', rows, messages: [`${name}: read as a spreadsheet`, ...more] };
  } catch (e) {
    return { kind: 'failed', message: `${name}: not a readable .xlsx workbook (${(e as Error).message})` };
  }
}

export async function readFile(name: string, bytes: Uint8Array): Promise<ReadResult> {
  const ext = extOf(name);
  switch (ext) {
    case '.txt':
    case '.md':
      return fromDecoded(decode(bytes, name));
    case '.html':
    case '.htm': {
      const raw = decodeUtf8(bytes, name);
      if (!raw.ok) return fromDecoded(raw);
      // Normalised after the markup is gone, as the CLI does (formats/index.ts).
      const n = normalise(htmlToText(raw.text), name);
      return { kind: 'text', text: n.text, messages: [`${name}: read as a web page`, ...n.messages] };
    }
    case '.pdf':
      return readPdf(name, bytes);
    case '.docx':
      return readDocx(name, bytes);
    case '.csv': {
      const d = decode(bytes, name);
      return d.ok ? { kind: 'sheet', rows: csvRows(d.text), messages: d.messages } : fromDecoded(d);
    }
    case '.xlsx':
      return readXlsx(name, bytes);
    default:
      return { kind: 'failed', message: `${name}: not a ${ADDABLE_LIST} file` };
  }
}
