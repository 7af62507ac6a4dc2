/**
 * The one-line summary under the title (and, once the window stops moving, for screen readers): what
 * the window holds, and the chosen city or event. From the window's counts (per city, plus the events
 * without a city), not a scan of the window: it is derived on every brush move.
 */
import { fmtDay } from '../components/format';
import { DAY } from '../days';
import { eventTitle, placeName, t } from '../i18n';
import type { AtlasState } from './atlas.svelte';

export function windowSummary(atlas: AtlasState): string {
  const data = atlas.data;
  const win = atlas.window;
  const counts = atlas.counts;
  if (!data || !win || !counts) return '';
  let stCount = counts.offStatements;
  for (const v of counts.statements) stCount += v;
  const parts = [t('summary.window', { events: counts.total, statements: stCount, from: fmtDay(win.from), to: fmtDay(win.upTo - DAY) })];
  const { place, event } = atlas.view;
  if (place) {
    const p = data.places[data.placeIndex.get(place) ?? -1];
    parts.push(t('summary.city', { name: p ? placeName(p.properties) : place }));
  }
  if (event) {
    const e = data.events[data.eventIndex.get(event) ?? -1];
    parts.push(t('summary.event', { title: e ? eventTitle(e) : event }));
  }
  // A Russian date ends in "г.": no second full stop after it.
  const said = parts.join(t('summary.sep'));
  return said.endsWith(t('summary.end')) ? said : said + t('summary.end');
}
