/**
 * Stage 5: tie each date to the place of its own clause.
 *
 * "held in Sochi on 17-19 June 2019 and in Nur-Sultan on 30 October 2020" holds two events at two
 * places, so a sentence is cut into clauses (at ";", brackets, ", and", " and in"...) and a date takes
 * the nearest place of its clause, preferring a place written "in/at X". A meeting "held via
 * videoconference" is online; a place on the far side of that phrase is not where it happened.
 */
import type { DateMention } from './dates.ts';
import type { PlaceMention } from './places.ts';
import type { Span } from './segment.ts';
import { allMatches } from './lang/matches.ts';

const CLAUSE_BREAK =
  /;|\(|\)|\s[—–]\s|,\s+and\s|,\s+while\s|,\s+whereas\s|,\s+which\s|\s+and\s+(?=(?:in|at|on|from)\s)|(?<!\b(?:St|Ste|Mr|Mrs|Ms|Dr|Prof|Gen|Lt|Col|Sen|Gov|Jr|Sr|Mt|Ft|Hon|No|Art|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec))\.\s/g;
const MEETING = '(?:conference|meeting|summit|forum|format|event|session|mode|dialogue|seminar|round\\s?table|talks|exhibition)';
/** "via videoconference", "an online conference", "held online", "in a digital format" — not "online extremism". */
const ONLINE = new RegExp(
  `\\b(?:(?:via|by|through|over)\\s+(?:a\\s+)?video\\s?(?:conference|link|call)|video\\s?conferenc\\w*|(?:online|virtual)\\s+(?:[A-Z]{2,}\\+?\\s+)?${MEETING}s?|(?:held|conducted|took\\s+place|met|meet|meeting)\\s+(?:online|virtually)|virtually|in\\s+(?:a\\s+)?(?:digital|virtual|online|remote)\\s+format|remotely)\\b`,
  'gi',
);
/** A place further from its date than this (in characters) is too far to be where it happened. */
const MAX_DISTANCE = 150;
/** Any letter (a module constant: see titles.ts on patterns with \p{…}). */
const LETTER = /\p{L}/u;

export function clauses(text: string): Span[] {
  const out: Span[] = [];
  let from = 0;
  for (const m of allMatches(CLAUSE_BREAK, text)) {
    if (m.index > from) out.push({ start: from, end: m.index });
    from = m.index + m[0].length;
  }
  if (from < text.length) out.push({ start: from, end: text.length });
  return out.filter((c) => c.end > c.start);
}

export interface Attachment {
  date: DateMention;
  place: PlaceMention | null;
  online: boolean;
  clause: Span;
}

export function attach(text: string, dates: DateMention[], places: PlaceMention[]): Attachment[] {
  // no dates, no clauses to cut (most sentences have no year alone, and attach is asked about those first)
  if (dates.length === 0) return [];
  const cls = clauses(text);
  return dates.map((date) => {
    let clause = cls.find((c) => date.start >= c.start && date.start < c.end) ?? { start: 0, end: text.length };
    // "31 August – 1 September 2025 in Tianjin": a range written with a spaced dash is one date, not two clauses
    const last = cls.find((c) => date.end > c.start && date.end <= c.end);
    if (last && last.end > clause.end) clause = { start: clause.start, end: last.end };
    const rest = text.slice(clause.start, date.start) + text.slice(date.end, clause.end);
    if (/^[\W_]*$/.test(rest) && !LETTER.test(rest)) {
      // (\W also matches every Chinese character)
      // "10–11 July 2019 — joint exercise in Dushanbe": a date alone before a dash heads the next clause
      const next = cls.find((c) => c.start >= clause.end);
      if (next) clause = { start: clause.start, end: next.end };
    }
    const clauseText = text.slice(clause.start, clause.end);
    const onlines = allMatches(ONLINE, clauseText).map((m) => ({
      start: clause.start + m.index,
      end: clause.start + m.index + m[0].length,
    }));
    const online = onlines.length > 0;
    const candidates = places
      .filter((p) => p.start >= clause.start && p.end <= clause.end)
      .map((p) => ({ p, distance: p.start > date.end ? p.start - date.end : Math.max(0, date.start - p.end) }))
      .filter(({ p, distance }) => distance <= MAX_DISTANCE && !onlines.some((o) => between(o, date, p)));
    candidates.sort((a, b) => Number(b.p.preposition) - Number(a.p.preposition) || a.distance - b.distance || a.p.start - b.p.start);
    // "met here on Wednesday": here is the dateline's city, not a place named later in the clause
    const here = /\bhere\s+(?:on\s+|in\s+|at\s+)?(?:the\s+)?$/i.test(text.slice(Math.max(0, date.start - 16), date.start));
    let place = here ? null : (candidates[0]?.p ?? null);
    if (!place && text[clause.start - 1] === '(' && !online) {
      // "took place in Bishkek (13–14 June)": a bracketed date right after a place belongs to it.
      const open = clause.start - 1;
      place =
        places.find((p) => p.end <= open && /^[\s]*(?:summit|meeting|forum|conference|session)?\s*$/i.test(text.slice(p.end, open))) ??
        null;
    }
    return { date, place, online, clause };
  });
}

/** True when span o lies between the date and the place. */
function between(o: Span, date: Span, place: Span): boolean {
  return (o.start >= date.end && o.end <= place.start) || (o.start >= place.end && o.end <= date.start);
}
