/**
 * A sheet of events (CSV or .xlsx, one event a row) → one document's mentions and statements, the same
 * records extractDocument gives for a text, so the event layer, the map and the reading view treat
 * them alike. Pure: rows in (papaparse or exceljs read the file in the worker), records out.
 *
 * Columns are found by their header, in English, Russian or Chinese (README "Sheets of events"):
 * date (required), end date, place, title, text, source. A row without a usable date, or with neither
 * title nor text, or ending before it starts, is named by its row number (as a spreadsheet numbers it:
 * the header is row 1) and skipped; the other rows load. A place the gazetteer does not know keeps the
 * event, without a city, and says so.
 */
import Papa from 'papaparse';
import type { Event, Precision, Statement } from '../../contract/schema';

export type Column = 'date' | 'end' | 'place' | 'title' | 'text' | 'source';

/** Header words per column (compared lower-case, with spaces, underscores and hyphens alike). */
const HEADERS: Record<Column, string[]> = {
  date: [
    'date',
    'start',
    'start date',
    'begin',
    'begins',
    'from',
    'day',
    'when',
    'дата',
    'дата начала',
    'начало',
    'с',
    '日期',
    '开始日期',
    '開始日期',
    '开始',
    '開始',
    '时间',
    '時間',
  ],
  end: [
    'end',
    'end date',
    'ends',
    'to',
    'until',
    'finish',
    'дата окончания',
    'окончание',
    'конец',
    'по',
    '结束日期',
    '結束日期',
    '结束',
    '結束',
  ],
  place: ['place', 'city', 'location', 'venue', 'where', 'место', 'город', 'место проведения', '地点', '地點', '城市', '举办地', '舉辦地'],
  title: [
    'title',
    'event',
    'name',
    'headline',
    'event name',
    'название',
    'событие',
    'заголовок',
    '标题',
    '標題',
    '事件',
    '名称',
    '名稱',
    '活动',
    '活動',
  ],
  text: [
    'text',
    'description',
    'statement',
    'details',
    'quote',
    'summary',
    'notes',
    'текст',
    'описание',
    'заявление',
    'цитата',
    '文本',
    '描述',
    '说明',
    '說明',
    '内容',
    '內容',
    '声明',
    '聲明',
  ],
  source: ['source', 'url', 'link', 'источник', 'ссылка', '来源', '來源', '链接', '連結', '出处', '出處'],
};
const norm = (h: string) =>
  h
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ')
    .replace(/[:：*]+$/, '')
    .trim();
const COLUMN_OF = new Map<string, Column>(Object.entries(HEADERS).flatMap(([c, hs]) => hs.map((h) => [norm(h), c as Column] as const)));

/** Which column each header names (index → column); headers it does not know are left out. */
export function columnsOf(header: readonly unknown[]): Map<number, Column> {
  const out = new Map<number, Column>();
  const taken = new Set<Column>();
  header.forEach((h, i) => {
    const c = COLUMN_OF.get(norm(String(h ?? '')));
    if (c && !taken.has(c)) {
      out.set(i, c);
      taken.add(c);
    }
  });
  return out;
}

const pad = (n: number) => String(n).padStart(2, '0');
const realDay = (y: number, m: number, d: number) => {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
};

/**
 * A cell as a date: YYYY-MM-DD, YYYY-MM or YYYY (also with / or .), DD.MM.YYYY or DD/MM/YYYY (day
 * first, as in most of the world), 2024年7月4日, or a date the sheet itself typed (a Date from .xlsx).
 * null when it is none of these, or no real day.
 */
export function sheetDate(cell: unknown): { iso: string; precision: Precision } | null {
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return null;
    return { iso: `${cell.getUTCFullYear()}-${pad(cell.getUTCMonth() + 1)}-${pad(cell.getUTCDate())}`, precision: 'day' };
  }
  const s = String(cell ?? '')
    .normalize('NFKC')
    .trim()
    .replace(/\s*(?:г\.?|года?)$/u, '');
  let y: number, m: number | undefined, d: number | undefined;
  let r: RegExpExecArray | null;
  if ((r = /^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?$/.exec(s)))
    [y, m, d] = [+r[1]!, r[2] ? +r[2] : undefined, r[3] ? +r[3] : undefined];
  else if ((r = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(s))) [y, m, d] = [+r[3]!, +r[2]!, +r[1]!];
  else if ((r = /^(\d{4})\s*年(?:\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?)?$/.exec(s)))
    [y, m, d] = [+r[1]!, r[2] ? +r[2] : undefined, r[3] ? +r[3] : undefined];
  else return null;
  if (y < 1000) return null;
  if (m === undefined) return { iso: String(y), precision: 'year' };
  if (m < 1 || m > 12) return null;
  if (d === undefined) return { iso: `${y}-${pad(m)}`, precision: 'month' };
  if (!realDay(y, m, d)) return null;
  return { iso: `${y}-${pad(m)}-${pad(d)}`, precision: 'day' };
}

/** What the sheet needs from the rest of the pipeline: the gazetteer's answer to a name, and topics. */
export interface SheetContext {
  /** A place id for a name as written (any language the gazetteer holds), or null. */
  place(name: string): string | null;
  topics(text: string): string[];
}

export interface SheetResult {
  /** The document's text: one paragraph per loaded row (what "read in context" shows). */
  text: string;
  events: Event[];
  statements: Statement[];
  placeNames: Map<string, Set<string>>;
  /** Rows skipped or loaded with a caveat, each naming its row. */
  problems: string[];
  rows: number;
}

