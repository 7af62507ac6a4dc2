/**
 * Document metadata: from an optional side file <id>.meta.json, else read from the text itself
 * (title = first meaningful line, kind from telling words, publication date from a date-only line).
 */
import { z } from 'zod';
import { DocumentKind, IsoPartialDate } from '../contract/schema.ts';
import { findDates } from './dates.ts';
import { kindLang, LANGS, withoutDatelineLang, type Lang } from './lang/index.ts';
import { paragraphs } from './segment.ts';

export const MetaSideFile = z
  .object({
    title: z.string().min(1).optional(),
    kind: DocumentKind.optional(),
    published: IsoPartialDate.nullable().optional(),
    source: z.string().optional(),
    /** The document's language when detection should not decide (front matter `lang: ru`). */
    lang: z.enum(LANGS as [Lang, ...Lang[]]).optional(),
  })
  .strict();
export type MetaSideFile = z.infer<typeof MetaSideFile>;

/**
 * A YAML-style front matter block at the very top of a document ("---", `key: value` lines, "---"),
 * as Markdown tools write it. Only the four metadata keys are read; the block itself is not text to
 * extract from. Returns where it ends (0 when there is none) and what it says.
 */
export function frontMatter(text: string): { end: number; meta: Record<string, string>; unknown: string[] } {
  const m = /^---[ \t]*\n([\s\S]{0,4000}?)\n---[ \t]*(?:\n|$)/.exec(text);
  if (!m) return { end: 0, meta: {}, unknown: [] };
  const meta: Record<string, string> = {};
  const unknown: string[] = [];
  for (const line of m[1]!.split('\n')) {
    const kv = /^([A-Za-z_][\w-]*)\s*:\s*(.*?)\s*$/.exec(line);
    if (!kv) continue;
    const value = kv[2]!.replace(/^(["'])(.*)\1$/, '$2');
    if (['title', 'kind', 'published', 'source', 'lang'].includes(kv[1]!)) meta[kv[1]!] = value;
    else unknown.push(kv[1]!);
  }
  return { end: m[0].length, meta, unknown };
}

export interface DocMeta {
  title: string;
  kind: DocumentKind;
  published: string | null;
  source: string;
}

/** A line that is only a date: "(April 23, 2024)", "Fri 29th May 2020 | 11:40 PM", "10 November 2020". */
export interface DateLine {
  start: number;
  end: number;
  date: string;
  stamp: boolean;
  /** An ISO stamp of a Russian or Chinese page ("2024-05-21 20:15"): the page's date only where no wire's dateline gives the report's (doc-header.ts). */
  iso?: true;
  /** A stamp after another page's headline (a list of related news): never this page's date. */
  aside?: true;
}

const clean = (s: string) =>
  s
    .replace(/\*+|^#+\s*|_{2,}/g, '')
    .replace(/\s+/g, ' ')
    .trim();

/** A city as a speech's date line names it: one to three capitalised words, none a meeting's ("Qingdao Summit, 9 June 2018" is a title). */
const CITY = "(?!.*\\b(?:Summit|Meeting|Council|Forum|Conference|Session|Day)\\b)\\p{Lu}[\\p{L}'’-]+(?:\\s\\p{Lu}[\\p{L}'’-]+){0,2}";
/** Before a speech's date: "Delivered in Tashkent, ", "Astana, ". */
const SPEECH_PLACE = new RegExp(`^\\s*(?:(?:[Aa]s\\s+)?[Dd]elivered\\s+(?:in|at)\\s+)?${CITY}\\s*,\\s*$`, 'u');
/** After it: ", Samarkand", "— as delivered", "(check against delivery)". */
const DELIVERY = new RegExp(
  `^(?:\\s*,\\s*${CITY})?\\s*[—–-]*\\s*(?:\\(?\\s*(?:[Aa]s\\s+delivered|[Cc]heck\\s+against\\s+delivery)\\s*\\)?)?\\s*$`,
  'u',
);

/** A line that is an ISO date, with a short label before it, a time and a source after it: group 2 the date. */
const ISO_STAMP =
  /^(\s*(?:[\p{L}\s]{1,20}[:：]\s*)?)((?:19|20)\d{2}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01]))(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?(?:\s+(?:来源|來源|Источник|Source)\s*[:：][^\n]{0,40})?\s*$/u;

/** A byline's fields: "来源：环球时报    2024-07-05 00:15    字号：大 中 小    分享到：微信 微博". */
/** (A news page's count of views, "Просмотров: 1 284", "浏览次数：356", sits on its date's line too.) */
const BYLINE_LABEL =
  /(?:来源|來源|作者|编辑|編輯|责任编辑|責任編輯|字号|字號|分享到|发布时间|發布時間|浏览次数|瀏覽次數|阅读量|閱讀量|Источник|Автор|Просмотр\p{L}*)\s*[:：]/u;
/** The ISO date of such a byline (group 2), what stands before it group 1. */
const ISO_IN_BYLINE = /^(.{0,60}?)((?:19|20)\d{2}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01]))(?![\d-])/u;

/** A revision's date after a page's on its line ("· обновлено 29 августа 2025, 11:30", "| Updated: …", "更新时间：…"). */
const ISO_AT_END = /\s((?:19|20)\d{2}-\d{2}-\d{2})\s*$/u;
const REVISED = /[·|]?\s*(?:обновлен\p{L}*|изменен\p{L}*|updated|更新时间|更新時間)\s*[:：]?.*$/iu;

/** Lines made of a date and nothing else worth reading; `stamp` when it is a "date | section" byline. */
export function dateLines(text: string, lang: Lang = 'en'): DateLine[] {
  const out: DateLine[] = [];
  const re = /^.*$/gm;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    // Bylines and signature dates sit at the top or the bottom; the middle of a long text is skipped.
    if (m.index > 2000 && m.index < text.length - 600) {
      re.lastIndex = text.length - 600;
      continue;
    }
    const line = m[0];
    if (line.length > 80 || /^\s*(?:[|*+•-]|\d{1,3}[.)])\s/.test(line) || /^\s*\|/.test(line)) continue; // long lines, list items and table rows are not date lines
    const { mentions } = findDates(line, null, lang, {});
    const only = mentions.filter((d) => d.value.precision === 'day');
    if (only.length !== 1) {
      // A web page's stamp in ISO form ("2024-05-21 20:15", "发布时间：2024-05-21", "Дата: 2024-07-04"), which
      // the Russian and Chinese date readers leave alone: in their texts it is never a date of the story.
      const iso = lang === 'en' ? null : (ISO_STAMP.exec(line) ?? (BYLINE_LABEL.test(line) ? ISO_IN_BYLINE.exec(line) : null));
      if (iso) out.push({ start: m.index + iso[1]!.length, end: m.index + iso[0].length, date: iso[2]!, stamp: true, iso: true });
      continue;
    }
    const d = only[0]!;
    // A speech's line under its heading: "Astana, 4 July 2024 — as delivered", "Delivered in Tashkent, 12 May 2023":
    // the city before the date and the words of delivery are part of a date line, not a sentence
    const before = lang === 'en' ? line.slice(0, d.start).replace(SPEECH_PLACE, '') : line.slice(0, d.start);
    // "29 августа 2025, 08:00 · обновлено 29 августа 2025, 11:30": the revision's date (a stamp to the date
    // readers already) is part of the page's date line
    const after = line.slice(d.end).replace(REVISED, '');
    const rest = (before + (lang === 'en' ? after.replace(DELIVERY, '') : after)).replace(
      /\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?|\d{1,2}:\d{2}\s*(?:[AP]M)?|\b(?:date|dated|published|updated|posted)\b|[|*()\s,.:–—-]/gi,
      '',
    );
    // "Source: Xinhua | Editor: Liu Mei | 2025-07-15 21:40:12": a byline of short fields, one of them the date
    const labelled = lang !== 'en' && BYLINE_LABEL.test(line);
    const byline = (line.includes('|') && line.split('|').every((f) => f.trim().length <= 40)) || labelled;
    if (rest.length > (lang === 'zh' ? 3 : 12) && !byline) {
      // "· 综述：上合组织“朋友圈”持续扩大 2024-07-06": a related headline's stamp after it, never the page's own date
      if (lang !== 'en' && ISO_AT_END.test(line) && ISO_AT_END.exec(line)![1] === d.text)
        out.push({ start: m.index + d.start, end: m.index + d.end, date: d.value.start, stamp: true, iso: true, aside: true });
      continue;
    }
    out.push({
      start: m.index + d.start,
      end: m.index + d.end,
      date: d.value.start,
      // a date line with a time of day ("21.05.2024 18:45", "02 сен 2025, 14:05") is when the page was put up
      stamp:
        line.includes('|') ||
        labelled ||
        /\b(?:published|updated|posted)\b/i.test(line) ||
        /(?<![\d:])\d{1,2}:\d{2}(?![\d:]|\s*[-–—]\s*\d)/.test(line),
      ...(lang !== 'en' && /^(?:19|20)\d{2}-\d{2}-\d{2}/.test(d.text) ? { iso: true as const } : {}),
    });
  }
  return out;
}

