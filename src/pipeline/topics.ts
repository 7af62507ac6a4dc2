/**
 * Topics: from the section heading a statement sits under (the declarations' own headings) and from
 * keywords in the statement. Both lists live in data/topics.json, so people can edit them.
 */
import { TopicsFile } from '../contract/data-files.ts';

// The file's schema lives in the contract with the other editable data files.
export { TopicsFile };

const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** (A module constant: see titles.ts on patterns with \p{…}.) */
const CAP_START = /^\p{Lu}/u;

export class TopicMatcher {
  private readonly headings = new Map<string, string>();
  private readonly keywords: { id: string; re: RegExp; lower: boolean }[];
  /**
   * Every topic's keywords in one pattern each for the lower-cased and the as-written ones: a text none
   * of them matches has no topic, and is not scanned once per topic (~40 times; four sentences in ten of
   * a declaration name no topic).
   */
  private readonly anyLower: RegExp | null;
  private readonly anyCased: RegExp | null;
  constructor(readonly file: TopicsFile) {
    for (const t of file.topics) for (const h of t.headings) this.headings.set(norm(h), t.id);
    // Keywords match whole words; a keyword ending in * matches any ending. Acronyms (WHO, RATS) match
    // as written, everything else ignoring case: the text is lower-cased once and plain regexes run on it.
    const parts = { lower: [] as string[], cased: [] as string[] };
    this.keywords = file.topics.flatMap((t) => {
      const part = (k: string) => (k.endsWith('*') ? `${escape(k.slice(0, -1))}[a-z0-9-]*` : escape(k));
      const acronyms = t.keywords.filter((k) => /^[A-Z0-9+-]+\*?$/.test(k) && /[A-Z]{2}/.test(k));
      const words = t.keywords.filter((k) => !acronyms.includes(k)).map((k) => k.toLowerCase());
      const out: { id: string; re: RegExp; lower: boolean }[] = [];
      if (words.length) out.push({ id: t.id, re: new RegExp(`(?:^|[^a-z0-9])(?:${words.map(part).join('|')})(?![a-z0-9])`), lower: true });
      if (acronyms.length)
        out.push({ id: t.id, re: new RegExp(`(?:^|[^A-Za-z0-9])(?:${acronyms.map(part).join('|')})(?![A-Za-z0-9])`), lower: false });
      parts.lower.push(...words.map(part));
      parts.cased.push(...acronyms.map(part));
      return out;
    });
    // one group of every keyword between look-arounds: it matches where some topic's pattern does
    this.anyLower = parts.lower.length ? new RegExp(`(?<![a-z0-9])(?:${parts.lower.join('|')})(?![a-z0-9])`) : null;
    this.anyCased = parts.cased.length ? new RegExp(`(?<![A-Za-z0-9])(?:${parts.cased.join('|')})(?![A-Za-z0-9])`) : null;
  }

  /** Topics a section heading introduces: its exact entry, else the keywords in it. */
  forHeading(heading: string): string[] {
    const exact = this.headings.get(norm(heading));
    return exact ? [exact] : this.forText(heading);
  }

  forText(text: string): string[] {
    // every keyword is written in Latin letters: a Russian or Chinese sentence with none is not scanned ~40 times
    if (!/[A-Za-z]/.test(text)) return [];
    const lower = text.toLowerCase();
    if (!this.anyLower?.test(lower) && !this.anyCased?.test(text)) return [];
    return [...new Set(this.keywords.filter((k) => k.re.test(k.lower ? lower : text)).map((k) => k.id))];
  }
}

/** A paragraph that reads as a section heading: one short line, no closing punctuation. */
export function isHeading(para: string): boolean {
  if (para.length > 120) return false;
  const t = para.replace(/\*+|^\s*#+\s*/g, '').trim();
  return t.length >= 3 && t.length <= 80 && !t.includes('\n') && CAP_START.test(t) && !/[.:;,!?)]$/.test(t) && !/\d{4}/.test(t);
}
