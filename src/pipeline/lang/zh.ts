/**
 * Chinese: place names, datelines, sentence ends and kind words. Chinese has no spaces, so names are
 * found as substrings, the longest name at a position winning ("新德里" over "德里"), and never inside
 * the name of an organisation, a group or a document ("上海合作组织", "上海五国", "青岛宣言"): a city in
 * a document's name is where the meeting that adopted it was, which the title rule uses (as English
 * "<City> Declaration"), not a place mention on its own. Simplified and traditional forms are both in
 * the gazetteer (data/place-names-ru-zh.json, traditional made by opencc-js).
 */
import type { Gazetteer, GazetteerPlace } from '../gazetteer.ts';
import type { Dateline, PlaceMention, RejectedPlace } from '../places.ts';

interface Index {
  /** Names by the code unit they start with (a number: text[i] made a string of every character read). */
  byFirst: Map<number, { name: string; place: GazetteerPlace }[]>;
}
const indexes = new WeakMap<Gazetteer, Index>();
function indexOf(gaz: Gazetteer): Index {
  let ix = indexes.get(gaz);
  if (ix) return ix;
  ix = { byFirst: new Map() };
  const add = (name: string, place: GazetteerPlace) => {
    const list = ix!.byFirst.get(name.charCodeAt(0)) ?? [];
    if (!list.some((x) => x.name === name)) list.push({ name, place });
    ix!.byFirst.set(name.charCodeAt(0), list);
  };
  for (const p of [...gaz.byId.values()].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    for (const n of p.zh ?? []) add(n, p);
    for (const c of p.capitalOf?.zh ?? []) add(`${c}首都`, p);
  }
  for (const list of ix.byFirst.values()) list.sort((a, b) => b.name.length - a.name.length || (a.name < b.name ? -1 : 1));
  indexes.set(gaz, ix);
  return ix;
}

/** The longest place name starting at `at`, or null. */
function nameAt(text: string, at: number, ix: Index): { name: string; place: GazetteerPlace } | null {
  const list = ix.byFirst.get(text.charCodeAt(at));
  if (!list) return null;
  for (const c of list) if (text.startsWith(c.name, at)) return c;
  return null;
}

/** Names of organisations, groups and texts that begin with a city: never places (simplified and traditional). */
const NOT_PLACE_AFTER =
  /^(?:合作组织|合作組織|五国|五國|精神|公约|公約|宣言|公报|公報|声明|聲明|倡议|倡議|进程|進程|模式|纲要|綱要|峰会宣言|峰會宣言|合作组|合作組|组织|組織|大学|大學|市政府|特别|特別)/u;
/** "青岛峰会" was held in Qingdao, as "the Qingdao Summit" is in English. */
const DOCUMENT_AFTER = /^(?:宣言|公报|公報|声明|聲明|公约|公約|倡议|倡議)/u;
/** "在青岛", "于北京", "赴莫斯科", "抵达…": where something happens. */
const PREPOSITION = /(?:在|于|於|赴|抵达|抵達|到|来到|來到|前往|飞抵|飛抵|访问|訪問)$/u;

/**
 * One-character names Chinese news gives a few cities after a verb of coming or being ("在京举行", "来沪访问",
 * "在津召开"), read only there and before a verb or a pause: alone the characters are parts of other words
 * ("东京", "津巴布韦", "京津冀").
 */
const SHORT_NAMES: Record<string, string> = { 京: 'beijing-cn', 沪: 'shanghai-cn', 滬: 'shanghai-cn', 津: 'tianjin-cn' };
const SHORT_NAME_AT = /(?<=[在来來抵赴离離返回访訪驻駐])([京沪滬津])(?=[召举舉出会會期开開主参參与與访訪考调調发發，、。；的])/gu;
/** SHORT_NAME_AT without its look-behind and look-ahead (天津 alone has a 津): a cheap test first. */
const MAYBE_SHORT_NAME = /[在来來抵赴离離返回访訪驻駐][京沪滬津]/u;
/** "我市", "本市": the city whose government, paper or station the page is (ownCityZh). */
const OWN_CITY = /[我本]市(?![民场場长長委])/gu;

