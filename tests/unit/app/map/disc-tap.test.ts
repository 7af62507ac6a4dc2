// @vitest-environment node
/**
 * A finger on the map (issue 13): a tap near Tashkent, Bishkek and Dushanbe at the opening zoom means
 * any of the three, so all three are offered, nearest first; a city far from the finger, or one with
 * nothing in the window, is not. Labels are ordered hovered, selected, then bigger discs.
 */
import { describe, expect, it } from 'vitest';
import { Discs, type DiscView } from '../../../../src/app/map/discs';
import { labelRequests } from '../../../../src/app/map/labels';

// Tashkent, Bishkek, Dushanbe, Moscow, and a city with no events (Almaty), in longitude/latitude.
const coords = [
  [69.24, 41.31],
  [74.59, 42.87],
  [68.78, 38.56],
  [37.62, 55.75],
  [76.95, 43.25],
];
/** The world 1024 px wide (about zoom 1), so Central Asia's capitals sit ~10-20 px apart. */
const view: DiscView = { width: 900, height: 500, originX: 450 - 512, originY: 250 - 512, worldSize: 1024 };

function discs(): Discs {
  const d = new Discs();
  d.setPlaces(coords);
  d.setCounts([3, 2, 1, 9, 0], [0, 0, 0, 0, 0]);
  return d;
}

describe('a tap near several discs', () => {
  it('offers every city with events within reach of the finger, nearest first', () => {
    const d = discs();
    const t = d.point(0, view);
    const got = d.near(t.x + 2, t.y, view);
    expect(got[0]).toBe(0);
    expect(new Set(got)).toEqual(new Set([0, 1, 2]));
  });

  it('takes the city a finger is right on when its neighbours are clearly farther', () => {
    // Zoomed in (world 8192 px): the capitals are 40+ px apart; a tap on Bishkek's centre is Bishkek.
    const close: DiscView = { width: 900, height: 500, originX: 450 - 0.7 * 8192, originY: 250 - 0.37 * 8192, worldSize: 8192 };
    const d = discs();
    const b = d.point(1, close);
    const t = d.point(0, close);
    expect(Math.hypot(b.x - t.x, b.y - t.y)).toBeGreaterThan(30);
    expect(d.near(b.x, b.y, close, 60)).toEqual([1]);
    // Halfway between them, both are offered.
    expect(new Set(d.near((b.x + t.x) / 2, (b.y + t.y) / 2, close, 80))).toEqual(new Set([0, 1]));
  });

  it('offers one city when the finger is on a lone disc (no chooser), and none on empty sea', () => {
    const d = discs();
    const m = d.point(3, view);
    expect(d.near(m.x, m.y, view)).toEqual([3]);
    expect(d.near(m.x, m.y + 200, view)).toEqual([]);
  });
});

describe('label order', () => {
  it('puts the hovered city first, then the selected, then bigger discs; a city with nothing in the window last', () => {
    const d = discs();
    d.selected = 2;
    d.highlighted = [1];
    const size = () => ({ width: 50, height: 13 });
    const { labels, obstacles } = labelRequests(d, view, [3, 0, 4], new Set(), size);
    const order = [...labels].sort((a, b) => b.priority - a.priority).map((l) => l.key);
    expect(order).toEqual([1, 2, 3, 0, 4]);
    // Obstacles: the discs with events in the window (the faint dot of Almaty may sit under a text).
    expect(obstacles).toHaveLength(4);
  });
});
