/**
 * The atlas in a browser without WebGL (Chromium's --disable-3d-apis: locked-down office machines,
 * some virtual desktops): the map is drawn in 2D instead of only saying why it cannot start. A person
 * sees the countries in their SCO colours and the cities, clicks a city and reads its statements,
 * drags the window and watches the discs change, pans and zooms, and exports a PNG with the map in it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, SCREENSHOTS, shot, watchForeignRequests } from './browser';

const baseUrl = inject('baseUrl');
let browser: Browser;
let page: Page;
let foreign: string[];
const errors: string[] = [];
const requested: string[] = [];

/** RGBA at points of a PNG, decoded by the page itself (no image library needed). */
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
/** A disc's red (#c0392b at 72 % over land or sea), clearly not a country or the sea. */
const isDiscRed = ([r, g, b]: number[]) => r! > 150 && r! - g! > 60 && r! - b! > 50;
/** The SCO member fill (#9cc3d5), give or take antialiasing. */
const isMemberBlue = ([r, g, b]: number[]) => Math.abs(r! - 0x9c) < 12 && Math.abs(g! - 0xc3) < 12 && Math.abs(b! - 0xd5) < 12;
const point = (id: string) => page.evaluate((id) => window.__atlas!.placePoint!(id), id);
/** A point inside Kazakhstan's steppe (no city there), from Moscow's and Astana's screen positions. */
async function steppe(): Promise<{ x: number; y: number }> {
  const [m, a] = [(await point('moscow-ru'))!, (await point('astana-kz'))!];
  return { x: a.x - (a.x - m.x) * 0.35, y: a.y + 25 };
}

