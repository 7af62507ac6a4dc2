/**
 * The first screen's data files, requested by the page's first module (boot.ts) before the app's code
 * has even been compiled. On a slow machine that compiling is the longest wait of the first second
 * (~0.25 s for the seeds, on threads the page's own thread only waits for): the files come in
 * meanwhile, and loadCore (load.ts) takes each request here instead of making it again. Only the
 * page's own fetch is started this way; a request nobody takes is simply never read.
 */
import { DATA_FILES } from '../../contract/files';

type Early = { response: Promise<Response>; abort: AbortController };
const early = new Map<string, Early>();

/** The files loadCore reads first (the mentions' events.json only where the event layer is missing). */
const FIRST = [DATA_FILES.layer, DATA_FILES.places, DATA_FILES.documents, DATA_FILES.topics];

const absolute = (url: string) => new URL(url, globalThis.location?.href).href;

/** Starts the first screen's requests for the data folder `base` (e.g. `./data/`). */
export function prefetchFirstScreen(base: string): void {
  if (typeof fetch !== 'function' || typeof location === 'undefined' || !/^https?:$/.test(location.protocol)) return;
  for (const file of FIRST) {
    const url = absolute(base + file);
    if (early.has(url)) continue;
    const abort = new AbortController();
    const response = fetch(url, { signal: abort.signal });
    // Its failure is read by whoever takes it (load.ts names the file); unread, it is no error.
    response.catch(() => {});
    early.set(url, { response, abort });
  }
}

/** The request already made for `url`, once (a second load of the same folder fetches anew); or undefined. */
export function takePrefetched(url: string): Early | undefined {
  const key = absolute(url);
  const got = early.get(key);
  early.delete(key);
  return got;
}

/** Drops the requests nobody took (another data folder was loaded): their bodies are not read. */
export function forgetPrefetched(): void {
  for (const { abort } of early.values()) abort.abort();
  early.clear();
}
