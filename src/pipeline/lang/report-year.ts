/**
 * The year of a Russian or Chinese report whose dateline has none ("БИШКЕК, 14 июня. /ТАСС/.",
 * "新华社青岛6月10日电"). Agency wires rarely print the year; they say it in other ways, and these are
 * read here, most reliable first:
 * - a publication stamp near the top ("发布时间：2025-09-02 08:30", "Дата публикации: 05.07.2024");
 * - the ordinal of the SCO council meeting the report is about, in its title or first paragraphs
 *   ("元首理事会第十八次会议", "21-е заседание Совета глав государств"): the Council of Heads of State
 *   first met in 2001 and then yearly, so its n-th meeting is in 2000 + n (18th: Qingdao 2018); the
 *   Council of Heads of Government met in 2001 (Almaty), then yearly from 2003 (Beijing), so its n-th
 *   (n ≥ 2) is in 2001 + n (20th: 2021) — the SCO Secretariat's lists of both councils' meetings;
 * - the previous meeting's year plus one ("Предыдущая встреча ... в июне 2018 года", "上一次元首理事会
 *   会议于2019年6月"), or the next one's minus one ("следующий саммит ... в 2023 году"): councils meet
 *   yearly. A next meeting in a later month than the dateline's is taken to be in the report's own
 *   year ("下一次政府首脑理事会会议将于2025年11月在莫斯科举行" under a dateline of 5月14日: 2025,
 *   eleven months at most rather than thirteen at least). Not so the previous one: a yearly council's
 *   meetings move between months ("Предыдущее заседание совета прошло 15-16 октября 2024 года" under
 *   a dateline of 18 ноября is of 2025);
 * - the organisation's anniversary this year ("今年是上海合作组织成立20周年": founded 2001).
 * None of these: null, and the caller falls back to a full date in the dateline's month.
 */
import { zhNumber } from './zh-dates.ts';

export interface ReportYear {
  y: number;
  m?: number;
  d?: number;
  why: string;
}

const SCO_FOUNDED = 2001;
const Y = '((?:19|20)\\d{2})';
const ZH_N = '([0-9一二三四五六七八九十]{1,4})';

const STAMP = {
  ru: new RegExp(`(?:Дата\\s+публикации|Опубликовано)\\s*:?\\s*(?:(\\d{1,2})\\.(\\d{1,2})\\.${Y}|${Y}-(\\d{2})-(\\d{2}))`, 'iu'),
  zh: new RegExp(
    `(?:发布时间|發布時間|发布日期|發布日期|发稿时间|發稿時間)\\s*[:：]?\\s*${Y}\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})`,
    'u',
  ),
};
/**
 * Chinese stamps a paper or an agency puts at the head or the foot of its own text: People's Daily's
 * "（《人民日报》2024年07月05日 第01版）" (its date and page), and the Central News Agency's closing
 * "（編輯：…）1120704" (year of the Republic 112 = 2023, then month and day), on every wire it files.
 */
const PAPER_STAMP_ZH = new RegExp(`《(?:人民日报|人民日報)(?:海外版)?》\\s*[（(]?\\s*${Y}年(\\d{1,2})月(\\d{1,2})日`, 'u');
const CNA_STAMP_ZH = /[（(](?:編輯|编辑)[:：][^）)\n]{1,16}[）)]\s*(1\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])\s*$/u;
/** A press conference's title opens with its day: "2024年7月5日外交部发言人毛宁主持例行记者会". */
const BRIEFING_TITLE_ZH = new RegExp(
  `^\\s*${Y}年(\\d{1,2})月(\\d{1,2})日[^。\\n]{0,20}?(?:例行记者会|例行記者會|记者会|記者會|新闻发布会|新聞發布會|吹风会|吹風會)`,
  'u',
);
const ROC_YEAR_ZERO = 1911;
/** The day a Chinese paper's or agency's stamp, or a press conference's title, gives its text; null when none. */
function ownStampZh(text: string, title: string): ReportYear | null {
  const b = BRIEFING_TITLE_ZH.exec(title);
  if (b) return { y: +b[1]!, m: +b[2]!, d: +b[3]!, why: "the press conference's day in its title" };
  const foot = text.slice(-400);
  const p = PAPER_STAMP_ZH.exec(text.slice(0, 1500)) ?? PAPER_STAMP_ZH.exec(foot);
  if (p) return { y: +p[1]!, m: +p[2]!, d: +p[3]!, why: "the paper's date stamp" };
  const c = CNA_STAMP_ZH.exec(foot.trimEnd());
  if (c) return { y: ROC_YEAR_ZERO + +c[1]!, m: +c[2]!, d: +c[3]!, why: "the agency's closing stamp (a year of the Republic)" };
  return null;
}