beforeAll(async () => {
  browser = await launch(['--disable-3d-apis']);
  page = await browser.newPage({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  page.on('pageerror', (e) => errors.push(e.message));
  foreign = watchForeignRequests(page, new URL(baseUrl).origin);
  page.on('request', (r) => requested.push(r.url()));
  await page.goto(baseUrl);
  await page.waitForFunction(() => !!window.__atlas);
  await page.evaluate(() => window.__atlas!.ready);
  await page.evaluate(() => window.__atlas!.mapIdle());
});
afterAll(async () => {
  expect(foreign).toEqual([]);
  expect(errors).toEqual([]);
  await browser?.close();
});

describe('the map without WebGL', () => {
  it('draws countries in their SCO colours and the cities, and says in one quiet line what it lacks', async () => {
    expect(await page.evaluate(() => document.createElement('canvas').getContext('webgl2'))).toBeNull();
    await expect(page.getByTestId('map-error').count()).resolves.toBe(0);
    await expect(page.getByTestId('map2d-note').textContent()).resolves.toMatch(/no WebGL/i);
    await expect(page.getByText('Country shapes: Natural Earth (world-atlas)').count()).resolves.toBe(1);
    const png = await shot(page, 'no-webgl-map');
    const [moscow, astana] = await pixels(page, readFileSync(png), [(await point('moscow-ru'))!, (await point('astana-kz'))!]);
    expect(isDiscRed(moscow!)).toBe(true);
    expect(isDiscRed(astana!)).toBe(true);
    // The country's fill, read from the map's shapes under the names and discs (a name keeps clear of the
    // discs and may move onto any given point of the steppe).
    const at = await steppe();
    const kz = await page.evaluate(({ x, y }) => {
      const c = document.querySelector<HTMLCanvasElement>('.atlas-map2d-base')!;
      const r = c.getBoundingClientRect();
      const s = c.width / r.width;
      return [...c.getContext('2d')!.getImageData(Math.round((x - r.left) * s), Math.round((y - r.top) * s), 1, 1).data];
    }, at);
    expect(isMemberBlue(kz), `Kazakhstan's colour ${kz}`).toBe(true);
    // MapLibre's code (its chunk holds map/adapter.ts) and its worker are never fetched without WebGL.
    expect(requested.filter((u) => /\/assets\/(adapter|maplibre)[^/]*$/.test(u))).toEqual([]);
  });

  it('opens a city on click and reads its statements', async () => {
    const m = (await point('moscow-ru'))!;
    await page.mouse.click(m.x, m.y);
    const panel = page.getByTestId('statement-panel');
    await panel.getByRole('heading', { level: 2, name: 'Moscow' }).waitFor();
    expect(((await panel.textContent()) ?? '').length).toBeGreaterThan(200);
    await page.keyboard.press('Escape');
    await expect(panel.count()).resolves.toBe(0);
  });

  it('changes the discs when the window is dragged on the timeline', async () => {
    const map = (await page.getByTestId('map').boundingBox())!;
    const before = await page.screenshot({ clip: map });
    const box = (await page.locator('.timeline .plot').boundingBox())!;
    const y = box.y + 60;
    await page.mouse.move(box.x + box.width * 0.1, y);
    await page.mouse.down();
    for (let k = 1; k <= 8; k++) await page.mouse.move(box.x + box.width * (0.1 + 0.03 * k), y);
    await page.mouse.up();
    await page.evaluate(() => window.__atlas!.mapIdle());
    const after = await page.screenshot({ clip: map });
    writeFileSync(join(SCREENSHOTS, 'no-webgl-scrubbed.png'), after);
    expect(before.equals(after)).toBe(false);
    // Some city has no event in the narrow window: its disc is now a faint dot, not full red.
    const ids = await page.evaluate(() => window.__atlas!.data!.places.map((p) => p.properties.id));
    const pts = await Promise.all(ids.map((id) => point(id)));
    const px = await pixels(
      page,
      after,
      pts.map((p) => ({ x: p!.x - map.x, y: p!.y - map.y })),
    );
    expect(px.filter(isDiscRed).length).toBeLessThan(px.length);
  });

  it('pans with a drag and zooms with the wheel and the buttons, the discs staying on their cities', async () => {
    await page.goto(baseUrl);
    await page.evaluate(() => window.__atlas!.mapIdle());
    const map = (await page.getByTestId('map').boundingBox())!;
    const before = (await point('moscow-ru'))!;
    await page.mouse.move(map.x + map.width * 0.5, map.y + map.height * 0.6);
    await page.mouse.down();
    for (let k = 1; k <= 10; k++) await page.mouse.move(map.x + map.width * 0.5 - 16 * k, map.y + map.height * 0.6 + 5 * k);
    await page.mouse.up();
    const panned = (await point('moscow-ru'))!;
    expect(panned.x - before.x).toBeCloseTo(-160, 0);
    expect(panned.y - before.y).toBeCloseTo(50, 0);
    await expect.poll(() => page.evaluate(() => window.__atlas!.state.map)).not.toBeNull();
    const z0 = (await page.evaluate(() => window.__atlas!.state.map!.zoom))!;
    const a = (await point('astana-kz'))!;
    await page.mouse.move(a.x, a.y);
    await page.mouse.wheel(0, -450);
    await expect.poll(() => page.evaluate(() => window.__atlas!.state.map!.zoom)).toBeGreaterThan(z0 + 0.5);
    const a2 = (await point('astana-kz'))!;
    expect(Math.hypot(a2.x - a.x, a2.y - a.y)).toBeLessThan(2); // zoomed around the pointer
    await page.getByRole('button', { name: 'Zoom out' }).click();
    await page.evaluate(() => window.__atlas!.mapIdle());
    const [d] = await pixels(page, await page.screenshot(), [(await point('astana-kz'))!]);
    expect(isDiscRed(d!)).toBe(true);
    await shot(page, 'no-webgl-moved');
  });

  it('exports a PNG with the map in it', async () => {
    await page.goto(`${baseUrl}?from=2020-01-01&to=2024-12-31&map=75,45,2.6`);
    await page.evaluate(() => window.__atlas!.mapIdle());
    const mapBox = (await page.getByTestId('map').boundingBox())!;
    const tlBox = (await page.locator('.timeline .plot').boundingBox())!;
    const pts = [(await point('moscow-ru'))!, (await point('astana-kz'))!, await steppe()];
    await page.getByRole('button', { name: 'Share / Embed' }).click();
    const [png] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /PNG/ }).click()]);
    const bytes = readFileSync((await png.path())!);
    writeFileSync(join(SCREENSHOTS, 'no-webgl-export.png'), bytes);
    // The map fills the picture's width, at twice the CSS pixels (src/app/present/snapshot.ts).
    const k = (Math.round(Math.max(mapBox.width, tlBox.width)) / mapBox.width) * 2;
    const got = await pixels(
      page,
      bytes,
      pts.map((p) => ({ x: (p.x - mapBox.x) * k, y: (p.y - mapBox.y) * k })),
    );
    expect(isDiscRed(got[0]!)).toBe(true);
    expect(isDiscRed(got[1]!)).toBe(true);
    expect(isMemberBlue(got[2]!)).toBe(true);
  });
});
