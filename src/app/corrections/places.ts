/**
 * The place search of the event editor: gazetteer entries whose name, or one of their other names
 * (Russian, Chinese, aliases), starts with what was typed, case and accents aside; then those that
 * contain it; larger places first. Hand-written: a prefix scan of ~3,000 entries needs no index library.
 */
import { distance } from '@turf/turf';
import type { GazetteerPlace } from '../../pipeline/gazetteer';
import { countryName, placeName, t } from '../i18n';
import { getLocale, type Locale } from '../i18n/locale.svelte';

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();

/**
 * A gazetteer place as the editor lists it, in the interface language: "Тяньцзинь, Китай", not
 * "Tianjin, Китай" (the city kept its English name while its country was translated).
 */
export function gazetteerLabel(p: GazetteerPlace, locale: Locale = getLocale()): string {
  const name = placeName({ name: p.name, names: { ru: p.ru?.[0], zh: p.zh?.[0] } }, locale);
  return t('place.inCountry', { place: name, country: countryName(p.countryCode, p.country, locale) }, locale);
}

export function searchPlaces(gaz: ReadonlyMap<string, GazetteerPlace>, query: string, limit: number): GazetteerPlace[] {
  const q = fold(query.trim());
  if (!q) return [];
  const starts: GazetteerPlace[] = [];
  const inside: GazetteerPlace[] = [];
  for (const p of gaz.values()) {
    const names = [p.name, ...p.names, ...(p.ru ?? []), ...(p.zh ?? [])].map(fold);
    if (names.some((n) => n.startsWith(q))) starts.push(p);
    else if (names.some((n) => n.includes(q))) inside.push(p);
  }
  const order = (a: GazetteerPlace, b: GazetteerPlace) => b.population - a.population || (a.id < b.id ? -1 : 1);
  return [...starts.sort(order), ...inside.sort(order)].slice(0, limit);
}

/**
 * The gazetteer place nearest a point clicked on the map (great-circle distance, turf's `distance`),
 * for the event editor's "Pick on map"; larger places win a tie.
 */
export function nearestPlace(gaz: ReadonlyMap<string, GazetteerPlace>, lng: number, lat: number): GazetteerPlace | null {
  let best: { p: GazetteerPlace; d: number } | null = null;
  for (const p of gaz.values()) {
    const d = distance([lng, lat], [p.lon, p.lat]);
    if (!best || d < best.d || (d === best.d && p.population > best.p.population)) best = { p, d };
  }
  return best?.p ?? null;
}
