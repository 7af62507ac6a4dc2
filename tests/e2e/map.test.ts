/**
 * The map's city discs as a person sees them: they grow and shrink live while the brush is dragged,
 * without the WebGL map being repainted (the discs are on their own 2D canvas, see
 * src/app/map/discs.ts); they stay on their cities when the map is panned and zoomed, so a click
 * still opens the city under the pointer; and the PNG export shows them.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, SCREENSHOTS, shot, watchForeignRequests } from './browser';

const baseUrl = inject('baseUrl');
const origin = new URL(baseUrl).origin;
let browser: Browser;
let page: Page;
let foreign: string[];

/** Counts repaints of the MapLibre canvas: MapLibre clears its WebGL canvas once per frame it draws. */
const COUNT_GL_CLEARS = `(() => {
  window.__glClears = 0;
  const proto = WebGL2RenderingContext.prototype;
  const clear = proto.clear;
  proto.clear = function (mask) {
    if (this.canvas && this.canvas.classList && this.canvas.classList.contains('maplibregl-canvas')) window.__glClears++;
    return clear.call(this, mask);
  };
})();`;

const glClears = (p: Page) => p.evaluate(() => (window as unknown as { __glClears: number }).__glClears);

async function open(p: Page, query = '') {
  await p.goto(baseUrl + query);
  await p.waitForFunction(() => !!window.__atlas);
  await p.evaluate(() => window.__atlas!.ready);
  await p.evaluate(() => window.__atlas!.mapIdle());
}

const frames = (p: Page, n = 2) =>
  p.evaluate(
    (n) =>
      new Promise<void>((r) => {
        let k = 0;
        const f = () => (++k >= n ? r() : requestAnimationFrame(f));
        requestAnimationFrame(f);
      }),
    n,
  );

/** RGBA of pixels of a PNG (decoded by the page itself, so the tests need no image library). */
function pixels(p: Page, png: Buffer, points: Array<{ x: number; y: number }>): Promise<number[][]> {
  return p.evaluate(
    async ({ b64, points }) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const bmp = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const c = document.createElement('canvas');
      c.width = bmp.width;
      c.height = bmp.height;
      const ctx = c.getContext('2d')!;
      ctx.drawImage(bmp, 0, 0);
      return points.map(({ x, y }) => [...ctx.getImageData(Math.round(x), Math.round(y), 1, 1).data]);
    },
    { b64: png.toString('base64'), points },
  );
}

/** The discs' red (#c0392b at 72 % over the basemap, or the darker selected red): clearly red, not land or sea. */
const isDiscRed = ([r, g, b]: number[]) => r! > 150 && r! - g! > 60 && r! - b! > 50;

/** Pixel colours at the centre of each city, from a screenshot of the page. */
async function colourAt(p: Page, ids: string[]): Promise<number[][]> {
  const pts = await p.evaluate((ids) => ids.map((id) => window.__atlas!.placePoint!(id)!), ids);
  return pixels(p, await p.screenshot(), pts);
}

beforeAll(async () => {
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  foreign = watchForeignRequests(page, origin);
  await page.addInitScript(COUNT_GL_CLEARS);
  await open(page);
});
afterAll(async () => {
  expect(foreign).toEqual([]);
  await browser?.close();
});

