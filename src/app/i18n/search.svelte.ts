/**
 * Search terms for statements in any of the three languages, for MiniSearch's `tokenize` and
 * `processTerm` (the index and the query go through the same two, so they meet):
 * - Chinese has no spaces: a run of Han characters becomes its overlapping character pairs
 *   ("上海合作组织" → 上海 海合 合作 作组 组织), so a query of two or more characters finds the text that
 *   contains it, with no dictionary to ship; traditional characters are written simplified first
 *   (`foldHan`), so 會議 and 会议 meet. (Intl.Segmenter's word split depends on the browser's
 *   dictionary, so a query and a text segmented apart could miss each other; pairs always line up.)
 * - Russian words in any grammatical form meet through the Snowball Russian stemmer (snowball-stemmers,
 *   also used by the pipeline): "Бишкеке", "Бишкека" → "бишкек". It is loaded on the first search, not
 *   with the page (37 KB gzip and 0.3 MB of code, every Snowball language in one file, that a person
 *   who never searches never needs). `stemmerLoaded()` is reactive: a view that searched before the
 *   stemmer was in (a query in the page's address, the first letters typed) searches again once it is.
 * - Other words are lower-cased, as MiniSearch does by default.
 */
import type MiniSearchT from 'minisearch';
import type { Stemmer } from 'snowball-stemmers';

const HAN = /\p{Script=Han}/u;
/** A run of Han characters, or a run of other letters, digits and marks. */
const TOKEN = /\p{Script=Han}+|(?:(?!\p{Script=Han})[\p{L}\p{N}\p{M}])+/gu;
const CYRILLIC = /\p{Script=Cyrillic}/u;

let russian: Stemmer | null = null;
/** Traditional Chinese characters → simplified (han-fold.json), loaded with the stemmer. */
let hanFold: Map<string, string> | null = null;
let loading: Promise<void> | null = null;
/** Whether the stemmer is in, as state: whatever searched without it is derived again when it arrives. */
let arrived = $state(false);

/**
 * Starts loading the Russian stemmer and the Chinese character fold (once); resolves when they are in,
 * or could not load (without the stemmer Russian words are matched as typed, lower-cased, by prefix;
 * without the fold traditional and simplified characters do not meet).
 */
export function loadStemmer(): Promise<void> {
  loading ??= Promise.all([
    import('snowball-stemmers')
      .then((m) => {
        russian = (m.newStemmer ?? (m as unknown as { default: typeof m }).default.newStemmer)('russian');
      })
      .catch(() => {}),
    import('./han-fold.json')
      .then((m) => {
        const pairs = m.default.pairs;
        // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a lookup made once, never rendered
        const map = new Map<string, string>();
        for (let i = 0; i + 1 < pairs.length; i += 2) map.set(pairs[i]!, pairs[i + 1]!);
        hanFold = map;
      })
      .catch(() => {}),
  ]).then(() => {
    arrived = true;
  });
  return loading;
}

/**
 * Chinese text with traditional characters written simplified (會議 → 会议), so a query in either meets
 * a text in either (the walk: 會議 and 阿斯塔納 found nothing in a simplified text). Same length: every
 * pair is one UTF-16 unit each, so positions found in the folded text are those of the text shown.
 */
export function foldHan(text: string): string {
  const fold = hanFold;
  if (!fold || !HAN.test(text)) return text;
  let out = '';
  for (const ch of text) out += fold.get(ch) ?? ch;
  return out;
}

/**
 * MiniSearch itself (the index of statements, data/indexes.ts, and the highlighting of the words found,
 * components/highlight.ts) is not part of the page's start either: it is fetched on the first search,
 * or once the statements are in (`loadMiniSearch`). It is state too: a search made before it arrived
 * (a query in the page's address, typed at once) finds only event titles, then everything once it is in.
 */
let miniSearchClass = $state.raw<typeof MiniSearchT | null>(null);
let miniLoading: Promise<void> | null = null;

/** Starts fetching MiniSearch (once); resolves when it is in. */
export function loadMiniSearch(): Promise<void> {
  miniLoading ??= import('minisearch').then((m) => {
    miniSearchClass = m.default;
  });
  return miniLoading;
}

/** MiniSearch if it is in (reactive, see above); otherwise null, and it starts loading. */
export function miniSearch(): typeof MiniSearchT | null {
  if (!miniSearchClass) void loadMiniSearch();
  return miniSearchClass;
}

/** Loads the search (MiniSearch and the stemmer) if it is not yet loading; resolves once it is in. */
export function searchReady(): Promise<void> {
  return Promise.all([loadStemmer(), loadMiniSearch()]).then(() => {});
}

/** Whether the stemmer is in: an index built before it must be built again. Reactive (see above). */
export function stemmerLoaded(): boolean {
  return arrived;
}

export function tokenize(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const w = m[0];
    if (!HAN.test(w[0]!)) {
      out.push(w);
      continue;
    }
    const f = foldHan(w);
    if (f.length === 1) out.push(f);
    else for (let i = 0; i + 1 < f.length; i++) out.push(f.slice(i, i + 2));
  }
  return out;
}

// A cache of stems, not state: nothing is derived from it.
// eslint-disable-next-line svelte/prefer-svelte-reactivity
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
