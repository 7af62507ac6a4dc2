/**
 * Search terms for statements in any of the three languages, for MiniSearch's `tokenize` and
 * `processTerm` (the index and the query go through the same two, so they meet):
 * - Chinese has no spaces: a run of Han characters becomes its overlapping character pairs
 *   ("上海合作组织" → 上海 海合 合作 作组 组织), so a query of two or more characters finds the text that
 *   contains it, with no dictionary to ship. (Intl.Segmenter's word split depends on the browser's
 *   dictionary, so a query and a text segmented apart could miss each other; pairs always line up.)
 * - Russian words in any grammatical form meet through the Snowball Russian stemmer (snowball-stemmers,
 *   also used by the pipeline): "Бишкеке", "Бишкека" → "бишкек". It is loaded apart from the page's
 *   first code (37 KB gzip, every Snowball language in one file), started when this module loads.
 * - Other words are lower-cased, as MiniSearch does by default.
 */
import type { Stemmer } from 'snowball-stemmers';

const HAN = /\p{Script=Han}/u;
/** A run of Han characters, or a run of other letters, digits and marks. */
const TOKEN = /\p{Script=Han}+|(?:(?!\p{Script=Han})[\p{L}\p{N}\p{M}])+/gu;
const CYRILLIC = /\p{Script=Cyrillic}/u;

let russian: Stemmer | null = null;
const ready: Promise<void> = import('snowball-stemmers')
  .then((m) => {
    russian = (m.newStemmer ?? (m as unknown as { default: typeof m }).default.newStemmer)('russian');
  })
  .catch(() => {}); // without it Russian words are matched as typed (lower-cased), by prefix

/** Resolves once the Russian stemmer is in (or could not load). */
export function searchReady(): Promise<void> {
  return ready;
}

/** Whether the stemmer is in: an index built before it must be built again. */
export function stemmerLoaded(): boolean {
  return russian !== null;
}

export function tokenize(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const w = m[0];
    if (!HAN.test(w[0]!)) out.push(w);
    else if (w.length === 1) out.push(w);
    else for (let i = 0; i + 1 < w.length; i++) out.push(w.slice(i, i + 2));
  }
  return out;
}

const cache = new Map<string, string>();

function stem(w: string): string {
  let s = cache.get(w);
  if (s === undefined) {
    s = russian!.stem(w.replace(/ё/g, 'е'));
    if (cache.size > 50_000) cache.clear();
    cache.set(w, s);
  }
  return s;
}

/**
 * A query's term: lower-cased, a Russian word as its stem. With prefix search the stem finds the text's
 * words and stems that begin with it.
 */
export function processTerm(term: string): string {
  const w = term.toLowerCase();
  return russian && CYRILLIC.test(w) ? stem(w) : w;
}

/**
 * A text's term: a Russian word is indexed both as written and as its stem. Snowball cuts some nouns
 * further than their other forms ("саммит" → "самм", "саммита" → "саммит"): with the word kept too, a
 * query in either form still meets it.
 */
export function indexTerm(term: string): string | string[] {
  const w = term.toLowerCase();
  if (!russian || !CYRILLIC.test(w)) return w;
  const s = stem(w);
  return s === w ? w : [w, s];
}
