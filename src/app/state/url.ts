/**
 * The view as URL parameters: pure parsing and serialising, no DOM, no Svelte.
 *
 * Parsing never throws. A parameter that cannot be used (malformed date, reversed window, unsafe data
 * folder, unknown city...) is dropped and reported as a notice naming it, so a stale shared link still
 * opens the app. Parameters this module does not know are kept, so other features can add their own.
 */
import { formatDay, parseDay } from '../days';
import { LOCALES, type Locale } from '../i18n/locale.svelte';
import { t, type MessageKey, type MessageValues } from '../i18n';

export interface MapView {
  lng: number;
  lat: number;
  zoom: number;
}

/** Everything about the view that a link should restore. Times are UTC milliseconds (day precision). */
export interface ViewValues {
  from: number | null;
  to: number | null;
  /** The scrubber (playhead) date. */
  cursor: number | null;
  place: string | null;
  event: string | null;
  topics: string[];
  docs: string[];
  q: string;
  map: MapView | null;
  /** Another data folder of the same origin, relative, e.g. `corpora/all/`. */
  data: string | null;
  /** The open document (`read=`), and the statement marked in it (`statement=`). */
  read: Reading | null;
  /** Show the chronology's meetings that no document mentions, as faint marks (`meetings=1`). */
  meetings: boolean;
  /** The interface language chosen by a link or the switch (`lang=`); null: the browser's language. */
  lang: Locale | null;
}

export interface Reading {
  docId: string;
  statementId: string | null;
}

export interface Notice {
  /** The parameter (or file) the notice is about. */
  param: string;
  message: string;
  /** The message in the files of src/app/i18n/messages (shown in the interface language); `message` is its English. */
  key?: MessageKey;
  values?: MessageValues;
}

/** A notice whose text is a message: English in `message` (logs, tests), the interface language on screen. */
export function noticeOf(param: string, key: MessageKey, values: MessageValues): Notice {
  return { param, message: t(key, values, 'en'), key, values };
}

export const KNOWN_PARAMS = [
  'from',
  'to',
  't',
  'place',
  'event',
  'topics',
  'docs',
  'q',
  'map',
  'data',
  'read',
  'statement',
  'meetings',
  'lang',
] as const;

export function emptyView(): ViewValues {
  return {
    from: null,
    to: null,
    cursor: null,
    place: null,
    event: null,
    topics: [],
    docs: [],
    q: '',
    map: null,
    data: null,
    read: null,
    meetings: false,
    lang: null,
  };
}

// Re-exported: map/membership.ts and older imports read them from here; days.ts defines them.
export { formatDay, parseDay };

/** Ids are what the pipeline writes: short, no spaces or control characters. */
const ID = /^[\p{L}\p{N}_.:-]{1,120}$/u;

/**
 * A data folder must stay on the app's own origin: a relative path, no scheme, no `..`, no `//`,
 * no backslashes or query/fragment. Returns the folder with a trailing slash, or null.
 */
