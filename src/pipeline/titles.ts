/**
 * Short labels for events, built from the words before the date in its clause: the name of the
 * meeting ("5th Meeting of the Heads of Science and Technology Ministries") or its noun phrase
 * ("24th summit", "regular meeting"). Hand-written because no library names events from clauses.
 */
import { allMatches } from './lang/matches.ts';
export const MAX = 90;
const CONNECTOR = new Set([
  'of',
  'the',
  'and',
  'for',
  'on',
  'in',
  'de',
  'la',
  '&',
  'to',
  'at',
  'by',
  'between',
  'with',
  'against',
  'along',
  'under',
  'within',
  'through',
]);
const EVENT_NOUN =
  /^(?:meetings?|summits?|sessions?|conferences?|forums?|fora|exhibitions?|operations?|exercises?|events?|talks|visits?|festivals?|games|competitions?|contests?|ceremony|congress(?:es)?|roundtables?|dialogues?|consultations?|seminars?|symposium|workshops?|negotiations|elections?|launch|marathons?|celebrations?|anniversary|signing|review|concept|agreement|programme|program|plan|strategy|resolution|declaration|statement|memorandum|roadmap|treaty|communiqu[eé])$/i;
const ORDINAL =
  /^(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|inaugural|regular|annual|joint|extraordinary|informal|special|high-level|ministerial|roundtable|plenary|opening|closing|official|state|bilateral|trilateral|multilateral)$/i;
/** Words between a name and its date that say nothing about what happened. */
const FILLER =
  /^(?:held|hold|holding|on|in|at|from|between|via|by|videoconference|video|conference|dated|adopted|approved|signed|which|is|was|were|be|will|to|take|place|taking|foreseen|scheduled|planned|organised|organized|titled|entitled|called|named|met|meet|meets|convened|gathered|took|opened|closed|launched|founded|established|created|signed|visited|attended|here|there|its|their|the|a|an|of|and|that|date|during|format|city|capital|town|hosted|chaired|co-chaired|presided|passed|led|headed)$/i;

