/**
 * The event layer (issue 10): mentions (events.json, one per document and date) → events
 * (event-layer.json, one per real event across documents). Pure: records in, records out.
 *
 * - Mentions linked to one chronology meeting, from any number of documents, make one event: the
 *   meeting's id, its full span, its English name, online when it was held by video.
 * - Unlinked mentions that share date, place and kind (the meeting noun of their titles: forum,
 *   exhibition...) merge too; the event keeps the first mention's id, so old ids and links still work.
 * - Nothing is dropped: every mention points to its event (`eventId`) and keeps its own date; every
 *   statement stays under the mention that dated it, unless the corrections file detached it.
 * - The corrections file's `merge-events` makes the events of the mentions it names one event (the
 *   first mention named gives it its id, date, place and title, unless one is linked to a meeting).
 */
import type { Meeting } from '../../contract/chronology.ts';
import type { Event, LayerEvent, LayerMeeting, Statement } from '../../contract/schema.ts';
import { disagreement, linkMention, mayLink, REASONS, type Link } from './link.ts';

/** A document names the SCO (in English, Russian or Chinese): its events are SCO events. */
const NAMES_SCO =
  /(?<![\p{L}])(?:SCO|ШОС)(?![\p{L}])|Shanghai\s+(?:Cooperation\s+Organi[sz]ation|Five)|Шанхайск\p{L}*\s+(?:организаци|пят[её]рк)|上海合作组织|上合组织|上海五国/iu;
export const namesSco = (text: string) => NAMES_SCO.test(text);

export interface LayerInput {
  /** Mentions after corrections, in time order (as events.json is written). */
  mentions: readonly Event[];
  statements: readonly Statement[];
  /** docId → its title (for a title that names a meeting's document) and whether its text names the SCO. */
  docs: ReadonlyMap<string, { title: string; sco: boolean }>;
  meetings: readonly Meeting[];
  /** Links set by the corrections file: mention id → meeting id, or null to keep a mention unlinked. */
  forced?: ReadonlyMap<string, { meetingId: string | null; reason: string }>;
  /** Mentions the corrections file merges into one event, the first naming it (events/corrections.ts). */
  merges?: readonly { mentionIds: readonly string[]; reason: string }[];
  /** Statements the corrections file detaches from a mention: mention id → statement ids. */
  detached?: ReadonlyMap<string, { statementIds: ReadonlySet<string>; reason: string }>;
}

export interface LayerOutput {
  mentions: Event[];
  /** The statements, without the links to mentions that the corrections file detached them from. */
  statements: Statement[];
  layer: LayerEvent[];
  meetings: LayerMeeting[];
  /** docId → sentences for report.json: where a text disagrees with the chronology. */
  messages: Map<string, string[]>;
}

/** The noun that says what kind of event a title is, so a forum and an exhibition on one day stay two events. */
const KIND =
  /\b(summit|meeting|session|conference|forum|exhibition|exercise|visit|talks|festival|ceremony|seminar|round\s?table|dialogue|consultations|games|competition|contest|operation|signing|anniversary)s?\b/i;
