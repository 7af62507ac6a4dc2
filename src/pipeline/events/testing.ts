/** Shared by the event layer's tests. */
import type { Event } from '../../contract/schema.ts';

/** A mention as events.json holds it. */
export function mention(start: string, fields: Partial<Event> = {}): Event {
  const precision = start.length === 10 ? 'day' : start.length === 7 ? 'month' : 'year';
  return {
    id: `doc:${start}`,
    docId: 'doc',
    start,
    precision,
    placeId: null,
    online: false,
    title: 'Event',
    topics: [],
    statementIds: [],
    dateText: start,
    curated: false,
    ...fields,
  };
}
