// @vitest-environment node
/**
 * The search's traditional → simplified table (src/app/i18n/han-fold.json) is what opencc-js, as
 * installed, makes: run `npx tsx src/app/i18n/han-fold-make.ts` after upgrading it. Every pair is one
 * UTF-16 unit each, so a folded text keeps its length and a hit lights the characters shown.
 */
import { describe, expect, it } from 'vitest';
import { hanFoldPairs } from '../../../src/app/i18n/han-fold-make';
import table from '../../../src/app/i18n/han-fold.json';

describe('the traditional to simplified table of the search', () => {
  it('is the one opencc-js makes, pairs of single characters', () => {
    expect(table.pairs).toBe(hanFoldPairs());
    expect(table.pairs.length % 2).toBe(0);
    const map = new Map<string, string>();
    for (let i = 0; i < table.pairs.length; i += 2) map.set(table.pairs[i]!, table.pairs[i + 1]!);
    expect(['會', '議', '島', '納', '經', '濟'].map((c) => map.get(c))).toEqual(['会', '议', '岛', '纳', '经', '济']);
  });
});
