/**
 * One data file's bytes from a URL, or the problem in the words the page shows. Shared by the page
 * (load.ts) and the loading worker, which fetches the large core files itself (see pool.ts).
 */
export type Fetch = (url: string) => Promise<Response>;

export type Got = { ok: true; bytes: ArrayBuffer } | { ok: false; message: string };

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
