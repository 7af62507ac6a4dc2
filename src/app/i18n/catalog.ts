/**
 * The message files (messages/{en,ru,zh}.json: flat `"area.key": "ICU message"` objects a translator
 * edits) checked and read with icu.ts. English is the reference: a key missing from another file, one
 * that is not text, one that is not a valid message, or one that drops or renames a placeholder of the
 * English message is reported by file and key, and the English message is used. `t()` reads and checks
 * each message the first time it is shown (`message`); `catalog` checks a whole language at once (the
 * unit test, tools).
 */
import en from './messages/en.json';
import { argNames, formatMessage, parseMessage, type Formatting, type Msg, type Values } from './icu';
import { intlTag, type Locale } from './locale.svelte';
import { files, loadMessages, messagesIn } from './message-files';

export { loadMessages, messagesIn };

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;

export interface MessageProblem {
  file: string;
  key: string;
  message: string;
}

/** The names a message asks for (`{n}`, `{n, plural, ...}`), nested ones too, sorted. */
export function placeholders(m: Shown): string[] {
  return typeof m === 'string' ? [] : argNames(m);
}

const numberFormats = new Map<string, Intl.NumberFormat>();
/**
 * The number in a plural (`# events`). The first Intl.NumberFormat a page makes pays V8's one-time
 * set-up (30-90 ms in a trace of the seeds' load, 7 December), and the first screen's messages only
 * count small things. A whole number from 0 to 999 is written the same in all three languages, plain
 * digits with no grouping (a unit test holds this against Intl for each), so it is written here; any
 * other number goes to Intl, made on first need. Written by hand because no formatter library can skip
 * that set-up: they all stand on Intl.
 */
function plainNumber(tag: string, n: number): string {
  if (Number.isInteger(n) && n >= 0 && n < 1000 && !Object.is(n, -0)) return String(n);
  let f = numberFormats.get(tag);
  if (!f) numberFormats.set(tag, (f = new Intl.NumberFormat(tag)));
  return f.format(n);
}
const formatting = new Map<Locale, Formatting>();
/** A language's number writing and plural categories, made once. */
function formattingOf(locale: Locale): Formatting {
  let f = formatting.get(locale);
  if (!f) {
    const tag = intlTag(locale);
    let rules: Intl.PluralRules | null = null;
    f = { number: (n) => plainNumber(tag, n), plural: (n) => (rules ??= new Intl.PluralRules(tag)).select(n) };
    formatting.set(locale, f);
  }
  return f;
}

/** A shown message written with `values` in `locale`'s numbers and plurals (throws as icu.ts says). */
export function formatShown(m: Shown, locale: Locale, values?: Values): string {
  return typeof m === 'string' ? m : formatMessage(m, values, formattingOf(locale));
}

/** A message read: its text when it asks for nothing (no placeholder, plural or quote), else its pieces. */
function read(text: string): Shown {
  if (plain(text)) return text;
  const m = parseMessage(text);
  return m.every((p) => typeof p === 'string') ? m.join('') : m;
}

export interface Catalog {
  messages: Map<string, Shown>;
  problems: MessageProblem[];
}

/**
 * Checks one message file against the English reference. Pure: the unit test feeds it broken files.
 * `reference` null means this is the reference itself (only its own messages are checked).
 */
export function checkMessages(file: string, raw: unknown, reference: Catalog | null): Catalog {
  const messages = new Map<string, Shown>();
  const problems: MessageProblem[] = [];
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    problems.push({ file, key: '(whole file)', message: 'is not an object of "key": "message" pairs; English is used for every message.' });
    return { messages, problems };
  }
  const entries = raw as Record<string, unknown>;
  for (const [key, text] of Object.entries(entries)) {
    if (reference && !reference.messages.has(key)) {
      problems.push({ file, key, message: 'is not a key of en.json (misspelt or no longer used); ignored.' });
      continue;
    }
    if (typeof text !== 'string') {
      problems.push({ file, key, message: 'is not text; English is used.' });
      continue;
    }
    let m: Shown;
    try {
      m = read(text);
    } catch (e) {
      problems.push({ file, key, message: `is not a valid ICU message (${(e as Error).message}); English is used.` });
      continue;
    }
    const ref = reference?.messages.get(key);
    if (ref) {
      const want = placeholders(ref).join(', ');
      const got = placeholders(m).join(', ');
      if (want !== got) {
        problems.push({ file, key, message: `uses the placeholders {${got}} where en.json has {${want}}; English is used.` });
        continue;
      }
    }
    messages.set(key, m);
  }
  if (reference) {
    for (const key of reference.messages.keys()) {
      if (!(key in entries)) problems.push({ file, key, message: 'is missing; English is used.' });
    }
  }
  return { messages, problems };
}

