/**
 * The atlas the page shows as one offline HTML file (issue 12, "Take it away"): the single-file shell
 * with the data folder in its data block (single-file.ts). The shell is the single file's own page when
 * this is a single file (a single file makes a new single file), else `single-shell.html` beside the
 * app (written by `vite build`, served by the dev server; src/build/single-shell.ts), fetched only now.
 */
import { embeddedShell, fillShell, DATA_OPEN, SHELL_FILE, type OfflineFiles } from './single-file';

async function fetchShell(): Promise<string> {
  const url = new URL(SHELL_FILE, document.baseURI);
  let res: Response;
  try {
    res = await fetch(url);
  } catch (e) {
    throw new Error(`${SHELL_FILE} could not be fetched (${(e as Error).message})`, { cause: e });
  }
  if (!res.ok) throw new Error(`${SHELL_FILE} could not be fetched (HTTP ${res.status}): build the app with npm run build`);
  const html = await res.text();
  if (!html.includes(DATA_OPEN)) throw new Error(`${SHELL_FILE} is not the single-file shell (it has no data block)`);
  return html;
}

/** The single file's page with an empty data block: its own in a single file, else fetched from beside the app. */
export async function offlineShell(): Promise<string> {
  return embeddedShell() ?? (await fetchShell());
}

/** The offline file's HTML for a data folder (atlasFiles in take-away.ts). */
export async function singleFileHtml(files: Readonly<OfflineFiles>): Promise<string> {
  return fillShell(await offlineShell(), files);
}