const ORDINAL = {
  ru: /(\d{1,2})-?(?:е|го|м|ое|ого|ом)\s+(?:очередно\p{L}*\s+)?заседани\p{L}*\s+Совета\s+глав\s+(государств|правительств)/iu,
  zh: new RegExp(`(元首|政府首脑|政府首腦)(?:[（(](?:总理|總理)[）)])?理事[会會]第${ZH_N}次(?:会议|會議)`, 'u'),
};
/** A Russian month's name, any case ("ноябрь", "ноябре", "июня"), in the calendar's order. */
const RU_MONTHS = ['январ', 'феврал', 'март', 'апрел', 'ма[йяе]', 'июн', 'июл', 'август', 'сентябр', 'октябр', 'ноябр', 'декабр'];
const RU_MONTH = `(?:(${RU_MONTHS.join('|')})\\p{L}*\\s+)?`;
/** The previous meeting's year (group 1). */
const PREVIOUS = {
  ru: new RegExp(`(?:Предыдущ|Прошлогодн)\\p{L}*\\s+(?:саммит|встреч|заседани)[^.!?]{0,100}?${Y}\\s+год`, 'iu'),
  zh: new RegExp(`(?:上一次|上次|上一届|上届|上一屆|上屆)[^。！？]{0,40}?${Y}年`, 'u'),
};
/** The next meeting's year (group 1 in Chinese, 2 in Russian) and, when given, its month (2 in Chinese, 1 in Russian). */
const NEXT = {
  ru: new RegExp(`следующ\\p{L}*\\s+(?:саммит|встреч|заседани)[^.!?]{0,100}?${RU_MONTH}${Y}\\s+год`, 'iu'),
  zh: new RegExp(`(?:下一次|下次|下一届|下届|下一屆|下屆)[^。！？]{0,40}?${Y}年(?:(\\d{1,2})月)?`, 'u'),
};
const RU_MONTH_AT = RU_MONTHS.map((stem) => new RegExp(`^${stem}`, 'iu'));
/** A NEXT match's year and month (undefined when the text gives none). */
function yearMonth(lang: 'ru' | 'zh', m: RegExpExecArray): { y: number; month?: number } {
  if (lang === 'zh') return { y: +m[1]!, ...(m[2] ? { month: +m[2] } : {}) };
  const month = m[1] ? RU_MONTH_AT.findIndex((at) => at.test(m[1]!)) + 1 : 0;
  return { y: +m[2]!, ...(month > 0 ? { month } : {}) };
}
const ANNIVERSARY = {
  ru: /(?:в\s+этом\s+году|нынешн\p{L}*\s+год\p{L}*)[^.!?]{0,60}?(\d{1,2})-?лети\p{L}*\s+(?:ШОС|Шанхайской\s+организации)/iu,
  zh: new RegExp(`今年是(?:上海合作组织|上合组织|上海合作組織|上合組織)成立${ZH_N}周年`, 'u'),
};

/**
 * The report's year (and day, from a stamp) as its text says it, or null. `datelineMonth`: the month
 * of the dateline's date, when it has one.
 */
