/**
 * `t(key, values)`: the interface's words in the current language, for .svelte and .ts alike.
 * In a template or `$derived` it re-runs when the language changes (the locale is `$state`).
 */
import { formatShown, hasMessage, message, type MessageKey } from './catalog';
import { getLocale, type Locale } from './locale.svelte';

export type MessageValues = Record<string, string | number | Date | null | undefined>;

const failed = new Set<string>();

/** The message `key` in `locale` (default: the current one), English when that language lacks it. */
export function t(key: MessageKey, values?: MessageValues, locale: Locale = getLocale()): string {
  const own = message(locale, key);
  const m = own ?? message('en', key);
  if (!m) return key;
  if (typeof m === 'string') return m;
  try {
    return formatShown(m, own ? locale : 'en', values);
  } catch (e) {
    // A value missing at the call site: say which message, once, and fall back to English (or the key).
    const tag = `${locale}:${key}`;
    if (!failed.has(tag)) {
      failed.add(tag);
      console.warn(`i18n: message "${key}" (${locale}) could not be formatted: ${(e as Error).message}`);
    }
    if (own && locale !== 'en') return t(key, values, 'en');
    return key;
  }
}

/**
 * A message whose key is built from data (`topic.<id>`): its text when the files have it, else
 * `fallback` (the data's own English label), so a topic added to data/topics.json still shows.
 */
export function tOr(key: string, fallback: string, locale: Locale = getLocale()): string {
  return hasMessage(key) ? t(key as MessageKey, undefined, locale) : fallback;
}

/** A topic's label in the interface language (the message `topic.<id>`), else its label from the data. */
export function topicLabel(topic: { id: string; label: string }): string {
  return tOr(`topic.${topic.id}`, topic.label);
}

/** A document kind ("declaration", "news report") in the interface language. */
export function docKind(kind: string): string {
  return tOr(`doc.kind.${kind}`, kind);
}
