// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { Discs, mercator, radii, type DiscContext, type DiscView } from '../../../src/app/map/discs';

/** Records the discs a draw makes: centre, radius and fill colour of each filled arc. */
function fakeContext() {
  const fills: Array<{ x: number; y: number; r: number; fill: string; alpha: number }> = [];
  let arc: { x: number; y: number; r: number } | null = null;
  const ctx = {
    fillStyle: '',
    strokeStyle: '',
    lineWidth: 1,
    globalAlpha: 1,
    setTransform() {},
    clearRect() {},
    beginPath() {
      arc = null;
    },
    arc(x: number, y: number, r: number) {
      arc = { x, y, r };
    },
    fill() {
      if (arc) fills.push({ ...arc, fill: String(ctx.fillStyle), alpha: ctx.globalAlpha });
    },
    stroke() {},
  };
  return { ctx: ctx as unknown as DiscContext, fills };
}

/** A 900×500 canvas showing the whole world 1024 px wide, centred. */
const view: DiscView = { width: 900, height: 500, originX: 450 - 512, originY: 250 - 512, worldSize: 1024 };

describe('the city discs', () => {
  it('project like MapLibre (Web Mercator, 0..1 world units)', () => {
    expect(mercator(-180, 0)).toEqual([0, 0.5]);
    const [x, y] = mercator(90, 85.051129);
    expect(x).toBe(0.75);
    expect(y).toBeCloseTo(0, 6);
  });

  it('grow in area with the count, relative to the busiest city; no events is radius 0 (a faint dot)', () => {
    const { n, r } = radii([0, 1, 4], [0, 0, 12], 3);
    expect([...n]).toEqual([0, 1, 16]);
    expect(r[0]).toBe(0);
    expect(r[2]).toBe(16); // min(24, 8 + sqrt(16) * 2)
    expect(r[1]).toBe(7); // 4 + 12 * sqrt(1/16) = 7
  });

  it('draw each city at its place, with a faint dot for cities without events, selected and hovered on top', () => {
    const d = new Discs();
    d.setPlaces([
      [0, 0],
      [10, 0],
      [20, 0],
    ]);
    d.setCounts([5, 0, 1], [0, 0, 0]);
    d.selected = 0;
    d.highlighted = [2];
    const { ctx, fills } = fakeContext();
    expect(d.draw(ctx, view, 1.5)).toBe(3);
    expect(fills.map((f) => f.fill)).toEqual(['#c0392b', '#e07b00', '#b4232c']); // plain, hovered, selected last
    const [plain, hovered, selected] = fills;
    expect(selected!.x).toBeCloseTo(450);
    expect(selected!.y).toBeCloseTo(250);
    expect(plain!.r).toBe(3); // the empty city
    expect(plain!.alpha).toBe(0.25);
    expect(plain!.x).toBeCloseTo(450 + (10 / 360) * 1024);
    expect(hovered!.alpha).toBe(0.72);
  });

  it('repeat on every copy of the world that shows', () => {
    const d = new Discs();
    d.setPlaces([[0, 0]]);
    d.setCounts([1], [0]);
    const { ctx, fills } = fakeContext();
    // Zoomed out: the world is 300 px wide on a 900 px canvas, so three copies (and a bit) show.
    d.draw(ctx, { width: 900, height: 500, originX: 0, originY: 100, worldSize: 300 }, 1);
    expect(fills.map((f) => Math.round(f.x))).toEqual([150, 450, 750]);
  });

  it('say which city is under the pointer, with a generous target for small ones', () => {
    const d = new Discs();
    d.setPlaces([
      [0, 0],
      [3, 0],
    ]);
    d.setCounts([1, 1], [0, 0]);
    const x1 = 450 + (3 / 360) * 1024; // ~8.5 px right of the first
    expect(d.hit(450, 250, view)).toBe(0);
    expect(d.hit(x1 + 1, 250, view)).toBe(1);
    expect(d.hit(450, 250 + 15, view)).toBe(0);
    expect(d.hit(450, 250 + 40, view)).toBe(-1);
    // On the next copy of the world too.
    expect(d.hit(450 + 1024, 250, { ...view, width: 2000 })).toBe(0);
  });

  it('report no change (no redraw) when the counts give the same discs', () => {
    const d = new Discs();
    d.setPlaces([
      [0, 0],
      [1, 1],
    ]);
    expect(d.setCounts([2, 1], [0, 0])).toBe(true);
    expect(d.setCounts([2, 1], [0, 0])).toBe(false);
    expect(d.setCounts([4, 0], [0, 0])).toBe(true);
  });
});
