/**
 * Event titles in Russian and Chinese: a short phrase in the document's language that says what
 * happened ("Заседание Совета глав государств — членов ШОС", "上合组织成员国元首理事会第十八次会议"),
 * never a bare "ШОС" or a city. Built from the date's sentence with its dates and places blanked out:
 * the phrase headed by a meeting word, else the words that say what was done. Hand-written, as the
 * English titles.ts is: no library names events from clauses.
 */
import type { GazetteerPlace } from '../gazetteer.ts';
import type { Lang } from './common.ts';
import { allMatches } from './matches.ts';
import { notAfterLetter } from './scan.ts';

interface Span {
  start: number;
  end: number;
}
const MAX = 90;

/** The sentence with the given spans replaced by "|" (their words never enter a title). */
function blanked(text: string, from: number, to: number, spans: Span[], gap: string): string {
  let out = '';
  let at = from;
  // (the spans come in order nearly always: copied and sorted only when not)
  let sorted = true;
  for (let i = 1; i < spans.length; i++) if (spans[i - 1]!.start > spans[i]!.start) sorted = false;
  for (const s of sorted ? spans : [...spans].sort((a, b) => a.start - b.start)) {
    if (s.end <= from || s.start >= to) continue;
    out += text.slice(at, Math.max(at, s.start)) + gap;
    at = Math.max(at, s.end);
  }
  return out + text.slice(at, to);
}

/** A meeting word; its look-behind `(?<![\p{L}])` is asked in code (kindRu): V8 ran it at every position of the sentence. */
const RU_KIND =
  /(?:заседани|саммит|встреч|совещани|форум|конференци|учени|визит|переговор|сесси|выставк|фестивал|церемони|подписани|семинар|круглый стол|консультаци|диалог|марафон|игр[аы])\p{L}*/giu;
/** The first meeting word of `s` (not inside another word), or null. */
function kindRu(s: string): RegExpExecArray | null {
  RU_KIND.lastIndex = 0;
  for (let m = RU_KIND.exec(s); m !== null; m = RU_KIND.exec(s)) {
    if (notAfterLetter(s, m.index)) {
      RU_KIND.lastIndex = 0;
      return m;
    }
    RU_KIND.lastIndex = m.index + 1;
  }
  return null;
}
/** Words that end the phrase a meeting word heads: a verb of happening, a conjunction; a preposition only before a blank. */
const RU_STOP =
  /^(?:прош\p{L}*|состоял\p{L}*|пройд\p{L}*|состоит\p{L}*|открыл\p{L}*|начал\p{L}*|заверш\p{L}*|был[аои]?|будет|стал[аои]?|принял\p{L}*|где|котор\p{L}*|и|а|но|что|это)$/iu;
const RU_PREP = /^(?:в|во|на|с|со|из|под|по|при|к|до|после|около)$/iu;
/** A meeting word inside a prepositional phrase ("на саммите", "в ходе встречи") is not what the sentence is about. */
const RU_KIND_AFTER_PREP = /(?:^|\s)(?:на|в ходе|во время|по итогам|после|перед|накануне|в рамках)\s+$/iu;
const RU_AUX = /^(?:был[аои]?|будет|будут|также|затем|тогда|здесь|там)$/iu;
const SHORT_RU = (s: string) =>
  !s.includes('Шанхайск') ? s : s.replace(/Шанхайск\p{L}*\s+организаци\p{L}*\s+сотрудничеств\p{L}*/gu, 'ШОС');

function clip(s: string, max = MAX): string {
  if (s.length <= max) return s;
  const cut = s.slice(0, max);
  const sp = cut.lastIndexOf(' ');
  return (sp > max / 2 ? cut.slice(0, sp) : cut) + '…';
}
const trimmed = (m: string) => m.trim();
const cap = (s: string) => (s ? s[0]!.toUpperCase() + s.slice(1) : s);

