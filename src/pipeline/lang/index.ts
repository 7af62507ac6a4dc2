/**
 * The per-language room: which language a document is in (franc-min, a trigram language detector),
 * and the one place the pipeline's stages ask for the Russian or Chinese version of what they do.
 * English stays in the stages themselves (dates.ts, places.ts, titles.ts); 'en' never reaches here.
 */
import { franc } from 'franc-min';
import type { DateMention, SkippedDate } from '../dates.ts';
import type { Gazetteer } from '../gazetteer.ts';
import type { Dateline, PlaceMention, RejectedPlace } from '../places.ts';
import type { DateCarry, Lang } from './common.ts';
import { ABBR_RU, cityOfAdjectiveRu, DATELINE_HEAD_RU, findDatelineRu, findPlacesRu, kindRu, maskAbbreviationsRu } from './ru.ts';
import { findDatesRu, HAPPENED_RU } from './ru-dates.ts';
import { cityOfDocumentZh, DATELINE_HEAD_ZH, findDatelineZh, findPlacesZh, kindZh } from './zh.ts';
import { findDatesZh, HAPPENED_ZH } from './zh-dates.ts';

export type { DateCarry, Lang } from './common.ts';
export { LANGS } from './common.ts';

const FRANC_TO_LANG: Record<string, Lang> = { eng: 'en', rus: 'ru', cmn: 'zh' };

/**
 * The language of a text: franc-min over its first few thousand characters, restricted to the three
 * languages the pipeline reads (unrestricted, a short Russian line comes back as Bulgarian). franc
 * says 'und' for very short texts; then the script most of the letters are in decides.
 */
export function detectLang(text: string): { lang: Lang; by: 'franc' | 'script' } {
  const sample = text.slice(0, 4000);
  const guess = FRANC_TO_LANG[franc(sample, { only: ['eng', 'rus', 'cmn'], minLength: 10 })];
  if (guess) return { lang: guess, by: 'franc' };
  const han = (sample.match(/\p{Script=Han}/gu) ?? []).length;
  const cyr = (sample.match(/\p{Script=Cyrillic}/gu) ?? []).length;
  const lat = (sample.match(/\p{Script=Latin}/gu) ?? []).length;
  return { lang: han > cyr && han * 3 > lat ? 'zh' : cyr > lat ? 'ru' : 'en', by: 'script' };
}

const NO_EVENT = 'a year alone, and its clause names no event';

/** Dates of a Russian or Chinese sentence; a year alone only where the sentence says something happened. */
export function findDatesLang(lang: 'ru' | 'zh', text: string, docYear: number | null, carry: DateCarry): { mentions: DateMention[]; skipped: SkippedDate[] } {
  const r = lang === 'ru' ? findDatesRu(text, docYear, carry) : findDatesZh(text, docYear, carry);
  const happened = lang === 'ru' ? HAPPENED_RU : HAPPENED_ZH;
  if (!r.mentions.some((m) => m.value.precision === 'year') || happened.test(text)) return r;
  return { mentions: r.mentions.filter((m) => m.value.precision !== 'year'), skipped: [...r.skipped, ...r.mentions.filter((m) => m.value.precision === 'year').map((m) => ({ start: m.start, end: m.end, text: m.text, why: NO_EVENT }))].sort((a, b) => a.start - b.start) };
}

const MAYBE_RU = /\d|сегодня|вчера/iu;
const MAYBE_ZH = /[0-9０-９〇○零一二三四五六七八九十][年月日号]|今天|当天|昨天|今日|当日|昨日/u;
export const mayContainDateLang = (lang: 'ru' | 'zh', text: string) => (lang === 'ru' ? MAYBE_RU : MAYBE_ZH).test(text);

export function findPlacesLang(lang: 'ru' | 'zh', text: string, gaz: Gazetteer): { mentions: PlaceMention[]; rejected: RejectedPlace[] } {
  return lang === 'ru' ? findPlacesRu(text, gaz) : findPlacesZh(text, gaz);
}

export function findDatelineLang(lang: 'ru' | 'zh', para: string, gaz: Gazetteer): Dateline | null {
  return lang === 'ru' ? findDatelineRu(para, gaz) : findDatelineZh(para, gaz);
}

/** A paragraph's text without its dateline header ("МОСКВА, 10 ноября. /ТАСС/. ", "新华社北京6月10日电 "). */
export const withoutDatelineLang = (lang: 'ru' | 'zh', para: string) => para.replace(lang === 'ru' ? DATELINE_HEAD_RU : DATELINE_HEAD_ZH, '');

/** Abbreviations after which a sentence goes on, per language (null: none to join). */
export const sentenceAbbreviations = (lang: Lang): RegExp | null => (lang === 'ru' ? ABBR_RU : null);

export const kindLang = (lang: 'ru' | 'zh', title: string) => (lang === 'ru' ? kindRu(title) : kindZh(title));

/** The city a document's or meeting's name is made from ("Душанбинская декларация", "青岛宣言", "Уфимский саммит"). */
export function cityOfDocumentName(lang: 'ru' | 'zh', name: string, gaz: Gazetteer) {
  if (lang === 'zh') return cityOfDocumentZh(name, gaz);
  const m = /([А-ЯЁ][а-яё-]+)\s+(?:деклараци|коммюнике|конвенци|саммит|встреч|хартия)/iu.exec(name);
  return m ? cityOfAdjectiveRu(m[1]!, gaz) : null;
}

/** The sentence as clauses.ts should cut it (Russian abbreviations' full stops masked, same length). */
export const forClauses = (lang: Lang, sentence: string) => (lang === 'ru' ? maskAbbreviationsRu(sentence) : sentence);
