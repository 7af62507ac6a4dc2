// @vitest-environment node
/**
 * City labels placed without collisions (issue 13): whatever the discs and the map's size, no two shown
 * labels overlap, none leaves the map, none covers another city's disc, and the most important city
 * keeps its label when space runs out.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boxesIntersect, placeLabels, type LabelRequest } from '../../../../src/app/map/label-placement';

const label = (key: string, x: number, y: number, r: number, priority: number, width = 60, height = 14): LabelRequest => ({
  key,
  x,
  y,
  r,
  width,
  height,
  priority,
});

/** Whether the box touches a disc's circle (closest point of the box to the centre inside the radius). */
function coversDisc(b: { x: number; y: number; width: number; height: number }, d: { x: number; y: number; r: number }): boolean {
  const cx = Math.max(b.x, Math.min(d.x, b.x + b.width));
  const cy = Math.max(b.y, Math.min(d.y, b.y + b.height));
  return Math.hypot(cx - d.x, cy - d.y) < d.r * 0.85;
}

describe('placeLabels', () => {
  it('moves the second of two close cities to another side instead of stacking it (Tashkent over Bishkek)', () => {
    // Tashkent and Bishkek 20 px apart on a phone-sized map: both labels on the right would overlap.
    const tashkent = label('tashkent', 150, 200, 10, 5, 58);
    const bishkek = label('bishkek', 160, 215, 8, 3, 52);
    const { shown, hidden } = placeLabels([bishkek, tashkent], { width: 390, height: 400 });
    expect(hidden).toEqual([]);
    expect(shown.map((s) => s.key)).toEqual(['tashkent', 'bishkek']);
    expect(boxesIntersect(shown[0]!, shown[1]!)).toBe(false);
    expect(coversDisc(shown[0]!, bishkek)).toBe(false);
    expect(coversDisc(shown[1]!, tashkent)).toBe(false);
  });

  it('keeps a label near the right edge inside the map by putting it on the left ("Beiji" is never cut)', () => {
    const beijing = label('beijing', 370, 100, 9, 1, 50);
    const { shown } = placeLabels([beijing], { width: 390, height: 300 });
    expect(shown).toHaveLength(1);
    expect(shown[0]!.anchor).toBe('left');
    expect(shown[0]!.x + shown[0]!.width).toBeLessThanOrEqual(390);
  });

  it('hides the label that fits nowhere, and the higher priority one wins', () => {
    // Three cities at one spot on a strip of map with room for two texts (right and left of them).
    const a = label('low', 50, 15, 3, 1, 40, 10);
    const b = label('high', 50, 15, 3, 9, 40, 10);
    const c = label('mid', 50, 15, 3, 5, 40, 10);
    const { shown, hidden } = placeLabels([a, b, c], { width: 100, height: 30 });
    expect(shown.map((s) => [s.key, s.anchor])).toEqual([
      ['high', 'right'],
      ['mid', 'left'],
    ]);
    expect(hidden).toEqual(['low']);
  });

  it('keeps labels out from under what floats over the map (zoom buttons, legend)', () => {
    const city = label('city', 300, 40, 6, 1, 60);
    const buttons = { x: 340, y: 10, width: 40, height: 70 }; // right of the city, where its text would go
    const { shown } = placeLabels([city], { width: 390, height: 300, blocked: [buttons] });
    expect(shown).toHaveLength(1);
    expect(shown[0]!.anchor).not.toBe('right');
    expect(boxesIntersect(shown[0]!, buttons)).toBe(false);
    // Boxed in on every side: it hides rather than sit under them.
    const all = { x: 200, y: 0, width: 190, height: 120 };
    expect(placeLabels([city], { width: 390, height: 300, blocked: [all] }).hidden).toEqual(['city']);
  });

  it('does not put a label over a disc that carries events', () => {
    const city = label('city', 100, 100, 6, 1, 80);
    const neighbour = { x: 150, y: 100, r: 12 }; // right where the text would go
    const { shown } = placeLabels([city], { width: 400, height: 300, obstacles: [neighbour] });
    expect(shown).toHaveLength(1);
    expect(shown[0]!.anchor).not.toBe('right');
    expect(coversDisc(shown[0]!, neighbour)).toBe(false);
  });

  it('gives the same placement for the same input, whatever the input order of equal priorities', () => {
    const ls = [label('a', 100, 100, 8, 2), label('b', 110, 105, 8, 2), label('c', 95, 112, 8, 2)];
    const one = placeLabels(ls, { width: 300, height: 300 });
    expect(placeLabels(ls, { width: 300, height: 300 })).toEqual(one);
    // Ties keep input order: the first listed goes first.
    expect(one.shown[0]!.key).toBe('a');
  });

  it('never lets two shown boxes intersect, leave the map or cover another disc (random maps)', () => {
    const disc = fc.record({
      x: fc.integer({ min: -20, max: 420 }),
      y: fc.integer({ min: -20, max: 420 }),
      r: fc.integer({ min: 0, max: 24 }),
      width: fc.integer({ min: 20, max: 120 }),
      priority: fc.integer({ min: 0, max: 5 }),
    });
    fc.assert(
      fc.property(
        fc.array(disc, { maxLength: 60 }),
        fc.integer({ min: 120, max: 1280 }),
        fc.integer({ min: 120, max: 800 }),
        (ds, w, h) => {
          const ls = ds.map((d, i) => label(String(i), d.x, d.y, d.r, d.priority, d.width));
          const { shown, hidden } = placeLabels(ls, { width: w, height: h, obstacles: ls });
          expect(shown.length + hidden.length).toBe(ls.length);
          for (const s of shown) {
            expect(s.x).toBeGreaterThanOrEqual(0);
            expect(s.y).toBeGreaterThanOrEqual(0);
            expect(s.x + s.width).toBeLessThanOrEqual(w);
            expect(s.y + s.height).toBeLessThanOrEqual(h);
            for (const d of ls) if (d.key !== s.key) expect(coversDisc(s, d)).toBe(false);
          }
          for (let i = 0; i < shown.length; i++)
            for (let j = i + 1; j < shown.length; j++) expect(boxesIntersect(shown[i]!, shown[j]!)).toBe(false);
        },
      ),
      { numRuns: 300, seed: 13 },
    );
  });
});
