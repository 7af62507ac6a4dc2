/**
 * The atlas on a phone (issue 13, 390x844 with touch) and its labels at both sizes: city labels never
 * sit on each other nor leave the map ("Bishkek under Tashkent", "Beiji"); a finger dragged across the
 * timeline makes a window; a tap near Tashkent, Bishkek and Dushanbe asks which city and the one picked
 * opens its statements; the reading panel is a sheet pulled up by its grip; axe finds nothing serious.
 * Touches are sent through the DevTools protocol (Input.dispatchTouchEvent), as a finger sends them.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import { launch, shot } from './browser';
import { openAtlas } from './quality';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

type Box = { text: string; x: number; y: number; width: number; height: number };

/**
 * The city labels a person sees on the map (shown, with a size), the map's box, and what floats over
 * the map (zoom buttons, attribution, legend, badges), in page pixels.
 */
async function labelBoxes(page: Page): Promise<{ labels: Box[]; map: Box; over: Box[] }> {
  return page.evaluate(() => {
    const box = (e: Element, text = '') => {
      const r = e.getBoundingClientRect();
      return { text, x: r.x, y: r.y, width: r.width, height: r.height };
    };
    const map = document.querySelector('[data-testid="map"]')!;
    const labels = [...map.querySelectorAll<HTMLElement>('.atlas-city-label')]
      .filter((e) => e.checkVisibility() && e.getBoundingClientRect().width > 0)
      .map((e) => box(e, e.textContent ?? ''));
    const over = [...map.querySelectorAll('.maplibregl-ctrl'), ...[...map.parentElement!.children].filter((e) => e !== map)]
      .filter((e) => e.checkVisibility() && e.getBoundingClientRect().width > 0)
      .map((e) => box(e, e.className || e.tagName));
    return { labels, map: box(map), over };
  });
}

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** Labels that overlap each other, stick out of the map or hide under its controls, in words (empty when all is well). */
function labelProblems({ labels, map, over }: { labels: Box[]; map: Box; over: Box[] }): string[] {
  const out: string[] = [];
  for (const l of labels)
    if (l.x < map.x - 0.5 || l.y < map.y - 0.5 || l.x + l.width > map.x + map.width + 0.5 || l.y + l.height > map.y + map.height + 0.5)
      out.push(`${l.text} leaves the map`);
  for (const l of labels) for (const o of over) if (overlaps(l, o)) out.push(`${l.text} is under ${o.text}`);
  for (let i = 0; i < labels.length; i++)
    for (let j = i + 1; j < labels.length; j++)
      if (overlaps(labels[i]!, labels[j]!)) out.push(`${labels[i]!.text} overlaps ${labels[j]!.text}`);
  return out;
}

async function phone(): Promise<{ context: BrowserContext; page: Page; cdp: CDPSession }> {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    reducedMotion: 'reduce',
  });
  const page = await context.newPage();
  return { context, page, cdp: await context.newCDPSession(page) };
}

/** A one-finger drag through `points` (page pixels), a few milliseconds apart. */
async function fingerDrag(page: Page, cdp: CDPSession, points: Array<[number, number]>): Promise<void> {
  const at = ([x, y]: [number, number]) => [{ x, y, id: 1, radiusX: 4, radiusY: 4, force: 1 }];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: at(points[0]!) });
  for (const p of points.slice(1)) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: at(p) });
    await page.waitForTimeout(16);
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

async function tap(page: Page, cdp: CDPSession, x: number, y: number): Promise<void> {
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y, id: 2, radiusX: 4, radiusY: 4 }] });
  await page.waitForTimeout(30);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

describe('on a 390x844 touch phone, while the page loads', () => {
  it("the map and the timeline stay put when the documents' buttons join the header", async () => {
    const { context, page } = await phone();
    // The events are held back, so the first screen (drawn from the event index) is measured before them.
    let release = () => {};
    const held = new Promise<void>((r) => (release = r));
    await page.route(/event-layer\.json$/, async (route) => {
      await held;
      await route.continue();
    });
    const tops = () =>
      page.evaluate(() =>
        ['[data-testid="map"]', '[data-testid="window-text"]'].map((q) =>
          Math.round(document.querySelector(q)!.getBoundingClientRect().top),
        ),
      );
    await page.goto(baseUrl);
    await page.waitForFunction(() => performance.getEntriesByName('map2d:first-screen').length > 0);
    const first = await tops();
    release();
    await page.getByTestId('add-documents').waitFor();
    // On this narrow screen the buttons have a row of their own, held for them from the start.
    expect(await tops()).toEqual(first);
    await context.close();
  });
});