/**
 * The source as the text itself names it: a "Source: X" line near the top, or the agency in a news
 * dateline ("(Xinhua)", "/TASS/", "(APP - UrduPoint / Pakistan Point News - 29th May, 2020 )").
 */
export function inferSource(text: string, datelineHeader: string): string {
  const line = /^\s*Source\s*:\s*([^|\n]{2,80}?)\s*(?:\||$)/im.exec(text.slice(0, 1500));
  if (line) return line[1]!.trim();
  const agency = /\/([\p{Lu}-]{2,})\/|\(\s*([^()]{2,80}?)\s*(?:[-–,]\s*\d[^()]*)?\)/u.exec(datelineHeader);
  return (agency?.[1] ?? agency?.[2] ?? '').trim();
}

/** A news dateline at the head of a paragraph: "QINGDAO, June 26 (Xinhua) -- ", "ISLAMABAD, October 16. /TASS/. ". */
const DATELINE_HEAD =
  /^\p{Lu}[\p{Lu}\s.'’-]{2,30},\s*[^\n—–()/]{0,40}?(?:\(\s*[^()]{1,60}\)\s*(?:--|—|–|-|:)|\/[\p{Lu}-]{2,}\/\.?|--|—|–)\s*/u;
/** What a web page wraps around its text: breadcrumbs ("Home / News"), share and print links, tag lists. */
const NAVIGATION =
  /^(?:(?:Home|Main(?: page)?)\s*[/›>»|]|(?:Share|Print|Menu|Search|Tags?|Log ?in|Sign in|Subscribe|Skip to|Back to|«|Previous|Next)\b|[\p{L}\s]{1,15}(?:\s[|/]\s*[\p{L}\s]{1,15})+$)/iu;
const SMALL_WORDS = new Set(['of', 'the', 'and', 'for', 'on', 'in', 'at', 'to', 'by', 'with', 'a', 'an']);

/** "CHARTER OF THE SHANGHAI COOPERATION ORGANISATION" → "Charter of the Shanghai Cooperation Organisation" (short words such as SCO stay). */
function titleCase(title: string): string {
  if (/\p{Ll}/u.test(title) || !/\p{Lu}{4}/u.test(title)) return title;
  return title.replace(/\p{L}+/gu, (w, at: number) => {
    const lower = w.toLowerCase();
    if (at > 0 && SMALL_WORDS.has(lower)) return lower;
    if (w.length <= 3) return w;
    return w[0] + lower.slice(1);
  });
}

export function inferMeta(
  text: string,
  hasDateline: boolean,
  datelineDate: string | null,
  lines: DateLine[] = dateLines(text),
  lang: Lang = 'en',
): DocMeta {
  const paras = paragraphs(text);
  let title = '';
  for (const p of paras.slice(0, 6)) {
    const para = text.slice(p.start, p.end);
    const t = clean(
      lang === 'en'
        ? para.replace(/^\s*date\s+\d{4}-\d{2}-\d{2}\s+\p{Lu}[\p{Lu}\s-]*\s*[—–-]+\s*/u, '').replace(DATELINE_HEAD, '')
        : withoutDatelineLang(lang, para),
    );
    if (NAVIGATION.test(t)) continue;
    if (t.length >= (lang === 'zh' ? 2 : 4) && (lang === 'zh' ? /\p{L}{2}/u : /\p{L}{3}/u).test(t) && dateLines(t, lang).length === 0) {
      title = t;
      break;
    }
  }
  title = titleCase(title);
  if (title.length > 160 || (lang === 'zh' && title.length > 80)) {
    const firstSentence = (lang === 'zh' ? /^.*?[。！？]/u : /^.*?[.!?](?=\s|$)/).exec(title)?.[0] ?? title;
    const max = lang === 'zh' ? 60 : 120;
    title =
      firstSentence.length > max
        ? firstSentence.slice(0, lang === 'zh' ? max - 1 : firstSentence.lastIndexOf(' ', 117)) + '…'
        : firstSentence;
  }
  const head = text.slice(0, 600);
  const langKind = lang === 'en' ? null : kindLang(lang, title);
  const kind: DocMeta['kind'] =
    langKind ??
    (/\b(?:Declaration|Communiqu[eé])(?![\p{L}])/u.test(title)
      ? 'declaration'
      : /\b(?:Message|Speech|Address|Remarks|Statement by)\b/.test(title)
        ? 'speech'
        : hasDateline || /^Press release\b/i.test(title)
          ? 'news report'
          : /\|\s*Events?\b/.test(head) || NAVIGATION.test(clean(head.split('\n').find((l) => l.trim()) ?? ''))
            ? 'event page'
            : 'other');
  // The publication date: a date-only line near the top, else near the end (a signature), else a dateline's.
  const top = lines.find((l) => l.start < 1200 && !l.aside);
  const bottom = lines.filter((l) => l.start > text.length - 400 && !l.aside).at(-1);
  const isoStamp = /\bdate\s+(\d{4}-\d{2}-\d{2})\b/.exec(head)?.[1];
  const published = top?.date ?? isoStamp ?? datelineDate ?? bottom?.date ?? null;
  return { title: title || 'Untitled document', kind, published, source: '' };
}
