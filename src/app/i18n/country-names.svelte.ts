/**
 * Countries' names in Russian and Chinese (i18n-iso-countries' tables), each fetched the first time its
 * language is asked for (`setLocale` asks for the interface language's): a page in English never holds
 * them. Until they are in, names in that language fall back to English; the arrival is `$state`, so a
 * template, effect or `$derived` that read them runs again.
 */
/** A country's names by alpha-2 code: one name, or the official one first and then others. */
export type CountryNames = Readonly<Record<string, string | readonly string[]>>;
// The interface's languages (locale.svelte.ts), written out here: that module asks this one.
type Locale = 'en' | 'ru' | 'zh';
type Other = Exclude<Locale, 'en'>;

class Loaded {
  ru = $state.raw<CountryNames | null>(null);
  zh = $state.raw<CountryNames | null>(null);
}
const loaded = new Loaded();

const fetchers: Record<Other, () => Promise<{ default: { countries: CountryNames } }>> = {
  ru: () => import('i18n-iso-countries/langs/ru.json'),
  zh: () => import('i18n-iso-countries/langs/zh.json'),
};
const pending: Partial<Record<Other, Promise<void>>> = {};

/** Fetches the country names of `locale` once (nothing for English); a failed fetch is tried again on the next ask. */
export function loadCountryNames(locale: Locale): Promise<void> {
  if (locale === 'en') return Promise.resolve();
  return (pending[locale] ??= fetchers[locale]().then(
    (m) => void (loaded[locale] = m.default.countries),
    () => void delete pending[locale],
  ));
}

/** The names of `locale` if they are in (reactive), else null. */
export function countryNamesIn(locale: Other): CountryNames | null {
  return loaded[locale];
}
