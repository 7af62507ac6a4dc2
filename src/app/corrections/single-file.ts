/**
 * The single offline HTML file's data block (issue 12, "Take it away"), shared by the build (Node,
 * src/build/variants.ts) and the page (take-away-single.ts), so both write the same bytes for the same
 * data. The file is a "shell" (the single build's HTML: code, styles, basemap and MapLibre's worker
 * inlined) with one non-executing element holding the data folder as JSON:
 *
 *   <script type="application/json" id="sco-atlas-data">{"documents.json":"[…]", …}</script>
 *
 * A JSON block is never run, so the file's Content-Security-Policy (which allows only its one module
 * script, by hash) needs no change when the data changes. Every `<` in the JSON is written `\u003c`,
 * so no document text can close the element or open a comment in it.
 *
 * In the single file itself, takeEmbedded() reads the block before the app starts, empties it, and
 * keeps a copy of the page as it was then (the shell), so a single file can make a new single file.
 */
export type OfflineFiles = Record<string, string>;

export const DATA_ELEMENT_ID = 'sco-atlas-data';
export const DATA_OPEN = `<script type="application/json" id="${DATA_ELEMENT_ID}">`;
/** The shell beside the built app (and served by the dev server): the page fetches it on demand. */
export const SHELL_FILE = 'single-shell.html';

/** The data block's text: keys in sorted order (same data, same bytes), `<` escaped. */
export function dataJson(files: Readonly<OfflineFiles>): string {
  const sorted: OfflineFiles = {};
  for (const k of Object.keys(files).sort()) sorted[k] = files[k]!;
  return JSON.stringify(sorted).replace(/</g, '\\u003c');
}

/** The shell with `files` as its data (whatever data it held before is replaced). */
export function fillShell(shell: string, files: Readonly<OfflineFiles>): string {
  // The last one: the app's code (inlined earlier in the file) holds this text too; the data, written
  // with `<` escaped, never does.
  const at = shell.lastIndexOf(DATA_OPEN);
  if (at < 0) throw new Error(`the single-file shell has no data element (${DATA_OPEN})`);
  const from = at + DATA_OPEN.length;
  const to = shell.indexOf('</script>', from);
  if (to < 0) throw new Error('the single-file shell has an unclosed data element');
  return shell.slice(0, from) + dataJson(files) + shell.slice(to);
}

let shell: Element | null = null;

/**
 * In the single file, before the app starts: the data folder from the data block (null when the page
 * has none). The block is emptied (its text is held once, as the parsed files) and the page as it is
 * now, before the app changes it, is kept as the shell for embeddedShell().
 */
export function takeEmbedded(doc: Document = document): OfflineFiles | null {
  const el = doc.getElementById(DATA_ELEMENT_ID);
  if (!el) return null;
  const files = JSON.parse(el.textContent || '{}') as OfflineFiles;
  el.textContent = '';
  shell = doc.documentElement.cloneNode(true) as Element;
  return files;
}

/** The single file's own shell, as it was when it opened (null on a served page). */
export function embeddedShell(): string | null {
  return shell ? `<!doctype html>\n${shell.outerHTML}\n` : null;
}