describe('the city discs on the map', () => {
  it('are a decoration layer: hidden from screen readers, transparent to the pointer', async () => {
    const overlay = page.locator('.maplibregl-map canvas.atlas-discs');
    await expect(overlay.count()).resolves.toBe(1);
    expect(await overlay.getAttribute('aria-hidden')).toBe('true');
    expect(await overlay.evaluate((el) => getComputedStyle(el).pointerEvents)).toBe('none');
    const [moscow, astana] = await colourAt(page, ['moscow-ru', 'astana-kz']);
    expect(isDiscRed(moscow!)).toBe(true);
    expect(isDiscRed(astana!)).toBe(true);
  });

  it('change size while the brush is dragged, and the WebGL map is not repainted for it', async () => {
    const map = (await page.getByTestId('map').boundingBox())!;
    const box = (await page.locator('.timeline .plot').boundingBox())!;
    const y = box.y + 60;
    await page.mouse.move(box.x + box.width * 0.1, y);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.13, y);
    // The first move takes the playhead from mid-2024 back to 2018-2019, and the country colours
    // (SCO membership on the playhead's date, drawn by MapLibre) change once: let that repaint pass.
    await page.waitForTimeout(600);
    await page.evaluate(() => window.__atlas!.mapIdle());
    const clearsBefore = await glClears(page);
    // From here the window's end stays in 2018-2020 (the axis fits the events: an empty stretch is drawn
    // narrow, so these fractions reach early 2020), where no membership changes: nothing MapLibre
    // draws has a reason to change, only the discs.
    const shots: Buffer[] = [];
    for (const f of [0.2, 0.35, 0.5]) {
      for (let k = 1; k <= 4; k++) await page.mouse.move(box.x + box.width * (0.1 + ((f - 0.1) * k) / 4), y);
      await frames(page);
      shots.push(await page.screenshot({ clip: map }));
    }
    const clearsDuring = (await glClears(page)) - clearsBefore;
    await page.mouse.up();
    mkdirSync(SCREENSHOTS, { recursive: true });
    writeFileSync(join(SCREENSHOTS, 'map-drag-a.png'), shots[0]!);
    writeFileSync(join(SCREENSHOTS, 'map-drag-c.png'), shots[2]!);
    // A person sees the discs follow the drag...
    expect(shots[0]!.equals(shots[1]!)).toBe(false);
    expect(shots[1]!.equals(shots[2]!)).toBe(false);
    // ...and the map behind them was never redrawn.
    expect(clearsDuring).toBe(0);
    await page.evaluate(() => window.__atlas!.mapIdle());
  });

  it('stay on their cities when the map is panned: a click after the pan opens the city', async () => {
    await open(page); // all dates again: every labelled city has events, so a full red disc
    const map = (await page.getByTestId('map').boundingBox())!;
    const before = (await page.evaluate(() => window.__atlas!.placePoint!('moscow-ru')))!;
    await page.mouse.move(map.x + map.width * 0.5, map.y + map.height * 0.6);
    await page.mouse.down();
    for (let k = 1; k <= 10; k++) await page.mouse.move(map.x + map.width * 0.5 - 16 * k, map.y + map.height * 0.6 + 5 * k);
    await page.mouse.up();
    await page.evaluate(() => window.__atlas!.mapIdle());
    const after = (await page.evaluate(() => window.__atlas!.placePoint!('moscow-ru')))!;
    expect(Math.hypot(after.x - before.x, after.y - before.y)).toBeGreaterThan(100);
    const [moscow, astana] = await colourAt(page, ['moscow-ru', 'astana-kz']);
    expect(isDiscRed(moscow!)).toBe(true);
    expect(isDiscRed(astana!)).toBe(true);
    await shot(page, 'map-panned');
    await page.mouse.click(after.x, after.y);
    await page.getByTestId('statement-panel').getByRole('heading', { level: 2, name: 'Moscow' }).waitFor();
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('statement-panel').count()).resolves.toBe(0);
  });

  it('stay on their cities when zoomed in and out', async () => {
    const astana = (await page.evaluate(() => window.__atlas!.placePoint!('astana-kz')))!;
    await page.mouse.move(astana.x, astana.y);
    for (let k = 0; k < 6; k++) {
      await page.mouse.wheel(0, -600);
      await page.waitForTimeout(300);
    }
    await page.evaluate(() => window.__atlas!.mapIdle());
    expect((await page.evaluate(() => window.__atlas!.state.map?.zoom)) ?? 0).toBeGreaterThan(4);
    const [a] = await colourAt(page, ['astana-kz']);
    expect(isDiscRed(a!)).toBe(true);
    await shot(page, 'map-zoomed-in');
    const pt = (await page.evaluate(() => window.__atlas!.placePoint!('astana-kz')))!;
    await page.mouse.click(pt.x, pt.y);
    await page.getByTestId('statement-panel').getByRole('heading', { level: 2, name: 'Astana' }).waitFor();
    await page.keyboard.press('Escape');
    // Far out, where the world repeats beside itself.
    await page.mouse.move(pt.x, pt.y);
    for (let k = 0; k < 10; k++) {
      await page.mouse.wheel(0, 800);
      await page.waitForTimeout(200);
    }
    await page.evaluate(() => window.__atlas!.mapIdle());
    await shot(page, 'map-zoomed-out');
    const [m, d] = await colourAt(page, ['moscow-ru', 'new-delhi-in']);
    expect(isDiscRed(m!)).toBe(true);
    expect(isDiscRed(d!)).toBe(true);
  });

  it('are in the PNG export', async () => {
    await open(page, '?from=2020-01-01&to=2024-12-31&map=75,45,2.6');
    const mapBox = (await page.locator('.maplibregl-map').boundingBox())!;
    const tlBox = (await page.locator('.timeline .plot').boundingBox())!;
    const pts = await page.evaluate(() => ['moscow-ru', 'astana-kz'].map((id) => window.__atlas!.placePoint!(id)!));
    await page.getByRole('button', { name: 'Share / Embed' }).click();
    const [png] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /PNG/ }).click()]);
    const bytes = readFileSync((await png.path())!);
    writeFileSync(join(SCREENSHOTS, 'map-png-export.png'), bytes);
    // The map fills the picture's width, at twice the CSS pixels (src/app/present/snapshot.ts).
    const k = (Math.round(Math.max(mapBox.width, tlBox.width)) / mapBox.width) * 2;
    const got = await pixels(
      page,
      bytes,
      pts.map((p) => ({ x: (p.x - mapBox.x) * k, y: (p.y - mapBox.y) * k })),
    );
    for (const px of got) expect(isDiscRed(px)).toBe(true);
  });
});
