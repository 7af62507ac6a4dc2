/**
 * Names of places, countries and meetings in the interface language. A city's Russian and Chinese
 * names come with the data (places.geojson `names`, from the gazetteer); countries' from
 * i18n-iso-countries (ISO 3166-1 names per language, fetched for the language shown: country-names.svelte.ts)
 * with a few SCO usages in country-names.json;
 * a meeting the chronology knows has its name in every language (event-layer.json `meeting.names`).
 * Anything without a name in the language keeps the English one.
 */
import { toAlpha2 } from './country-codes';
import { countryNamesIn, loadCountryNames } from './country-names.svelte';
import overrides from './country-names.json';
import { getLocale, type Locale } from './locale.svelte';
import { REASONS } from '../../pipeline/events/link';
import type { MessageKey } from './catalog';
import { t } from './t';

export interface Named {
  name: string;
  names?: { ru?: string; zh?: string } | undefined;
}

/** A city's name: "Bishkek", "Бишкек", "比什凯克". */
export function placeName(p: Named, locale: Locale = getLocale()): string {
  return locale === 'en' ? p.name : (p.names?.[locale] ?? p.name);
}

/** The SCO's own short form of a country's name in a language (country-names.json), when it differs. */
export function countryOverride(alpha2: string, locale: 'ru' | 'zh'): string | undefined {
  return (overrides[locale] as Record<string, string>)[alpha2.toUpperCase()];
}

/**
 * A country by its ISO code (alpha-2 as the data gives it), else the English name the data gave: also
 * while the language's names are still being fetched (reactive: a template shows them once they are in).
 */
export function countryName(code: string | null | undefined, english: string, locale: Locale = getLocale()): string {
  if (locale === 'en' || !code) return english;
  const cc = code.toUpperCase();
  const own = (overrides[locale] as Record<string, string>)[cc];
  if (own) return own;
  const names = countryNamesIn(locale);
  if (!names) {
    void loadCountryNames(locale);
    return english;
  }
  const a2 = toAlpha2(cc);
  const n = a2 === undefined ? undefined : names[a2];
  // The official name is the first of several.
  return (typeof n === 'string' ? n : n?.[0]) ?? english;
}

export interface Titled {
  title: string;
  meeting?: { names: { en: string; ru: string; zh: string } } | undefined;
}

/** An event's title: a linked meeting's name in the interface language, else the title its document gave. */
export function eventTitle(e: Titled, locale: Locale = getLocale()): string {
  return locale !== 'en' && e.meeting ? e.meeting.names[locale] : e.title;
}

const REASON_KEYS = new Map<string, MessageKey>([
  [REASONS.document, 'link.document'],
  [REASONS.name, 'link.name'],
  [REASONS.datePlace, 'link.datePlace'],
  [REASONS.dateOnline, 'link.dateOnline'],
  [REASONS.curated, 'link.curated'],
]);

/**
 * Why an event is tied to a chronology meeting (the data writes it in English, REASONS of
 * pipeline/events/link.ts), in the interface language: a Russian reader heard "linked: date and place
 * match the meeting" on the timeline. A corrections file's own reason after its prefix stays as written.
 */
export function linkReason(reason: string): string {
  const own = REASON_KEYS.get(reason);
  if (own) return t(own);
  const curated = `${REASONS.curated}: `;
  if (reason.startsWith(curated)) return `${t('link.curated')}: ${reason.slice(curated.length)}`;
  return reason;
}
