/**
 * Titles of whole documents, as the names of the events they stand for: a long name shortened by the
 * acronym its text uses, and a news report named after the meeting it reports rather than its
 * headline. Pure. Event titles from a clause are in titles.ts.
 */
import { capitalise, clip, MAX } from './titles.ts';

/** (A module constant: see titles.ts on patterns with \p{…}.) */
const CAP_START = /^\p{Lu}/u;

/**
 * A long name written out in full when the text also uses its acronym: "the UN Economic and Social
 * Commission for Asia and the Pacific" → "ESCAP" when the text says ESCAP. So a document's title fits
 * a label without being cut mid-phrase.
 */
export function abbreviate(title: string, text: string): string {
  if (title.length <= MAX) return title;
  // Whether the text uses an acronym: a whole word of 3 to 7 capitals (what /\b[A-Z]{3,7}\b/g finds), asked of the
  // few initials a title gives instead of collecting every such word of the text (a scan of its whole length).
  const used = new Map<string, boolean>();
  const usesAcronym = (initials: string) => {
    let yes = used.get(initials);
    if (yes === undefined) used.set(initials, (yes = /^[A-Z]{3,7}$/.test(initials) && new RegExp(`\\b${initials}\\b`).test(text)));
    return yes;
  };
  // Runs of capitalised words joined by little words; within each, the longest tail whose initials the text uses.
  return title.replace(/\p{Lu}[\p{L}-]*(?:\s+(?:(?:and|for|of|the|on|in)\s+)*\p{Lu}[\p{L}-]*)+/gu, (run) => {
    const words = run.split(/\s+/);
    for (let k = 0; k < words.length - 2; k++) {
      if (!CAP_START.test(words[k]!)) continue;
      const initials = words
        .slice(k)
        .filter((w) => CAP_START.test(w) && w !== 'UN')
        .map((w) => w[0])
        .join('');
      if (initials.length >= 3 && usesAcronym(initials))
        return [
          ...words
            .slice(0, k)
            .join(' ')
            .replace(/\s*\bthe$/, '')
            .split(' '),
          initials,
        ]
          .filter(Boolean)
          .join(' ');
    }
    return run;
  });
}

/** Verbs of a report's lead that say what was done ("has stressed", "delivered", "said"). */
const EVENT_PHRASE =
  /\b(?:at|during|on\s+the\s+sidelines\s+of|to|for|in)\s+the\s+((?:[\p{Lu}\d][\p{L}\d+-]*\s+){1,5}(?:[\p{Ll}-]+\s+){0,2}(?:conference|forum|summit|meeting|session|ceremony|exhibition|seminar|webinar|round\s?table|dialogue|festival|games|congress))\b/u;
/**
 * A news report's event, for the title of its dateline's day, instead of its headline ("SCO Taps Into
 * Alibaba For A Digital Future", a headline, is never an event's name): the first named meeting the
 * report's text speaks of ("the Agora online conference"), else the headline as a plain phrase of
 * what happened, lower-cased past its first word.
 */
export function reportTitle(text: string, headline: string): string {
  const m = EVENT_PHRASE.exec(text.slice(0, 3000));
  if (m) return capitalise(clip(m[1]!.replace(/\s+/g, ' ')));
  // else the report's first sentence below the headline, cut to its first words
  const body = text.slice(text.indexOf(headline) >= 0 ? text.indexOf(headline) + headline.length : 0);
  const lead =
    /\p{Lu}[^.!?\n]{20,}[.!?]/u.exec(body.replace(/^[^\n]*\n/, '').replace(/^\s*\p{Lu}{2,}[^\p{Ll}\n]*?(?:--|—|–)\s*/u, ''))?.[0] ?? '';
  return lead
    ? capitalise(
        lead
          .replace(/\s*\([^)]*\)/g, '')
          .split(/\s+/)
          .slice(0, 10)
          .join(' ')
          .replace(/[\s,;:.]+$/, ''),
      )
    : '';
}
