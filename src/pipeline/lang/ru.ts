/**
 * Russian: place names through the Snowball Russian stemmer (snowball-stemmers), datelines, sentence
 * abbreviations, kind words and event titles. Russian names decline ("в Бишкеке", "из Москвы", "в
 * Астане"); the stemmer gives each inflected form and the gazetteer's nominative the same stem, or the
 * name's stem as a prefix of the form's ("Астана" → "аста", "Астане" → "астан"), which is accepted only
 * for stems of 4+ letters with at most 3 letters after them, so "Шанхайская" (шанхайск-) is never
 * "Шанхай" and "Уфимский" never "Уфа". Adjectives from a city ("Душанбинская декларация") name a
 * document or an organisation, not a place, as "<City> Declaration" does in English.
 */
import { newStemmer } from 'snowball-stemmers';
import type { Gazetteer, GazetteerPlace } from '../gazetteer.ts';
import type { Dateline, PlaceMention, RejectedPlace } from '../places.ts';
import { allMatches } from './matches.ts';

const stemmer = newStemmer('russian');
const stemCache = new Map<string, string>();
/** The stem of each word as written: the same words come back for every place mention (dictionaryFormRu stems each of the place's names). */
const writtenCache = new Map<string, string>();
export function stemRu(word: string): string {
  let s = writtenCache.get(word);
  if (s !== undefined) return s;
  const w = word.toLowerCase().replace(/ё/g, 'е');
  s = stemCache.get(w);
  if (s === undefined) {
    s = stemmer.stem(w);
    if (stemCache.size < 50_000) stemCache.set(w, s);
  }
  if (writtenCache.size < 50_000) writtenCache.set(word, s);
  return s;
}

interface Index {
  stems: Map<string, GazetteerPlace>;
  adjectives: { stem: string; place: GazetteerPlace }[];
  capitals: { re: RegExp; place: GazetteerPlace }[];
  /** The capital of each country by the genitive capitalOf lists ("Казахстана" → Astana). */
  capitalByCountry: Map<string, GazetteerPlace>;
}

/**
 * "в казахстанской столице", "в пакистанскую столицу", "российская столица": the capital named by its
 * country's adjective, as news writes it to avoid naming the city twice. Each stem stands for the
 * country's genitive as the gazetteer's capitalOf lists it (data/place-names-ru-zh.json).
 */
const COUNTRY_ADJECTIVES: [stem: string, genitive: string][] = [
  ['китайск', 'Китая'],
  ['российск', 'России'],
  ['казахстанск', 'Казахстана'],
  ['кыргызск', 'Кыргызстана'],
  ['киргизск', 'Кыргызстана'],
  ['таджикск', 'Таджикистана'],
  ['узбекск', 'Узбекистана'],
  ['индийск', 'Индии'],
  ['пакистанск', 'Пакистана'],
  ['иранск', 'Ирана'],
  ['белорусск', 'Белоруссии'],
  ['монгольск', 'Монголии'],
];
const ADJECTIVE_CAPITAL = new RegExp(
  `(?<![\\p{L}])(${COUNTRY_ADJECTIVES.map(([a]) => a).join('|')})(?:ая|ой|ую|ие|их|им)\\s+столиц(?:а|е|ы|у|ей|ой)(?![\\p{L}])`,
  'giu',
);
/** Cities a paper calls a capital by a byname: "в уральской столице" (Yekaterinburg), "северная столица" (Saint Petersburg). */
const BYNAME_CAPITALS: [stem: string, id: string][] = [
  ['уральск', 'yekaterinburg-ru'],
  ['северн', 'saint-petersburg-ru'],
];
const BYNAME_CAPITAL = new RegExp(
  `(?<![\\p{L}])(${BYNAME_CAPITALS.map(([a]) => a).join('|')})(?:ая|ой|ую)\\s+столиц(?:а|е|ы|у|ей|ой)(?![\\p{L}])`,
  'giu',
);
/** "…в Тяньцзине…, которое прошло в том же городе в июле": the city named last before it in the paragraph. */
const SAME_CITY = /(?<![\p{L}])в\s+том\s+же\s+городе(?![\p{L}])/giu;
const indexes = new WeakMap<Gazetteer, Index>();
function indexOf(gaz: Gazetteer): Index {
  let ix = indexes.get(gaz);
  if (ix) return ix;
  ix = { stems: new Map(), adjectives: [], capitals: [], capitalByCountry: new Map() };
  for (const p of [...gaz.byId.values()].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    for (const name of p.ru ?? []) {
      const stem = stemRu(name);
      if (!ix.stems.has(stem)) ix.stems.set(stem, p);
      if (stem.length >= 4) ix.adjectives.push({ stem, place: p });
    }
    for (const a of p.ruAdjective ?? []) ix.adjectives.push({ stem: a, place: p });
    for (const n of p.capitalOf?.ru ?? []) if (!ix.capitalByCountry.has(n)) ix.capitalByCountry.set(n, p);
    if (p.capitalOf?.ru?.length) {
      const names = p.capitalOf.ru.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
      ix.capitals.push({ re: new RegExp(`(?<![\\p{L}])столиц[аеыуой]{1,2}\\s+(?:${names})(?![\\p{L}])`, 'gu'), place: p });
    }
  }
  indexes.set(gaz, ix);
  return ix;
}
/**
 * `find` with its answers kept per gazetteer and word (up to 50,000 words): every capitalised word of a
 * Russian text asks placeOfWordRu, and every one that names no place asks cityOfAdjectiveRu.
 */
