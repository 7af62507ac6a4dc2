// @vitest-environment node
/**
 * The timeline's lane layout without any canvas: events that overlap in time stack into lanes, what
 * does not fit becomes a "+n" badge a click can zoom into, and a point finds the mark under it.
 */
import { describe, expect, it } from 'vitest';
import { badgeAt, hitTest, LANE, laneY, layoutLanes, MARKS_TOP } from '../../../../src/app/timeline/layout';

const DAY = 86_400_000;
/** n events, event i from day starts[i] for len[i] days. */
function events(starts: number[], len: number[] = starts.map(() => 1)) {
  return {
    events: starts.map((_, i) => ({ id: `e${i}` })) as never[],
    evStart: Float64Array.from(starts, (d) => d * DAY),
    evEnd: Float64Array.from(starts, (d, i) => (d + len[i]!) * DAY),
  };
}
// 100 days over 1000 px: 10 px a day.
const domain = [0, 100 * DAY] as const;
const range = [0, 1000] as const;

describe('lanes', () => {
  it('puts events that overlap in time in different lanes and others back in the first', () => {
    const L = layoutLanes(events([10, 10, 11, 40], [5, 5, 5, 1]), null, domain, range, 4);
    expect(L.n).toBe(4);
    expect(Array.from(L.lane.subarray(0, L.n))).toEqual([0, 1, 2, 0]);
    expect(L.x0[3]).toBeCloseTo(400);
    expect(L.badges).toEqual([]);
  });

  it('turns what does not fit into a "+n" badge where the lanes are full', () => {
    const L = layoutLanes(events([10, 10, 10, 10, 10]), null, domain, range, 2);
    expect(L.n).toBe(2);
    expect(L.badges).toEqual([{ x: 100, n: 3, first: 2 }]);
    expect(badgeAt(L, 110, MARKS_TOP + 2)).toEqual(L.badges[0]);
    expect(badgeAt(L, 110, laneY(1) + 2)).toBeNull();
  });

  it('leaves out events hidden by the filters and events outside the scale', () => {
    const L = layoutLanes(events([10, 20, 300]), Uint8Array.from([1, 0, 1]), domain, range, 3);
    expect(Array.from(L.idx.subarray(0, L.n))).toEqual([0]);
  });

  it('finds the mark under a point, within a few pixels along its lane, and nothing between lanes', () => {
    const L = layoutLanes(events([10, 10], [5, 5]), null, domain, range, 3);
    expect(hitTest(L, 120, laneY(0) + LANE / 2)).toBe(0);
    expect(hitTest(L, 153, laneY(1) + LANE / 2)).toBe(1);
    expect(hitTest(L, 300, laneY(0) + LANE / 2)).toBeNull();
    expect(hitTest(L, 120, laneY(2) + LANE / 2)).toBeNull();
  });
});
