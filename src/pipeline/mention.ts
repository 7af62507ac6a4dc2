/**
 * One date of a sentence, attached to its clause (clauses.ts) → the mention event assembly reads
 * (assemble.ts): its place, whether it was held online, and the words its event's title comes from.
 * Pure. A function of its own (document.ts calls it once per date): as one body with the sentence loop,
 * extractDocument was so large that V8 spent seconds of a cold run re-optimising it.
 */
import type { Mention } from './assemble.ts';
import type { Attachment } from './clauses.ts';
import type { DateMention } from './dates.ts';
import type { DocHeader } from './doc-header.ts';
import type { Gazetteer } from './gazetteer.ts';
import type { Dateline } from './places.ts';
import type { Span } from './segment.ts';
import { titleFromLine, titleFromPrefix, titleFromSuffix, unblank } from './titles.ts';
import { atDateline, inForceEn, inThisCity, INFOBOX_DATE_EN, infoboxPlaceRowEn } from './dates-en.ts';
import {
  cityOfDocumentName,
  isOnlineLang,
  isOnlineLeadLang,
  onReportDayLang,
  isInfoboxDateLang,
  infoboxPlaceLang,
  inForceLang,
  atReportDayLang,
} from './lang/index.ts';
import { titleCore } from './lang/titles.ts';

/** The sentence a date is read in, with what its dates share (built once per sentence by document.ts). */
export interface SentenceScope {
  /** Where the sentence is in the document's text. */
  start: number;
  end: number;
  /** The sentence's text, and its paragraph's. */
  text: string;
  para: string;
  /** The paragraph's dateline ("MOSCOW, June 5 (Xinhua) --"), if it has one. */
  dateline: Dateline | null;
  /** The dateline's header is in this sentence; it ends at `headerEnd` (sentence offsets; -1 when not). */
  inHeader: boolean;
  headerEnd: number;
  /** The statement's id. */
  id: string;
  /** Dates, places and a place's country: never part of a title. */
  blanks: Span[];
  /** A Russian or Chinese title is read from the whole sentence: once for all its dates. */
  core: string | undefined;
}

/** An event title that is a text or meeting named after a city: "Tianjin Declaration", "Shanghai Convention ...". */
const NAMED_AFTER_CITY =
  /^(?:The\s+)?(\p{Lu}[\p{L}-]+(?:\s\p{Lu}[\p{L}-]+)?)\s+(?:Declaration|(?:Joint\s+)?Communiqu[eé]|Convention|Summit)(?![\p{L}])/u;
/** "Done at St. Petersburg on 7 June 2002": the line that signs the document itself. */
const SIGNED_HERE = /^\W*(?:Done|Signed|Adopted|Made)\s+(?:at|in)\b/i;
/** Round brackets and what they hold, so "Council of Heads of Government (Prime Ministers) of" reads on. */
const withoutBrackets = (s: string) => s.replace(/\([^()]*\)/g, ' ');
/** A sentence's words as a short title when nothing better names the event. */
function plainTitle(s: string): string {
  const t = unblank(s)
    .replace(/\s+([,.;:])/g, '$1')
    .replace(/(?:,\s*)+,/g, ',')
    .replace(/^[\s,;:.]+/, '')
    .split(/\s+/)
    .slice(0, 10)
    .join(' ')
    .replace(/[\s,;:.–—-]+$/, '')
    .replace(/(?:\s+(?:at|in|on|of|the|to|for|and|with|by|from|a|an))+$/i, '');
  return t ? t[0]!.toUpperCase() + t.slice(1) : t;
}

/** Replaces the given spans with commas so a title never reads a date or a place as a name. */
function blank(text: string, from: number, to: number, spans: Span[]): string {
  let out = '';
  let at = from;
  for (const s of [...spans].sort((a, b) => a.start - b.start)) {
    if (s.end <= from || s.start >= to) continue;
    out += text.slice(at, Math.max(at, s.start)) + ' | ';
    at = Math.max(at, s.end);
  }
  return out + text.slice(at, to);
}

