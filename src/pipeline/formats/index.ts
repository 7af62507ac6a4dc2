/**
 * Source file types the pipeline reads, and how each becomes the text that statement offsets index
 * (written to documents/<id>.txt): .txt and .md as they are, .html/.htm as their visible text, .pdf as
 * its text layer. Reading a PDF is asynchronous (pdf.js), so PDFs are read first, by `readPdfs`, and
 * handed to the synchronous `runPipeline`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, extname, join } from 'node:path';
import { decode, decodeUtf8, normalise, type Decoded } from '../decode.ts';
import { htmlToText } from './html.ts';

export const TEXT_EXT = new Set(['.txt', '.md']);
export const HTML_EXT = new Set(['.html', '.htm', '.xhtml']);
export const PDF_EXT = new Set(['.pdf']);
export const SOURCE_EXT = new Set([...TEXT_EXT, ...HTML_EXT, ...PDF_EXT]);
export const SOURCE_EXT_LIST = '.txt, .md, .html, .htm or .pdf';

/** A PDF's text, read ahead of the run (file name → the same result `decode` gives for text files). */
export type PdfTexts = ReadonlyMap<string, Decoded>;

/** The text of one source file, or why there is none. `pdfs` holds the PDFs read by `readPdfs`. */
export function sourceText(file: string, bytes: Uint8Array, pdfs?: PdfTexts): Decoded {
  const ext = extname(file).toLowerCase();
  if (PDF_EXT.has(ext)) {
    return (
      pdfs?.get(file) ?? {
        ok: false,
        why: 'format',
        message: `${file}: a PDF is read only through \`npm run extract\` (or readPdfs before runPipeline); skipped`,
      }
    );
  }
  if (!HTML_EXT.has(ext)) return decode(bytes, file);
  const raw = decodeUtf8(bytes, file);
  if (!raw.ok) return raw;
  // Normalised after the markup is gone, so characters written as entities are normalised too.
  const n = normalise(htmlToText(raw.text), file);
  return {
    ok: true,
    text: n.text,
    messages: [...raw.messages, `${file}: read as a web page (markup, scripts, menus, headers and footers left out)`, ...n.messages],
  };
}

/**
 * Reads the text layer of every PDF in a folder (or only those named in `only`: the CLI's cache holds
 * the others), one at a time (pdf.js holds a whole file in memory).
 */
export async function readPdfs(inDir: string, only?: ReadonlySet<string>): Promise<Map<string, Decoded>> {
  const out = new Map<string, Decoded>();
  let entries;
  try {
    entries = readdirSync(inDir, { withFileTypes: true });
  } catch {
    return out; // runPipeline names the missing folder
  }
  const files = entries
    .filter((f) => f.isFile() && !f.name.startsWith('.') && PDF_EXT.has(extname(f.name).toLowerCase()) && (!only || only.has(f.name)))
    .map((f) => f.name)
    .sort();
  if (!files.length) return out;
  // Loaded only when there is a PDF: pdf.js is large, and most runs read text files.
  const { PdfError, pdfToText } = await import('./pdf.ts');
  // The CMaps of Chinese fonts (pdf.ts CMapBytes), from pdfjs-dist's own folder.
  const cmapDir = join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'cmaps');
  const cmaps = async (name: string) => new Uint8Array(await readFile(join(cmapDir, `${name}.bcmap`)));
  for (const file of files) {
    try {
      const { text, pages } = await pdfToText(readFileSync(join(inDir, file)), cmaps);
      const messages = [`${file}: read as a PDF (${pages} page${pages === 1 ? '' : 's'})`];
      if (!text.trim()) messages.push(`${file}: the PDF has no text layer (a scan?); run it through OCR and add the text`);
      // The same clean-up as a text file gets (invisible characters, line ends).
      const n = normalise(text, file);
      out.set(file, { ok: true, text: n.text, messages: [...messages, ...n.messages] });
    } catch (e) {
      const why = e instanceof PdfError ? e.message : `could not be read (${(e as Error).message})`;
      out.set(file, { ok: false, why: 'format', message: `${file}: ${why}; skipped` });
    }
  }
  return out;
}
