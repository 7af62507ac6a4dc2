/**
 * The event layer stage (issue 10), run after the corrections: links mentions to the chronology's
 * meetings, merges them into events, and says what the corrections and the chronology could not do.
 * Pure, like the other stages: the chronology comes in already read (./read.ts reads the file).
 */
import type { Chronology } from '../../contract/chronology.ts';
import type { Event, LayerEvent, LayerMeeting, Statement } from '../../contract/schema.ts';
import { applyLayerFixes, applyMeetingCorrections } from './corrections.ts';
import { buildLayer, namesSco } from './layer.ts';

export { buildLayer, kindOf, namesSco } from './layer.ts';
export { linkMention, namePattern, ordinalsNamed, REASONS } from './link.ts';
export { applyLayerFixes, applyMeetingCorrections, LINK_CORRECTIONS } from './corrections.ts';

export interface EventLayerInput {
  mentions: readonly Event[];
  statements: readonly Statement[];
  /** Documents by id: their title and text (whether the text names the SCO). */
  documents: readonly { id: string; title: string }[];
  texts: ReadonlyMap<string, string>;
  /** Whether each document's text names the SCO, when known beforehand (its text then need not be in `texts`). */
  sco?: ReadonlyMap<string, boolean>;
  chronology: Chronology;
  /** Every entry of the corrections file; only the link, meeting, merge and detach actions are read here. */
  corrections: readonly { index: number; c: { action: string } }[];
  correctionsFile: string;
}

export interface EventLayerOutput {
  /** The mentions with `eventId` (and `link` when linked). */
  mentions: Event[];
  /** The statements, less the links to mentions the corrections file detached them from. */
  statements: Statement[];
  layer: LayerEvent[];
  meetings: LayerMeeting[];
  /** docId → report lines (where the text disagrees with the chronology). */
  docMessages: Map<string, string[]>;
  /** Corrections entries that could not be applied, named. */
  correctionMessages: string[];
}

export function buildEventLayer(input: EventLayerInput): EventLayerOutput {
  const fixed = applyMeetingCorrections(
    input.chronology.meetings,
    input.corrections,
    input.correctionsFile,
    // The mentions' ids, only for a file that links or unlinks some.
    new Set(input.corrections.some(({ c }) => c.action === 'link' || c.action === 'unlink') ? input.mentions.map((e) => e.id) : []),
  );
  const layerFixes = applyLayerFixes(input.corrections, input.correctionsFile, input.mentions, input.statements);
  const docs = new Map(
    input.documents.map((d) => [d.id, { title: d.title, sco: input.sco?.get(d.id) ?? namesSco(input.texts.get(d.id) ?? '') }]),
  );
  const built = buildLayer({
    mentions: input.mentions,
    statements: input.statements,
    docs,
    meetings: fixed.meetings,
    forced: fixed.forced,
    merges: layerFixes.merges,
    detached: layerFixes.detached,
  });
  return {
    mentions: built.mentions,
    statements: built.statements,
    layer: built.layer,
    meetings: built.meetings,
    docMessages: built.messages,
    correctionMessages: [...fixed.messages, ...layerFixes.messages],
  };
}
