/**
 * The first screen is a 2D drawing of the map, shown while MapLibre's code loads and its WebGL map
 * draws; then the WebGL map takes its place. A person must not see the map jump or change at that
 * moment: the two pictures are compared pixel by pixel (pixelmatch). MapLibre's code is held back
 * (its request answered only after the first picture is taken), so the 2D map is surely the one seen.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { launch, SCREENSHOTS } from './browser';

const baseUrl = inject('baseUrl');
let browser: Browser;
let page: Page;

/**
 * Allowed share of differing pixels (pixelmatch threshold 0.1, antialiased edges not counted) over
 * the map, outside its top-right and bottom-right corners (zoom buttons and attribution, drawn by each
 * engine in its own way): 0.5 %. Seen here: 0.05 % (224 of 427,500 pixels: the summit path's dashes
 * start at other points, a few edge pixels of shapes). A camera off by one pixel, a missing layer,
 * a changed colour or labels placed otherwise cost far more (the names layer missing: 1.3 %).
 */
const TOLERANCE = 0.005;

beforeAll(async () => {
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
});
afterAll(async () => {
  await browser?.close();
});

it('shows the 2D map first and swaps to the WebGL map without a visible change', async () => {
  let release: () => void = () => {};
  const held = new Promise<void>((r) => (release = r));
  // The MapLibre adapter's chunk (bundled with maplibre-gl): answered once the 2D picture is taken.
  await page.route(/\/assets\/adapter-[^/]*\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(baseUrl);
  await page.waitForFunction(() => performance.getEntriesByName('map2d:first-screen').length > 0);
  // Every file in (the page's layout settles: the map's height may change by a few pixels meanwhile).
  await page.waitForFunction(() => !!window.__atlas);
  await page.evaluate(() => window.__atlas!.ready);
  await page.waitForTimeout(300);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  expect(await page.locator('.maplibregl-canvas').count()).toBe(0);
  // The map's box now and after the swap (the page's layout may settle in between: compare the map itself).
  const flat = await page.getByTestId('map').screenshot();
  release();
  await page.evaluate(() => window.__atlas!.mapIdle());
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  expect(await page.getByTestId('map2d').count()).toBe(0);
  expect(await page.locator('.maplibregl-canvas').count()).toBe(1);
  const gl = await page.getByTestId('map').screenshot();

  const a = PNG.sync.read(flat);
  const b = PNG.sync.read(gl);
  expect([a.width, a.height]).toEqual([b.width, b.height]);
  // Corners left out: each engine's own controls (zoom buttons at the top right, attribution below).
  for (const img of [a, b])
    for (let y = 0; y < img.height; y++)
      for (let x = 0; x < img.width; x++) {
        const corner = x > img.width - 60 && y < 90;
        const foot = x > img.width - 300 && y > img.height - 40;
        if (corner || foot) img.data.writeUInt32BE(0xffffffff, (y * img.width + x) * 4);
      }
  const diff = new PNG({ width: a.width, height: a.height });
  const bad = pixelmatch(a.data, b.data, diff.data, a.width, a.height, { threshold: 0.1 });
  writeFileSync(join(SCREENSHOTS, 'first-screen-2d.png'), flat);
  writeFileSync(join(SCREENSHOTS, 'first-screen-webgl.png'), gl);
  writeFileSync(join(SCREENSHOTS, 'first-screen-diff.png'), PNG.sync.write(diff));
  const share = bad / (a.width * a.height);
  console.info(`first screen: ${bad} of ${a.width * a.height} pixels differ (${(share * 100).toFixed(2)} %)`);
  expect(share).toBeLessThan(TOLERANCE);
});