const ONLINE = /^(?:online|virtual|video ?conference|videolink|онлайн|видеоконференци\p{L}*|线上|線上|视频|視頻|视频会议|視頻會議)$/iu;
const cell = (v: unknown) =>
  v instanceof Date
    ? v.toISOString().slice(0, 10)
    : typeof v === 'object' && v !== null && 'text' in v
      ? String((v as { text: unknown }).text)
      : String(v ?? '').trim();

/** `rows[0]` is the header. `file`: the sheet's name, for the messages. */
export function sheetToRecords(docId: string, file: string, rows: readonly (readonly unknown[])[], ctx: SheetContext): SheetResult {
  const problems: string[] = [];
  const empty: SheetResult = { text: '', events: [], statements: [], placeNames: new Map(), problems, rows: 0 };
  const header = rows[0];
  if (!header) {
    problems.push(`${file}: the sheet is empty`);
    return empty;
  }
  const cols = columnsOf(header);
  const at = (row: readonly unknown[], c: Column) => {
    for (const [i, col] of cols) if (col === c) return row[i];
    return undefined;
  };
  const has = new Set(cols.values());
  if (!has.has('date') || !(has.has('title') || has.has('text'))) {
    const missing = [
      !has.has('date') ? 'date column ("date", "start", "Дата", "日期"…)' : '',
      !(has.has('title') || has.has('text')) ? 'title or text column ("title", "event", "description"…)' : '',
    ].filter(Boolean);
    problems.push(`${file}: row 1 (the header) has no ${missing.join(' and no ')}; it reads: ${header.map(cell).join(', ')}`);
    return empty;
  }
  let text = '';
  const events: Event[] = [];
  const statements: Statement[] = [];
  const placeNames = new Map<string, Set<string>>();
  let loaded = 0;
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r]!;
    const n = r + 1;
    if (row.every((v) => cell(v) === '')) continue;
    const rawDate = at(row, 'date');
    const start = sheetDate(rawDate);
    if (!start) {
      problems.push(
        `${file}: row ${n}: ${cell(rawDate) ? `"${cell(rawDate)}" is not a date (write YYYY-MM-DD, YYYY-MM, YYYY or DD.MM.YYYY)` : 'no date'}; skipped`,
      );
      continue;
    }
    const rawEnd = cell(at(row, 'end'));
    const end = rawEnd ? sheetDate(at(row, 'end')) : null;
    if (rawEnd && !end) {
      problems.push(`${file}: row ${n}: end date "${rawEnd}" is not a date; skipped`);
      continue;
    }
    if (end && end.iso < start.iso) {
      problems.push(`${file}: row ${n}: ends (${end.iso}) before it starts (${start.iso}); skipped`);
      continue;
    }
    const title = cell(at(row, 'title')).replace(/\s+/g, ' ');
    const body = cell(at(row, 'text'));
    if (!title && !body) {
      problems.push(`${file}: row ${n}: neither a title nor a text; skipped`);
      continue;
    }
    const placeText = cell(at(row, 'place'));
    const online = ONLINE.test(placeText);
    const placeId = placeText && !online ? ctx.place(placeText) : null;
    if (placeText && !online && !placeId)
      problems.push(`${file}: row ${n}: "${placeText}" is not a place the gazetteer knows; the event is kept without a city`);
    if (placeId) placeNames.set(placeId, (placeNames.get(placeId) ?? new Set<string>()).add(placeText));
    const source = cell(at(row, 'source'));
    // The row as a paragraph: its title on the first line, then its text (the statement), then its source.
    const para = [title, body, source].filter(Boolean).join('\n');
    const paraAt = text ? text.length + 2 : 0;
    text += (text ? '\n\n' : '') + para;
    const said = body || title;
    const sStart = paraAt + (body && title ? title.length + 1 : 0);
    const endIso = end && end.iso !== start.iso ? end.iso : undefined;
    const id = `${docId}:${start.iso}${endIso ? '..' + endIso : ''}:r${n}`;
    const sid = `${docId}:s:${sStart}`;
    const topics = ctx.topics(`${title}\n${body}`).sort();
    statements.push({
      id: sid,
      docId,
      text: said,
      start: sStart,
      end: sStart + said.length,
      placeIds: placeId ? [placeId] : [],
      eventIds: [id],
      topics,
      marks: [],
    });
    events.push({
      id,
      docId,
      start: start.iso,
      ...(endIso ? { end: endIso } : {}),
      precision: start.precision,
      placeId,
      online,
      title: (title || body.split(/(?<=[.!?。！？])\s*/u)[0]!).slice(0, 160),
      topics,
      statementIds: [sid],
      dateText: [cell(rawDate), rawEnd].filter(Boolean).join(' – '),
      curated: false,
    });
    loaded++;
  }
  if (loaded === 0 && rows.length > 1) problems.push(`${file}: no row could be loaded`);
  return { text: text ? text + '\n' : '', events, statements, placeNames, problems, rows: loaded };
}

/** A CSV file's rows (papaparse: quoted cells, commas or semicolons or tabs, any line ends). */
export function csvRows(text: string): string[][] {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: false, delimitersToGuess: [',', ';', '\t', '|'] });
  const rows = parsed.data;
  // A file ending in a line break gives one empty last row.
  while (rows.length && rows.at(-1)!.every((c) => c === '')) rows.pop();
  return rows;
}
