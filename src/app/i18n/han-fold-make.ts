/**
 * Writes han-fold.json: each traditional Chinese character that opencc-js (Taiwan, Hong Kong, then
 * general traditional standards) writes as one other character in simplified Chinese, with that
 * character. The search folds both the statements and the query through it (search.svelte.ts), so
 * 會議 finds 会议 and the other way round. Only pairs of single UTF-16 units: a folded text keeps its
 * length, so a hit found in it lights the same characters of the text as shown.
 *
 *   npx tsx src/app/i18n/han-fold-make.ts     (again after upgrading opencc-js; a unit test compares)
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as OpenCC from 'opencc-js';

export function hanFoldPairs(): string {
  const toSimplified = [
    OpenCC.Converter({ from: 'tw', to: 'cn' }),
    OpenCC.Converter({ from: 'hk', to: 'cn' }),
    OpenCC.Converter({ from: 't', to: 'cn' }),
  ];
  let pairs = '';
  // The CJK Unified Ideographs block: every character of running Chinese text in practice.
  for (let c = 0x4e00; c <= 0x9fff; c++) {
    const ch = String.fromCharCode(c);
    const to = toSimplified.map((f) => f(ch)).find((s) => s !== ch && s.length === 1);
    if (to) pairs += ch + to;
  }
  return pairs;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const file = fileURLToPath(new URL('./han-fold.json', import.meta.url));
  const about = 'Traditional → simplified Chinese characters, in pairs, made by src/app/i18n/han-fold-make.ts from opencc-js (Apache-2.0)';
  writeFileSync(file, `${JSON.stringify({ about, pairs: hanFoldPairs() })}\n`);
}