/** The city a Chinese page speaks as ("天津市人民政府", "主办：青岛市政府办公厅"): the name before 市 at its head or foot. */
export function ownCityZh(text: string, gaz: Gazetteer): GazetteerPlace | null {
  const ix = indexOf(gaz);
  const ends = text.length > 1600 ? text.slice(0, 800) + '\n' + text.slice(-800) : text;
  for (const m of ends.matchAll(/市(?:人民政府|政府|委)/gu)) {
    for (let k = 4; k >= 2; k--) {
      const name = ends.slice(Math.max(0, m.index - k), m.index);
      const hit = name.length === k ? nameAt(name, 0, ix) : null;
      if (hit && hit.name === name) return hit.place;
    }
  }
  return null;
}

export function findPlacesZh(
  text: string,
  gaz: Gazetteer,
  ownCity: GazetteerPlace | null = null,
): { mentions: PlaceMention[]; rejected: RejectedPlace[] } {
  const ix = indexOf(gaz);
  const mentions: PlaceMention[] = [];
  const rejected: RejectedPlace[] = [];
  for (let i = 0; i < text.length; i++) {
    const hit = nameAt(text, i, ix);
    if (!hit) continue;
    const end = i + hit.name.length;
    const after = text.slice(end, end + 6);
    if (NOT_PLACE_AFTER.test(after)) {
      rejected.push({
        start: i,
        end,
        text: hit.name,
        why: DOCUMENT_AFTER.test(after) ? `names a document of ${hit.place.name}, not a place` : "part of an organisation's name",
      });
    } else {
      mentions.push({ start: i, end, text: hit.name, place: hit.place, preposition: PREPOSITION.test(text.slice(Math.max(0, i - 4), i)) });
    }
    i = end - 1;
  }
  const more: PlaceMention[] = [];
  if (MAYBE_SHORT_NAME.test(text))
    for (const m of text.matchAll(SHORT_NAME_AT)) {
      const place = gaz.byId.get(SHORT_NAMES[m[1]!]!);
      if (place) more.push({ start: m.index, end: m.index + 1, text: m[1]!, place, preposition: true });
    }
  if (ownCity && /[我本]市/u.test(text))
    for (const m of text.matchAll(OWN_CITY)) more.push({ start: m.index, end: m.index + 2, text: m[0], place: ownCity, preposition: true });
  if (more.length === 0) return { mentions, rejected };
  const fresh = more.filter((x) => !mentions.some((y) => y.start < x.end && x.start < y.end));
  return { mentions: [...mentions, ...fresh].sort((a, b) => a.start - b.start), rejected };
}

/** The city a document's name begins with ("青岛宣言" → Qingdao), for a meeting that adopted it. */
export function cityOfDocumentZh(text: string, gaz: Gazetteer): GazetteerPlace | null {
  const ix = indexOf(gaz);
  for (let i = 0; i < text.length; i++) {
    const hit = nameAt(text, i, ix);
    if (hit && DOCUMENT_AFTER.test(text.slice(i + hit.name.length, i + hit.name.length + 4))) return hit.place;
    if (hit) i += hit.name.length - 1;
  }
  return null;
}

const N = '[0-9０-９一二三四五六七八九十]';
/** "新华社北京6月10日电", "中新网莫斯科6月10日电（记者 …）", "本报青岛6月9日电". */
const DATELINE_ZH = new RegExp(
  `^[\\s*#_>]*([^\\s\\d，。]{0,12}?)(${N}{1,2}月${N}{1,3}日)[电電](?:\\s*[（(][^）)\\n]{0,40}[）)])?\\s*`,
  'u',
);

export function findDatelineZh(para: string, gaz: Gazetteer): Dateline | null {
  const m = DATELINE_ZH.exec(para.slice(0, 120));
  if (!m) return null;
  const head = m[1]!;
  const ix = indexOf(gaz);
  // the place is the name the agency's words end with: 新华社|青岛
  for (let i = 0; i < head.length; i++) {
    const hit = nameAt(head, i, ix);
    if (hit && i + hit.name.length === head.length) {
      const start = m[0].indexOf(head) + i;
      return { place: hit.place, text: hit.name, start, end: start + hit.name.length, headerEnd: m[0].length };
    }
  }
  return null;
}
export const DATELINE_HEAD_ZH = DATELINE_ZH;

export function kindZh(title: string): 'declaration' | 'speech' | null {
  if (/宣言|公报|公報|联合声明|聯合聲明/u.test(title)) return 'declaration';
  if (/讲话|講話|致辞|致辭|发言|發言|贺词|賀詞|演讲|演講|贺电|賀電/u.test(title)) return 'speech';
  return null;
}
