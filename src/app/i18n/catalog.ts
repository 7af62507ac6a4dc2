/**
 * The message files (messages/{en,ru,zh}.json: flat `"area.key": "ICU message"` objects a translator
 * edits) checked and compiled with intl-messageformat. English is the reference: a key missing from
 * another file, one that is not text, one that is not a valid ICU message, or one that drops or renames a
 * placeholder of the English message is reported by file and key, and the English message is used.
 * `t()` compiles and checks each message the first time it is shown (`message`); `catalog` checks a
 * whole language at once (the unit test, tools).
 */
import { IntlMessageFormat, type Formatters } from 'intl-messageformat';
import en from './messages/en.json';
import ru from './messages/ru.json';
import zh from './messages/zh.json';
import { intlTag, type Locale } from './locale.svelte';

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;

export interface MessageProblem {
  file: string;
  key: string;
  message: string;
}

const RAW: Record<Locale, unknown> = { en, ru, zh };

/** The placeholders a message uses (`{n}`, `{n, plural, ...}`, `{d, date}`), nested ones too. */
export function placeholders(m: IntlMessageFormat): string[] {
  const out = new Set<string>();
  const walk = (els: unknown[]): void => {
    for (const el of els as Array<{
      type: number;
      value?: unknown;
      options?: Record<string, { value: unknown[] }>;
      children?: unknown[];
    }>) {
      // Literal (0) and pound (7) carry no name; every other element is a named argument or a tag.
      if (el.type !== 0 && el.type !== 7 && typeof el.value === 'string') out.add(el.value);
      if (el.options) for (const o of Object.values(el.options)) walk(o.value);
      if (el.children) walk(el.children);
    }
  };
  walk(m.getAst() as unknown[]);
  return [...out].sort();
}

// Each new IntlMessageFormat asks Intl which of its locales are supported (supportedLocalesOf, slow in V8:
// 132 ms of the seeds' page load over the first screen's few dozen messages) and makes its own number and
// plural formatters. Our locales are three fixed tags, passed one at a time: for a single tag the library's
// answer is `new Intl.Locale(tag)` whether or not Intl lists it, so that is what is made here (once per
// tag), without asking. Asking cost the first screen V8's one-time list of number-format locales: 30-90 ms
// in a trace of the seeds' load (bench/tmp, 7 December).
const resolveLocale = IntlMessageFormat.resolveLocale;
const resolved = new Map<string, ReturnType<typeof resolveLocale>>();
IntlMessageFormat.resolveLocale = (locales) => {
  const key = String(locales);
  if (!resolved.has(key)) resolved.set(key, typeof locales === 'string' && Intl.Locale ? new Intl.Locale(locales) : resolveLocale(locales));
  return resolved.get(key);
};
/** One formatter per locale and options, made once: what the library does per message, shared by all. */
function memo<A extends unknown[], T>(make: (...args: A) => T): (...args: A) => T {
  const made = new Map<string, T>();
  return (...args) => {
    const key = JSON.stringify(args);
    let v = made.get(key);
    if (v === undefined) made.set(key, (v = make(...args)));
    return v;
  };
}
const numberFormats = memo((locales?: string | string[], opts?: Intl.NumberFormatOptions) => new Intl.NumberFormat(locales, opts));
/**
 * The number in a plural (`# events`) or a plain `{n, number}`. The first Intl.NumberFormat a page makes
 * pays V8's one-time set-up (the same 30-90 ms as above), and the first screen's messages only count
 * small things. A whole number from 0 to 999 is written the same in all three languages, plain digits
 * with no grouping (a unit test holds this against Intl for each), so it is written here; any other
 * number goes to Intl, made on first need. Written by hand because no formatter library can skip that
 * set-up: they all stand on Intl.
 */
function plainNumbers(locales?: string | string[], opts?: Intl.NumberFormatOptions): Intl.NumberFormat {
  if (opts && Object.keys(opts).length) return numberFormats(locales, opts);
  let real: Intl.NumberFormat | null = null;
  const format = (n: number | bigint): string =>
    typeof n === 'number' && Number.isInteger(n) && n >= 0 && n < 1000 && !Object.is(n, -0)
      ? String(n)
      : (real ??= numberFormats(locales)).format(n);
  return { format } as Intl.NumberFormat;
}
const formatters: Formatters = {
  getNumberFormat: memo(plainNumbers),
  getDateTimeFormat: memo((...a: ConstructorParameters<typeof Intl.DateTimeFormat>) => new Intl.DateTimeFormat(...a)),
  getPluralRules: memo((...a: ConstructorParameters<typeof Intl.PluralRules>) => new Intl.PluralRules(...a)),
};

