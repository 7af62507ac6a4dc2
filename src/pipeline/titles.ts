/**
 * Short labels for events, built from the words before the date in its clause: the name of the
 * meeting ("5th Meeting of the Heads of Science and Technology Ministries") or its noun phrase
 * ("24th summit", "regular meeting"). Hand-written because no library names events from clauses.
 */
const MAX = 90;
const CONNECTOR = new Set(['of', 'the', 'and', 'for', 'on', 'in', 'de', 'la', '&', 'to', 'at', 'by', 'between', 'with', 'against', 'along', 'under', 'within', 'through']);
const EVENT_NOUN = /^(?:meetings?|summits?|sessions?|conferences?|forums?|fora|exhibitions?|operations?|exercises?|events?|talks|visits?|festivals?|games|competitions?|contests?|ceremony|congress(?:es)?|roundtables?|dialogues?|consultations?|seminars?|symposium|workshops?|negotiations|elections?|launch|marathons?|celebrations?|anniversary|signing|review|concept|agreement|programme|program|plan|strategy|resolution|declaration|statement|memorandum|roadmap|treaty|communiqu[eé])$/i;
const ORDINAL = /^(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|inaugural|regular|annual|joint|extraordinary|informal|special|high-level|ministerial|roundtable|plenary|opening|closing|official|state|bilateral|trilateral|multilateral)$/i;
/** Words between a name and its date that say nothing about what happened. */
const FILLER = /^(?:held|hold|holding|on|in|at|from|between|via|by|videoconference|video|conference|dated|adopted|approved|signed|which|is|was|were|be|will|to|take|place|taking|foreseen|scheduled|planned|organised|organized|titled|entitled|called|named|met|meet|meets|convened|gathered|took|opened|closed|launched|founded|established|created|signed|visited|attended|here|there|its|their|the|a|an|of|and|that|date|during|format)$/i;

