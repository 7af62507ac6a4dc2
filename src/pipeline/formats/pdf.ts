/**
 * A PDF (declarations and communiqués are often published as PDF) → the plain text the pipeline reads.
 *
 * pdf.js (Mozilla's pdfjs-dist, the legacy build for Node) reads the file and gives each page's text
 * runs with their positions. What is hand-written here is only the layout rule pdf.js leaves to its
 * callers: runs on one baseline form a line, a gap between lines clearly taller than the page's own
 * line spacing (and than one and a half lines) starts a new paragraph, and every page ends a paragraph.
 * The segmenter already joins lines broken inside a sentence, as in the seed documents (which were
 * converted from PDF); Chinese and Japanese lines are joined here with no space between them.
 */
import { getDocument, VerbosityLevel } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api';

export class PdfError extends Error {}

/**
 * The packed CMap (pdf.js's `.bcmap`) of a given name, found where the caller keeps them: the CLI reads
 * pdfjs-dist's folder, the page fetches the copies its build made. A Chinese PDF whose font is not
 * embedded, or names its characters through a predefined CMap (UniGB-UCS2-H, GBK-EUC-H, ...: iText's
 * STSong-Light, common in generated Chinese documents), has no text without one: pdf.js then gave "".
 */
export type CMapBytes = (name: string) => Promise<Uint8Array>;

/** pdf.js's CMap reader (its `CMapReaderFactory` option) that asks `cmaps`; only plain names, never a path. */
const cmapReader = (cmaps: CMapBytes) =>
  class {
    async fetch({ name }: { name: string }) {
      if (!/^[A-Za-z0-9-]+$/.test(name)) throw new Error(`no CMap named ${JSON.stringify(name)}`);
      return { cMapData: await cmaps(name), isCompressed: true };
    }
  };

/** Chinese and Japanese run on without spaces: a line broken there joins the next with nothing between them. */
const CJK_END = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff00-\uffef“”‘’]$/u;
const CJK_START = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff00-\uffef“”‘’]/u;

/**
 * The distance from one line to the next inside a paragraph, per text height: the smallest step seen at least
 * twice between lines of that height, when it is at most 1.75 lines (larger steps are gaps between paragraphs).
 */
function lineStep(lines: Array<{ y: number; h: number }>): Map<number, number> {
  const seen = new Map<string, number>();
  for (let i = 1; i < lines.length; i++) {
    const a = lines[i - 1]!;
    const b = lines[i]!;
    const d = a.y - b.y;
    if (Math.round(a.h) !== Math.round(b.h) || d <= 0 || d > a.h * 1.75) continue;
    const key = `${Math.round(a.h)}:${Math.round(d * 2) / 2}`;
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  const out = new Map<number, number>();
  for (const [key, n] of [...seen].sort(([a], [b]) => a.localeCompare(b))) {
    if (n < 2) continue;
    const [h, d] = key.split(':').map(Number) as [number, number];
    if (!out.has(h) || d < out.get(h)!) out.set(h, d);
  }
  return out;
}

interface Line {
  y: number;
  h: number;
  text: string;
}

/** The end of a sentence (its closing quotes and brackets after it), and a line that goes on with one. */
const SENTENCE_END = /[.!?。！？…:;]["'»”’)\]]*$/u;
const RUNS_ON = /^[\p{Ll}\p{Script=Han}]/u;

/** How many lines at the top and at the bottom of a page may be its running head or foot. */
const EDGE = 2;
/** A page number alone on its line: "3", "- 3 -", "— 3 —", "3 / 12", "Page 3 of 12", "Стр. 3", "第3页" (not "2024", a year). */
const PAGE_NUMBER =
  /^(?:[-–—\s]*\d{1,3}[-–—\s]*|\d{1,3}\s*\/\s*\d{1,3}|(?:page|p\.|стр\.?|страница|с\.)\s*\d{1,3}(?:\s*(?:of|из|\/)\s*\d{1,3})?|第\s*\d{1,3}\s*页(?:\s*共\s*\d{1,3}\s*页)?)$/i;

/**
 * The running heads and feet of a document of several pages, left out of its text: the lines among the
 * first and last EDGE of a page that recur on at least half of the pages (digits aside: "Page 3",
 * "4 July 2024 | SCO/CHS/2024"), and page numbers alone on their line. Kept, they broke the sentence that
 * runs over a page into two statements and gave each page's header date as one more mention.
 * Hand-written: pdf.js gives text runs, not a page's layout roles, and no library we know does this for it.
 */
function runningLines(pages: readonly Line[][]): Set<Line> {
  const out = new Set<Line>();
  if (pages.length < 2) return out;
  const key = (l: Line) => l.text.replace(/\s+/g, ' ').trim().replace(/\d+/g, '#');
  const edges = pages.map((lines) => {
    const shown = lines.filter((l) => l.text.trim());
    return [...new Set([...shown.slice(0, EDGE), ...shown.slice(-EDGE)])];
  });
  const seen = new Map<string, number>();
  for (const edge of edges) for (const k of new Set(edge.map(key))) seen.set(k, (seen.get(k) ?? 0) + 1);
  const recurring = Math.max(2, Math.ceil(pages.length / 2));
  for (const edge of edges)
    for (const l of edge) if ((seen.get(key(l)) ?? 0) >= recurring || PAGE_NUMBER.test(l.text.replace(/\s+/g, ' ').trim())) out.add(l);
  return out;
}

export async function pdfToText(bytes: Uint8Array, cmaps?: CMapBytes): Promise<{ text: string; pages: number }> {
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
      // A base is needed for pdf.js to ask for a CMap at all; the reader finds the bytes by name.
      ...(cmaps ? { cMapUrl: 'cmaps/', cMapPacked: true, CMapReaderFactory: cmapReader(cmaps) } : {}),
    }).promise;
  } catch (e) {
    const m = (e as Error).message || String(e);
    throw new PdfError(/password/i.test(m) ? 'the PDF is password-protected' : `not a readable PDF (${m})`);
  }
  const paragraphs: string[] = [];
  try {
    const pages: Line[][] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const lines: Line[] = [];
      let cur: Line | null = null;
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
      pages.push(lines);
      page.cleanup();
    }
    const running = runningLines(pages);
    let para = '';
    for (const all of pages) {
      const lines = all.filter((l) => !running.has(l));
      const step = lineStep(lines);
      let prev: { y: number; h: number } | null = null;
      let first = true;
      for (const l of lines) {
        const text = l.text.replace(/\s+/g, ' ').trim();
        // A page ends a paragraph, unless its sentence runs on over the page ("...agreed" / "to strengthen...").
        if (first && text) {
          first = false;
          if (para && (SENTENCE_END.test(para) || !RUNS_ON.test(text))) {
            paragraphs.push(para);
            para = '';
          }
        }
        const h = Math.max(prev?.h ?? 0, l.h);
        // a gap clearly taller than the page's own line spacing (a text set at 1.6 lines has gaps of 1.6 lines inside its paragraphs)
        if (prev && prev.y - l.y > Math.max(h * 1.6, (step.get(Math.round(h)) ?? 0) * 1.25) && para) {
          paragraphs.push(para);
          para = '';
        }
        if (text) para = para ? para + (CJK_END.test(para) || CJK_START.test(text) ? '' : '\n') + text : text;
        prev = l;
      }
    }
    if (para) paragraphs.push(para);
    return { text: paragraphs.length ? `${paragraphs.join('\n\n')}\n` : '', pages: doc.numPages };
  } finally {
    await doc.destroy();
  }
}
