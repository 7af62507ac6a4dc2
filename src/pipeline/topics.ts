/**
 * Topics: from the section heading a statement sits under (the declarations' own headings) and from
 * keywords in the statement. Both lists live in data/topics.json, so people can edit them.
 */
import { z } from 'zod';

export const TopicsFile = z.object({
  about: z.string().optional(),
  topics: z.array(
    z.object({
      id: z.string().regex(/^[a-z0-9-]+$/),
      label: z.string().min(1),
      headings: z.array(z.string()),
      keywords: z.array(z.string()),
    }),
  ),
});
export type TopicsFile = z.infer<typeof TopicsFile>;

const norm = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export class TopicMatcher {
  private readonly headings = new Map<string, string>();
  private readonly keywords: { id: string; re: RegExp }[];
  constructor(readonly file: TopicsFile) {
    for (const t of file.topics) for (const h of t.headings) this.headings.set(norm(h), t.id);
    // Keywords match whole words, case-insensitively; a keyword ending in * matches any ending.
    this.keywords = file.topics
      .filter((t) => t.keywords.length > 0)
      .map((t) => ({ id: t.id, re: new RegExp(`(?<![\\p{L}\\p{N}])(?:${t.keywords.map((k) => (k.endsWith('*') ? `${escape(k.slice(0, -1))}[\\p{L}\\p{N}-]*` : escape(k))).join('|')})(?![\\p{L}\\p{N}])`, 'iu') }));
  }

  /** Topics a section heading introduces: its exact entry, else the keywords in it. */
  forHeading(heading: string): string[] {
    const exact = this.headings.get(norm(heading));
    return exact ? [exact] : this.forText(heading);
  }

  forText(text: string): string[] {
    return this.keywords.filter((k) => k.re.test(text)).map((k) => k.id);
  }
}

/** A paragraph that reads as a section heading: one short line, no closing punctuation. */
export function isHeading(para: string): boolean {
  const t = para.replace(/\*+/g, '').trim();
  return t.length >= 3 && t.length <= 80 && !t.includes('\n') && /^\p{Lu}/u.test(t) && !/[.:;,!?)]$/.test(t) && !/\d{4}/.test(t);
}