export function safeDataFolder(text: string): string | null {
  const s = text.trim();
  if (!s || s.length > 200) return null;
  if (/^[a-z][a-z0-9+.-]*:/i.test(s)) return null; // any scheme: http:, javascript:, data:
  if (s.startsWith('/') || s.includes('//') || s.includes('\\')) return null;
  if (/[?#%\s]/.test(s)) return null; // no query, fragment or encoded tricks
  const parts = s.split('/').filter((p) => p !== '' && p !== '.');
  if (parts.length === 0 || parts.some((p) => p === '..' || !/^[\w.-]+$/.test(p))) return null;
  return parts.join('/') + '/';
}

function list(text: string): string[] {
  return [
    ...new Set(
      text
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
}

export interface Parsed {
  values: ViewValues;
  notices: Notice[];
  /** Parameters this module does not own, in order, kept when the URL is rewritten. */
  extra: Array<[string, string]>;
}

export function parseQuery(search: string): Parsed {
  const params = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search);
  const values = emptyView();
  const notices: Notice[] = [];
  const extra: Array<[string, string]> = [];
  const say = (param: string, key: MessageKey, v: MessageValues) => notices.push(noticeOf(param, key, v));

  for (const [key, raw] of params) {
    if (!(KNOWN_PARAMS as readonly string[]).includes(key)) extra.push([key, raw]);
  }
  const day = (key: 'from' | 'to' | 't', end: boolean): number | null => {
    const raw = params.get(key);
    if (raw === null || raw === '') return null;
    const t = parseDay(raw, end);
    if (t === null) say(key, 'url.notDate', { param: key, value: clip(raw) });
    return t;
  };
  values.from = day('from', false);
  values.to = day('to', true);
  if (values.from !== null && values.to !== null && values.from > values.to) {
    say('from', 'url.reversed', { from: formatDay(values.from), to: formatDay(values.to) });
    values.from = values.to = null;
  }
  values.cursor = day('t', false);

  for (const key of ['place', 'event'] as const) {
    const raw = params.get(key);
    if (raw === null || raw === '') continue;
    if (ID.test(raw)) values[key] = raw;
    else say(key, 'url.badId', { param: key, value: clip(raw) });
  }
  for (const key of ['topics', 'docs'] as const) {
    const raw = params.get(key);
    if (!raw) continue;
    const ids = list(raw);
    const good = ids.filter((id) => ID.test(id));
    if (good.length < ids.length) say(key, 'url.badIds', { param: key, value: clip(raw) });
    values[key] = good;
  }
  const q = params.get('q');
  if (q) values.q = q.slice(0, 200);

  const map = params.get('map');
  if (map) {
    const nums = map.split(',').map((s) => (s.trim() === '' ? NaN : Number(s)));
    const [lng, lat, zoom] = nums;
    if (
      nums.length === 3 &&
      lng !== undefined &&
      lat !== undefined &&
      zoom !== undefined &&
      nums.every(Number.isFinite) &&
      Math.abs(lng) <= 180 &&
      Math.abs(lat) <= 85 &&
      zoom >= 0 &&
      zoom <= 22
    ) {
      values.map = { lng, lat, zoom };
    } else {
      say('map', 'url.badMap', { value: clip(map) });
    }
  }

  const data = params.get('data');
  if (data) {
    const folder = safeDataFolder(data);
    if (folder) values.data = folder;
    else say('data', 'url.badData', { value: clip(data) });
  }
  const read = params.get('read');
  if (read) {
    const statement = params.get('statement');
    if (!ID.test(read)) say('read', 'url.badId', { param: 'read', value: clip(read) });
    else if (statement && !ID.test(statement)) {
      say('statement', 'url.badId', { param: 'statement', value: clip(statement) });
      values.read = { docId: read, statementId: null };
    } else values.read = { docId: read, statementId: statement || null };
  }
  const meetings = params.get('meetings');
  if (meetings !== null && meetings !== '') {
    if (/^(1|true|yes|on)$/i.test(meetings.trim())) values.meetings = true;
    else if (!/^(0|false|no|off)$/i.test(meetings.trim())) say('meetings', 'meetings.param', { text: clip(meetings) });
  }
  const lang = params.get('lang');
  if (lang) {
    if ((LOCALES as readonly string[]).includes(lang.trim().toLowerCase())) values.lang = lang.trim().toLowerCase() as Locale;
    else say('lang', 'url.badLang', { value: clip(lang), list: LOCALES.join(', ') });
  }
  return { values, notices, extra };
}

const round = (x: number, digits: number) => Number(x.toFixed(digits));

/** The query string (with `?`, or '' when empty) for a view; `extra` parameters are kept first. */
export function toQuery(v: ViewValues, extra: Array<[string, string]> = []): string {
  const p = new URLSearchParams();
  for (const [k, val] of extra) p.append(k, val);
  if (v.data) p.set('data', v.data);
  if (v.from !== null) p.set('from', formatDay(v.from));
  if (v.to !== null) p.set('to', formatDay(v.to));
  if (v.cursor !== null) p.set('t', formatDay(v.cursor));
  if (v.place) p.set('place', v.place);
  if (v.event) p.set('event', v.event);
  if (v.topics.length) p.set('topics', v.topics.join(','));
  if (v.docs.length) p.set('docs', v.docs.join(','));
  if (v.q) p.set('q', v.q);
  if (v.map) p.set('map', `${round(v.map.lng, 4)},${round(v.map.lat, 4)},${round(v.map.zoom, 2)}`);
  if (v.read) {
    p.set('read', v.read.docId);
    if (v.read.statementId) p.set('statement', v.read.statementId);
  }
  if (v.lang) p.set('lang', v.lang);
  if (v.meetings) p.set('meetings', '1');
  const s = p.toString().replace(/%2C/g, ',').replace(/%2F/g, '/');
  return s ? `?${s}` : '';
}

/** Anything that can say whether it has an id: a Set, or the data's own id → record Maps. */
interface Has {
  has(id: string): boolean;
}

export interface Known {
  places: Has;
  events: Has;
  topics: Has;
  docs: Has;
}

/** Drops ids the loaded data does not have (a stale link), with a notice for each. */
export function checkAgainstData(v: ViewValues, known: Known): { values: ViewValues; notices: Notice[] } {
  const values = { ...v, topics: [...v.topics], docs: [...v.docs] };
  const notices: Notice[] = [];
  if (values.place && !known.places.has(values.place)) {
    notices.push(noticeOf('place', 'url.noPlace', { id: clip(values.place) }));
    values.place = null;
  }
  if (values.event && !known.events.has(values.event)) {
    notices.push(noticeOf('event', 'url.noEvent', { id: clip(values.event) }));
    values.event = null;
  }
  if (values.read && !known.docs.has(values.read.docId)) {
    notices.push(noticeOf('read', 'url.noDocument', { id: clip(values.read.docId) }));
    values.read = null;
  }
  for (const key of ['topics', 'docs'] as const) {
    const set = key === 'topics' ? known.topics : known.docs;
    const unknown = values[key].filter((id) => !set.has(id));
    if (unknown.length) {
      notices.push(noticeOf(key, 'url.unknown', { kind: key, ids: unknown.map((u) => `“${clip(u)}”`).join(', ') }));
      values[key] = values[key].filter((id) => set.has(id));
    }
  }
  return { values, notices };
}

function clip(s: string): string {
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}
