/**
 * Presenting with SCO Atlas, as a speaker preparing a talk would: embed a view, share it, take a PNG
 * and the data away, step through the story with a clicker, and let a host deck drive it — while a
 * foreign page that frames the atlas cannot.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import { distinctColours, launch, SCREENSHOTS, shot } from './browser';

const baseUrl = inject('baseUrl');
const origin = new URL(baseUrl).origin;
let browser: Browser;
let context: BrowserContext;

type AtlasWindow = Window & {
  __atlas?: { ready: Promise<void>; mapIdle(): Promise<void>; state: { place: string | null; event: string | null } };
};

async function open(page: Page | Frame, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForFunction(() => !!(window as AtlasWindow).__atlas, null, { timeout: 30_000 });
  await page.evaluate(() => (window as AtlasWindow).__atlas!.ready);
  await page.evaluate(() => (window as AtlasWindow).__atlas!.mapIdle());
}

async function storyCount(page: Page | Frame): Promise<string> {
  return (await page.getByTestId('story-count').textContent()) ?? '';
}

beforeAll(async () => {
  browser = await launch();
  context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
});
afterAll(async () => {
  await browser?.close();
});

describe('embedding a view', () => {
  it('embed=1 drops the chrome, fills the frame, links to the full view, and does not trap scrolling', async () => {
    const page = await context.newPage();
    await open(page, `${baseUrl}?embed=1&from=2020-01-01&to=2024-12-31`);
    await expect(page.getByRole('heading', { name: 'SCO Atlas', level: 1 }).isVisible()).resolves.toBe(false);
    const link = page.getByRole('link', { name: /open full view/i });
    const href = (await link.getAttribute('href')) ?? '';
    const full = new URL(href);
    expect(full.searchParams.get('from')).toBe('2020-01-01');
    expect(full.searchParams.has('embed')).toBe(false);
    const map = await page.locator('.maplibregl-map').boundingBox();
    expect(map!.width).toBeGreaterThan(800);
    // A wheel over the map scrolls the page instead of zooming: MapLibre shows its hint.
    await page.mouse.move(map!.x + map!.width / 2, map!.y + map!.height / 2);
    await page.mouse.wheel(0, 300);
    await expect(page.locator('.maplibregl-cooperative-gesture-screen.maplibregl-show').count()).resolves.toBe(1);
    await shot(page, 'present-embed');
    await page.close();
  });

  it('the Share dialog links to this exact view and writes an iframe snippet for each size preset', async () => {
    const page = await context.newPage();
    await open(page, `${baseUrl}?from=2020-01-01&to=2024-12-31&place=moscow-ru`);
    await page.getByRole('button', { name: 'Share / Embed' }).click();
    const dialog = page.getByRole('dialog', { name: /share or embed/i });
    await expect(dialog.isVisible()).resolves.toBe(true);
    const link = new URL(await page.getByTestId('share-link').inputValue());
    expect(link.searchParams.get('from')).toBe('2020-01-01');
    expect(link.searchParams.get('place')).toBe('moscow-ru');

    const snippet = () => page.getByTestId('embed-snippet').inputValue();
    expect(await snippet()).toMatch(/^<iframe src="[^"]*embed=1[^"]*" width="960" height="540"/);
    await dialog.getByLabel(/4:3/).check();
    expect(await snippet()).toContain('width="800" height="600"');
    await dialog.getByLabel('Custom').check();
    await dialog.getByLabel('Width').fill('1000');
    await dialog.getByLabel('Height').fill('500');
    expect(await snippet()).toContain('width="1000" height="500"');
    // The snippet really shows the view: load its src and see Moscow selected, without chrome.
    const src = /src="([^"]+)"/.exec(await snippet())![1]!.replace(/&amp;/g, '&');
    await shot(page, 'present-share-dialog');
    const framed = await context.newPage();
    await open(framed, src);
    expect(await framed.evaluate(() => (window as AtlasWindow).__atlas!.state.place)).toBe('moscow-ru');
    await expect(framed.getByRole('link', { name: /open full view/i }).isVisible()).resolves.toBe(true);
    await framed.close();
    await page.close();
  });

  it('downloads the view as a 2x PNG with map, timeline and caption, and its events as GeoJSON and CSV', async () => {
    const page = await context.newPage();
    await open(page, `${baseUrl}?from=2020-01-01&to=2024-12-31`);
    const mapBox = (await page.locator('.maplibregl-map').boundingBox())!;
    const tlBox = (await page.locator('.timeline .plot').boundingBox())!;
    await page.getByRole('button', { name: 'Share / Embed' }).click();
    const countText = (await page.getByText(/events? in this view/).textContent()) ?? '';
    const inView = Number(/(\d+) events? in this view/.exec(countText)?.[1]);
    expect(inView).toBeGreaterThan(0);

    const [png] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /PNG/ }).click()]);
    expect(png.suggestedFilename()).toBe('sco-atlas_2020-01-01_2024-12-31.png');
    const bytes = readFileSync((await png.path())!);
    expect(bytes.subarray(1, 4).toString()).toBe('PNG');
    const width = bytes.readUInt32BE(16);
    const height = bytes.readUInt32BE(20);
    expect(width).toBe(Math.round(Math.max(mapBox.width, tlBox.width)) * 2);
    // Map and timeline stacked, plus at least one caption line, all at twice the CSS size.
    expect(height).toBeGreaterThan(
      Math.round(mapBox.height + (tlBox.height * Math.round(Math.max(mapBox.width, tlBox.width))) / tlBox.width) * 2,
    );
    // Not blank: the map part has the basemap's colours, not one flat fill.
    const colours = await distinctColours(page, bytes, 97, 0.6);
    expect(colours).toBeGreaterThan(8);
    // Keep the exported file itself with the screenshots, to look at.
    mkdirSync(SCREENSHOTS, { recursive: true });
    writeFileSync(join(SCREENSHOTS, 'present-png-export.png'), bytes);

    const [geo] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'GeoJSON' }).click()]);
    const fc = JSON.parse(readFileSync((await geo.path())!, 'utf8'));
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features).toHaveLength(inView);
    for (const f of fc.features) expect(f.properties.start >= '2020' && f.properties.start <= '2024-12-31').toBe(true);

    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'CSV' }).click()]);
    const text = readFileSync((await csv.path())!, 'utf8');
    expect(text.split('\r\n').filter(Boolean)).toHaveLength(inView + 1);
    expect(text).toContain('statement');
    await page.close();
  });
});

describe('story mode', () => {
  it('clicker keys step through the events: the map flies to the city and the statement is shown large', async () => {
    const page = await context.newPage();
    await open(page, `${baseUrl}?story=1`);
    const first = await storyCount(page);
    const total = Number(/of (\d+)/.exec(first)?.[1]);
    expect(first).toBe(`Step 1 of ${total}`);
    expect(total).toBeGreaterThan(2);
    const event1 = await page.evaluate(() => (window as AtlasWindow).__atlas!.state.event);
    expect(event1).toBeTruthy();

    await page.keyboard.press('PageDown');
    expect(await storyCount(page)).toBe(`Step 2 of ${total}`);
    await page.keyboard.press('ArrowRight');
    expect(await storyCount(page)).toBe(`Step 3 of ${total}`);
    expect(new URL(page.url()).searchParams.get('step')).toBe('3');
    const event3 = await page.evaluate(() => (window as AtlasWindow).__atlas!.state.event);
    expect(event3).not.toBe(event1);
    await page.keyboard.press('PageUp');
    expect(await storyCount(page)).toBe(`Step 2 of ${total}`);
    await page.keyboard.press('End');
    expect(await storyCount(page)).toBe(`Step ${total} of ${total}`);
    await page.keyboard.press('Home');
    expect(await storyCount(page)).toBe(`Step 1 of ${total}`);

    // Big enough to read from the back of the room.
    const size = await page.getByTestId('story-statement').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(size).toBeGreaterThanOrEqual(20);
    await page.keyboard.press('End');
    await page.evaluate(() => (window as AtlasWindow).__atlas!.mapIdle());
    await shot(page, 'present-story');
    // The fullscreen button fills the screen with the atlas.
    await page.getByRole('button', { name: 'Full screen' }).click();
    await page.waitForFunction(() => document.fullscreenElement?.classList.contains('atlas'));
    await page.getByRole('button', { name: 'Exit full screen' }).click();
    await page.waitForFunction(() => document.fullscreenElement === null);
    // A reload shows the same step.
    await open(page, page.url());
    expect(await storyCount(page)).toBe(`Step ${total} of ${total}`);
    // Leaving story mode takes it out of the link too.
    await page.getByRole('button', { name: 'Exit story' }).click();
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('step'));
    await expect(page.getByTestId('story').count()).resolves.toBe(0);
    await page.close();
  });

  it('autoplay advances by itself for a kiosk', async () => {
    const page = await context.newPage();
    await page.goto(`${baseUrl}?story=1&autoplay=2`);
    await page.getByTestId('story-count').waitFor();
    const first = await storyCount(page);
    // Whatever step is showing now (a slow machine may already be past step 1), the next one comes by itself.
    await page.waitForFunction(
      (t) => {
        const now = document.querySelector('[data-testid="story-count"]')?.textContent ?? '';
        return now !== t && /^Step \d+ of/.test(now);
      },
      first,
      { timeout: 8000 },
    );
    await expect(page.getByRole('button', { name: 'Pause story' }).count()).resolves.toBe(1);
    await page.getByRole('button', { name: 'Pause story' }).click();
    const paused = await storyCount(page);
    await page.waitForTimeout(2600);
    expect(await storyCount(page)).toBe(paused);
    await page.close();
  });
});

describe('the postMessage API', () => {
  // A page on another origin that frames the atlas, as a stranger's site could: a real server on
  // 127.0.0.2 (a fulfilled route would count as a public site, which Chrome stops from framing loopback).
  let server: Server;
  let host = '';
  beforeAll(async () => {
    server = createServer((_req, res) => {
      const q = new URL(_req.url ?? '/', 'http://x').searchParams.get('frame') ?? '';
      res.setHeader('content-type', 'text/html');
      res.end(
        `<!doctype html><title>host</title><iframe id="atlas" style="width:1000px;height:600px" src="${baseUrl}${q.replace(/"/g, '')}"></iframe>`,
      );
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.2', r));
    host = `http://127.0.0.2:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  async function hostPage(frameQuery: string): Promise<{ page: Page; frame: Frame; heard: () => Promise<unknown[]> }> {
    const page = await context.newPage();
    await page.goto(`${host}/deck.html?frame=${encodeURIComponent(frameQuery)}`);
    await page.evaluate(() => {
      (window as unknown as { heard: unknown[] }).heard = [];
      addEventListener('message', (e) => (window as unknown as { heard: unknown[] }).heard.push(e.data));
    });
    const frame = page.frames().find((f) => f.url().startsWith(origin))!;
    await frame.waitForFunction(() => !!(window as AtlasWindow).__atlas);
    await frame.evaluate(() => (window as AtlasWindow).__atlas!.ready);
    await frame.getByTestId('story-count').waitFor();
    return { page, frame, heard: () => page.evaluate(() => (window as unknown as { heard: unknown[] }).heard) };
  }
  const post = (page: Page, msg: unknown) =>
    page.evaluate((m) => (document.getElementById('atlas') as HTMLIFrameElement).contentWindow!.postMessage(m, '*'), msg);

  it('a foreign origin changes nothing and hears nothing back', async () => {
    const { page, frame, heard } = await hostPage('?embed=1&story=1&step=1');
    const before = await frame.evaluate(() => (window as AtlasWindow).__atlas!.state.event);
    await post(page, { type: 'sco-atlas:goto', step: 3 });
    await post(page, { type: 'sco-atlas:next' });
    await post(page, { type: 'sco-atlas:get' });
    await page.waitForTimeout(700);
    expect(await storyCount(frame)).toMatch(/^Step 1 of/);
    expect(await frame.evaluate(() => (window as AtlasWindow).__atlas!.state.event)).toBe(before);
    expect((await heard()).filter((m) => (m as { type?: string }).type === 'sco-atlas:step')).toEqual([]);
    await page.close();
  });

  it('an origin allowed by configuration drives the story and hears which step is showing', async () => {
    const { page, frame, heard } = await hostPage(`?embed=1&story=1&step=1&origins=${encodeURIComponent(host)}`);
    await post(page, { type: 'sco-atlas:goto', step: 3 });
    await frame.waitForFunction(() => /^Step 3 of/.test(document.querySelector('[data-testid="story-count"]')?.textContent ?? ''));
    await post(page, { type: 'sco-atlas:prev' });
    await frame.waitForFunction(() => /^Step 2 of/.test(document.querySelector('[data-testid="story-count"]')?.textContent ?? ''));
    await page.waitForFunction(() => (window as unknown as { heard: { step?: number }[] }).heard.some((m) => m.step === 2));
    const replies = (await heard()) as { type: string; step: number; total: number; eventId: string }[];
    const last = replies.filter((m) => m.type === 'sco-atlas:step').at(-1)!;
    expect(last.step).toBe(2);
    expect(last.total).toBeGreaterThan(2);
    expect(last.eventId).toBe(await frame.evaluate(() => (window as AtlasWindow).__atlas!.state.event));
    // Malformed messages are ignored, not obeyed.
    await post(page, { type: 'sco-atlas:goto', step: '5' });
    await page.waitForTimeout(300);
    expect(await storyCount(frame)).toMatch(/^Step 2 of/);
    await page.close();
  });
});