function perWord(find: (word: string, gaz: Gazetteer) => GazetteerPlace | null): (word: string, gaz: Gazetteer) => GazetteerPlace | null {
  const caches = new WeakMap<Gazetteer, Map<string, GazetteerPlace | null>>();
  return (word, gaz) => {
    let cache = caches.get(gaz);
    if (!cache) caches.set(gaz, (cache = new Map()));
    let p = cache.get(word);
    if (p === undefined) {
      p = find(word, gaz);
      if (cache.size < 50_000) cache.set(word, p);
    }
    return p;
  };
}

/** The place a single (possibly hyphenated) word names, in any case form; null when none. */
export const placeOfWordRu = perWord(placeOfWordUncached);
function placeOfWordUncached(word: string, gaz: Gazetteer): GazetteerPlace | null {
  const ix = indexOf(gaz);
  const stem = stemRu(word);
  const exact = ix.stems.get(stem);
  if (exact) return stem.length >= 3 || word.length <= stem.length + 2 ? exact : null;
  for (let n = stem.length - 1; n >= 4; n--) {
    const p = ix.stems.get(stem.slice(0, n));
    if (p) return word.length - n <= 3 ? p : null;
  }
  return null;
}

/**
 * The gazetteer's own Russian name for a place the text names in some case form ("в Астане" → "Астана",
 * "Нур-Султане" → "Нур-Султан"): what the atlas lists as a name the documents use, so its "also called"
 * line holds names, not declensions. The name whose stem the written form's stem starts with, longest
 * first; the written form itself when none does (a name in another script, say).
 */
export function dictionaryFormRu(written: string, place: GazetteerPlace): string {
  const stem = stemRu(written);
  let best: string | null = null;
  let bestLen = 0;
  for (const name of place.ru ?? []) {
    const n = stemRu(name);
    if (n.length > bestLen && stem.startsWith(n)) [best, bestLen] = [name, n.length];
  }
  return best ?? written;
}

/** An adjective made from a city's name ("Душанбинская", "Шанхайской", "Московская"): that city. */
export const cityOfAdjectiveRu = perWord(cityOfAdjectiveUncached);
function cityOfAdjectiveUncached(word: string, gaz: Gazetteer): GazetteerPlace | null {
  const w = word.toLowerCase().replace(/ё/g, 'е');
  if (!/ск(?:ая|ой|ую|ий|ого|ому|им|ом|ое|ие|их|ими)$/.test(w)) return null;
  for (const a of indexOf(gaz).adjectives) {
    if (!w.startsWith(a.stem)) continue;
    if (/ск$/.test(a.stem) || /^[а-я]{0,3}ск/.test(w.slice(a.stem.length))) return a.place;
  }
  return null;
}