export function kindOf(title: string): string {
  return KIND.exec(title.split(',')[0]!)?.[1]!.toLowerCase().replace(/\s/, '') ?? 'other';
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function buildLayer(input: LayerInput): LayerOutput {
  const { docs, meetings, forced } = input;
  const { mentions, statements } = detach(input.mentions, input.statements, input.detached);
  const meetingById = new Map(meetings.map((m) => [m.id, m]));
  // Built on first need: most mentions have no meeting near their date (mayLink), and need no text.
  let sentences: Map<string, string> | undefined;
  const messages = new Map<string, string[]>();
  const say = (docId: string, msg: string) => messages.set(docId, [...(messages.get(docId) ?? []), msg]);

  const links = new Map<string, Link>();
  for (const e of mentions) {
    const f = forced?.size ? forced.get(e.id) : undefined;
    if (f) {
      const m = f.meetingId === null ? undefined : meetingById.get(f.meetingId);
      if (m) links.set(e.id, { meeting: m, reason: `${REASONS.curated}: ${f.reason}` });
      continue;
    }
    if (!mayLink(e, meetings)) continue;
    const texts = (sentences ??= new Map(statements.map((s) => [s.id, s.text])));
    const doc = docs.get(e.docId);
    const link = linkMention(e, { sentences: e.statementIds.map((id) => texts.get(id) ?? ''), docTitle: doc?.title ?? '' }, meetings);
    if (!link) continue;
    links.set(e.id, link);
    const d = disagreement(e, link.meeting);
    if (d) say(e.docId, d);
  }

  // Group: linked mentions by meeting; unlinked ones by date, place (or online) and kind. A mention
  // with neither place nor online stays an event of its own: "the same day" alone is no evidence.
  const groups = new Map<string, Event[]>();
  const keyOf = new Map<string, string>();
  for (const e of mentions) {
    const link = links.get(e.id);
    const key = link
      ? `m:${link.meeting.id}`
      : e.placeId !== null || e.online
        ? `u:${e.start}..${e.end ?? ''}@${e.placeId ?? 'online'}:${kindOf(e.title)}`
        : `e:${e.id}`;
    const g = groups.get(key);
    if (g) g.push(e);
    else groups.set(key, [e]);
    if (input.merges?.length) keyOf.set(e.id, key); // read only to merge (mergeGroups)
  }
  const merged = mergeGroups(groups, keyOf, mentions, input.merges ?? []);

  const eventOf = new Map<string, string>();
  const layer: LayerEvent[] = [];
  const sco = (docId: string) => docs.get(docId)?.sco === true;
  for (const { group, keeper, reason: mergeReason } of merged) {
    const ev = layerEvent(group, { keeper, mergeReason, links, sco, forced });
    layer.push(ev);
    for (const e of group) eventOf.set(e.id, ev.id);
  }
  layer.sort((a, b) => cmp(a.start, b.start) || cmp(a.id, b.id));

  const out = mentions.map((e) => {
    const link = links.get(e.id);
    const tail = { eventId: eventOf.get(e.id)!, ...(link ? { link: { meetingId: link.meeting.id, reason: link.reason } } : {}) };
    // A mention as extracted has neither field yet: copied whole, without the slower rest pattern.
    if (!('eventId' in e) && !('link' in e)) return { ...e, ...tail };
    const { eventId: _old, link: _oldLink, ...rest } = e;
    return { ...rest, ...tail };
  });
  const mentioned = new Set([...links.values()].map((l) => l.meeting.id));
  return { mentions: out, statements, layer, meetings: meetings.map((m) => ({ ...m, mentioned: mentioned.has(m.id) })), messages };
}

/** What makes one group of mentions an event besides the mentions themselves (see buildLayer). */
export interface LayerEventContext {
  /** The mention a merge of the corrections file names first, and the merge's reason. */
  keeper?: Event;
  mergeReason?: string;
  /** Mention id → its link to a meeting. */
  links: ReadonlyMap<string, Link>;
  /** Whether a document names the SCO. */
  sco: (docId: string) => boolean;
  forced?: LayerInput['forced'];
}

/**
 * One event of the layer from its group of mentions (in time order). Shared by buildLayer and the CLI's
 * join of cached per-document parts (join-fast.ts), so both write the same record.
 */
export function layerEvent(group: readonly Event[], { keeper, mergeReason, links, sco, forced }: LayerEventContext): LayerEvent {
  // The mention that names the event: a merge's first, else the group's first; a linked one wins.
  const first = keeper ?? group[0]!;
  const linked = links.has(first.id) ? first : group.find((e) => links.has(e.id));
  const link = linked ? links.get(linked.id) : undefined;
  const docIds = group.length === 1 ? [first.docId] : [...new Set(group.map((e) => e.docId))];
  const statementIds = [...new Set(group.length === 1 ? first.statementIds : group.flatMap((e) => e.statementIds))].sort();
  const topics = [...new Set(group.length === 1 ? first.topics : group.flatMap((e) => e.topics))].sort();
  const curated = group.filter((e) => e.curated);
  const curatedFlag = curated.length > 0 || mergeReason !== undefined || Boolean(forced && group.some((e) => forced.has(e.id)));
  const reason = curated[0]?.reason || mergeReason ? { reason: curated[0]?.reason ?? mergeReason } : {};
  const scoFlag = Boolean(link) || docIds.some((d) => sco(d));
  // Field for field in the order the contract declares (LayerEvent: Event's fields, then the layer's),
  // so what is written is what the contract reads back, without a check that reorders it (run.ts).
  // The fields after the title are the same for a linked event and any other.
  const shared = () => ({
    topics,
    statementIds,
    dateText: first.dateText,
    curated: curatedFlag,
    ...reason,
    docIds,
    mentionIds: group.map((e) => e.id),
    sco: scoFlag,
  });
  let ev: LayerEvent;
  if (link) {
    const m = link.meeting;
    ev = {
      id: m.id,
      docId: first.docId,
      start: m.start,
      ...(m.end !== m.start ? { end: m.end } : {}),
      precision: 'day',
      placeId: m.placeId ?? group.find((e) => e.placeId)?.placeId ?? null,
      online: m.format === 'videoconference',
      title: m.names.en,
      ...shared(),
      meeting: { id: m.id, body: m.body, ordinal: m.ordinal, format: m.format, names: { ...m.names } },
      link: { reason: group.flatMap((e) => links.get(e.id)?.reason ?? []).sort(byStrength)[0]! },
    };
  } else {
    ev = {
      id: first.id,
      docId: first.docId,
      start: first.start,
      ...(first.end ? { end: first.end } : {}),
      precision: first.precision,
      placeId: first.placeId,
      online: group.some((e) => e.online),
      title: first.title,
      ...shared(),
    };
  }
  return ev;
}

/** The mentions and statements without the links the corrections file detached (changed records are copies). */
function detach(mentions: readonly Event[], statements: readonly Statement[], detached: LayerInput['detached']) {
  if (!detached?.size) return { mentions, statements: statements as Statement[] };
  return {
    mentions: mentions.map((e) => {
      const d = detached.get(e.id);
      if (!d) return e;
      return { ...e, statementIds: e.statementIds.filter((id) => !d.statementIds.has(id)), curated: true, reason: e.reason ?? d.reason };
    }),
    statements: statements.map((s) => {
      const eventIds = s.eventIds.filter((id) => !detached.get(id)?.statementIds.has(s.id));
      return eventIds.length === s.eventIds.length ? s : { ...s, eventIds };
    }),
  };
}

/**
 * The groups with the corrections file's merges applied: groups holding mentions of one merge become
 * one (union-find over the groups' keys), in the order they first appear; the mentions of a merged
 * group stay in time order. `keeper`: the first mention of the first merge that made the group.
 */
function mergeGroups(
  groups: ReadonlyMap<string, Event[]>,
  keyOf: ReadonlyMap<string, string>,
  mentions: readonly Event[],
  merges: readonly { mentionIds: readonly string[]; reason: string }[],
): { group: Event[]; keeper?: Event; reason?: string }[] {
  if (merges.length === 0) return [...groups.values()].map((group) => ({ group }));
  const parent = new Map<string, string>();
  const find = (k: string): string => {
    let r = k;
    while (parent.has(r)) r = parent.get(r)!;
    return r;
  };
  for (const m of merges) {
    const keys = m.mentionIds.map((id) => keyOf.get(id)).filter((k): k is string => k !== undefined);
    for (const k of keys.slice(1)) {
      const [a, b] = [find(keys[0]!), find(k)];
      if (a !== b) parent.set(b, a);
    }
  }
  const byId = new Map(mentions.map((e, i) => [e.id, { e, i }]));
  const keeper = new Map<string, { e: Event; reason: string }>();
  for (const m of merges) {
    const k = keyOf.get(m.mentionIds[0]!);
    if (k !== undefined && !keeper.has(find(k))) keeper.set(find(k), { e: byId.get(m.mentionIds[0]!)!.e, reason: m.reason });
  }
  const out = new Map<string, Event[]>();
  for (const [key, group] of groups) {
    const root = find(key);
    const into = out.get(root);
    if (into) into.push(...group);
    else out.set(root, [...group]);
  }
  return [...out].map(([root, group]) => {
    const k = keeper.get(root);
    if (!k) return { group };
    group.sort((a, b) => byId.get(a.id)!.i - byId.get(b.id)!.i);
    return { group, keeper: k.e, reason: k.reason };
  });
}

/** The reason a merged event shows: the strongest of its mentions' (a document beats a name beats date and place). */
const STRENGTH: string[] = [REASONS.curated, REASONS.document, REASONS.name, REASONS.datePlace, REASONS.dateOnline];
function byStrength(a: string, b: string): number {
  const r = (s: string) => {
    const i = STRENGTH.findIndex((x) => s.startsWith(x));
    return i < 0 ? STRENGTH.length : i;
  };
  return r(a) - r(b) || cmp(a, b);
}
