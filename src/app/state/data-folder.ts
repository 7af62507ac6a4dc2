/**
 * The `data=` parameter's folder, checked. Apart from url.ts (which needs the interface's messages) so
 * that the page's first module (boot.ts) can name the data folder before the app's code has loaded.
 */

/**
 * A data folder must stay on the app's own origin: a relative path, no scheme, no `..`, no `//`,
 * no backslashes or query/fragment. Returns the folder with a trailing slash, or null.
 */
export function safeDataFolder(text: string): string | null {
  const s = text.trim();
  if (!s || s.length > 200) return null;
  if (/^[a-z][a-z0-9+.-]*:/i.test(s)) return null; // any scheme: http:, javascript:, data:
  if (s.startsWith('/') || s.includes('//') || s.includes('\\')) return null;
  if (/[?#%\s]/.test(s)) return null; // no query, fragment or encoded tricks
  const parts = s.split('/').filter((p) => p !== '' && p !== '.');
  if (parts.length === 0 || parts.some((p) => p === '..' || !/^[\w.-]+$/.test(p))) return null;
  return parts.join('/') + '/';
}

/** The data folder a page's query string names (`?data=corpora/x/`), or the bundled `./data/`. */
export function dataBaseOf(search: string): string {
  const asked = new URLSearchParams(search).get('data');
  const folder = asked ? safeDataFolder(asked) : null;
  return folder ? `./${folder}` : './data/';
}
