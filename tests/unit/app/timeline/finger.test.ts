// @vitest-environment node
/**
 * A fingertip on the timeline (issue 13): marks are drawn 4 px wide, far below the 24 x 24 px WCAG 2.2
 * asks of a target, so a tap picks the mark within ~12 px of it; where two marks compete, the one under
 * the finger wins, and a tap on empty time still picks nothing.
 */
import { describe, expect, it } from 'vitest';
import { fingerHit } from '../../../../src/app/timeline/interactions';
import { hitTest, LANE, laneY, layoutLanes } from '../../../../src/app/timeline/layout';

const DAY = 86_400_000;
/** One-day events at the given days, 100 days over 1000 px: a mark is a few px wide. */
function layout(days: number[]) {
  const data = {
    events: days.map((_, i) => ({ id: `e${i}` })) as never[],
    evStart: Float64Array.from(days, (d) => d * DAY),
    evEnd: Float64Array.from(days, (d) => d * DAY + 1),
  };
  return layoutLanes(data, null, [0, 100 * DAY], [0, 1000], 3);
}

describe('fingerHit', () => {
  it('gives every mark a target at least 24 x 24 px around it', () => {
    const L = layout([50]);
    const hit = (x: number, y: number) => hitTest(L, x, y);
    const cx = (L.x0[0]! + L.x1[0]!) / 2;
    const cy = laneY(0) + LANE / 2;
    // A mouse must be within 6 px along the lane; a finger 12 px off to any side still gets the mark.
    expect(hit(cx + 12, cy)).toBeNull();
    for (const [dx, dy] of [
      [-12, 0],
      [12, 0],
      [0, -12],
      [0, 12],
      [11, 11],
    ])
      expect(fingerHit(hit, [cx + dx!, cy + dy!])).toBe(0);
  });

  it('prefers the mark under the finger over a neighbour, and finds nothing on empty time', () => {
    const L = layout([50, 52]); // 20 px apart, same lane
    const hit = (x: number, y: number) => hitTest(L, x, y);
    const y = laneY(0) + LANE / 2;
    expect(fingerHit(hit, [L.x0[1]!, y])).toBe(1);
    expect(fingerHit(hit, [L.x0[0]!, y])).toBe(0);
    expect(fingerHit(hit, [800, y])).toBeNull();
  });
});