/** Organisation and document names with a city in them: never a place on their own. */
const NOT_PLACES = /Шанхайск\p{L}*\s+(?:организаци|пят[её]рк|дух|конвенци)|ШОС/u;
/** Words after a city adjective that make it where a meeting was ("Циндаоский саммит") or a building of that city ("в уфимском конгресс-холле"). */
const MEETING_AFTER = /^\s+(?:саммит\p{L}*|встреч\p{L}*|конгресс-(?:холл|центр)\p{L}*|двор[ец]\p{L}*)/u;
/** The same adjective in lower case, as it stands mid-sentence ("на уфимском саммите"): the capitalised-word scan never sees it. */
const LOWER_ADJECTIVE =
  /(?<![\p{L}-])([а-яё]{3,}ск(?:ий|ого|ому|им|ом|ая|ой|ую|ое|ие|их|ими))(?=\s+(?:саммит|встреч|конгресс-(?:холл|центр)|двор[ец]))/gu;
const PREPOSITION = /(?:^|[\s(«"„])(?:в|во|из|на|до|под|около|близ|г\.|город[еау]?|столиц[еаыуой]{1,2})(?:\s+г\.)?\s+$/iu;
const WORD_RU = /[А-ЯЁ][А-ЯЁа-яё]*(?:-[А-ЯЁа-яё]+)*/gu;

export function findPlacesRu(text: string, gaz: Gazetteer): { mentions: PlaceMention[]; rejected: RejectedPlace[] } {
  const mentions: PlaceMention[] = [];
  const rejected: RejectedPlace[] = [];
  const ix = indexOf(gaz);
  // each capital's pattern is a scan of the paragraph: only where "столиц…" is written at all
  for (const c of text.includes('столиц') ? ix.capitals : []) {
    for (const m of allMatches(c.re, text))
      mentions.push({
        start: m.index!,
        end: m.index! + m[0].length,
        text: m[0],
        place: c.place,
        preposition:
          PREPOSITION.test(text.slice(Math.max(0, m.index! - 12), m.index!)) ||
          /^в\s/i.test(text.slice(Math.max(0, m.index! - 2), m.index!)),
      });
  }
  if (text.includes('столиц')) {
    for (const m of allMatches(ADJECTIVE_CAPITAL, text)) {
      const genitive = COUNTRY_ADJECTIVES.find(([a]) => a === m[1]!.toLowerCase())![1];
      const place = ix.capitalByCountry.get(genitive);
      if (!place || mentions.some((x) => x.start < m.index! + m[0].length && m.index! < x.end)) continue;
      mentions.push({
        start: m.index!,
        end: m.index! + m[0].length,
        text: m[0],
        place,
        preposition: /(?:^|\s)(?:в|во|из|до)\s+$/iu.test(text.slice(Math.max(0, m.index! - 4), m.index!)),
      });
    }
  }
  if (text.includes('столиц'))
    for (const m of allMatches(BYNAME_CAPITAL, text)) {
      const place = gaz.byId.get(BYNAME_CAPITALS.find(([a]) => a === m[1]!.toLowerCase())![1]);
      if (place) mentions.push({ start: m.index!, end: m.index! + m[0].length, text: m[0], place, preposition: true });
    }
  const inCapital = (i: number) => mentions.some((m) => m.start <= i && i < m.end);
  for (const m of allMatches(WORD_RU, text)) {
    const word = m[0];
    const start = m.index!;
    const end = start + word.length;
    if (inCapital(start) || word.length < 2) continue;
    const place = placeOfWordRu(word, gaz);
    if (place) {
      // "Москва-2019", "Шанхай-Пекин": part of a longer name
      if (/^-[\p{L}\d]/u.test(text.slice(end, end + 2))) {
        rejected.push({ start, end, text: word, why: 'part of a hyphenated name' });
        continue;
      }
      mentions.push({ start, end, text: word, place, preposition: PREPOSITION.test(text.slice(Math.max(0, start - 16), start)) });
      continue;
    }
    const city = cityOfAdjectiveRu(word, gaz);
    if (!city) continue;
    const after = text.slice(end, end + 40);
    if (MEETING_AFTER.test(after)) mentions.push({ start, end, text: word, place: city, preposition: false });
    else
      rejected.push({
        start,
        end,
        text: word,
        why: NOT_PLACES.test(text.slice(start, end + 30))
          ? "part of an organisation's name"
          : `names a document or body of ${city.name}, not a place`,
      });
  }
  for (const m of /саммит|встреч|конгресс-|двор[ец]/u.test(text) ? allMatches(LOWER_ADJECTIVE, text) : []) {
    const city = cityOfAdjectiveRu(m[1]!, gaz);
    if (city) mentions.push({ start: m.index!, end: m.index! + m[1]!.length, text: m[1]!, place: city, preposition: false });
  }
  mentions.sort((a, b) => a.start - b.start);
  for (const m of text.includes('том же город') ? allMatches(SAME_CITY, text) : []) {
    const last = mentions.filter((x) => x.end <= m.index!).at(-1);
    if (last) mentions.push({ start: m.index!, end: m.index! + m[0].length, text: m[0], place: last.place, preposition: true });
  }
  if (mentions.length > 1) mentions.sort((a, b) => a.start - b.start);
  return { mentions, rejected };
}

const MON_GEN = '(?:января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)';
/** "ДУШАНБЕ, 13 июня — ", "МОСКВА, 10 ноября. /ТАСС/. ", "Бишкек, 14 июня 2019 года. ", "ПЕКИН, 10 июня /Синьхуа/ -- ". */
const DATELINE_RU = new RegExp(
  `^[\\s*#_>]*([А-ЯЁ][А-ЯЁа-яё]+(?:-[А-ЯЁа-яё]+)*)\\s*,\\s*\\d{1,2}\\s+${MON_GEN}(?:\\s+(?:19|20)\\d{2}(?:\\s*(?:года|г\\.))?)?\\s*\\.?\\s*(?:\\/[^/\\n]{2,40}\\/\\.?|\\([^)\\n]{2,40}\\)\\.?)?\\s*(?:--|[—–-])?\\s*`,
  'iu',
);

export function findDatelineRu(para: string, gaz: Gazetteer): Dateline | null {
  const m = DATELINE_RU.exec(para.slice(0, 200));
  if (!m) return null;
  const name = m[1]!;
  const place = placeOfWordRu(name, gaz);
  if (!place) return null;
  const start = m[0].indexOf(name);
  return { place, text: name, start, end: start + name.length, headerEnd: m[0].length };
}
/** The dateline header of a paragraph, for cutting it off a title. */
export const DATELINE_HEAD_RU = DATELINE_RU;

/** Abbreviations after which a Russian sentence goes on: "в г. Ташкенте", "т.е.", "им.", "ул.", initials "В. В. Путин". */
export const ABBR_RU =
  /(?:^|[\s(])(?:г|гг|т\.\s?е|т\.\s?д|т\.\s?п|т\.\s?н|им|ул|пр|просп|пл|д|стр|см|ст|тыс|млн|млрд|руб|долл|ген|проф|акад|и\.\s?о|обл|респ|напр|англ|кит|р|[А-ЯЁ])\.\s*$/u;

/** Document kinds from a title's words. */
export function kindRu(title: string): 'declaration' | 'speech' | null {
  if (/(?<![\p{L}])(?:Деклараци|Коммюнике|Совместное заявление)/iu.test(title)) return 'declaration';
  if (/(?<![\p{L}])(?:Выступлени|Речь|Послани|Обращени|Приветстви|Заявление)/iu.test(title)) return 'speech';
  return null;
}

/**
 * The sentence as the clause splitter should see it: the full stop of an abbreviation ("2022 г. в г.
 * Ташкенте", "В. В. Путин") becomes "·", same length, so it does not cut the date off its place.
 */
export const maskAbbreviationsRu = (text: string) =>
  !/\.\s/.test(text) ? text : text.replace(/(?<![\p{L}])(г|гг|им|ул|пр|просп|пл|д|ст|тыс|млн|млрд|обл|респ|[А-ЯЁ])\.(?=\s)/gu, '$1·');
