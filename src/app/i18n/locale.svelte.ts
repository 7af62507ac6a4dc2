/**
 * The interface language: which ones the app speaks, how a URL value or the browser's languages map to
 * one, and the current one as `$state` (so every `t()` in a template re-renders when it changes).
 *
 * The atlas state owns the choice (`view.lang`, mirrored in the URL as `lang=`; the browser's language
 * otherwise) and App.svelte copies it here; `t()` and the formatters read it from here, so plain .ts
 * modules (exports, notices, the map's labels) speak the same language as the components.
 */
import { loadCountryNames } from './country-names.svelte';
import { loadMessages, messagesIn } from './message-files';

export const LOCALES = ['en', 'ru', 'zh'] as const;
export type Locale = (typeof LOCALES)[number];

/** Each language by its own name, for the switch: a reader finds theirs whatever language is shown. */
export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', ru: 'Русский', zh: '中文' };

/** The tag handed to Intl: British English (day before month, as the app always wrote dates). */
const INTL_TAGS: Record<Locale, string> = { en: 'en-GB', ru: 'ru-RU', zh: 'zh-CN' };

export function intlTag(l: Locale): string {
  return INTL_TAGS[l];
}

/** `ru`, `ru-RU`, `zh-Hant-TW`, `EN` → the app's locale; anything else → null. */
export function parseLocale(text: string | null | undefined): Locale | null {
  const base = (text ?? '').trim().toLowerCase().split(/[-_]/)[0];
  return (LOCALES as readonly string[]).includes(base ?? '') ? (base as Locale) : null;
}

/** The first of the browser's languages the app speaks, else English. */
export function localeFromLanguages(languages: readonly string[] | undefined): Locale {
  for (const l of languages ?? []) {
    const m = parseLocale(l);
    if (m) return m;
  }
  return 'en';
}

/** The browser's preference (English where there is no navigator: Node, workers without one). */
export function browserLocale(): Locale {
  const nav = typeof navigator === 'undefined' ? undefined : navigator;
  return localeFromLanguages(nav?.languages?.length ? nav.languages : nav?.language ? [nav.language] : []);
}

class CurrentLocale {
  value = $state<Locale>('en');
}

const current = new CurrentLocale();

/** The interface language now (reactive). */
export function getLocale(): Locale {
  return current.value;
}

let wanted: Locale = 'en';

/**
 * Turns the interface to `l`: at once when its messages are in (English, or a language shown before),
 * else once its message file has arrived (message-files.ts), so the page never shows a mix of the two
 * languages' words; resolves then. Should the file fail, the interface turns anyway, its words in English.
 */
export function setLocale(l: Locale): Promise<void> {
  wanted = l;
  // The countries' names in that language, fetched now so that they are in when first drawn.
  void loadCountryNames(l);
  if (messagesIn(l)) {
    current.value = l;
    return Promise.resolve();
  }
  const turn = () => {
    if (wanted === l) current.value = l;
  };
  return loadMessages(l).then(turn, turn);
}

/**
 * A link with the interface language in it (`lang=`), unless it names one already: a shared view opens
 * in the language it was shared in.
 */
export function withLang(href: string, locale: Locale): string {
  try {
    // A plain URL built and read here, not state.
    // eslint-disable-next-line svelte/prefer-svelte-reactivity
    const u = new URL(href);
    if (!u.searchParams.has('lang')) u.searchParams.set('lang', locale);
    return u.href;
  } catch {
    return href;
  }
}
