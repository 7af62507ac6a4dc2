/**
 * The first screen is drawn from event-index.json, before the events file is in (issue 16: "what the
 * first screen needs arrives first and compactly; the rest follows"). Here the events file is held
 * back: the map's discs and the timeline's marks must be on screen without it, look exactly as they
 * do once the events are in, and a person who clicks or hovers meanwhile must not break anything.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { generateDataset, writeDataset } from '../../bench/generate-dataset';
import { launch, SCREENSHOTS } from './browser';

const baseUrl = inject('baseUrl');
const outDir = inject('outDir');
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
  // A corpus of 3,000 events over some hundred cities, with summits and merged events.
  writeDataset(generateDataset(3000, 11), join(outDir, 'corpora', 'first-index'));
});
afterAll(async () => {
  await browser?.close();
});

/**
 * A page whose events file waits for `release`, and MapLibre's code for `releaseMap` (so the 2D map is
 * the one seen before and after the events arrive: the two engines draw the summit path's dashes apart).
 */
async function heldPage(): Promise<{ page: Page; release: () => void; releaseMap: () => void; errors: string[]; asked: () => boolean }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  let release: () => void = () => {};
  const held = new Promise<void>((r) => (release = r));
  let releaseMap: () => void = () => {};
  const mapHeld = new Promise<void>((r) => (releaseMap = r));
  let asked = false;
  await page.route(/\/(event-layer|events)\.json$/, async (route) => {
    asked = true;
    await held;
    await route.continue();
  });
  await page.route(/\/assets\/adapter-[^/]*\.js$/, async (route) => {
    await mapHeld;
    await route.continue();
  });
  return { page, release, releaseMap, errors, asked: () => asked };
}

const frames = (page: Page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

/** Share of differing pixels between two PNG screenshots of the same box. */
function differ(a: Buffer, b: Buffer, name: string): number {
  const x = PNG.sync.read(a);
  const y = PNG.sync.read(b);
  expect([x.width, x.height]).toEqual([y.width, y.height]);
  const diff = new PNG({ width: x.width, height: x.height });
  const bad = pixelmatch(x.data, y.data, diff.data, x.width, x.height, { threshold: 0.1 });
  writeFileSync(join(SCREENSHOTS, `first-index-${name}-diff.png`), PNG.sync.write(diff));
  return bad / (x.width * x.height);
}

for (const [name, query] of [
  ['seeds', ''],
  ['3000', '?data=corpora/first-index/'],
] as const) {
  it(`draws the map's cities and the timeline's marks before the events file, as the events draw them (${name})`, async () => {
    const { page, release, releaseMap, errors, asked } = await heldPage();
    try {
      await page.goto(baseUrl + query);
      await page.waitForFunction(() => performance.getEntriesByName('map2d:first-screen').length > 0, undefined, { timeout: 20_000 });
      await page.waitForFunction(() => (document.querySelector<HTMLCanvasElement>('.timeline .plot canvas')?.width ?? 0) > 0);
      await frames(page);
      expect(asked()).toBe(true); // asked for once the first screen was on screen, and still on their way
      expect(await page.getByTestId('summary').textContent()).toMatch(/\d/);
      // The map below its top strip and above its foot, where buttons and notes join once everything is in
      // ("Online or no city", "Share / Embed", the attribution's button).
      const mapBox = async () => {
        const b = (await page.getByTestId('map').boundingBox())!;
        return { x: b.x, y: b.y + 60, width: b.width, height: b.height - 110 };
      };
      const mapBefore = await page.screenshot({ clip: await mapBox() });
      // The marks, below the density strip (drawn from timeseries.json, which follows the first screen).
      const marksBox = async () => {
        const b = (await page.locator('.timeline .plot').boundingBox())!;
        return { x: b.x, y: b.y + 24, width: b.width, height: b.height - 24 };
      };
      const marksBefore = await page.screenshot({ clip: await marksBox() });
      writeFileSync(join(SCREENSHOTS, `first-index-${name}-before.png`), await page.screenshot());
      // Hovering the marks and using the keyboard on the timeline meanwhile breaks nothing.
      const plot = page.locator('.timeline .plot');
      const box = (await plot.boundingBox())!;
      for (let x = box.x + 20; x < box.x + box.width - 20; x += 40) await page.mouse.move(x, box.y + box.height * 0.6);
      await page.mouse.move(0, 0);
      await frames(page);

      release();
      await page.evaluate(() => window.__atlas!.ready);
      await page.waitForSelector('.side li');
      await frames(page);
      const mapAfter = await page.screenshot({ clip: await mapBox() });
      const marksAfter = await page.screenshot({ clip: await marksBox() });
      writeFileSync(join(SCREENSHOTS, `first-index-${name}-after.png`), await page.screenshot());
      // The same marks and the same discs: nothing moves or changes colour when the events arrive.
      expect(differ(marksBefore, marksAfter, `${name}-marks`)).toBeLessThan(0.001);
      expect(differ(mapBefore, mapAfter, `${name}-map`)).toBeLessThan(0.002);
      // And now the events themselves are there: the window's list names them.
      await expect.poll(() => page.locator('.side li').count()).toBeGreaterThan(0);
      // The WebGL map takes over as before.
      releaseMap();
      await page.evaluate(() => window.__atlas!.mapIdle());
      expect(errors).toEqual([]);
    } finally {
      release();
      releaseMap();
      await page.close();
    }
  });
}

it('keeps a city clicked on the first screen, and opens its statements once the events are in', async () => {
  const { page, release, releaseMap, errors } = await heldPage();
  try {
    await page.goto(baseUrl + '?data=corpora/first-index/');
    await page.waitForFunction(() => performance.getEntriesByName('map2d:first-screen').length > 0, undefined, { timeout: 20_000 });
    // The city with the most events that is on screen, clicked like a person, where its disc is drawn.
    const target = await page.evaluate(async () => {
      const places = (await (await fetch('corpora/first-index/places.geojson')).json()) as {
        features: { properties: { id: string; eventCount: number } }[];
      };
      const map = document.querySelector('[data-testid="map"]')!.getBoundingClientRect();
      const byCount = places.features.map((f) => f.properties).sort((a, b) => b.eventCount - a.eventCount);
      for (const { id } of byCount) {
        const at = window.__atlas?.placePoint?.(id);
        if (at && at.x > map.left + 80 && at.x < map.right - 80 && at.y > map.top + 80 && at.y < map.bottom - 80) return { p: id, ...at };
      }
      return null;
    });
    expect(target).not.toBeNull();
    await page.mouse.click(target!.x, target!.y);
    await frames(page);
    // The city under the pointer (a smaller one may lie on top of the one aimed at).
    const chosen = await page.evaluate(() => window.__atlas!.state.place);
    expect(chosen).not.toBeNull();
    release();
    releaseMap();
    await page.evaluate(() => window.__atlas!.ready);
    const name = await page.evaluate(async (id) => {
      const places = (await (await fetch('corpora/first-index/places.geojson')).json()) as {
        features: { properties: { id: string; name: string } }[];
      };
      return places.features.find((f) => f.properties.id === id)!.properties.name;
    }, chosen);
    await expect.poll(() => page.locator('#panel-heading').textContent(), { timeout: 10_000 }).toContain(name);
    await expect.poll(() => page.locator('.side li').count()).toBeGreaterThan(0);
    writeFileSync(join(SCREENSHOTS, 'first-index-clicked.png'), await page.screenshot());
    expect(errors).toEqual([]);
  } finally {
    release();
    releaseMap();
    await page.close();
  }
});
