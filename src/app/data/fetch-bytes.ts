/**
 * One data file's bytes from a URL, or the problem in the words the page shows. Shared by the page
 * (load.ts) and the loading worker, which fetches the large core files itself (see pool.ts).
 */
export type Fetch = (url: string) => Promise<Response>;

export type Got = { ok: true; bytes: ArrayBuffer } | { ok: false; message: string };

/**
 * A core file as the page hands it to a checker (pool.ts): its bytes, the address to fetch it from,
 * or null when it is unavailable (the page already knows why).
 */
export type Source = ArrayBuffer | { url: string } | null;

/** A source's bytes (fetched when it is an address), or why there are none; null for no source. */
export async function bytesOfSource(s: Source): Promise<Got | null> {
  if (s === null) return null;
  if (s instanceof ArrayBuffer) return { ok: true, bytes: s };
  return bytesOf(fetch(s.url));
}

/** A fetched response's bytes, or why there are none. */
export async function bytesOf(res: Response | Promise<Response>): Promise<Got> {
  let r: Response;
  try {
    r = await res;
  } catch (e) {
    return { ok: false, message: `could not be fetched (${(e as Error).message})` };
  }
  const bad = problemOf(r);
  if (bad) return bad;
  try {
    return { ok: true, bytes: await r.arrayBuffer() };
  } catch (e) {
    return { ok: false, message: `could not be fetched (${(e as Error).message})` };
  }
}

/** What is wrong with a response before its body is read, or null. */
function problemOf(res: Response): { ok: false; message: string } | null {
  if (res.ok) return null;
  return { ok: false, message: res.status === 404 ? 'is missing (404). Run `npm run extract` to write it.' : `could not be fetched (HTTP ${res.status})` };
}
