/**
 * `t(key, values)`: the interface's words in the current language, for .svelte and .ts alike.
 * In a template or `$derived` it re-runs when the language changes (the locale is `$state`).
 */
import { catalog, type MessageKey } from './catalog';
import { getLocale, type Locale } from './locale.svelte';

export type MessageValues = Record<string, string | number | Date | null | undefined>;

const failed = new Set<string>();

/** The message `key` in `locale` (default: the current one), English when that language lacks it. */
export function t(key: MessageKey, values?: MessageValues, locale: Locale = getLocale()): string {
  const own = catalog(locale).messages.get(key);
  const m = own ?? catalog('en').messages.get(key);
  if (!m) return key;
  try {
    return String(m.format(values as Record<string, string | number | Date>));
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
