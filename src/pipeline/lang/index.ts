/**
 * The per-language room: which language a document is in (franc-min, a trigram language detector),
 * and the one place the pipeline's stages ask for the Russian or Chinese version of what they do.
 * English stays in the stages themselves (dates.ts, places.ts, titles.ts); 'en' never reaches here.
 */
import { expressions as FRANC_SCRIPTS } from 'franc-min/expressions.js';
import type { DateMention, SkippedDate } from './common.ts';
import type { Gazetteer, GazetteerPlace } from '../gazetteer.ts';
import type { Dateline, PlaceMention, RejectedPlace } from '../places.ts';
import { shiftDay, validDay, type DateCarry, type Lang, type YMD } from './common.ts';
import { reportYearLang, yearByWeekdayLang } from './report-year.ts';
import {
  ABBR_RU,
  cityOfAdjectiveRu,
  DATELINE_HEAD_RU,
  dictionaryFormRu,
  findDatelineRu,
  findPlacesRu,
  kindRu,
  maskAbbreviationsRu,
} from './ru.ts';
import { findDatesRu, HAPPENED_RU, WEEKDAY_WORD_RU } from './ru-dates.ts';
import { cityOfDocumentZh, DATELINE_HEAD_ZH, findDatelineZh, findPlacesZh, kindZh, ownCityZh } from './zh.ts';
import { findDatesZh, HAPPENED_ZH } from './zh-dates.ts';

export type { DateCarry, Lang } from './common.ts';
export { LANGS } from './common.ts';
/** Sentence starts of Russian or Chinese text as ICU gives them, or null (segment.ts asks ICU then). */
export { sentenceStartsLang } from './sentences.ts';

/**
 * What `franc(sample, { only: ['eng', 'rus', 'cmn'], minLength: 10 })` answers, without its trigram
 * scoring (a sixth of a 1,000-document run's extraction). franc first picks the script most of the
 * first 2,048 characters are in (its own table of script expressions, used here); with only our three
 * languages allowed, each script it can score holds just one of them (Latin: English, Cyrillic:
 * Russian) and Han is Chinese alone, so the script decides and the scores are never needed. Checked
 * against franc itself on texts of every kind (tests/unit/pipeline/lang/detect-fast.test.ts).
 */
export function francOurs(sample: string): Lang | undefined {
  if (sample.length < 10) return undefined;
  const value = sample.slice(0, 2048);
  let top = '';
  let most = -1;
  for (const script of Object.keys(FRANC_SCRIPTS)) {
    const share = (value.match(FRANC_SCRIPTS[script]!)?.length ?? 0) / value.length || 0;
    if (share > most) [top, most] = [script, share];
  }
  return top === 'Latin' ? 'en' : top === 'Cyrillic' ? 'ru' : top === 'cmn' && most > 0 ? 'zh' : undefined;
}

/**
 * The language of a text: franc-min over its first few thousand characters, restricted to the three
 * languages the pipeline reads (unrestricted, a short Russian line comes back as Bulgarian). franc
 * says 'und' for very short texts; then the script most of the letters are in decides.
 */
export function detectLang(text: string): { lang: Lang; by: 'franc' | 'script' } {
  const sample = text.slice(0, 4000);
  const guess = francOurs(sample);
  if (guess) return { lang: guess, by: 'franc' };
  const han = (sample.match(/\p{Script=Han}/gu) ?? []).length;
  const cyr = (sample.match(/\p{Script=Cyrillic}/gu) ?? []).length;
  const lat = (sample.match(/\p{Script=Latin}/gu) ?? []).length;
  return { lang: han > cyr && han * 3 > lat ? 'zh' : cyr > lat ? 'ru' : 'en', by: 'script' };
}

const NO_EVENT = 'a year alone, and its clause names no event';

