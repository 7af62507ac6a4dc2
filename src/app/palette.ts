/**
 * The app's colours that carry meaning, defined once: topic colours (timeline marks, filter swatches)
 * and SCO status colours (the map's countries and its legend).
 */

/** Topic colours: dark enough for 3:1 against the white timeline (WCAG non-text contrast). */
export const TOPIC_COLOURS = ['#1d4ed8', '#c2410c', '#15803d', '#7e22ce', '#b91c1c', '#0e7490', '#a16207', '#be185d', '#4338ca', '#4d7c0f'];
/** Marks and swatches of events without a topic. */
export const NO_TOPIC = '#57534e';

/**
 * A topic's colour slot: its position in topics.json, wrapped round the palette; `TOPIC_COLOURS.length`
 * (the slot of NO_TOPIC) for an unknown topic or none.
 */
export function topicSlot(topicIndex: ReadonlyMap<string, number>, id: string | undefined): number {
  const k = id === undefined ? undefined : topicIndex.get(id);
  return k === undefined ? TOPIC_COLOURS.length : k % TOPIC_COLOURS.length;
}

/** The colour of a topic's slot (see `topicSlot`). */
export function topicColour(topicIndex: ReadonlyMap<string, number>, id: string | undefined): string {
  return TOPIC_COLOURS[topicSlot(topicIndex, id)] ?? NO_TOPIC;
}

/** Country fills by SCO status (map style and legend). */
export const STATUS_COLOURS = { member: '#9cc3d5', observer: '#c9dfa9', partner: '#f0dca8' } as const;
/** Labels of the statuses, in the legend's order. */
export const STATUS_LABELS = { member: 'Member', observer: 'Observer', partner: 'Dialogue partner' } as const;
/** Countries with no SCO status. */
export const LAND = '#eceae4';
