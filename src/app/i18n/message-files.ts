/**
 * The message files as the page has them. English is part of the page; Russian and Chinese are fetched
 * when the interface turns to them (`loadMessages`, which `setLocale` waits for): an English page never
 * holds them (~0.05 MB of the page's heap at 1,000 events, bench/heap.ts). Apart from locale.svelte.ts
 * and catalog.ts, which both ask it, so neither imports the other for it.
 */
import en from './messages/en.json';

type Locale = 'en' | 'ru' | 'zh';

/** Each language's file as read (JSON, not yet checked), once it is in. */
export const files: Partial<Record<Locale, unknown>> = { en };
const fetchers: Record<Exclude<Locale, 'en'>, () => Promise<{ default: unknown }>> = {
  ru: () => import('./messages/ru.json'),
  zh: () => import('./messages/zh.json'),
};
const pending: Partial<Record<Locale, Promise<void>>> = {};

/** Whether the messages of `locale` are in (English always is). */
export function messagesIn(locale: Locale): boolean {
  return Object.hasOwn(files, locale);
}

/** Fetches the message file of `locale` once; a failed fetch rejects and is tried again on the next ask. */
export function loadMessages(locale: Locale): Promise<void> {
  if (locale === 'en' || messagesIn(locale)) return Promise.resolve();
  return (pending[locale] ??= fetchers[locale]().then(
    (m) => void (files[locale] = m.default),
    (e: unknown) => {
      delete pending[locale];
      throw e;
    },
  ));
}