export function reportYearLang(lang: 'ru' | 'zh', text: string, title: string, datelineMonth?: number): ReportYear | null {
  const top = text.slice(0, 1500);
  const s = STAMP[lang].exec(top);
  if (s) {
    const [y, m, d] = lang === 'zh' ? [+s[1]!, +s[2]!, +s[3]!] : s[3] ? [+s[3], +s[2]!, +s[1]!] : [+s[4]!, +s[5]!, +s[6]!];
    if (m >= 1 && m <= 12 && d >= 1 && d <= 31) return { y, m, d, why: 'the publication stamp' };
  }
  const own = lang === 'zh' ? ownStampZh(text, title) : null;
  if (own && own.m! >= 1 && own.m! <= 12 && own.d! >= 1 && own.d! <= 31) return own;
  // the meeting the report is about: its title or its first paragraphs, not history recalled further on
  const head = `${title}\n${text.slice(0, 400)}`;
  const o = ORDINAL[lang].exec(head);
  if (o) {
    const n = lang === 'zh' ? zhNumber(o[2]!) : +o[1]!;
    const heads = lang === 'zh' ? o[1]! : o[2]!;
    const ofState = /元首|государств/iu.test(heads);
    if (n >= (ofState ? 1 : 2) && n <= 60)
      return { y: (ofState ? SCO_FOUNDED - 1 : SCO_FOUNDED) + n, why: `the ordinal of the council's meeting (${n})` };
  }
  const p = PREVIOUS[lang].exec(text);
  if (p) return { y: +p[1]! + 1, why: "the previous meeting's year" };
  const x = NEXT[lang].exec(text);
  if (x) {
    const { y, month } = yearMonth(lang, x);
    const sameYear = month !== undefined && datelineMonth !== undefined && month > datelineMonth;
    return { y: sameYear ? y : y - 1, why: "the next meeting's year" };
  }
  const a = ANNIVERSARY[lang].exec(text);
  if (a) {
    const n = lang === 'zh' ? zhNumber(a[1]!) : +a[1]!;
    if (n >= 1 && n <= 60) return { y: SCO_FOUNDED + n, why: "the organisation's anniversary this year" };
  }
  return null;
}

/** Weekdays as a report gives them ("во вторник", "星期二", "週二"), Sunday first as Date.getUTCDay counts. */
const WEEKDAY = {
  ru: /(?<![\p{L}])(?:во?\s+)(воскресенье|понедельник|вторник|среду|четверг|пятницу|субботу)(?![\p{L}])/iu,
  zh: /(?:星期|礼拜|禮拜|周|週)([日天一二三四五六])/u,
};
const WEEKDAY_INDEX = {
  ru: ['воскресенье', 'понедельник', 'вторник', 'среду', 'четверг', 'пятницу', 'субботу'],
  zh: ['日', '一', '二', '三', '四', '五', '六'],
};

/**
 * "МОСКВА, 10 ноября — … провели во вторник свой саммит": the one year, among those the text names and
 * their neighbours, in which the dateline's day falls on the weekday the text gives; null when none or several fit.
 */
export function yearByWeekdayLang(lang: 'ru' | 'zh', text: string, month: number, day: number): number | null {
  const w = WEEKDAY[lang].exec(text.slice(0, 3000));
  if (!w) return null;
  const dow = lang === 'zh' && w[1] === '天' ? 0 : WEEKDAY_INDEX[lang].indexOf(w[1]!.toLowerCase());
  if (dow < 0) return null;
  const years = new Set([...text.matchAll(/(?<!\d)((?:19|20)\d{2})(?!\d)/g)].flatMap((m) => [+m[1]! - 1, +m[1]!, +m[1]! + 1]));
  const fit = [...years].filter((y) => {
    const t = new Date(Date.UTC(y, month - 1, day));
    return t.getUTCMonth() === month - 1 && t.getUTCDay() === dow;
  });
  return fit.length === 1 ? fit[0]! : null;
}
