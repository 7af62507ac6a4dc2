/**
 * Stage 1: bytes of a source file → the text every offset refers to.
 *
 * The text is normalised once here (BOM removed, CRLF/CR → LF) and never changed afterwards, so the
 * offsets of statements index exactly the text written to documents/<docId>.txt.
 *
 * Encodings: a byte order mark (UTF-8, UTF-16 LE/BE) decides first; then valid UTF-8 is UTF-8; else
 * the `chardet` library guesses among the legacy encodings Russian and Chinese texts come in
 * (windows-1251, KOI8-R, GB18030/GBK, Big5), and `TextDecoder` (in Node and in browsers alike) reads
 * them. No Node-only API here: this stage also runs in a browser worker.
 */
import { analyse } from 'chardet';

export interface EncodingDecision {
  name: string;
  confidence: number;
}
export type Decoded =
  | { ok: true; text: string; messages: string[]; encoding?: EncodingDecision }
  | { ok: false; why: 'binary' | 'encoding' | 'format'; message: string };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Legacy encodings read when the bytes are not UTF-8: chardet's name → the TextDecoder label. */
const LEGACY: Record<string, string> = { 'windows-1251': 'windows-1251', 'KOI8-R': 'koi8-r', GB18030: 'gb18030', Big5: 'big5' };

/** Line and column (1-based) of a byte offset, counted in the raw bytes. */
function lineOfByte(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < bytes.length; i++)
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
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

/** Control characters other than tab, LF, FF and CR in `head`; -1 at the first NUL byte. */
function controlBytes(head: Uint8Array): number {
  let control = 0;
  for (let i = 0; i < head.length; i++) {
    const b = head[i]!;
    if (b === 0) return -1;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  }
  return control;
}

/**
 * A file is binary when it has NUL bytes or many control characters near its start. (The loop is a
 * function of its own, and the share compared in integers: written as one function, V8 threw away its
 * optimised code at every call, once per document, and ran the 8 KB loop in its interpreter.)
 */
export function looksBinary(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 8192);
  const control = controlBytes(head);
  // more than 5% of the bytes: control / n > 0.05
  return control < 0 || (head.length > 0 && control * 20 > head.length);
}

/**
 * UTF-16 without a byte order mark: text in Latin or Cyrillic script has a zero byte in every other
 * position (the high byte of each code unit), which chardet does not look for. Returns the byte order or null.
 */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 8) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const units = n / 2;
  if (oddZero > units * 0.3 && evenZero < units * 0.05) return 'utf-16le';
  if (evenZero > units * 0.3 && oddZero < units * 0.05) return 'utf-16be';
  return null;
}

/** UTF-16 → text; a lone surrogate is named by line and column (counted in characters) instead of becoming U+FFFD. */
function decodeUtf16(bytes: Uint8Array, label: 'utf-16le' | 'utf-16be', skip: number, file: string): Decoded {
  const body = bytes.subarray(skip, skip + ((bytes.length - skip) & ~1));
  // TextDecoder turns a lone surrogate into U+FFFD without a word, so the code units are walked first.
  const le = label === 'utf-16le';
  let line = 1;
  let column = 1;
  for (let i = 0; i + 1 < body.length; i += 2) {
    const u = le ? body[i]! | (body[i + 1]! << 8) : (body[i]! << 8) | body[i + 1]!;
    if (u >= 0xd800 && u <= 0xdbff) {
      const next = i + 3 < body.length ? (le ? body[i + 2]! | (body[i + 3]! << 8) : (body[i + 2]! << 8) | body[i + 3]!) : -1;
      if (next >= 0xdc00 && next <= 0xdfff) {
        i += 2;
        column++;
        continue;
      }
    }
    if (u >= 0xd800 && u <= 0xdfff) {
      return {
        ok: false,
        why: 'encoding',
        message: `${file}: not valid ${label.toUpperCase()} (a lone surrogate U+${u.toString(16).toUpperCase()} at line ${line}, column ${column}); save it as UTF-8 and run again`,
      };
    }
    if (u === 0x0a) {
      line++;
      column = 1;
    } else column++;
  }
  const text = new TextDecoder(label, { ignoreBOM: true }).decode(body);
  const messages = [`${file}: read as ${label.toUpperCase()}${skip ? ' (byte order mark removed)' : ' (no byte order mark)'}`];
  if ((bytes.length - skip) % 2 === 1) messages.push(`${file}: a stray last byte of the UTF-16 file was left out`);
  return { ok: true, text, messages, encoding: { name: label.toUpperCase(), confidence: skip ? 100 : 90 } };
}

/**
 * Bytes → text as it stands, or why not (binary, bad encoding). `decode` also normalises it.
 * (The name is kept from when only UTF-8 was read; formats/ calls it for web pages.)
 */
export function decodeUtf8(bytes: Uint8Array, file: string): Decoded {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeUtf16(bytes, 'utf-16le', 2, file);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeUtf16(bytes, 'utf-16be', 2, file);
  const bomless16 = utf16WithoutBom(bytes);
  if (bomless16) return decodeUtf16(bytes, bomless16, 0, file);
  if (looksBinary(bytes)) return { ok: false, why: 'binary', message: `${file}: looks like a binary file (not text); skipped` };
  let text: string;
  try {
    text = utf8.decode(bytes); // strips a UTF-8 BOM
  } catch {
    const legacy = decodeLegacy(bytes, file);
    if (legacy) return legacy;
    const at = firstInvalidUtf8(bytes);
    const { line, column } = lineOfByte(bytes, at);
    return {
      ok: false,
      why: 'encoding',
      message: `${file}: not valid UTF-8 (first bad byte 0x${bytes[at]?.toString(16).padStart(2, '0') ?? '??'} at line ${line}, column ${column}), nor windows-1251, KOI8-R, GB18030 or Big5; save it as UTF-8 and run again`,
    };
  }
  const messages: string[] = [];
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  if (bom) messages.push(`${file}: byte order mark removed`);
  return { ok: true, text, messages, encoding: { name: 'UTF-8', confidence: 100 } };
}

/**
 * Not UTF-8: chardet ranks the encodings the bytes fit; the best-ranked one we read (see LEGACY) is
 * used when it decodes without an error. Any other guess (e.g. ISO-8859-1 for a French text) is not
 * trusted: the file is reported as not UTF-8, as before.
 */
function decodeLegacy(bytes: Uint8Array, file: string): Decoded | null {
  const sample = bytes.length > 65536 ? bytes.subarray(0, 65536) : bytes;
  const ranked = analyse(sample);
  const top = ranked[0];
  for (const guess of ranked) {
    const label = LEGACY[guess.name];
    if (!label) continue;
    // a Latin-script guess far ahead of ours means the text is not Russian or Chinese
    if (top && top !== guess && !LEGACY[top.name] && top.confidence >= guess.confidence + 20) return null;
    let text: string;
    try {
      text = new TextDecoder(label, { fatal: true }).decode(bytes);
    } catch {
      continue;
    }
    return {
      ok: true,
      text,
      messages: [`${file}: read as ${guess.name} (chardet's guess, confidence ${guess.confidence}/100)`],
      encoding: { name: guess.name, confidence: guess.confidence },
    };
  }
  return null;
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
  return { ok: true, text: n.text, messages: [...raw.messages, ...n.messages], ...(raw.encoding ? { encoding: raw.encoding } : {}) };
}

const INVISIBLE = /[\u202A-\u202E\u2066-\u2069\u200B\u2060\uFEFF\u200E\u200F\u061C]/g;
