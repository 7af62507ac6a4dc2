/**
 * Which events are summits, for the great-circle "journey of the summits". The rule reads the data
 * (topics and titles), not a list of cities, so new summits join the path as the corpus grows.
 */
import type { AtlasData } from './indexes';

export const SUMMIT_RULE = {
  topics: ['summit'],
  title: /\bsummit\b|council of (the )?heads of state/i,
};

/**
 * Place ids of summit host cities in date order (repeats in a row skipped). A summit held by video
 * still has its host (chair) city when the text names one, so it stays on the path.
 */
export function summitHosts(d: AtlasData, rule = SUMMIT_RULE): string[] {
  const out: string[] = [];
  d.events.forEach((e) => {
    if (!e.placeId) return;
    if (!e.topics.some((t) => rule.topics.includes(t)) && !rule.title.test(e.title)) return;
    if (out[out.length - 1] !== e.placeId) out.push(e.placeId);
  });
  return out;
}
