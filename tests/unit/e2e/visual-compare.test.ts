// @vitest-environment node
/**
 * The screenshot comparison of the visual regression tests (tests/e2e/visual.ts) on made-up pictures:
 * the same picture passes, a changed one fails (and leaves its diff to look at) until it is accepted,
 * and a missing baseline fails with the way to accept it.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { afterEach, describe, expect, it } from 'vitest';
import { compareWithBaseline } from '../../e2e/visual';

/** A 100x50 grey picture with an optional dark square at (x, y). */
function picture(square?: { x: number; y: number; size: number }): Buffer {
  const png = new PNG({ width: 100, height: 50 });
  for (let y = 0; y < 50; y++)
    for (let x = 0; x < 100; x++) {
      const dark = square && x >= square.x && x < square.x + square.size && y >= square.y && y < square.y + square.size;
      const i = (y * 100 + x) * 4;
      png.data[i] = png.data[i + 1] = png.data[i + 2] = dark ? 20 : 200;
      png.data[i + 3] = 255;
    }
  return PNG.sync.write(png);
}

const tol = { threshold: 0.1, maxDiffShare: 0.01 };
let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));
const where = (update = false) => ({ baselines: join(dir, 'baselines'), out: join(dir, 'out'), update });

describe('a changed picture fails until it is accepted', () => {
  it('passes the accepted picture and a change below the tolerance, fails a larger change', () => {
    dir = mkdtempSync(join(tmpdir(), 'visual-'));
    expect(compareWithBaseline('t', picture(), tol, where(true)).outcome).toBe('accepted');
    expect(compareWithBaseline('t', picture(), tol, where()).outcome).toBe('same');
    // 4 of 5,000 pixels (0.08 %) is within 1 %; 400 (8 %) is not.
    expect(compareWithBaseline('t', picture({ x: 10, y: 10, size: 2 }), tol, where()).outcome).toBe('same');
    const changed = compareWithBaseline('t', picture({ x: 10, y: 10, size: 20 }), tol, where());
    expect(changed.outcome).toBe('different');
    expect(changed.diffPixels).toBe(400);
    expect(changed.message).toContain('UPDATE_SCREENSHOTS=1');
    expect(existsSync(join(dir, 'out', 't-diff.png'))).toBe(true);
    // Accepted, the new picture is the one to match.
    compareWithBaseline('t', picture({ x: 10, y: 10, size: 20 }), tol, where(true));
    expect(compareWithBaseline('t', picture({ x: 10, y: 10, size: 20 }), tol, where()).outcome).toBe('same');
    expect(compareWithBaseline('t', picture(), tol, where()).outcome).toBe('different');
  });

  it('fails without a baseline, saying how to store one', () => {
    dir = mkdtempSync(join(tmpdir(), 'visual-'));
    const c = compareWithBaseline('none', picture(), tol, where());
    expect(c.outcome).toBe('different');
    expect(c.message).toMatch(/no baseline .*UPDATE_SCREENSHOTS=1/);
  });
});
