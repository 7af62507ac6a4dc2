/**
 * The words the PNG and the video draw beside the map: the legend's labels in the interface language,
 * and the selected city's panel (its name, country and first statements with their dates), built from
 * the atlas data. Pure: data in, text out.
 */
import type { Event } from '../../contract/schema';
import { fmtEventDate, fmtPartial } from '../components/format';
import type { AtlasData } from '../data/indexes';
import { countryName, docKind, eventTitle, placeName, t } from '../i18n';
import type { CityPanel, LegendLabels } from './snapshot-panels';
import type { StoryStep } from './story';
import type { StoryCard } from './video-frame';

/** How many statements the panel lists at most (more would not be read on a slide). */
export const PANEL_STATEMENTS = 4;

export function legendLabels(): LegendLabels {
  return {
    member: t('present.legend.member'),
    observer: t('present.legend.observer'),
    partner: t('present.legend.partner'),
    events: t('present.legend.events'),
    summits: t('present.legend.summits'),
  };
}

/**
 * The selected city's panel: its events in `events` (the view's, in date order) each with its first
 * statement and the event's date, then the city's other statements (dated by their document); null
 * when no city is selected or it is unknown.
 */
export function cityPanel(data: AtlasData, placeId: string | null, events: readonly Event[]): CityPanel | null {
  const place = placeId ? data.places[data.placeIndex.get(placeId) ?? -1] : undefined;
  if (!place) return null;
  const items: CityPanel['items'] = [];
  const seen = new Set<string>();
  const here = events.filter((e) => e.placeId === place.properties.id).sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  for (const e of here) {
    for (const s of data.statementsByEvent.get(e.id) ?? []) {
      if (seen.has(s.id)) continue;
      seen.add(s.id);
      if (items.length < PANEL_STATEMENTS) items.push({ date: fmtEventDate(e), text: s.text });
    }
  }
  for (const s of data.statementsByPlace.get(place.properties.id) ?? []) {
    if (seen.has(s.id)) continue;
    seen.add(s.id);
    const published = data.documents.get(s.docId)?.published;
    if (items.length < PANEL_STATEMENTS)
      items.push({ date: published ? fmtEventDate({ start: published, end: undefined }) : '', text: s.text });
  }
  const more = seen.size - items.length;
  return {
    title: placeName(place.properties),
    subtitle: countryName(place.properties.countryCode, place.properties.country),
    items,
    more: more > 0 ? t('present.png.more', { n: more }) : '',
  };
}

/** A story step as the video's card shows it, in the interface language. */
export function storyCard(s: StoryStep, total: number): StoryCard {
  const format = s.format === 'videoconference' ? t('story.videoconference') : s.format === 'hybrid' ? t('story.hybrid') : '';
  const city = s.placeName ? placeName({ name: s.placeName, names: s.placeNames }) : '';
  const where = city
    ? s.country
      ? t('place.inCountry', { place: city, country: countryName(s.countryCode, s.country) })
      : city
    : s.online
      ? t('place.online')
      : '';
  const source = s.docTitle
    ? [s.docTitle, s.docKind ? docKind(s.docKind) : null, s.docPublished ? fmtPartial(s.docPublished, 'long') : null]
        .filter(Boolean)
        .join(' · ')
    : '';
  return {
    count: t('present.video.step', { n: s.n, total }),
    when: fmtPartial(s.date, 'long'),
    where,
    format,
    title: s.caption ?? eventTitle({ title: s.title, meeting: s.meetingNames ? { names: s.meetingNames } : undefined }),
    statement: s.statement ?? '',
    source,
  };
}
