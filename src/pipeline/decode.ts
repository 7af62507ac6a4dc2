/**
 * Stage 1: bytes of a source file → the text every offset refers to.
 *
 * The text is normalised once here (BOM removed, CRLF/CR → LF) and never changed afterwards, so the
 * offsets of statements index exactly the text written to documents/<docId>.txt.
 */

export type Decoded =
  | { ok: true; text: string; messages: string[] }
  | { ok: false; why: 'binary' | 'encoding' | 'format'; message: string };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Line and column (1-based) of a byte offset, counted in the raw bytes. */
function lineOfByte(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) { line++; lineStart = i + 1; }
  return { line, column: offset - lineStart + 1 };
}

/** Offset of the first byte that breaks UTF-8, by walking the sequences (only called on failure). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return bytes.length;
}

/** A file is binary when it has NUL bytes or many control characters near its start. */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  }
  return n > 0 && control / n > 0.05;
}

/** Bytes → UTF-8 text as it stands, or why not (binary, bad encoding). `decode` also normalises it. */
export function decodeUtf8(bytes: Uint8Array, file: string): Decoded {
  if (looksBinary(bytes)) return { ok: false, why: 'binary', message: `${file}: looks like a binary file (not text); skipped` };
  let text: string;
  try {
    text = utf8.decode(bytes); // strips a UTF-8 BOM
  } catch {
    const at = firstInvalidUtf8(bytes);
    const { line, column } = lineOfByte(bytes, at);
    return { ok: false, why: 'encoding', message: `${file}: not valid UTF-8 (first bad byte 0x${bytes[at]?.toString(16).padStart(2, '0') ?? '??'} at line ${line}, column ${column}); save it as UTF-8 and run again` };
  }
  const messages: string[] = [];
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) messages.push(`${file}: byte order mark removed`);
  return { ok: true, text, messages };
}

/**
 * The last step for text from any format (a text file, a web page's text, a PDF's text layer): line ends
 * to LF, and invisible and direction-changing characters out. Runs on the final text, so characters a
 * web page wrote as entities (`&#x202E;`) are caught too.
 */
export function normalise(text: string, file: string): { text: string; messages: string[] } {
  const messages: string[] = [];
  if (text.includes('\r')) {
    messages.push(`${file}: Windows/old Mac line ends (CR) normalised to LF`);
    text = text.replace(/\r\n?/g, '\n');
  }
  // Bidirectional overrides and invisible characters can make a statement read differently from what
  // it says (or hide words from search); they carry no meaning in these texts, so they go. ZWJ/ZWNJ
  // (U+200C/U+200D) stay: Persian and Indic scripts need them.
  const before = text.length;
  text = text.replace(INVISIBLE, '');
  if (text.length < before) messages.push(`${file}: ${before - text.length} invisible or bidirectional control character(s) removed`);
  return { text, messages };
}

export function decode(bytes: Uint8Array, file: string): Decoded {
  const raw = decodeUtf8(bytes, file);
  if (!raw.ok) return raw;
  const n = normalise(raw.text, file);
  return { ok: true, text: n.text, messages: [...raw.messages, ...n.messages] };
}

const INVISIBLE = /[\u202A-\u202E\u2066-\u2069\u200B\u2060\uFEFF\u200E\u200F\u061C]/g;
