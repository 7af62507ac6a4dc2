/**
 * The single offline file, as someone carries it to a venue on a USB stick: built with
 * `npm run build:single`'s mode, opened from file:// with every network request blocked.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { distinctColours, launch, offlineContext, shot } from './browser';
import { cspViolations, watchCsp, watchErrors } from './quality';

const outDir = mkdtempSync(join(tmpdir(), 'sco-atlas-single-'));
let browser: Browser;
let file = '';

beforeAll(async () => {
  // global-setup has run the pipeline, so public/data holds the bundled corpus to inline.
  await build({ mode: 'single', logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  file = join(outDir, 'sco-atlas.html');
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  rmSync(outDir, { recursive: true, force: true });
});

type AtlasWindow = Window & { __atlas?: { ready: Promise<void>; mapIdle(): Promise<void>; state: { place: string | null } } };

describe('the single offline HTML file', () => {
  it('is one file that renders the map, timeline and statements from file:// with the network blocked', async () => {
    expect(statSync(file).size).toBeGreaterThan(100_000);
    const { context, blocked } = await offlineContext(browser);
    const page = await context.newPage();
    await watchCsp(page);
    const errors = watchErrors(page);
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));

    await page.goto(pathToFileURL(file).href);
    await page.waitForFunction(() => !!(window as AtlasWindow).__atlas, null, { timeout: 30_000 });
    await page.evaluate(() => (window as AtlasWindow).__atlas!.ready);
    await page.evaluate(() => (window as AtlasWindow).__atlas!.mapIdle());

    // The map drew (MapLibre's worker started from inlined code) and the data came from inside the file.
    const canvas = await page.locator('canvas.maplibregl-canvas').boundingBox();
    expect(canvas!.width).toBeGreaterThan(400);
    await expect(page.getByTestId('summary').textContent()).resolves.toMatch(/\d+ events/);
    await expect(page.locator('.timeline canvas').count()).resolves.toBeGreaterThan(0);
    // The map is really drawn: what the screen shows there is not one flat colour.
    const pixels = await page.screenshot({ clip: canvas! });
    const colours = await distinctColours(page, pixels, 101);
    await shot(page, 'present-single-file');

    expect(blocked).toEqual([]);
    expect(requests.filter((u) => !/^(file|data|blob):/.test(u))).toEqual([]);
    expect(await cspViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    expect(colours).toBeGreaterThan(3);

    // Reading in context works offline too: the document texts are inside the file.
    await page.goto(`${pathToFileURL(file).href}?story=1&step=2`);
    await page.waitForFunction(() => !!(window as AtlasWindow).__atlas);
    await page.evaluate(() => (window as AtlasWindow).__atlas!.ready);
    await expect(page.getByTestId('story-count').textContent()).resolves.toMatch(/^Step 2 of/);
    await context.close();
  });
});
