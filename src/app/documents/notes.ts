/**
 * What the readers and the pipeline say about a document are English sentences: they are the CLI's
 * words too (printed, and written to report.json), so they stay English there. The page shows the
 * common ones in the interface's language: each pattern below matches one of those sentences and names
 * the message (src/app/i18n/messages/*.json, `note.*`) that says it; a sentence no pattern knows is shown
 * as written. Hand-written because these are our own sentences, not a format a library knows; a test
 * holds each pattern to the sentence its source writes.
 */
import { getLocale, t, type Locale, type MessageKey } from '../i18n';

type Note = readonly [pattern: RegExp, key: MessageKey, names: readonly string[]];

const NOTES: readonly Note[] = [
  [/^no date found in it, so it adds no event$/, 'note.no-date', []],
  [/^no dates found$/, 'note.no-dates', []],
  [/^no text in it; nothing to extract$/, 'note.no-text', []],
  [/^no publication date: dates without a year take the year (\d{4})(?: \(.+\))?$/s, 'note.year-assumed', ['year']],
  [/^no publication date: dates without a year take the page's stamp, (\S+)$/, 'note.stamp-assumed', ['date']],
  [/^the PDF has no text layer \(a scan\?\); run it through OCR and add the text$/, 'note.no-text-layer', []],
  [/^byte order mark removed$/, 'note.bom', []],
  [/^Windows\/old Mac line ends \(CR\) normalised to LF$/, 'note.cr', []],
  [/^(\d+) invisible or bidirectional control character\(s\) removed$/, 'note.controls', ['n']],
  [/^looks like a binary file \(not text\); skipped$/, 'note.binary', []],
  [/^not a readable Word \(\.docx\) document \((.*)\)$/s, 'note.bad-docx', ['why']],
  [/^not a readable PDF \((.*)\)$/s, 'note.bad-pdf', ['why']],
  [/^not a readable \.xlsx workbook \((.*)\)$/s, 'note.bad-xlsx', ['why']],
  [/^the workbook has no sheet$/, 'note.no-sheet', []],
  [/^not a (\.txt, .+) file$/, 'note.not-addable', ['list']],
  [/^extraction failed \((.*)\)$/s, 'note.failed', ['why']],
];

function translate(sentence: string, locale: Locale): string | null {
  for (const [re, key, names] of NOTES) {
    const m = re.exec(sentence);
    if (!m) continue;
    const values: Record<string, string | number> = {};
    names.forEach((n, i) => (values[n] = n === 'n' ? Number(m[i + 1]) : m[i + 1]!));
    return t(key, values, locale);
  }
  return null;
}

/**
 * `note` in the interface's language when it is one of the sentences above, after the file's name
 * ("note.txt: no dates found") or on its own; as written otherwise.
 */
export function noteText(note: string, locale: Locale = getLocale()): string {
  if (locale === 'en') return note;
  const whole = translate(note, locale);
  if (whole !== null) return whole;
  const colon = note.indexOf(': ');
  if (colon < 0) return note;
  const rest = translate(note.slice(colon + 2), locale);
  return rest === null ? note : `${note.slice(0, colon)}: ${rest}`;
}