describe('on a 390x844 touch phone (one page, steps in order), then at 1280x800', () => {
  let context: BrowserContext;
  let page: Page;
  let cdp: CDPSession;
  beforeAll(async () => {
    ({ context, page, cdp } = await phone());
    await openAtlas(page, baseUrl, '', { mapIdle: true });
  });
  afterAll(async () => {
    await context?.close();
  });

  it('labels fit the phone, nothing is cut sideways, and axe finds nothing serious', async () => {
    const boxes = await labelBoxes(page);
    await shot(page, 'phone-open');
    expect(boxes.labels.length).toBeGreaterThan(2);
    expect(labelProblems(boxes)).toEqual([]);
    // Nothing of the page is cut off sideways (the map and the timeline fit the phone's width).
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const { violations } = await new AxeBuilder({ page }).analyze();
    const serious = violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes[0]?.target}`);
    expect(serious).toEqual([]);
  });

  it('a tap near Tashkent, Bishkek and Dushanbe asks which city; picking one opens its statements in a sheet pulled up by its grip', async () => {
    const pts = await page.evaluate(() => ['tashkent-uz', 'bishkek-kg', 'dushanbe-tj'].map((id) => window.__atlas!.placePoint!(id)));
    expect(pts.every((p) => !!p)).toBe(true);
    // At the opening zoom the three capitals are a few pixels apart: a fingertip between them covers all.
    const cx = pts.reduce((s, p) => s + p!.x, 0) / 3;
    const cy = pts.reduce((s, p) => s + p!.y, 0) / 3;
    await tap(page, cdp, cx, cy);
    const chooser = page.getByTestId('disc-chooser');
    await chooser.waitFor();
    const names = await chooser.locator('button.pick strong').allTextContents();
    expect(names).toEqual(expect.arrayContaining(['Tashkent', 'Bishkek', 'Dushanbe']));
    // Every choice is a comfortable target for a finger (WCAG 2.2: at least 24x24 px).
    for (const b of await chooser.locator('button').all()) {
      const r = (await b.boundingBox())!;
      expect(Math.min(r.width, r.height)).toBeGreaterThanOrEqual(24);
    }
    await shot(page, 'phone-chooser');
    const pick = chooser.locator('button.pick', { hasText: 'Bishkek' });
    const r = (await pick.boundingBox())!;
    await tap(page, cdp, r.x + r.width / 2, r.y + r.height / 2);
    await expect.poll(() => new URL(page.url()).searchParams.get('place')).toBe('bishkek-kg');
    await expect(chooser.count()).resolves.toBe(0);

    // The reading panel is a sheet: choosing a city raised it to half; the grip pulls it up further.
    const sheet = page.locator('aside.side');
    const panel = page.getByTestId('statement-panel');
    await panel.waitFor();
    const before = (await sheet.boundingBox())!;
    expect(before.height).toBeGreaterThan(300);
    const grip = (await page.getByTestId('sheet-grip').boundingBox())!;
    const gx = grip.x + grip.width / 2;
    const gy = grip.y + grip.height / 2;
    await fingerDrag(page, cdp, [
      [gx, gy],
      [gx, gy - 60],
      [gx, gy - 140],
      [gx, gy - 220],
    ]);
    await expect.poll(async () => (await sheet.boundingBox())!.height).toBeGreaterThan(before.height + 100);
    // Readable: a statement of Bishkek lies inside the screen, in the sheet.
    const statement = panel.locator('figure.statement').first();
    const s = (await statement.boundingBox())!;
    expect(s.y).toBeGreaterThanOrEqual(0);
    expect(s.y).toBeLessThan(844);
    expect(await statement.textContent()).toMatch(/Bishkek|14 June 2019/);
    await shot(page, 'phone-sheet');
    // Keyboard users have buttons: two steps down lower it to a peek under the timeline again.
    const less = page.getByRole('button', { name: /show less of the reading panel/i });
    await less.click();
    await less.click();
    await expect.poll(async () => (await sheet.boundingBox())!.height).toBeLessThan(before.height);
  });

  it('a finger dragged across the timeline makes a window (URL from/to)', async () => {
    expect(new URL(page.url()).searchParams.get('from')).toBeNull();
    const plot = (await page.locator('.timeline .plot').boundingBox())!;
    const y = plot.y + plot.height * 0.5;
    await fingerDrag(page, cdp, [
      [plot.x + plot.width * 0.2, y],
      [plot.x + plot.width * 0.3, y + 2],
      [plot.x + plot.width * 0.4, y + 4],
      [plot.x + plot.width * 0.5, y + 3],
    ]);
    await expect.poll(() => new URL(page.url()).searchParams.get('from')).not.toBeNull();
    const url = new URL(page.url());
    expect(url.searchParams.get('to')! > url.searchParams.get('from')!).toBe(true);
    await shot(page, 'phone-touch-window');
  });

  it('two fingers pinching the timeline zoom it, and draw no window', async () => {
    const before = new URL(page.url()).searchParams.toString();
    const ticks = () => page.locator('.timeline .axis .tick text').allTextContents();
    const first = await ticks();
    const plot = (await page.locator('.timeline .plot').boundingBox())!;
    const cx = plot.x + plot.width / 2;
    const y = plot.y + plot.height * 0.5;
    const two = (d: number) => [
      { x: cx - d, y, id: 1, radiusX: 4, radiusY: 4 },
      { x: cx + d, y, id: 2, radiusX: 4, radiusY: 4 },
    ];
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: two(20) });
    for (const d of [40, 60, 80, 100, 120]) {
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: two(d) });
      await page.waitForTimeout(16);
    }
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    // Zoomed in: the axis reads finer dates than before; the window is the one the finger drew earlier.
    await expect.poll(ticks).not.toEqual(first);
    expect(new URL(page.url()).searchParams.toString()).toBe(before);
  });

  it('at 1280x800 too, no two labels overlap and none leaves the map', async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    // The labels are placed again on each draw after the resize: read them once two reads agree.
    let last = '';
    await expect
      .poll(
        async () => {
          const now = JSON.stringify(await labelBoxes(page));
          const settled = now === last && JSON.parse(now).map.width > 700;
          last = now;
          return settled;
        },
        { interval: 300, timeout: 20_000 },
      )
      .toBe(true);
    const boxes = await labelBoxes(page);
    await shot(page, 'phone-labels-1280');
    expect(boxes.labels.map((l) => l.text)).toContain('Moscow');
    expect(labelProblems(boxes)).toEqual([]);
  });
});
