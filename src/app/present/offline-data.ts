/**
 * The single offline HTML carries the pipeline's output inside itself. Rather than teach every loader
 * about it, the page's fetch answers requests under ./data/ from the inlined files, exactly as a server
 * would (same bodies, 404 for what is not there); every other request goes to the real fetch.
 */
export type OfflineFiles = Readonly<Record<string, string>>;

function contentType(path: string): string {
  if (path.endsWith('.json')) return 'application/json';
  if (path.endsWith('.geojson')) return 'application/geo+json';
  return 'text/plain; charset=utf-8';
}

export function offlineFetch(files: OfflineFiles, dataBase: string, realFetch: typeof fetch): typeof fetch {
  const base = new URL(dataBase);
  return (input, init) => {
    const raw = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    let url: URL;
    try {
      url = new URL(raw, document.baseURI);
    } catch {
      return realFetch(input, init);
    }
    if (url.protocol !== base.protocol || url.host !== base.host || !url.pathname.startsWith(base.pathname)) return realFetch(input, init);
    const rel = decodeURIComponent(url.pathname.slice(base.pathname.length));
    const body = Object.prototype.hasOwnProperty.call(files, rel) ? files[rel] : undefined;
    if (body === undefined) return Promise.resolve(new Response('', { status: 404, statusText: 'Not in this offline file' }));
    return Promise.resolve(new Response(body, { status: 200, headers: { 'content-type': contentType(rel) } }));
  };
}

export function installOfflineData(files: OfflineFiles | null, win: Window & typeof globalThis = window): void {
  if (!files) return;
  win.fetch = offlineFetch(files, new URL('./data/', win.document.baseURI).href, win.fetch.bind(win));
}
