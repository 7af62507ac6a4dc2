/**
 * The first screen as a person sees it: the map drawn with the data's cities (the 2D map's mark
 * `map2d:first-screen`, or the MapLibre map's first idle where there is no 2D map) and the timeline's
 * marks on screen. A probe in the page (before the app) checks both in every animation frame and marks
 * `bench:first-screen` in the first frame that has both; frames come every ~16 ms, which bounds the
 * error. Also: the same figure in a browser without WebGL (Chromium's --disable-3d-apis), where the 2D
 * map is the whole map, measured page by page alternately with the WebGL runs.
 */
import type { Browser } from 'playwright-core';
import { settleBrowser } from './settle.ts';

/** Plain JavaScript for addInitScript (see instrument.ts on why not a function). */
export const FIRST_SCREEN_PROBE = `(() => {
  const has = (name) => performance.getEntriesByName(name).length > 0;
  const check = () => {
    const map = has('map2d:first-screen') || has('map:first-idle');
    const plot = document.querySelector('.timeline .plot canvas');
    if (map && plot && plot.width > 0) {
      performance.mark('bench:first-screen');
      return;
    }
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})();`;

/** Waits for the probe's mark and returns its time (ms since navigation), or null after `ms`. */
export const firstScreenMark = `new Promise((resolve) => {
  const t0 = Date.now();
  const poll = () => {
    const m = performance.getEntriesByName('bench:first-screen')[0];
    if (m) resolve(m.startTime);
    else if (Date.now() - t0 > ${120_000}) resolve(null);
    else setTimeout(poll, 20);
  };
  poll();
})`;

/** One page load in a browser without WebGL: navigation → first screen (ms), and the page's errors. */
export async function firstScreenWithoutWebgl(browser: Browser, url: string): Promise<{ ms: number | null; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`no WebGL: pageerror: ${e.message}`));
  try {
    await page.addInitScript(FIRST_SCREEN_PROBE);
    await settleBrowser(browser);
    await page.goto(url, { waitUntil: 'commit', timeout: 120_000 });
    const ms = (await page.evaluate(firstScreenMark)) as number | null;
    if (ms === null) errors.push('no WebGL: no first screen within 120 s');
    // The 2D map says what it lacks once it knows it is the whole map (a WebGL2 probe, map/canvas2d/hybrid.ts).
    await page.evaluate(() => window.__atlas?.mapIdle());
    const note = await page.evaluate(() => document.querySelector('[data-testid="map2d-note"]')?.textContent ?? '');
    if (!/webgl/i.test(note)) errors.push('no WebGL: the 2D map does not say what it lacks');
    return { ms, errors };
  } finally {
    await context.close();
  }
}