const WORD = /[\p{L}\p{M}\d]+(?:[-'’][\p{L}\p{M}\d]+)*|&/gu;
// Patterns with \p{…} outside a class are kept here, not written where they are used: the bundler the CLI runs
// through (esbuild, target node20) rewrites such a literal as `new RegExp(…)`, built anew at every call (~0.2 µs).
const CAP_START = /^\p{Lu}/u;
const TRAILING_PREPOSITION = /\s+(?:on|at|in|for|of|with)\s+(?:the\s+)?\p{L}+$/u;

/** Words a long SCO name can do without: "between the SCO Member States", "in the Sphere of" → "in". */
function compress(s: string): string {
  return s
    .replace(/\s+(?:between|among) the (?:SCO )?Member States(?= (?:in|on|of)\b)/i, '')
    .replace(/\bin the (?:Sphere|Field|Area|Domain)s? of\b/i, 'in');
}

export function clip(s: string, max = MAX): string {
  if (s.length <= max) return s;
  s = compress(s);
  if (s.length <= max) return s;
  const cut = s.slice(0, max);
  // cut before a joining word, so the title ends on a whole phrase
  const at = Math.max(
    ...[' of ', ' and ', ', ', ' for ', ' along ', ' in ', ' on ', ' between ', ' with ', ' under '].map((w) => cut.lastIndexOf(w)),
  );
  let out = (at > max / 2 ? cut.slice(0, at) : cut.slice(0, cut.lastIndexOf(' ')) + '…').trim();
  // "... at the reception on the occasion" reads as cut off: end before the dangling phrase
  const stub = TRAILING_PREPOSITION.exec(out);
  if (stub && stub.index > max / 2) out = out.slice(0, stub.index);
  return out;
}

export const capitalise = (s: string) => (s ? s[0]!.toUpperCase() + s.slice(1) : s);

/**
 * The core of a title from the text before a date (same clause). `placeNames` are left out: the
 * place is added after a comma by the caller. Returns '' when the words give no usable name.
 */
export function titleFromPrefix(prefix: string, placeNames: string[] = []): string {
  // 'the UN Security Council meeting on “Cooperation between ...”': the name is in quotes.
  const quoted = /[“"]([^“”"]{3,})[”"][\s,(|]*$/u.exec(prefix);
  if (quoted) {
    const before = titleFromPrefix(prefix.slice(0, quoted.index), placeNames);
    return before || capitalise(clip(quoted[1]!.trim()));
  }
  const words = allMatches(WORD, prefix).map((m) => ({ text: m[0], start: m.index, end: m.index + m[0].length }));
  const gapOk = (a: number, b: number) => !/[,;:()"“”|]/.test(prefix.slice(words[a]!.end, words[b]!.start));
  const isCap = (k: number) => /^[\p{Lu}\d]/u.test(words[k]!.text) || ORDINAL.test(words[k]!.text);
  const isNoun = (k: number) => EVENT_NOUN.test(words[k]!.text) && !CAP_START.test(words[k]!.text);
  /** Index of the first modifier of the noun at k ("its regular meeting" → "regular"). */
  const modifiersFrom = (k: number) => {
    let j = k;
    while (
      j > 0 &&
      k - j < 3 &&
      gapOk(j - 1, j) &&
      !STOP.test(words[j - 1]!.text) &&
      !/['’]s$/.test(words[j - 1]!.text) &&
      (!CAP_START.test(words[j - 1]!.text) || ORDINAL.test(words[j - 1]!.text))
    )
      j--;
    return j;
  };
  /** First word of the capitalised name ending at word j, joined by of/the/and/for... */
  const nameStart = (j: number) => {
    for (;;) {
      let k = j - 1;
      while (k >= 0 && CONNECTOR.has(words[k]!.text)) k--;
      if (k < 0 || !isCap(k) || OPENER.test(words[k]!.text) || !gapOk(k, j)) return j;
      j = k;
    }
  };
  let i = words.length - 1;
  let met = false;
  let visited = false;
  let founded = false;
  while (
    i >= 0 &&
    (FILLER.test(words[i]!.text) || OPENER.test(words[i]!.text) || placeNames.includes(words[i]!.text) || /^\d{4}$/.test(words[i]!.text))
  ) {
    if (/^(?:met|meet|meets|convened|gathered)$/i.test(words[i]!.text)) met = true;
    if (/^visited$/i.test(words[i]!.text)) visited = true;
    if (/^(?:founded|established|created)$/i.test(words[i]!.text)) founded = true;
    i--;
  }
  // "held in Russia in 2002", "in the Russian Federation in": where, not what (a country is no place of ours)
  while (i >= 0) {
    if (i < 0 || !CAP_START.test(words[i]!.text) || OPENER.test(words[i]!.text)) break;
    let k = nameStart(i) - 1;
    if (k >= 0 && /^the$/i.test(words[k]!.text)) k--;
    // ... and "hosted by India", "passed to India", "chaired by Kazakhstan": who, not what
    if (k < 0 || !gapOk(k, i)) break;
    const where = /^(?:in|at)$/.test(words[k]!.text);
    const who =
      /^(?:by|to)$/.test(words[k]!.text) &&
      k > 0 &&
      /^(?:hosted|chaired|co-chaired|presided|passed|led|headed|handed|transferred)$/i.test(words[k - 1]!.text);
    if (!where && !who) break;
    i = k - 1;
    while (i >= 0 && (FILLER.test(words[i]!.text) || /^\d{4}$/.test(words[i]!.text))) i--;
  }
  // "Leaders of the SCO, who met here": the meeting is theirs, not "who"'s
  if (met) while (i >= 0 && /^(?:who|which|that)$/i.test(words[i]!.text)) i--;
  if (i < 0) return '';
  const upper = (k: number) => /^[\p{Lu}\d]/u.test(words[k]!.text);
  if (met && upper(i)) {
    // "The Heads of State ... met in Ufa on": the event is their meeting
    const who = titleFromPrefix(prefix.slice(0, words[i]!.end), placeNames);
    return who ? clip(`Meeting of ${who.replace(/^The /, 'the ')}`) : '';
  }
  if (met) {
    // "the member states met in Beijing", "the heads of state met": a meeting of the member states
    let j = i;
    while (j > 0 && i - j < 5 && gapOk(j - 1, j)) {
      if (/^of$/i.test(words[j - 1]!.text) && j > 1 && !STOP.test(words[j - 2]!.text) && gapOk(j - 2, j - 1)) {
        j -= 2;
        continue;
      }
      if (STOP.test(words[j - 1]!.text)) break;
      j--;
    }
    const np = prefix.slice(words[j]!.start, words[i]!.end);
    return clip(`Meeting of ${j > 0 && /^the$/i.test(words[j - 1]!.text) ? 'the ' : ''}${np}`);
  }
  if (visited && upper(i)) {
    const who = titleFromPrefix(prefix.slice(0, words[i]!.end), placeNames);
    return who ? clip(`${who} visit`) : '';
  }
  if (founded && upper(i)) {
    // "the Organisation, founded in Shanghai on 15 June 2001": its founding
    const what = titleFromPrefix(prefix.slice(0, words[i]!.end), placeNames);
    return what ? clip(`Founding of the ${what.replace(/^The /, '')}`) : '';
  }
  let from: number;
  const to = i;
  if (upper(i)) {
    // a capitalised name: "5th Meeting of the Heads of ... Member States"
    from = nameStart(i);
    // "meeting of the SCO Council ...", "operation Spider Web": the noun the name belongs to
    let k = from - 1;
    while (k >= 0 && /^(?:of|the)$/.test(words[k]!.text)) k--;
    if (k >= 0 && isNoun(k) && gapOk(k, from)) from = modifiersFrom(k);
  } else if (isNoun(i)) {
    from = modifiersFrom(i);
    if (
      from >= 2 &&
      /^(?:its|their)$/i.test(words[from - 1]!.text) &&
      /^(?:held|holds|hold|convened|convenes|had|opened)$/i.test(words[from - 2]!.text)
    ) {
      // "The Council of Heads of State ... held its 25th meeting": the meeting of that Council
      const owner = titleFromSuffix(prefix.slice(0, words[from - 2]!.start));
      const np = finish(prefix, words, from, i);
      if (owner && np) return clip(`${np} of the ${owner.replace(/^The /, '')}`);
    }
    if (from >= 1 && /^(?:its|their)$/i.test(words[from - 1]!.text)) {
      // "the activities of the SCO Youth Council and praised the results of its regular meeting": whose meeting
      const owner = ownerBefore(prefix.slice(0, words[from - 1]!.start));
      const np = finish(prefix, words, from, i);
      if (owner && np) return clip(`${np} of the ${owner}`);
    }
    if (from === i && from >= 1 && /^the$/i.test(words[from - 1]!.text) && DOCUMENT_NOUN.test(words[i]!.text)) {
      // "collaboration between rail administrations based on the concept approved": a bare "Concept" says nothing
      const about = aboutBefore(prefix.slice(0, words[from - 1]!.start));
      if (about) return clip(`${capitalise(words[i]!.text)} on ${about}`);
    }
    if (from > 0 && isCap(from - 1) && gapOk(from - 1, from)) {
      // "the Supreme Court Chief Justices of the SCO Member States' meetings": a name before the noun
      from = nameStart(from - 1);
    }
  } else {
    // the last meeting-like noun a few words back: "the roundtable meeting involving ..."
    let k = i;
    while (k >= 0 && i - k < 16 && !isNoun(k)) k--;
    if (k < 0 || i - k >= 16) return '';
    // "a meeting of the Council of heads ...", "meetings of heads of state": the noun and what it is of
    let to = k;
    let n = k + 1;
    while (
      n <= i &&
      gapOk(n - 1, n) &&
      (CONNECTOR.has(words[n]!.text) ||
        isCap(n) ||
        ((/^of$/.test(words[n - 1]!.text) || (to === n - 1 && to > k)) && !STOP.test(words[n]!.text)))
    ) {
      if (!CONNECTOR.has(words[n]!.text)) to = n;
      n++;
    }
    return finish(prefix, words, modifiersFrom(k), to);
  }
  return finish(prefix, words, from, to);
}

/** Nouns that name a text rather than a happening: alone ("the concept") they need what they are about. */
const DOCUMENT_NOUN =
  /^(?:concept|agreement|programme|program|plan|strategy|resolution|declaration|statement|memorandum|roadmap|treaty|decision|regulations?|rules)$/i;
/** Bodies a possessive ("its meeting") can point back to. */
const OWNER =
  /\b(?:the\s+)?((?:SCO\s+)?(?:\p{Lu}[\p{L}-]*\s+){0,5}(?:Council|Committee|Secretariat|Forum|Organi[sz]ation|Commission|Assembly|Centre|Center|Structure|Association|Club|Network|Union|Board|Group|Bank|Parliament|Government))\b/gu;
/** The nearest body named before a possessive, as "the X" reads it. */
function ownerBefore(before: string): string {
  const m = allMatches(OWNER, before).pop();
  return m && before.length - (m.index + m[0].length) < 120 ? m[1]!.replace(/\s+/g, ' ') : '';
}
/** "development of collaboration between rail administrations based on the": what the text is about. */
function aboutBefore(before: string): string {
  // the last "of/for/on/in" before it (greedy start), so the phrase is the shortest one that ends there
  const m =
    /^.*\b(?:of|for|on|in)\s+((?:[\p{Ll}-]+\s+){0,2}?[\p{L}-]+\s+(?:between|among|of|on|in)\s+(?:[\p{L}-]+\s+){0,3}?[\p{L}-]+)\s+(?:based\s+on|under|within|according\s+to|in\s+line\s+with|through|as\s+set\s+out\s+in)\s*$/u.exec(
      before,
    );
  return m ? m[1]!.replace(/\s+/g, ' ') : '';
}

/** Capitalised only because they open a sentence: never the first word of a name. */
const OPENER =
  /^(?:Since|In|On|At|After|Before|During|From|Following|Until|By|For|With|As|When|While|Last|This|Next|Today|Also|But|And|However|Then|Later|Earlier|Meanwhile|Here|There)$/;

const STOP =
  /^(?:the|a|an|its|their|his|her|our|this|that|these|those|of|in|on|at|for|with|and|to|by|from|results?|outcomes?|holding|which|was|were|is|are|has|have|been|be|praised|noted|welcomed|welcome|during|following|after|before|as|also|hold|held)$/i;

function finish(prefix: string, words: { text: string; start: number; end: number }[], from: number, to: number): string {
  while (from <= to && (CONNECTOR.has(words[from]!.text) || words[from]!.text === 'The')) from++;
  while (to >= from && CONNECTOR.has(words[to]!.text)) to--;
  if (to < from) return '';
  const core = prefix.slice(words[from]!.start, words[to]!.end).replace(/\s+/g, ' ').replace(/\*+/g, '').trim();
  if (core.length < 3 || /^(?:SCO|UN|The|It|They|We)$/.test(core)) return '';
  return capitalise(clip(core));
}

/**
 * When the words before a date name nothing, the words right after it may: "On 15 June 2001 the
 * leaders signed the Declaration on the Establishment of the SCO" → "Declaration on the Establishment
 * of the SCO". Takes the first capitalised name of two words or more in the first dozen words.
 */
export function titleFromSuffix(suffix: string): string {
  // "took part in the meeting of the SCO defence ministers in |": the meeting, named by whose it is
  const np =
    /\b(?:the|a|an)\s+((?:[\p{L}\d-]+\s+)?(?:meeting|summit|session|conference|forum)s?\s+of\s+(?:the\s+)?[^,;:|.()“”"]{3,80}?)(?=\s+(?:in|on|at|held|was|were|to|from|which|that|and\s+(?:the|a)\s)\b|\s*[,;:|.()]|\s*$)/iu.exec(
      suffix.slice(0, 200),
    );
  if (np) return capitalise(clip(np[1]!.replace(/\s+/g, ' ').trim()));
  // "on 15 June 2001 the heads of six states met in Shanghai": their meeting
  const met = /^[\s,|]*(the\s+)?((?:[\p{Ll}\d-]+\s+){0,4}?[\p{L}-]+)\s+(?:met|gathered|convened)\b/u.exec(suffix);
  if (met) return clip(`Meeting of ${met[1] ? 'the ' : ''}${met[2]}`);
  const words = allMatches(WORD, suffix)
    .slice(0, 40)
    .map((m) => ({ text: m[0], start: m.index, end: m.index + m[0].length }));
  const cap = (k: number) => CAP_START.test(words[k]!.text) && words[k]!.text !== 'The';
  for (let i = 0; i < Math.min(words.length, 14); i++) {
    if (!cap(i)) continue;
    // the chair of the meeting ("under the chairmanship of the Prime Minister of ...") is not its name
    if (
      /\b(?:chairmanship|chaired|presidency|presided|hosted|led|headed|invitation)\s+(?:of|by|over)\s+(?:the\s+)?$/i.test(
        suffix.slice(Math.max(0, words[i]!.start - 40), words[i]!.start),
      )
    ) {
      while (i + 1 < words.length && (cap(i + 1) || CONNECTOR.has(words[i + 1]!.text))) i++;
      continue;
    }
    let j = i;
    for (;;) {
      let k = j + 1;
      while (k < words.length && CONNECTOR.has(words[k]!.text)) k++;
      if (k >= words.length || !cap(k) || /[,;:()"“”|]/.test(suffix.slice(words[j]!.end, words[k]!.start))) break;
      j = k;
    }
    // a name that is the subject of a verb ("India and Pakistan are members") names who, not what
    if (
      j + 1 < words.length &&
      /^(?:are|is|was|were|became|become|becomes|joined|join|joins|have|has|had|will|would|took|signed|met|attended|attends|said|says|noted|called|visited|received|receives|hosted|hosts|chaired|chairs|addressed|welcomed|opened|held|holds)$/.test(
        words[j + 1]!.text,
      )
    )
      return '';
    if (j > i) {
      // "hosted a meeting of the Council of ...": start at the meeting
      let k = i - 1;
      while (k >= 0 && /^(?:of|the)$/.test(words[k]!.text)) k--;
      const from = k >= 0 && k < i - 1 && EVENT_NOUN.test(words[k]!.text) ? k : i;
      return finish(suffix, words, from, j);
    }
  }
  return '';
}

/** Text with its blanked dates and places ("|") taken out, with the little words that led to them. */
export function unblank(text: string): string {
  return text.replace(/(?:\s+(?:on|in|at|from|between|and|of|to))*\s*\|(?:\s+(?:on|in|at|from|between|and|of|to)\s*\|)*\s*/g, ' ');
}

/** The text of a chronology line after its date: "– SCO Charter signed in |." → "SCO Charter signed". */
export function titleFromLine(rest: string): string {
  const t = unblank(rest.replace(/^[\s*_]*[:–—-]\s*/, ''))
    .replace(/[\s*_.;,]+$/, '')
    .split(/[.;]\s/)[0]!
    .trim();
  return t.length >= 3 ? capitalise(clip(t)) : '';
}

/** Words every SCO title would repeat: "... of the SCO Member States' meetings" → "... meetings". */
function tidy(title: string): string {
  const short = compress(title)
    .replace(/\s+of the (?:SCO )?Member States(?:'|’)?(?= meetings?\b)/i, '')
    .replace(/\s+of the (?:SCO )?Member States$/i, '')
    .replace(/\bShanghai Cooperation Organi[sz]ation\b/g, 'SCO')
    .trim();
  // "Meeting of the member states" says who met: cut to "Meeting" it would say nothing
  return short.includes(' ') || !title.includes(' ') ? short : title.replace(/\bShanghai Cooperation Organi[sz]ation\b/g, 'SCO').trim();
}

/** The full title: the core, or a fallback, and the place after a comma. Never empty. */
export function eventTitle(core: string, fallback: string, placeName: string | null): string {
  let base = tidy(core) || clip(fallback.replace(/\*+/g, '').replace(/\s+/g, ' ').trim()).replace(/\s*[.;:,]+$/, '') || 'Event';
  // The place only when it fits: a name cut to make room for its city is a cut name (the app shows the place anyway).
  if (placeName && !base.includes(placeName) && base.length + placeName.length + 2 <= MAX) base = `${base}, ${placeName}`;
  return base;
}
