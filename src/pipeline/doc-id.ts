/**
 * A document's id from its file name. The id travels in URLs (`?event=<docId>:<date>`, shared links,
 * filters), so it must be something the app's URL parser accepts: letters and digits of any script,
 * `_`, `.` and `-` (src/app/state/url.ts). A name that already is such an id stays the id, as it
 * always was; any other name ("SCO talks #2?.txt", "<b>.txt", a right-to-left override) gets a stable
 * id made of its safe part and a short hash of the whole name. The original name stays in
 * documents.json `file` for display. Pure: no I/O, runs in a browser worker too.
 */

/** What an id may hold; the app allows 120 characters for an event id, which adds ~40 to this. */
const SAFE_ID = /^[\p{L}\p{N}_-][\p{L}\p{N}_.-]{0,79}$/u;

/**
 * 32-bit FNV-1a over the UTF-16 code units, as 8 hex digits. Hand-written because it is five lines,
 * the same in Node and a browser, and synchronous (Web Crypto's digest is not).
 */
function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** `base`: the file name without its extension. */
export function documentId(base: string): string {
  if (SAFE_ID.test(base) && base === base.normalize('NFC')) return base;
  const safe = base
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}_.-]+/gu, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .replace(/-{2,}/g, '-')
    .slice(0, 60)
    .replace(/[-.]+$/, '');
  return `${safe || 'doc'}-${fnv1a(base)}`;
}