/** The mention of date `a` of sentence `sen`; `mentions` are the document's mentions before it. */
export function mentionOf(h: DocHeader, gaz: Gazetteer, mentions: Mention[], sen: SentenceScope, a: Attachment): Mention {
  const { text, lang, firstDateline, meta, carry, placesIn, docTitle, actAt } = h;
  const { text: sText, para: paraText, dateline, inHeader, headerEnd, id, blanks } = sen;
  const d: DateMention = a.date;
  // "on Tuesday", "the day before", "met here": counted from the dateline, so at its city (dates-en.ts)
  let place = a.place?.place ?? (lang === 'en' && firstDateline && !a.online && atDateline(sText, d) ? firstDateline[1].place : null);
  if (!place && lang === 'en' && !a.online && inThisCity(sText.slice(a.clause.start, a.clause.end)))
    place = firstDateline?.[1].place ?? mentions.find((m) => m.place && m.value.start === meta.published)?.place ?? null;
  // "Саммит, который проходит 15-16 сентября", "本次峰会于…举行": the report's own meeting, at its dateline's city (lang/index.ts)
  // a treaty in force is in force nowhere in particular
  if (place && (lang === 'en' ? inForceEn(sText, d) : inForceLang(lang, sText, d))) place = null;
  if (!place && lang !== 'en' && !a.online && isInfoboxDateLang(lang, sText)) place = infoboxPlaceLang(lang, text.slice(sen.end), gaz);
  if (!place && lang === 'en' && !a.online && INFOBOX_DATE_EN.test(sText.slice(0, d.start))) {
    // "When: 20–21 May 2024" over "Where: Astana, Palace of Independence": the fact table's place row
    const row = infoboxPlaceRowEn(text.slice(sen.end));
    place = row ? (placesIn(row).mentions[0]?.place ?? null) : null;
  }
  if (!place && lang !== 'en' && !a.online && atReportDayLang(lang, sText, d, carry.anchor) && !isOnlineLeadLang(lang, paraText)) {
    // where the text placed the report's day ("сегодня в Астане", "1日在天津…举行"), else the dateline's city
    place =
      mentions.find((m) => m.place && !m.online && !m.dateline && onReportDayLang(m, carry.anchor))?.place ??
      firstDateline?.[1].place ??
      null;
  }
  const whole = blank(sText, 0, d.start, blanks);
  // "The Council ... Organisation (SCO) held its regular meeting in ...": the clause goes on over the brackets
  // Russian and Chinese titles come from their own module, in the document's language.
  let core =
    lang !== 'en'
      ? (sen.core ??= titleCore(lang, sText, blanks))
      : sText[a.clause.start - 1] === ')'
        ? titleFromPrefix(withoutBrackets(whole))
        : '';
  if (!core && lang === 'en') core = titleFromPrefix(blank(sText, a.clause.start, d.start, blanks));
  if (!core && lang === 'en') core = titleFromPrefix(whole);
  if (!core && lang === 'en') core = titleFromPrefix(withoutBrackets(whole));
  if (!core && lang === 'en' && /^\W*$/.test(sText.slice(0, d.start)) && /^[\s*_]*[:–—-]\s/.test(sText.slice(d.end))) {
    // a chronology line, "15 June 2001: the SCO is founded in Shanghai"
    core = titleFromLine(blank(sText, d.end, sText.length, blanks));
  }
  if (!core && lang === 'en') core = titleFromSuffix(blank(sText, d.end, a.clause.end, blanks));
  let score = core ? 2 : 0;
  // With nothing before the date in its clause, what follows it says what happened ("In 2001 | the SCO was founded ...").
  const clause = a.clause;
  let fallback =
    lang !== 'en'
      ? docTitle
      : () => {
          const after = /^\W*(?:(?:on|in|since|from|at|of|by|during|the\s+year)\W*)*$/i.test(blank(sText, clause.start, d.start, blanks))
            ? plainTitle(blank(sText, d.end, clause.end, blanks))
            : '';
          if (after.split(' ').length >= 2) return after;
          const clauseTitle = plainTitle(blank(sText, clause.start, clause.end, blanks));
          return clauseTitle.split(' ').length >= 3 ? clauseTitle : plainTitle(blank(sText, 0, sText.length, blanks));
        };
  if (lang === 'en' && /^(?:Dates?|When|Time|Held|Period|Date\s+and\s+place)$/i.test(core)) {
    // a fact table's row label ("Dates | 31 August – 1 September 2025") names no happening: the page's title does
    core = '';
    fallback = docTitle;
  }
  let signature = actAt.has(sen.start + d.start);
  if (inHeader && d.start < headerEnd) {
    place = dateline!.place;
    core = '';
    score = 1;
    fallback = docTitle;
  }
  // "в режиме видеоконференции", "以视频方式": held by video link, so not at the dateline's city
  const online =
    a.online ||
    (lang !== 'en' &&
      (isOnlineLang(lang, sText.slice(Math.max(0, d.start - 60), d.end + 60)) ||
        (!!dateline && ((inHeader && d.start < headerEnd) || onReportDayLang(d, carry.anchor)) && isOnlineLeadLang(lang, paraText))));
  if (online && lang !== 'en' && (!a.place?.preposition || (inHeader && d.start < headerEnd))) place = null;
  if (signature && !core) {
    score = 1;
    fallback = docTitle;
  }
  if (SIGNED_HERE.test(sText) && (!core || /^(?:Done|Signed|Adopted|Made)$/i.test(core))) {
    core = meta.title;
    score = 1;
    signature = true;
  }
  if (!place && !online) {
    // "signed the Tianjin Declaration on 1 September 2025": a text named after its city was made there
    const named = lang === 'en' ? NAMED_AFTER_CITY.exec(core) : null;
    if (named) place = gaz.lookup(named[1]!) ?? null;
    else if (lang !== 'en') {
      // only a name in the date's own clause: "伊朗於2023年7月4日成為…；白俄羅斯則於…在阿斯塔納峰會上加入" is not Iran's place
      const named = cityOfDocumentName(lang, core, gaz);
      place = named && cityOfDocumentName(lang, sText.slice(a.clause.start, a.clause.end), gaz)?.id === named.id ? named : null;
    }
  }
  return {
    value: d.value,
    place,
    online,
    core,
    fallback,
    score,
    statementId: id,
    offset: sen.start + d.start,
    dateText: d.text,
    signature,
    ...(inHeader && d.start < headerEnd ? { dateline: true } : {}),
  };
}