/** Dates of a Russian or Chinese sentence; a year alone only where the sentence says something happened. */
/** Words right before a date that make it a plan or an expectation, not something that happened. */
const PLAN_BEFORE = {
  ru: /(?<![\p{L}])(?:пройд[её]т|состоится|намечен[аоы]?(?:\s+на)?|запланирован[аоы]?(?:\s+на)?|планиру\p{L}*|должн[аоы]?(?:\s+был[аои]?)?\s+(?:пройти|состояться)|будет\s+(?:проходить|проведен\p{L}*)|предстоящ\p{L}*|откро\p{L}*ся|планировал\p{L}*(?:\s+на)?|прим[еу]т|провед[её]т|проведут)\s+(?:[\p{L}-]+\s+){0,4}$/iu,
  zh: /(?:将于|將於|将在|將在|拟于|擬於|计划于|計劃於|原定于|原定於|预计于|預計於|定于|定於)\s*$/u,
};
/** A date that only marks an anniversary ("2006年6月，上合组织迎来成立五周年", "В июне 2021 года ШОС отметила 20-летие"): the meeting that marks it has its own date. */
const ANNIVERSARY_AFTER = {
  ru: /^[\s,]*(?:[\p{L}«»"-]+\s+){0,4}(?:отметил\p{L}*|отмечал\p{L}*|исполнил\p{L}*|исполняется)\s+(?:[\p{L}\d-]+\s+){0,2}(?:\d+-?лети\p{L}*|годовщин\p{L}*|юбиле\p{L}*)/iu,
  zh: /^[，,\s]*[^，。；;]{0,12}(?:迎来|迎來)[^，。；;]{0,12}[周週]年/u,
};
/** A publication or revision stamp: "Дата публикации: 05.07.2024", "Обновлено: …", "发布时间：…". */
const STAMP_BEFORE = {
  // (and a reference's access date, "(дата обращения: 25.10.2024)", as Russian footnotes give it)
  ru: /(?:Дата\s+(?:публикации|обновления|обращения|доступа)|Опубликован\p{L}*|Обновлен\p{L}*|Изменен\p{L}*)\s*:?\s*$/iu,
  zh: /(?:发布时间|發布時間|发布日期|發布日期|更新时间|更新時間|来源|來源|(?:最后|最後)?(?:修订|修訂|更新|整理|编辑|編輯)[于於])\s*[:：]?\s*$|《(?:人民日报|人民日報)(?:海外版)?》\s*[（(]?\s*$/u,
};

/**
 * What each of the three patterns above needs, without their Unicode look-behinds and end anchors (V8
 * tries those at every position): a cheap test first, so most mentions never run them.
 */
const MAYBE_PLAN = {
  ru: /пройд|состоится|намечен|запланирован|планир|должн|будет|предстоящ|откро|прим[еу]т|провед/iu,
  zh: /[将將拟擬计計原预預定]/u,
};
const MAYBE_ANNIVERSARY = { ru: /отметил|отмечал|исполнил|исполняется/iu, zh: /迎[来來]/u };
const MAYBE_STAMP = { ru: /дата|опубликован|обновлен|изменен/iu, zh: /[发發更来來最修整编編》]/u };

/** Verbs in the future tense that say a meeting is still ahead ("пройдёт", "состоится", "примет", "будет проведён"). */
const FUTURE_AFTER_RU =
  /(?<![\p{L}])(?:пройд[её]т|состоится|состоятся|примет|прим[еу]т|провед[её]т|проведут|будет|будут|откроется|станет)(?![\p{L}])/iu;

/**
 * The day something must be done by: "до 20 февраля", "не позднее 10 марта" before the date; "前", "之前",
 * "以前" after a Chinese date with its month ("请于2025年10月31日前报送", "于11月5日前提出").
 */
/** The words of DEADLINE_BEFORE_RU and FUTURE_AFTER_RU without their Unicode look-behinds: cheap tests first. */
const MAYBE_DEADLINE_RU = /до|позже|позднее/i;
const MAYBE_FUTURE_RU = /пройд|состоит|состоят|прим|провед|будет|будут|откроется|станет/i;
const DEADLINE_BEFORE_RU = /(?<![\p{L}])(?:до|не\s+позднее|не\s+позже)\s+$/iu;
const DEADLINE_AFTER_ZH = /^(?:之|以)?前/u;
/**
 * A Chinese date whose clause goes on in the future tense before any verb of happening: "11月17日至18日，…会议将在
 * 莫斯科举行", "2023年峰会将由印度主办". A 将 after a verb of happening ("举行，将…") is another clause's plan.
 */
const WILL_ZH = /[将將拟擬]/u;
const HELD_ZH = /[举舉]行|召[开開]|[举舉][办辦]|主[办辦]|[会會]晤|[签簽]署/u;
function plannedAfterZh(after: string): boolean {
  if (!WILL_ZH.test(after)) return false;
  const clause = after.split(/[。；;！？!?]/u)[0]!;
  const will = clause.search(WILL_ZH);
  if (will < 0) return false;
  const held = clause.search(HELD_ZH);
  return held > will;
}

/** The next meeting named before its date ("следующий саммит — в Китае, в 2025 году", "下一届峰会2014年在杜尚别举行"): a plan. */
const NEXT_BEFORE = {
  ru: /следующ\p{L}*\s+(?:саммит|встреч|заседани|сесси)\p{L}*[^.!?;]{0,40}$/iu,
  zh: /(?:下一?[届屆次]|下次)[^。；;！？]{0,20}$/u,
};
const MAYBE_NEXT = { ru: /следующ/iu, zh: /下一?[届屆次]|下次/u };

/** The day things are counted to ("资料截至2025年8月", "截至2023年底", "по состоянию на 1 января 2024 года"): no happening. */
const AS_OF_BEFORE = { ru: /по\s+состоянию\s+на\s*$/iu, zh: /(?:截至|截止)(?:到|于|於)?\s*$/u };

/** Why a date the finder read is no event: a plan, an anniversary, a publication stamp; null when it may be one. */
function notAnEvent(lang: 'ru' | 'zh', text: string, m: DateMention): string | null {
  const before = text.slice(Math.max(0, m.start - 60), m.start);
  if (AS_OF_BEFORE[lang].test(before.slice(-20))) return 'the day a count or a record is made to, not an event';
  if (MAYBE_PLAN[lang].test(before) && PLAN_BEFORE[lang].test(before)) return 'a plan or an expectation, not a dated event';
  if (
    lang === 'ru'
      ? MAYBE_DEADLINE_RU.test(before.slice(-16)) && DEADLINE_BEFORE_RU.test(before.slice(-16))
      : m.value.precision === 'day' && DEADLINE_AFTER_ZH.test(text.slice(m.end, m.end + 2))
  )
    return 'a deadline, not a dated event';
  if (MAYBE_NEXT[lang].test(before) && NEXT_BEFORE[lang].test(before)) return 'the next meeting: a plan, not a dated event';
  if (lang === 'zh' && m.value.precision !== 'year' && plannedAfterZh(text.slice(m.end, m.end + 60)))
    return 'a plan or an expectation, not a dated event';
  // "В 2025 году, как уже было сказано, саммит организации примет Китай": a year whose sentence goes on in the future tense
  if (lang === 'ru' && m.value.precision === 'year' && FUTURE_AFTER_RU.test(text.slice(m.end, m.end + 100).split(/[.!?;]/)[0]!))
    return 'a plan or an expectation, not a dated event';
  // "31 августа — 1 сентября в китайском Тяньцзине пройдет очередное заседание": a day whose own clause goes on in the future tense
  const next60 = lang === 'ru' && m.value.precision !== 'year' ? text.slice(m.end, m.end + 60) : '';
  if (MAYBE_FUTURE_RU.test(next60) && FUTURE_AFTER_RU.test(next60.split(/[.!?;,]/)[0]!))
    return 'a plan or an expectation, not a dated event';
  const after = text.slice(m.end, m.end + 40);
  if (MAYBE_ANNIVERSARY[lang].test(after) && ANNIVERSARY_AFTER[lang].test(after)) return 'an anniversary, not a happening';
  const stamp = text.slice(Math.max(0, m.start - 24), m.start);
  if (MAYBE_STAMP[lang].test(stamp) && STAMP_BEFORE[lang].test(stamp)) return 'a publication stamp, not an event';
  return null;
}

export function findDatesLang(
  lang: 'ru' | 'zh',
  text: string,
  docYear: number | null,
  carry: DateCarry,
): { mentions: DateMention[]; skipped: SkippedDate[] } {
  const r0 = lang === 'ru' ? findDatesRu(text, docYear, carry) : findDatesZh(text, docYear, carry);
  if (!r0.mentions.length) return r0;
  // (each mention's reason computed once: these look-behind patterns were a fifth of the Russian date finder's time;
  // plain loops, not closures made per sentence)
  const mentions: DateMention[] = [];
  const notEvents: SkippedDate[] = [];
  let years = false;
  for (const m of r0.mentions) {
    const why = notAnEvent(lang, text, m);
    if (why) notEvents.push({ start: m.start, end: m.end, text: m.text, why });
    else {
      mentions.push(m);
      if (m.value.precision === 'year') years = true;
    }
  }
  // "2020年会议于9月9日举行": a year alone that a day or month of the same sentence already dates is that date's year
  if (years && mentions.length > 1)
    for (let i = mentions.length - 1; i >= 0; i--) {
      const y = mentions[i]!;
      if (y.value.precision !== 'year' || !mentions.some((d) => d.value.precision !== 'year' && d.value.start.startsWith(y.value.start)))
        continue;
      mentions.splice(i, 1);
      notEvents.push({ start: y.start, end: y.end, text: y.text, why: 'the year of a date the sentence gives' });
    }
  const skipped = notEvents.length ? [...r0.skipped, ...notEvents] : r0.skipped;
  if (!years || (lang === 'ru' ? HAPPENED_RU : HAPPENED_ZH).test(text)) return { mentions, skipped };
  const kept: DateMention[] = [];
  const alone: SkippedDate[] = [];
  for (const m of mentions) {
    if (m.value.precision !== 'year') kept.push(m);
    else alone.push({ start: m.start, end: m.end, text: m.text, why: NO_EVENT });
  }
  return { mentions: kept, skipped: [...skipped, ...alone].sort((a, b) => a.start - b.start) };
}

const MAYBE_RU =
  /\d|сегодня|вчера|годом\s+ран|прошл|назад|месяц|этого\s+года|текущего|нынешнего|(?:январ|феврал|март|апрел|ма|июн|июл|август|сентябр|октябр|ноябр|декабр)е/iu;
const MAYBE_ZH = /[0-9０-９〇○零一二三四五六七八九十][年月日号]|今天|当天|昨天|今日|当日|昨日|上个?月/u;
export const mayContainDateLang = (lang: 'ru' | 'zh', text: string) =>
  lang === 'ru' ? MAYBE_RU.test(text) || WEEKDAY_WORD_RU.test(text) : MAYBE_ZH.test(text);

/** `ownCity`: the city a Chinese page speaks as, which its "我市" names (zh.ts ownCityZh). */
export function findPlacesLang(
  lang: 'ru' | 'zh',
  text: string,
  gaz: Gazetteer,
  ownCity: GazetteerPlace | null = null,
): { mentions: PlaceMention[]; rejected: RejectedPlace[] } {
  return lang === 'ru' ? findPlacesRu(text, gaz) : findPlacesZh(text, gaz, ownCity);
}

export function findDatelineLang(lang: 'ru' | 'zh', para: string, gaz: Gazetteer): Dateline | null {
  return lang === 'ru' ? findDatelineRu(para, gaz) : findDatelineZh(para, gaz);
}

/** A paragraph's text without its dateline header ("МОСКВА, 10 ноября. /ТАСС/. ", "新华社北京6月10日电 "). */
export const withoutDatelineLang = (lang: 'ru' | 'zh', para: string) =>
  para.replace(lang === 'ru' ? DATELINE_HEAD_RU : DATELINE_HEAD_ZH, '');

/** Abbreviations after which a sentence goes on, per language (null: none to join). */
/** The name a place mention goes into the atlas's names under: Russian case forms as the gazetteer's nominative. */
export const placeNameAsListed = (lang: Lang, written: string, place: GazetteerPlace) =>
  lang === 'ru' && /\p{Script=Cyrillic}/u.test(written) ? dictionaryFormRu(written, place) : written;

export const sentenceAbbreviations = (lang: Lang): RegExp | null => (lang === 'ru' ? ABBR_RU : null);

export const kindLang = (lang: 'ru' | 'zh', title: string) => (lang === 'ru' ? kindRu(title) : kindZh(title));

/** The city a document's or meeting's name is made from ("Душанбинская декларация", "青岛宣言", "Уфимский саммит"). */
export function cityOfDocumentName(lang: 'ru' | 'zh', name: string, gaz: Gazetteer) {
  if (lang === 'zh') return cityOfDocumentZh(name, gaz);
  const m = /([А-ЯЁ][а-яё-]+)\s+(?:деклараци|коммюнике|конвенци|саммит|встреч|хартия)/iu.exec(name);
  return m ? cityOfAdjectiveRu(m[1]!, gaz) : null;
}

/** The sentence as clauses.ts should cut it (Russian abbreviations' full stops masked; a Chinese '；', or '，' before a year, read as ';'; same length). */
export const forClauses = (lang: Lang, sentence: string) =>
  lang === 'ru'
    ? maskAbbreviationsRu(sentence).replace(ASIDE_RU, (a) => ` ${a.slice(1, -1)} `)
    : lang === 'zh'
      ? sentence.replace(/；|，(?=[0-9０-９〇一二三四五六七八九十]{2,4}年)/gu, ';')
      : sentence;
/** A bracketed aside on a name ("в Астане (ныне Нур-Султан) в июне 2017 года"): the clause reads on over it. */
const ASIDE_RU = /\((?:ныне|сейчас|теперь|позднее|бывш\p{L}*|прежде|до\s+\d{4}\s+г\p{L}*\.?)\s[^()]{1,40}\)/giu;

/**
 * The first full date (day, month and year) of a Russian or Chinese text: a report whose dateline has no
 * year ("БИШКЕК, 14 июня. /ТАСС/.", "新华社青岛6月10日电") takes that year, from a date in the dateline's month.
 */
const FULL_DATE = {
  ru: /\d{1,2}(?:\s*[-–—]\s*\d{1,2})?\s+(?:января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)\s+(?:19|20)\d{2}|\d{1,2}\.\d{1,2}\.(?:19|20)\d{2}/iu,
  zh: /[0-9０-９〇○零一二三四五六七八九]{4}年[0-9０-９一二三四五六七八九十]{1,2}月[0-9０-９一二三四五六七八九十]{1,3}[日号]/u,
};
export function firstFullDateLang(lang: 'ru' | 'zh', text: string, datelineMonth?: number): DateMention | undefined {
  const re = new RegExp(FULL_DATE[lang].source, 'gu' + (lang === 'ru' ? 'i' : ''));
  for (const m of text.matchAll(re)) {
    if (PLAN_BEFORE[lang].test(text.slice(Math.max(0, m.index - 60), m.index))) continue; // "пройдет 22-23 июля 2020 года": the next meeting's year
    const d = findDatesLang(lang, text.slice(m.index, m.index + m[0].length + 8), null, {}).mentions.find(
      (x) => x.value.precision === 'day',
    );
    // a report dated "6月10日" recalls history ("2001年6月15日成立"): only a date of its own month gives its year
    if (d && (datelineMonth === undefined || Math.abs(+d.value.start.slice(5, 7) - datelineMonth) <= 1)) return d;
  }
  return undefined;
}

const ONLINE = {
  ru: /видеоконференц|видеосвяз|онлайн-формат|в режиме онлайн|в онлайн[- ]режиме|в виртуальном формате|дистанционно/iu,
  // (Taiwan's word for video is 視訊: "以視訊方式舉行", "視訊會議")
  zh: /(?<!线上|線上)(?:以视频方式|以視頻方式|以視訊方式|视频会议|視頻會議|視訊會議|视频连线|視頻連線|視訊連線|透過視訊|线上(?!线下)|線上(?!線下)|云会议|雲會議)/u,
};
/** A sentence that says the meeting was held by video link (not a hybrid "线上线下相结合"). */
export const isOnlineLang = (lang: 'ru' | 'zh', sentence: string) => ONLINE[lang].test(sentence);

/** The month of a dateline's date ("14 июня", "6月10日"), whatever its year; undefined without one. */
export function datelineMonthLang(lang: 'ru' | 'zh', header: string): number | undefined {
  const d = findDatesLang(lang, header, 2000, { y: 2000 }).mentions[0];
  return d && d.value.start.length >= 7 ? +d.value.start.slice(5, 7) : undefined;
}

/**
 * The day a Russian or Chinese report speaks from when it has no publication date: its stamp, or its
 * dateline's day in the year the text says in other ways (report-year.ts). Null: the text does not say.
 */
export function reportDateLang(
  lang: 'ru' | 'zh',
  text: string,
  title: string,
  datelineHeader: string | null,
): { date: YMD; day?: YMD; why: string } | null {
  let r = reportYearLang(lang, text, title, datelineHeader ? datelineMonthLang(lang, datelineHeader) : undefined);
  if (!r && datelineHeader) {
    // no other sign of the year: the weekday the text gives ("во вторник") against the dateline's day
    const md = findDatesLang(lang, datelineHeader, 2000, { y: 2000 }).mentions[0];
    const y =
      md?.value.precision === 'day' ? yearByWeekdayLang(lang, text, +md.value.start.slice(5, 7), +md.value.start.slice(8, 10)) : null;
    if (y) r = { y, why: "the weekday the text gives for the dateline's day" };
  }
  if (!r) return null;
  // "中新网9月17日电": a Chinese dateline may name no city; its day is still the report's ("当天", "7月14日" count from it)
  const header =
    datelineHeader ??
    (lang === 'zh'
      ? text
          .split(/\n/)
          .slice(0, 6)
          .map((l) => DATELINE_HEAD_ZH.exec(l)?.[0])
          .find(Boolean)
      : undefined);
  const d = header ? findDatesLang(lang, header, r.y, { y: r.y }).mentions[0] : undefined;
  const [y, m, dd] = d?.value.precision === 'day' ? (d.value.start.split('-').map(Number) as [number, number, number]) : [];
  const day = y && m && dd ? { y, m, d: dd } : undefined;
  // a Chinese stamp's day is the report's own when no dateline gives one: "昨天" under "（《人民日报》2024年07月05日
  // 第01版）" is 4 July. Not a Russian "Опубликовано: 09.07.2025" over a feature recalling "9 июля" ten years back.
  const own = r.m && r.d && validDay(r.y, r.m, r.d) ? { y: r.y, m: r.m, d: r.d } : null;
  if (own) return { date: own, ...(day ? { day } : lang === 'zh' ? { day: own } : {}), why: r.why };
  return day ? { date: day, day, why: r.why } : null;
}

/** A meeting the report speaks of ("Саммит, который проходит 15-16 сентября", "本次峰会于8月31日至9月1日举行"). */
const MEETING = {
  ru: /саммит|заседани|встреч|переговор|форум|совещани/iu,
  zh: /峰会|峰會|会议|會議|会晤|會晤|会谈|會談|论坛|論壇|本届|本屆|本次|此次/u,
};
/** Said from the same sentence: by video link, or both ways at once ("线上线下相结合", "в смешанном формате"). */
const HYBRID = {
  ru: /смешанном\s+формате|гибридном\s+формате|очно\s+и\s+(?:онлайн|дистанционно)/iu,
  zh: /线上线下|線上線下|线下线上|線下線上/u,
};

/**
 * A date with no place in its clause that is the report's own day, or a span of days around it, in a
 * sentence about a meeting: the meeting the report is filed from, so at its dateline's city.
 */
export function atReportDayLang(lang: 'ru' | 'zh', sentence: string, d: DateMention, reportDay: YMD | undefined): boolean {
  if (!reportDay || d.value.precision !== 'day' || !MEETING[lang].test(sentence)) return false;
  const from = shiftDay(reportDay, -1);
  const to = shiftDay(reportDay, 1);
  return d.value.start <= to && (d.value.end ?? d.value.start) >= from;
}

/** A report's lead paragraph that says its meeting was held by video link (not both ways at once). */
export const isOnlineLeadLang = (lang: 'ru' | 'zh', paragraph: string) => ONLINE[lang].test(paragraph) && !HYBRID[lang].test(paragraph);

/** A date that is the report's own day ("25日晚" under "新华社北京11月25日电"). */
export const onReportDayLang = (d: { value: DateMention['value'] }, reportDay: YMD | undefined) =>
  !!reportDay && d.value.precision === 'day' && !d.value.end && d.value.start === shiftDay(reportDay, 0);

/** An event page's fact table: "会议日期 | 2012年6月6日至7日", "Даты проведения | 15-16 октября 2024 г." (a row, not a publication stamp). */
const INFOBOX_DATE = {
  ru: /^\s*(?:Дат[аы](?:\s+(?:проведения|создания|основания|подписания))?|Сроки(?:\s+проведения)?)\s*[|:]/iu,
  zh: /^\s*(?:会议|會議|活动|活動|峰会|峰會)?(?:日期|时间|時間)\s*[|:：]/u,
};
/** Its place row: "会议地点 | 中国北京 人民大会堂", "Место проведения | Исламабад". */
const INFOBOX_PLACE = {
  ru: /^[\s|]*Место(?:\s+проведения)?\s*[|:]\s*(.+)$/imu,
  zh: /^\s*(?:会议|會議|活动|活動|峰会|峰會)?(?:地点|地點)\s*[|:：]\s*(.+)$/mu,
};
export const isInfoboxDateLang = (lang: 'ru' | 'zh', line: string) => INFOBOX_DATE[lang].test(line);
/** The place of a fact table's date row: the first place its place row names (within the next few rows). */
export function infoboxPlaceLang(lang: 'ru' | 'zh', after: string, gaz: Gazetteer) {
  const row = INFOBOX_PLACE[lang].exec(after.slice(0, 400));
  return row ? (findPlacesLang(lang, row[1]!, gaz).mentions[0]?.place ?? null) : null;
}

/** A treaty's entry into force ("вступила в силу 19 сентября 2003 года", "於2003年9月19日生效") happens at no place. */
const IN_FORCE_BEFORE = /вступ\p{L}*\s+в\s+(?:законную\s+)?силу\s*$/iu;
const IN_FORCE_AFTER = /^\s*(?:起)?(?:正式)?生效/u;
export const inForceLang = (lang: 'ru' | 'zh', sentence: string, d: DateMention) =>
  lang === 'ru'
    ? IN_FORCE_BEFORE.test(sentence.slice(Math.max(0, d.start - 30), d.start))
    : IN_FORCE_AFTER.test(sentence.slice(d.end, d.end + 8));

/** The city a page speaks as, for its "我市" (Chinese only: null for Russian). */
export const ownCityLang = (lang: 'ru' | 'zh', text: string, gaz: Gazetteer): GazetteerPlace | null =>
  lang === 'zh' ? ownCityZh(text, gaz) : null;

/**
 * A piece that looks back rather than reports: a Xinhua 综述 or 述评, a year's 回眸 or 盘点, a ТАСС-ДОСЬЕ. Its
 * dateline is when it was filed, not a day something happened there. Read in the head of the text.
 */
const OVERVIEW = { ru: /(?<![\p{L}])(?:ДОСЬЕ|Досье)(?![\p{L}])/u, zh: /综述|綜述|述评|述評|回眸|盘点|盤點/u };
export const overviewLang = (lang: 'ru' | 'zh', text: string): boolean => OVERVIEW[lang].test(text.slice(0, 400));