function titleRu(text: string, blanks: Span[]): string {
  const t = blanked(text, 0, text.length, blanks, ' | ');
  const kind = kindRu(t);
  if (kind && !RU_KIND_AFTER_PREP.test(t.slice(0, kind.index))) {
    const words = t.slice(kind.index).split(/\s+/);
    const out: string[] = [];
    for (const [i, w] of words.entries()) {
      if (out.length >= 12) break;
      const bare = w.replace(/[.,;:!?()«»"]+$/u, '');
      if (w === '|' || (out.length > 0 && RU_STOP.test(bare)) || (RU_PREP.test(bare) && (words[i + 1] === '|' || words[i + 1] === 'г.')))
        break;
      if (w === '—' || w === '–') {
        out.push(w);
        continue;
      } // "государств — членов ШОС": the name goes on
      out.push(bare);
      if (bare !== w) break; // punctuation ends the phrase
    }
    // (the dash pattern, anchored at the end, is tried from every space: only where a dash is)
    const joined = out.join(' ');
    const phrase = SHORT_RU(joined.includes('—') || joined.includes('–') ? joined.replace(/\s*[—–]\s*$/, '') : joined);
    if (phrase !== 'ШОС') return cap(clip(phrase));
  }
  // no meeting word: what was done ("основана Шанхайская организация сотрудничества" → "Основана ШОС")
  // a preposition before a blank or a meeting word ("на | саммите в |") ends what was done
  const all = t.split(/\s+/).filter(Boolean);
  // (whether a word of what was done comes before is kept as the words go, not searched again for each)
  let stop = -1;
  let done = false;
  for (let i = 1; i < all.length && stop < 0; i++) {
    const x = all[i - 1]!;
    done ||= x !== '|' && !/^[—–-]$/.test(x) && !RU_PREP.test(x);
    if (RU_PREP.test(all[i]!) && (all[i + 1] === '|' || kindRu(all[i + 1] ?? '') !== null) && done) stop = i;
  }
  const words = (stop > 0 ? all.slice(0, stop) : all).filter(
    (w) => w !== '|' && !/^[—–-]$/.test(w) && !/^(?:в|во|на|с|из|г\.|года?|году)$/iu.test(w) && !RU_AUX.test(w),
  );
  const phrase = SHORT_RU(
    words
      .slice(0, 10)
      .join(' ')
      .replace(/[.,;:]+$/u, '')
      .replace(/\s+[,;:]/g, trimmed),
  );
  return phrase.length >= 3 && phrase !== 'ШОС' ? cap(clip(phrase)) : '';
}

const ZH_KIND =
  /(?:峰会|峰會|会议|會議|会晤|會晤|论坛|論壇|联合演习|聯合演習|演习|演習|访问|訪問|会谈|會談|仪式|儀式|博览会|博覽會|研讨会|研討會|对话会|對話會|磋商|展览|展覽|运动会|運動會|马拉松|馬拉松)/gu;
/** A meeting word right at the start (built once: it was built for every blank of every title). */
const ZH_KIND_AT_START = new RegExp(`^(?:${ZH_KIND.source})`, 'u');
const ZH_DONE = /(?:成立|建立|签署|簽署|通过|通過|加入|成为|成為|举行|舉行|召开|召開|启动|啟動|开幕|開幕|闭幕|閉幕|抵达|抵達)/u;
const SHORT_ZH = (s: string) => s.replace(/上海合作组织/g, '上合组织').replace(/上海合作組織/g, '上合組織');

/** What `t.split(/[，,；;：:。！？!?、（）()“”"\s]/u)` gives, by a loop over the characters: that split took a sixth of the Chinese titles' time. */
const ZH_BREAKS = '，,；;：:。！？!?、（）()“”"';
const SPACE = /\s/u;
function splitZh(t: string): string[] {
  const out: string[] = [];
  let from = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t[i]!;
    if (ZH_BREAKS.includes(c) || ((c <= ' ' || c >= '\u00a0') && SPACE.test(c))) {
      out.push(t.slice(from, i));
      from = i + 1;
    }
  }
  out.push(t.slice(from));
  return out;
}

function titleZh(text: string, blanks: Span[]): string {
  // without a dateline head ("新华社|电 ", its place and date blanked)
  // a city right before 峰会 names the meeting ("阿斯塔纳峰会"): kept; without a dateline head ("新华社|电 ")
  const kept = blanks.filter(
    (b) => !ZH_KIND_AT_START.test(text.slice(b.end, b.end + 4)) || !/\p{Script=Han}/u.test(text.slice(b.start, b.end)),
  );
  const b = blanked(text, 0, text.length, kept, '|');
  // (the dateline head has a 电 or 電: without one the pattern is not run)
  const t = !b.includes('电') && !b.includes('電') ? b : b.replace(/^[^，。|]{0,12}\|+[电電](?:[（(][^）)]*[）)])?\s*/u, '');
  const segments = splitZh(t);
  // the segment holding the last meeting word that is not right after a blank ("在|举行会议" keeps "会议")
  for (const seg of segments) {
    const kinds = allMatches(ZH_KIND, seg);
    if (!kinds.length) continue;
    const k = kinds[kinds.length - 1]!;
    let phrase = seg.slice(0, k.index! + k[0].length);
    phrase = phrase
      .slice(phrase.lastIndexOf('|') + 1)
      .replace(/^(?:在|于|於|将|將|并|並|还|還|由|同|与|與)+/u, '')
      .trim();
    if (phrase.length >= 2) return clip(SHORT_ZH(phrase), 60);
  }
  for (const seg of segments) {
    if (!ZH_DONE.test(seg)) continue;
    const phrase = seg
      .replace(/(?:在|于|於)?\|/gu, '')
      .replace(/^(?:在|于|於)/u, '')
      .trim();
    if (phrase.length >= 3 && !/^上合组织$|^上海合作组织$/.test(phrase)) return clip(SHORT_ZH(phrase), 60);
  }
  return '';
}

/** The core of an event title from the date's sentence, in the document's language ('' when nothing fits). */
export function titleCore(lang: Lang, sentence: string, blanks: Span[]): string {
  return lang === 'ru' ? titleRu(sentence, blanks) : lang === 'zh' ? titleZh(sentence, blanks) : '';
}

/** The name of a place in the document's language: its first Russian or Chinese name, else the English one. */
export function placeNameIn(lang: Lang, place: GazetteerPlace): string {
  return (lang === 'ru' ? place.ru?.[0] : lang === 'zh' ? place.zh?.[0] : undefined) ?? place.name;
}

/** The full title: the core (or a fallback) and the place, as a reader of that language writes it. */
export function eventTitleIn(lang: 'ru' | 'zh', core: string, fallback: string, place: GazetteerPlace | null): string {
  const tidy = lang === 'ru' ? SHORT_RU : SHORT_ZH;
  let base =
    tidy(core) ||
    clip(tidy(fallback.replace(/\s+/g, ' ').trim()), lang === 'zh' ? 60 : MAX).replace(/[\s.;:,。；：，]+$/u, '') ||
    (lang === 'ru' ? 'Событие' : '事件');
  const name = place ? placeNameIn(lang, place) : null;
  if (name && !base.includes(name) && !(lang === 'ru' && place!.ru?.some((n) => base.includes(n.slice(0, Math.max(4, n.length - 2))))))
    base = lang === 'zh' ? `${base}（${name}）` : `${base}, ${name}`;
  return base;
}
