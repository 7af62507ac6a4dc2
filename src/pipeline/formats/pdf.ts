/**
 * A PDF (declarations and communiqués are often published as PDF) → the plain text the pipeline reads.
 *
 * pdf.js (Mozilla's pdfjs-dist, the legacy build for Node) reads the file and gives each page's text
 * runs with their positions. What is hand-written here is only the layout rule pdf.js leaves to its
 * callers: runs on one baseline form a line, a gap between lines taller than about one and a half
 * lines starts a new paragraph, and every page ends a paragraph. The segmenter already joins lines
 * broken inside a sentence, as in the seed documents (which were converted from PDF).
 */
import { getDocument, VerbosityLevel } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api';

export class PdfError extends Error {}

export async function pdfToText(bytes: Uint8Array): Promise<{ text: string; pages: number }> {
  let doc;
  try {
    // A copy: pdf.js takes ownership of (detaches) the buffer it is given.
    doc = await getDocument({
      data: new Uint8Array(bytes),
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      verbosity: VerbosityLevel.ERRORS,
      stopAtErrors: false,
    }).promise;
  } catch (e) {
    const m = (e as Error).message || String(e);
    throw new PdfError(/password/i.test(m) ? 'the PDF is password-protected' : `not a readable PDF (${m})`);
  }
  const paragraphs: string[] = [];
  try {
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const lines: Array<{ y: number; h: number; text: string }> = [];
      let cur: { y: number; h: number; text: string } | null = null;
      for (const raw of content.items) {
        if (!('str' in raw)) continue;
        const item = raw as TextItem;
        const y = item.transform[5] ?? 0;
        const h = Math.abs(item.height || item.transform[3] || 10);
        if (!cur || Math.abs(cur.y - y) > h * 0.5) {
          if (cur) lines.push(cur);
          cur = { y, h, text: '' };
        }
        cur.text += item.str;
        if (item.hasEOL) {
          lines.push(cur);
          cur = null;
        }
      }
      if (cur) lines.push(cur);
      let para: string[] = [];
      let prev: { y: number; h: number } | null = null;
      for (const l of lines) {
        const text = l.text.replace(/\s+/g, ' ').trim();
        if (prev && prev.y - l.y > Math.max(prev.h, l.h) * 1.6 && para.length) {
          paragraphs.push(para.join('\n'));
          para = [];
        }
        if (text) para.push(text);
        prev = l;
      }
      if (para.length) paragraphs.push(para.join('\n'));
      page.cleanup();
    }
    return { text: paragraphs.length ? `${paragraphs.join('\n\n')}\n` : '', pages: doc.numPages };
  } finally {
    await doc.destroy();
  }
}
