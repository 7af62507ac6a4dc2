/**
 * Visual regression: the timeline and the map as a person sees them, compared with stored pictures
 * (tests/e2e/baselines/, see visual.ts). The pictures are of the hand-written sample corpus
 * (tests/fixtures/sample), not of the extracted seeds, so a change in the pipeline's output does not
 * move them; a change in how the app draws does, and fails until accepted with UPDATE_SCREENSHOTS=1.
 *
 * Tolerances. The timeline is 2D canvas and SVG: identical run to run here, so it is held to 0.1 % of
 * its pixels (text anti-aliasing leeway). The map is software WebGL (SwiftShader): the basemap's
 * country edges can differ by a shade between runs, so its pixels are compared with a per-pixel
 * threshold of 0.2 and at most 0.5 % may differ — a moved or missing disc, label, country colour or
 * summit line changes far more than that (one disc alone is ~0.1-0.4 % of the map).
 */
import { cpSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch } from './browser';
import { compareWithBaseline } from './visual';

const baseUrl = inject('baseUrl');
const served = inject('outDir');
let browser: Browser;
let page: Page;

// A fixed view: a window, a selected city, a map view, so nothing depends on the corpus's extent alone.
const VIEW = '?data=corpora/visual/&from=2019-01-01&to=2022-12-31&t=2021-06-30&place=moscow&map=75,45,2.2';

beforeAll(async () => {
  const sample = join(process.cwd(), 'tests', 'fixtures', 'sample');
  mkdirSync(join(served, 'corpora'), { recursive: true });
  cpSync(sample, join(served, 'corpora', 'visual'), { recursive: true });
  browser = await launch();
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce', deviceScaleFactor: 1 });
  page = await context.newPage();
  await page.goto(baseUrl + VIEW);
  await page.waitForFunction(() => !!window.__atlas);
  await page.evaluate(() => window.__atlas!.ready);
  await page.evaluate(() => window.__atlas!.mapIdle());
  // The pointer away from everything, no caret, no focus ring: only what the state draws.
  await page.mouse.move(0, 0);
  await page.addStyleTag({
    content: '*, *::before, *::after { caret-color: transparent !important; transition: none !important; animation: none !important; }',
  });
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));
});

afterAll(async () => {
  await browser?.close();
});

describe('the pictures stay as accepted', () => {
  it('the timeline: marks in lanes, the lit window up to the playhead, the selected city outlined, the axis', async () => {
    const png = await page.locator('.timeline .plot').screenshot();
    const c = compareWithBaseline('timeline', png, { threshold: 0.1, maxDiffShare: 0.001 });
    console.info(c.message);
    expect(c.outcome, c.message).not.toBe('different');
  });

  it('the map: countries by SCO status, the discs of the window, the selected city, labels and the summit path', async () => {
    await page.evaluate(() => window.__atlas!.mapIdle());
    const png = await page.locator('[data-testid="map"]').screenshot();
    const c = compareWithBaseline('map', png, { threshold: 0.2, maxDiffShare: 0.005 });
    console.info(c.message);
    expect(c.outcome, c.message).not.toBe('different');
  });
});
