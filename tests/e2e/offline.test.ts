/**
 * People open SCO Atlas on a laptop at a venue with no internet. Every view must come up complete
 * with the network cut off at the app's own origin: no tile server, no font, no API, no analytics.
 * Any request leaving the origin is blocked here (as no network would) and fails the test.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { launch, shot, watchForeignRequests } from './browser';
import { openAtlas, watchErrors } from './quality';

const baseUrl = inject('baseUrl');
const origin = new URL(baseUrl).origin;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  browser = await launch();
  context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  // No network beyond our own server: anything else is aborted, as on a plane.
  await context.route('**/*', (route) =>
    route.request().url().startsWith(origin) ? route.continue() : route.abort('internetdisconnected'),
  );
});
afterAll(async () => {
  await browser?.close();
});

describe('offline: nothing leaves the app’s origin', () => {
  for (const [name, query] of [
    ['main view', ''],
    ['story mode', '?story=1'],
    ['embedded view', '?embed=1'],
  ] as const) {
    it(`the ${name} loads, draws its map and works with no outside request`, async () => {
      const page = await context.newPage();
      const foreign = watchForeignRequests(page, origin);
      const errors = watchErrors(page);
      await openAtlas(page, baseUrl, query, { mapIdle: true });
      // Use it a little: move the playhead by keyboard and let it settle.
      const slider = page.getByRole('slider').first();
      if (await slider.count()) {
        await slider.focus();
        await page.keyboard.press('ArrowRight');
        await page.keyboard.press('ArrowRight');
      }
      await page.waitForLoadState('networkidle');
      await shot(page, `offline-${name.replace(/\s+/g, '-')}`);
      expect(foreign).toEqual([]);
      expect(errors.filter((e) => /ERR_INTERNET_DISCONNECTED|Failed to fetch/i.test(e))).toEqual([]);
      // The map really drew its offline basemap (a canvas with a size), not an error message.
      const canvas = await page.locator('canvas.maplibregl-canvas').boundingBox();
      expect(canvas?.width ?? 0).toBeGreaterThan(100);
      await page.close();
    });
  }
});