function compile(text: string, locale: Locale): IntlMessageFormat {
  return new IntlMessageFormat(text, intlTag(locale), undefined, { ignoreTag: true, formatters });
}

export interface Catalog {
  messages: Map<string, IntlMessageFormat>;
  problems: MessageProblem[];
}

/**
 * Checks one message file against the English reference. Pure: the unit test feeds it broken files.
 * `reference` null means this is the reference itself (only its own messages are checked).
 */
export function checkMessages(file: string, locale: Locale, raw: unknown, reference: Catalog | null): Catalog {
  const messages = new Map<string, IntlMessageFormat>();
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
    let m: IntlMessageFormat;
    try {
      m = compile(text, locale);
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

/** The checked messages of a language (checked on first use, then kept). */
export function catalog(locale: Locale): Catalog {
  let c = catalogs.get(locale);
  if (!c) {
    const reference = locale === 'en' ? null : catalog('en');
    c = checkMessages(`src/app/i18n/messages/${locale}.json`, locale, RAW[locale], reference);
    catalogs.set(locale, c);
    // A translator sees these in the console; the app still speaks, in English where the file fails.
    for (const p of c.problems) console.warn(`${p.file}: "${p.key}" ${p.message}`);
  }
  return c;
}

/**
 * A message as `t()` formats it: compiled, or its text when it has no placeholder, plural or quote (about
 * 7 in 10 of en.json). Such a message formats to its own text whatever the values, so it needs no
 * IntlMessageFormat: each of those kept its syntax tree and options, ~0.06 MB for the messages a page at
 * 1,000 events had shown (heap snapshot, dominator tree).
 */
export type Shown = IntlMessageFormat | string;
const plain = (text: string) => !/[{}']/.test(text);

const one = new Map<string, Shown | null>();
const said = new Set<string>();
const warn = (file: string, key: string, message: string) => {
  if (said.has(`${file}:${key}`)) return;
  said.add(`${file}:${key}`);
  console.warn(`${file}: "${key}" ${message}`);
};

/**
 * One message of a language, compiled and checked against English the first time it is shown; null when
 * the file lacks it or it fails (the caller then uses English). What `t()` asks: the first screen shows
 * a few dozen of the files' hundreds of messages, and compiling every one of a language up front (as
 * `catalog` does for the unit test) kept ~0.3 MB of message syntax trees and their code on the page.
 * A translator sees each problem in the console when its message is first shown.
 */
export function message(locale: Locale, key: string): Shown | null {
  const id = `${locale}\u0000${key}`;
  const known = one.get(id);
  if (known !== undefined) return known;
  let m: Shown | null = null;
  const file = `src/app/i18n/messages/${locale}.json`;
  const raw = RAW[locale];
  const entries = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : null;
  const text = entries && Object.hasOwn(entries, key) ? entries[key] : undefined;
  if (!entries) warn(file, '(whole file)', 'is not an object of "key": "message" pairs; English is used for every message.');
  else if (text === undefined) {
    if (locale !== 'en' && hasMessage(key)) warn(file, key, 'is missing; English is used.');
  } else if (typeof text !== 'string') warn(file, key, 'is not text; English is used.');
  else
    try {
      const c = plain(text) ? text : compile(text, locale);
      const ref = locale === 'en' ? null : message('en', key);
      const want = ref !== null && typeof ref !== 'string' ? placeholders(ref).join(', ') : '';
      const got = ref !== null && typeof c !== 'string' ? placeholders(c).join(', ') : '';
      if (want !== got) warn(file, key, `uses the placeholders {${got}} where en.json has {${want}}; English is used.`);
      else m = c;
    } catch (e) {
      warn(file, key, `is not a valid ICU message (${(e as Error).message}); English is used.`);
    }
  one.set(id, m);
  return m;
}

/** Whether English (the reference) has a message `key` (data-built keys such as `topic.<id>`). */
export function hasMessage(key: string): boolean {
  return Object.hasOwn(en, key);
}

/** The raw message files, for the unit test's completeness check. */
export const MESSAGE_FILES: Record<Locale, unknown> = RAW;
