/**
 * Extraction speed per MB of Russian and Chinese text against English (issue 11: within 2×).
 * Builds a few MB of each language from the composed development texts (tests/fixtures/lang/ for ru
 * and zh, the bundled seeds for en), each paragraph repeated with its years shifted so dates differ,
 * cut into 500 KB documents, and times extractDocument over them (5 interleaved rounds, the fastest; one warm-up).
 * Run: npx tsx bench/lang-speed.ts [MB per language, default 3]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractDocument } from '../src/pipeline/document.ts';
import { Gazetteer } from '../src/pipeline/gazetteer.ts';
import { loadData } from '../src/pipeline/run.ts';
import { TopicMatcher } from '../src/pipeline/topics.ts';

const MB = Number(process.argv[2] ?? 3);
const root = new URL('..', import.meta.url).pathname;
const data = loadData();
const ctx = { gaz: new Gazetteer(data.gazetteer), topics: new TopicMatcher(data.topics) };
const lang = join(root, 'tests/fixtures/lang');
const read = (dir: string, re: RegExp) =>
  readdirSync(dir)
    .filter((f) => re.test(f))
    .sort()
    .map((f) => readFileSync(join(dir, f), 'utf8'));
const sources: Record<string, string[]> = {
  en: read(join(root, 'data/sources'), /\.txt$/),
  ru: [...read(lang, /^ru-.*\.src$/), ...read(lang, /^ru-wire\.txt$/)],
  zh: [...read(lang, /^zh-.*\.src$/), ...read(lang, /^zh-(?:wire|trad)\.txt$/)],
};

function corpus(texts: string[], bytes: number): string[] {
  const docs: string[] = [];
  let doc = '';
  for (let k = 0; Buffer.byteLength(docs.join('')) + Buffer.byteLength(doc) < bytes; k++) {
    for (const t of texts) doc += t.replace(/(19|20)(\d{2})/g, (_, c, y) => `${c}${String((+y + k) % 30).padStart(2, '0')}`) + '\n\n';
    if (Buffer.byteLength(doc) > 500_000) {
      docs.push(doc);
      doc = '';
    }
  }
  if (doc) docs.push(doc);
  return docs;
}

// The machine is shared: the languages take turns, round after round, and each keeps its fastest
// round (the one least slowed by other work), so a busy minute does not land on one language only.
const ROUNDS = 5;
const corpora = Object.fromEntries(Object.entries(sources).map(([l, texts]) => [l, corpus(texts, MB * 1_000_000)]));
const best: Record<string, number> = {};
const counts: Record<string, number> = {};
for (const docs of Object.values(corpora)) extractDocument('warm', docs[0]!.slice(0, 50_000), null, ctx);
for (let r = 0; r < ROUNDS; r++) {
  for (const [l, docs] of Object.entries(corpora)) {
    const t = performance.now();
    let events = 0;
    for (const [i, d] of docs.entries()) events += extractDocument(`${l}-${i}`, d, null, ctx).events.length;
    const s = (performance.now() - t) / 1000;
    best[l] = Math.min(best[l] ?? Infinity, s);
    counts[l] = events;
  }
}
const results: Record<string, number> = {};
for (const [l, docs] of Object.entries(corpora)) {
  const size = docs.reduce((n, d) => n + Buffer.byteLength(d), 0) / 1e6;
  const chars = docs.reduce((n, d) => n + d.length, 0) / 1e6;
  results[l] = best[l]! / size;
  console.log(
    `${l}: ${size.toFixed(2)} MB (${chars.toFixed(2)} M characters) in ${docs.length} documents, ${counts[l]} events; fastest of ${ROUNDS} rounds ${best[l]!.toFixed(2)} s → ${(best[l]! / size).toFixed(2)} s/MB (${(size / best[l]!).toFixed(2)} MB/s)`,
  );
}
console.log(
  `ru/en ${(results.ru! / results.en!).toFixed(2)}×, zh/en ${(results.zh! / results.en!).toFixed(2)}× (per MB of UTF-8; target ≤ 2×)`,
);
