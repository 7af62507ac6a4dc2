// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { captionText, layoutSnapshot, wrapText } from '../../../src/app/present/snapshot';

const measure = (s: string) => s.length * 7; // 7px per character

describe('the PNG snapshot layout', () => {
  it('names every source once in the caption', () => {
    const c = captionText('1 January 2020 – 31 December 2021', [
      { title: 'The Moscow Declaration', kind: 'declaration', published: '2020-11-10' },
      { title: 'The Moscow Declaration', kind: 'declaration', published: '2020-11-10' },
      { title: 'Agora', kind: null, published: null },
    ]);
    expect(c).toBe('SCO Atlas — 1 January 2020 – 31 December 2021. Sources: The Moscow Declaration (declaration, 2020-11-10); Agora.');
    expect(captionText('all time', [])).toMatch(/No events/);
  });

  it('stacks map, timeline and caption at the map width, at 2x', () => {
    const l = layoutSnapshot({ width: 900, height: 420 }, { width: 900, height: 160 }, 'short caption', measure);
    expect(l.scale).toBe(2);
    expect(l.width).toBe(900);
    expect(l.map).toEqual({ x: 0, y: 0, width: 900, height: 420 });
    expect(l.timeline).toEqual({ x: 0, y: 420, width: 900, height: 160 });
    expect(l.captionLines).toEqual(['short caption']);
    expect(l.height).toBeGreaterThan(580);
  });

  it('wraps a long caption and ends it with an ellipsis when it would not fit', () => {
    const words = Array.from({ length: 200 }, (_, i) => `word${i}`).join(' ');
    const lines = wrapText(words, 300, measure, 3);
    expect(lines).toHaveLength(3);
    for (const line of lines) expect(measure(line)).toBeLessThanOrEqual(300);
    expect(lines[2]!.endsWith('…')).toBe(true);
  });
});
