/**
 * The atlas embedded in a slide at 960×540 and 640×360 (issue 13), as a presenter would see it:
 * "Open full view ↗" never covers the zoom buttons, the legend is not under the attribution (or is a
 * button that opens it), "Summits in order" is never cut, eastern China is in the opening view, and a
 * story step on Moscow keeps Russia in the frame and says the meeting was a videoconference. In the small
 * frame the map keeps off the timeline's window bar, and a story's step, title and buttons stay in view.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, shot } from './browser';

const baseUrl = inject('baseUrl');
let browser: Browser;

type Box = { x: number; y: number; width: number; height: number };
type AtlasWindow = Window & {
  __atlas?: { ready: Promise<void>; mapIdle(): Promise<void>; placePoint(id: string): { x: number; y: number } | null };
};

const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const inside = (p: { x: number; y: number }, b: Box, margin = 4) =>
  p.x >= b.x + margin && p.x <= b.x + b.width - margin && p.y >= b.y + margin && p.y <= b.y + b.height - margin;

async function open(width: number, height: number, query: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height } });
  await page.goto(`${baseUrl}?${query}`);
  await page.waitForFunction(() => !!(window as AtlasWindow).__atlas, null, { timeout: 30_000 });
  await page.evaluate(() => (window as AtlasWindow).__atlas!.ready);
  await page.evaluate(() => (window as AtlasWindow).__atlas!.mapIdle());
  // The chrome settles on the frame after the map's size does (ResizeObserver, one animation frame).
  await page.waitForTimeout(300);
  return page;
}

const box = async (page: Page, selector: string): Promise<Box | null> => page.locator(selector).first().boundingBox();

/** True when a click at the middle of the element would reach it (nothing drawn over it, inside the frame). */
const reachable = (page: Page, selector: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((el) => {
      const r = el.getBoundingClientRect();
      const x = r.left + r.width / 2;
      const y = r.top + r.height / 2;
      if (r.width === 0 || y < 0 || y > innerHeight || x < 0 || x > innerWidth) return false;
      const top = document.elementFromPoint(x, y);
      return !!top && (el === top || el.contains(top));
    });

/** The legend is shown and clear of the attribution, or collapsed to its button; "Summits in order" whole either way. */
async function checkLegend(page: Page): Promise<'shown' | 'collapsed'> {
  const attribution = await box(page, '.maplibregl-ctrl-attrib');
  const button = page.getByTestId('legend-button');
  const collapsed = await button.isVisible();
  if (collapsed) {
    if (attribution) expect(overlaps((await button.boundingBox())!, attribution)).toBe(false);
    await button.click();
  }
  const legend = (await box(page, '[data-testid=legend] .legend:not(.measure)'))!;
  expect(legend.width).toBeGreaterThan(0);
  if (attribution && !collapsed) expect(overlaps(legend, attribution)).toBe(false);
  const map = (await box(page, '[data-testid=map]'))!;
  expect(legend.x + legend.width).toBeLessThanOrEqual(map.x + map.width);
  const summits = page.locator('[data-testid=legend] .legend:not(.measure) [data-testid=summits-legend]');
  const fit = await summits.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth, text: el.textContent }));
  expect(fit.text).toBe('Summits in order');
  expect(fit.scroll).toBeLessThanOrEqual(fit.client);
  return collapsed ? 'collapsed' : 'shown';
}

beforeAll(async () => (browser = await launch()));
afterAll(async () => browser?.close());

describe('the embed at slide sizes', () => {
  for (const [w, h] of [
    [960, 540],
    [640, 360],
  ] as const) {
    it(`${w}×${h}: the link keeps off the zoom buttons, the legend off the attribution, and eastern China is in view`, async () => {
      const page = await open(w, h, 'embed=1');
      const link = (await page.getByRole('link', { name: /open full view/i }).boundingBox())!;
      for (const name of ['Zoom in', 'Zoom out']) {
        const b = await page.getByRole('button', { name, exact: true }).first().boundingBox();
        expect(b).not.toBeNull();
        expect(overlaps(link, b!)).toBe(false);
      }
      const map = (await box(page, '[data-testid=map]'))!;
      expect(overlaps(link, map)).toBe(true); // over the map, not somewhere else on the page
      // The map keeps to its own area: at 640×360 it used to run over the timeline's window bar and zoom buttons.
      for (const selector of ['[data-testid=window-text]', '.timeline button[aria-label="Zoom timeline in"]']) {
        expect(await reachable(page, selector), selector).toBe(true);
      }
      await checkLegend(page);
      for (const id of ['beijing-cn', 'qingdao-cn', 'shanghai-cn']) {
        const p = await page.evaluate((id) => (window as AtlasWindow).__atlas!.placePoint(id), id);
        expect(p, id).not.toBeNull();
        expect(inside(p!, map), `${id} at ${JSON.stringify(p)} in ${JSON.stringify(map)}`).toBe(true);
      }
      await shot(page, `embed-chrome-${w}x${h}`);
      await page.close();
    });
  }

  it('960×540 story on Moscow 2020: Russia in the frame (Astana too), "held by videoconference", the legend whole', async () => {
    const page = await open(960, 540, 'embed=1&story=1&step=6');
    await expect(page.getByTestId('story-count').textContent()).resolves.toContain('6');
    await expect(page.getByTestId('story-format').textContent()).resolves.toBe('held by videoconference');
    // Give the flight its time, then both cities must be on the map (zoomed into Moscow, Astana was far outside).
    await page.waitForTimeout(1200);
    await page.evaluate(() => (window as AtlasWindow).__atlas!.mapIdle());
    const map = (await box(page, '[data-testid=map]'))!;
    for (const id of ['moscow-ru', 'astana-kz']) {
      const p = await page.evaluate((id) => (window as AtlasWindow).__atlas!.placePoint(id), id);
      expect(inside(p!, map), `${id} at ${JSON.stringify(p)}`).toBe(true);
    }
    await checkLegend(page);
    await shot(page, 'embed-chrome-story-960x540');
    await page.close();
  });

  it('640×360 story: the step, its title and the Next button are in the frame, not under the map', async () => {
    const page = await open(640, 360, 'embed=1&story=1&step=2');
    for (const selector of [
      '[data-testid=story-count]',
      '[data-testid=story] .title',
      '[data-testid=story] button[aria-label="Next step"]',
    ]) {
      expect(await reachable(page, selector), selector).toBe(true);
    }
    await page.getByRole('button', { name: 'Next step' }).click();
    await expect.poll(() => page.getByTestId('story-count').textContent()).toContain('3');
    await shot(page, 'embed-chrome-story-640x360');
    await page.close();
  });
});