const catalogs = new Map<Locale, Catalog>();

/** The checked messages of a language (its file fetched and checked on first use, then kept). */
export async function catalog(locale: Locale): Promise<Catalog> {
  let c = catalogs.get(locale);
  if (!c) {
    const reference = locale === 'en' ? null : await catalog('en');
    await loadMessages(locale);
    c = checkMessages(`src/app/i18n/messages/${locale}.json`, files[locale], reference);
    catalogs.set(locale, c);
    // A translator sees these in the console; the app still speaks, in English where the file fails.
    for (const p of c.problems) console.warn(`${p.file}: "${p.key}" ${p.message}`);
  }
  return c;
}

/**
 * A message as `t()` formats it: read into pieces, or its text when it has no placeholder, plural or
 * quote (about 7 in 10 of en.json). Such a message formats to its own text whatever the values, so
 * nothing of it is kept but the text.
 */
export type Shown = Msg | string;
const plain = (text: string) => !/[{}']/.test(text);

// By language, then by key: a key made of both was a new string per message shown, kept for the page's life.
const one: Record<Locale, Map<string, Shown | null>> = { en: new Map(), ru: new Map(), zh: new Map() };
const said = new Set<string>();
const warn = (file: string, key: string, message: string) => {
  if (said.has(`${file}:${key}`)) return;
  said.add(`${file}:${key}`);
  console.warn(`${file}: "${key}" ${message}`);
};

/**
 * One message of a language, read and checked against English the first time it is shown; null when
 * the file lacks it, is not in yet (`loadMessages`) or it fails (the caller then uses English). What
 * `t()` asks: the first screen shows a few dozen of the files' hundreds of messages, and compiling every
 * one of a language up front (as `catalog` does for the unit test) kept ~0.3 MB of message syntax trees
 * and their code on the page. A translator sees each problem in the console when its message is first
 * shown.
 */
export function message(locale: Locale, key: string): Shown | null {
  if (!messagesIn(locale)) return null;
  const known = one[locale].get(key);
  if (known !== undefined) return known;
  let m: Shown | null = null;
  const file = `src/app/i18n/messages/${locale}.json`;
  const raw = files[locale];
  const entries = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : null;
  const text = entries && Object.hasOwn(entries, key) ? entries[key] : undefined;
  if (!entries) warn(file, '(whole file)', 'is not an object of "key": "message" pairs; English is used for every message.');
  else if (text === undefined) {
    if (locale !== 'en' && hasMessage(key)) warn(file, key, 'is missing; English is used.');
  } else if (typeof text !== 'string') warn(file, key, 'is not text; English is used.');
  else
    try {
      const c = read(text);
      const ref = locale === 'en' ? null : message('en', key);
      const want = ref !== null && typeof ref !== 'string' ? placeholders(ref).join(', ') : '';
      const got = ref !== null && typeof c !== 'string' ? placeholders(c).join(', ') : '';
      if (want !== got) warn(file, key, `uses the placeholders {${got}} where en.json has {${want}}; English is used.`);
      else m = c;
    } catch (e) {
      warn(file, key, `is not a valid ICU message (${(e as Error).message}); English is used.`);
    }
  one[locale].set(key, m);
  return m;
}

/** Whether English (the reference) has a message `key` (data-built keys such as `topic.<id>`). */
export function hasMessage(key: string): boolean {
  return Object.hasOwn(en, key);
}
