/**
 * What the event layer (event-layer.json) adds to an event, as the views read it. The page holds
 * either layer events or, from a data folder written before the layer, mentions (events.json): every
 * field here is optional, so each view asks for it and carries on without it.
 */
import type { Event, LayerEvent } from '../../contract/schema';

export type ShownEvent = Event & Partial<Pick<LayerEvent, 'docIds' | 'mentionIds' | 'sco' | 'meeting'>>;

/** No source document names the SCO (a UN page's forum, say): shown, but not as an SCO event. */
export const notSco = (e: Event): boolean => (e as ShownEvent).sco === false;

/** Said beside such an event wherever it is listed or described. */
export const NOT_SCO = 'not an SCO event';
