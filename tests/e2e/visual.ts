/**
 * Screenshot comparison for the visual regression tests: a picture is compared with the stored one
 * under tests/e2e/baselines/ by pixelmatch, within a tolerance chosen per picture. A changed picture
 * fails until it is accepted: run the test with UPDATE_SCREENSHOTS=1, look at the new picture, and
 * commit it. On a failure the actual picture and a diff (changed pixels in red) are written under
 * tests/screenshots/ beside the test's other screenshots.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { SCREENSHOTS } from './browser';

export const BASELINES = join(process.cwd(), 'tests', 'e2e', 'baselines');

export interface Tolerance {
  /** Per-pixel colour distance pixelmatch ignores (0..1; its default is 0.1). */
  threshold: number;
  /** Share of pixels allowed to differ beyond that (0..1). */
  maxDiffShare: number;
}

export interface Comparison {
  /** What happened: compared, or a baseline written (UPDATE_SCREENSHOTS=1). */
  outcome: 'same' | 'different' | 'accepted';
  diffPixels: number;
  share: number;
  message: string;
}

export interface Where {
  /** Folder of the stored pictures (default tests/e2e/baselines). */
  baselines?: string;
  /** Folder for the actual picture and the diff of a failure (default tests/screenshots). */
  out?: string;
  /** Store the picture as the new baseline (default: UPDATE_SCREENSHOTS=1). */
  update?: boolean;
}

/** Compares a PNG with baselines/<name>.png; with UPDATE_SCREENSHOTS=1 stores it as the new baseline. */
export function compareWithBaseline(name: string, png: Buffer, tol: Tolerance, where: Where = {}): Comparison {
  const dir = where.baselines ?? BASELINES;
  const out = where.out ?? SCREENSHOTS;
  const file = join(dir, `${name}.png`);
  if (where.update ?? process.env.UPDATE_SCREENSHOTS === '1') {
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, png);
    return { outcome: 'accepted', diffPixels: 0, share: 0, message: `accepted as the new baseline: ${file}` };
  }
  if (!existsSync(file)) {
    return {
      outcome: 'different',
      diffPixels: -1,
      share: 1,
      message: `no baseline ${file}: run with UPDATE_SCREENSHOTS=1 to store this picture, look at it, and commit it`,
    };
  }
  const actual = PNG.sync.read(png);
  const expected = PNG.sync.read(readFileSync(file));
  if (actual.width !== expected.width || actual.height !== expected.height) {
    save(out, name, png, null);
    return {
      outcome: 'different',
      diffPixels: -1,
      share: 1,
      message: `${name}: size ${actual.width}x${actual.height} instead of ${expected.width}x${expected.height}`,
    };
  }
  const diff = new PNG({ width: actual.width, height: actual.height });
  const diffPixels = pixelmatch(expected.data, actual.data, diff.data, actual.width, actual.height, { threshold: tol.threshold });
  const share = diffPixels / (actual.width * actual.height);
  if (share <= tol.maxDiffShare)
    return { outcome: 'same', diffPixels, share, message: `${name}: ${diffPixels} pixels differ (${(share * 100).toFixed(3)} %)` };
  save(out, name, png, PNG.sync.write(diff));
  return {
    outcome: 'different',
    diffPixels,
    share,
    message:
      `${name}: ${diffPixels} pixels differ (${(share * 100).toFixed(3)} %, allowed ${(tol.maxDiffShare * 100).toFixed(3)} %). ` +
      `See tests/screenshots/${name}-actual.png and ${name}-diff.png; if the change is meant, accept it with UPDATE_SCREENSHOTS=1.`,
  };
}

function save(out: string, name: string, actual: Buffer, diff: Buffer | null): void {
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, `${name}-actual.png`), actual);
  if (diff) writeFileSync(join(out, `${name}-diff.png`), diff);
}