const WORD = /[\p{L}\p{M}\d]+(?:[-'’][\p{L}\p{M}\d]+)*|&/gu;

function clip(s: string, max = MAX): string {
  if (s.length <= max) return s;
  const cut = s.slice(0, max);
  // cut before a joining word, so the title ends on a whole phrase
  const at = Math.max(...[' of ', ' and ', ', ', ' for ', ' along ', ' in ', ' on ', ' between ', ' with ', ' under '].map((w) => cut.lastIndexOf(w)));
  return (at > max / 2 ? cut.slice(0, at) : cut.slice(0, cut.lastIndexOf(' ')) + '…').trim();
}

const capitalise = (s: string) => (s ? s[0]!.toUpperCase() + s.slice(1) : s);

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
  const words = [...prefix.matchAll(WORD)].map((m) => ({ text: m[0], start: m.index, end: m.index + m[0].length }));
  const gapOk = (a: number, b: number) => !/[,;:()"“”|]/.test(prefix.slice(words[a]!.end, words[b]!.start));
  const isCap = (k: number) => /^[\p{Lu}\d]/u.test(words[k]!.text) || ORDINAL.test(words[k]!.text);
  const isNoun = (k: number) => EVENT_NOUN.test(words[k]!.text) && !/^\p{Lu}/u.test(words[k]!.text);
  /** Index of the first modifier of the noun at k ("its regular meeting" → "regular"). */
  const modifiersFrom = (k: number) => {
    let j = k;
    while (j > 0 && k - j < 3 && gapOk(j - 1, j) && !STOP.test(words[j - 1]!.text) && !/['’]s$/.test(words[j - 1]!.text) && (!/^\p{Lu}/u.test(words[j - 1]!.text) || ORDINAL.test(words[j - 1]!.text))) j--;
    return j;
  };
  /** First word of the capitalised name ending at word j, joined by of/the/and/for... */
  const nameStart = (j: number) => {
    for (;;) {
      let k = j - 1;
      while (k >= 0 && CONNECTOR.has(words[k]!.text)) k--;
      if (k < 0 || !isCap(k) || !gapOk(k, j)) return j;
      j = k;
    }
  };
  let i = words.length - 1;
  let met = false;
  let visited = false;
  while (i >= 0 && (FILLER.test(words[i]!.text) || placeNames.includes(words[i]!.text) || /^\d{4}$/.test(words[i]!.text))) {
    if (/^(?:met|meet|meets|convened|gathered)$/i.test(words[i]!.text)) met = true;
    if (/^visited$/i.test(words[i]!.text)) visited = true;
    i--;
  }
  if (i < 0) return '';
  if (met && isCap(i)) {
    // "The Heads of State ... met in Ufa on": the event is their meeting
    const who = titleFromPrefix(prefix.slice(0, words[i]!.end), placeNames);
    return who ? clip(`Meeting of ${who.replace(/^The /, 'the ')}`) : '';
  }
  if (met && !isCap(i)) {
    // "the member states met in Beijing": a meeting of the member states
    let j = i;
    while (j > 0 && i - j < 3 && !STOP.test(words[j - 1]!.text) && gapOk(j - 1, j)) j--;
    const np = prefix.slice(words[j]!.start, words[i]!.end);
    return clip(`Meeting of ${j > 0 && /^the$/i.test(words[j - 1]!.text) ? 'the ' : ''}${np}`);
  }
  if (visited && isCap(i)) {
    const who = titleFromPrefix(prefix.slice(0, words[i]!.end), placeNames);
    return who ? clip(`${who} visit`) : '';
  }
  let from: number;
  const to = i;
  if (isCap(i)) {
    // a capitalised name: "5th Meeting of the Heads of ... Member States"
    from = nameStart(i);
    // "meeting of the SCO Council ...", "operation Spider Web": the noun the name belongs to
    let k = from - 1;
    while (k >= 0 && /^(?:of|the)$/.test(words[k]!.text)) k--;
    if (k >= 0 && isNoun(k) && gapOk(k, from)) from = modifiersFrom(k);
  } else if (isNoun(i)) {
    from = modifiersFrom(i);
    if (from > 0 && isCap(from - 1) && gapOk(from - 1, from)) {
      // "the Supreme Court Chief Justices of the SCO Member States' meetings": a name before the noun
      from = nameStart(from - 1);
    }
  } else {
    // the last meeting-like noun a few words back: "the roundtable meeting involving ..."
    let k = i;
    while (k >= 0 && i - k < 12 && !isNoun(k)) k--;
    if (k < 0 || i - k >= 12) return '';
    // "a meeting of the Council of heads ...": the noun and the name it is of
    let to = k;
    let n = k + 1;
    while (n <= i && gapOk(n - 1, n) && (CONNECTOR.has(words[n]!.text) || isCap(n))) { if (isCap(n)) to = n; n++; }
    return finish(prefix, words, modifiersFrom(k), to);
  }
  return finish(prefix, words, from, to);
}

const STOP = /^(?:the|a|an|its|their|his|her|our|this|that|these|those|of|in|on|at|for|with|and|to|by|from|results?|outcomes?|holding|which|was|were|is|are|has|have|been|be|praised|noted|welcomed|welcome|during|following|after|before|as|also|hold|held)$/i;

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
  const words = [...suffix.matchAll(WORD)].slice(0, 40).map((m) => ({ text: m[0], start: m.index, end: m.index + m[0].length }));
  const cap = (k: number) => /^\p{Lu}/u.test(words[k]!.text) && words[k]!.text !== 'The';
  for (let i = 0; i < Math.min(words.length, 14); i++) {
    if (!cap(i)) continue;
    let j = i;
    for (;;) {
      let k = j + 1;
      while (k < words.length && CONNECTOR.has(words[k]!.text)) k++;
      if (k >= words.length || !cap(k) || /[,;:()"“”|]/.test(suffix.slice(words[j]!.end, words[k]!.start))) break;
      j = k;
    }
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
  return title
    .replace(/\s+of the (?:SCO )?Member States(?:'|’)?(?= meetings?\b)/i, '')
    .replace(/\s+of the (?:SCO )?Member States$/i, '')
    .replace(/\bShanghai Cooperation Organi[sz]ation\b/g, 'SCO')
    .trim();
}

/** The full title: the core, or a fallback, and the place after a comma. Never empty. */
export function eventTitle(core: string, fallback: string, placeName: string | null): string {
  let base = tidy(core) || clip(fallback.replace(/\*+/g, '').replace(/\s+/g, ' ').trim()) || 'Event';
  if (placeName && !base.includes(placeName)) base = `${clip(base, MAX - placeName.length - 2)}, ${placeName}`;
  return base;
}
