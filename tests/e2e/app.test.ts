/**
 * The app in real Chromium against the built app on the bundled corpus: a person looks at the map,
 * clicks Moscow, brushes the timeline, reloads a link, and uses the keyboard alone.
 */
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { distinctColours, launch, shot, watchForeignRequests } from './browser';

const baseUrl = inject('baseUrl');
const origin = new URL(baseUrl).origin;
let browser: Browser;
let page: Page;
let foreign: string[];
const errors: string[] = [];

async function open(p: Page, query = '') {
  await p.goto(baseUrl + query);
  await p.waitForFunction(() => !!window.__atlas);
  await p.evaluate(() => window.__atlas!.ready);
  await p.evaluate(() => window.__atlas!.mapIdle());
}

/** Distinct colours in a screenshot of an element. */
async function colours(p: Page, selector: string): Promise<number> {
  return distinctColours(p, await p.locator(selector).screenshot());
}

const query = (p: Page) => new URL(p.url()).searchParams;

beforeAll(async () => {
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  foreign = watchForeignRequests(page, origin);
  page.on('pageerror', (e) => errors.push(e.message));
  await open(page);
});

afterAll(async () => {
  await browser?.close();
});

describe('a person opens the atlas', () => {
  it('the map draws countries, membership colours and city markers', async () => {
    await shot(page, 'app-start');
    // A blank or failed WebGL canvas is one flat colour; the basemap, membership fills, markers and
    // labels give many.
    expect(await colours(page, '.maplibregl-canvas')).toBeGreaterThan(20);
    await expect(page.getByTestId('map-error').count()).resolves.toBe(0);
    await expect(page.locator('.atlas-city-label', { hasText: 'Moscow' }).count()).resolves.toBe(1);
  });

  it('clicking Moscow shows statements that mention Moscow, with the Moscow Declaration’s title', async () => {
    const pt = await page.evaluate(() => window.__atlas!.placePoint!('moscow-ru'));
    expect(pt).not.toBeNull();
    await page.mouse.click(pt!.x, pt!.y);
    const panel = page.getByTestId('statement-panel');
    await panel.getByRole('heading', { level: 2, name: 'Moscow' }).waitFor();
    const quotes = await panel.locator('blockquote').allInnerTexts();
    expect(quotes.length).toBeGreaterThan(0);
    expect(quotes.some((q) => q.includes('Moscow'))).toBe(true);
    await expect(panel.locator('mark.place', { hasText: 'Moscow' }).count()).resolves.toBeGreaterThan(0);
    await expect(
      panel
        .getByText('The Moscow Declaration of the Council of Heads of State of the Shanghai Cooperation Organisation')
        .first()
        .isVisible(),
    ).resolves.toBe(true);
    expect(query(page).get('place')).toBe('moscow-ru');
    await shot(page, 'app-moscow');
    // Its last event chosen with no city open (as its mark on the timeline does): its card is brought into the panel's view
    // and stays there while the rows above it are measured (it used to end up below the panel's edge).
    await page.evaluate(() => window.__atlas!.state.select(null));
    await panel.getByRole('heading', { level: 2, name: 'Moscow' }).waitFor({ state: 'detached' });
    const mapTop = async () => (await page.getByTestId('map').boundingBox())!.y;
    const before = await mapTop();
    await page.evaluate(() => window.__atlas!.state.select('moscow-ru', 'chs-2020'));
    const card = panel.locator('li.group[data-event="chs-2020"]');
    await card.waitFor();
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const seen = await card.evaluate((el) => {
      const r = el.getBoundingClientRect();
      const b = el.closest('[data-testid=panel-list]')!.getBoundingClientRect();
      return r.top >= b.top - 1 && r.top < b.bottom - 40;
    });
    expect(seen).toBe(true);
    // The summary naming the long meeting keeps to the title bar's line: nothing below it jumps down.
    expect(await mapTop()).toBe(before);
    await page.evaluate(() => window.__atlas!.state.select('moscow-ru'));
    await panel.getByTestId('panel-list').evaluate((el) => (el.scrollTop = 0));
  });

  it('“Read in context” opens the document scrolled to the sentence, highlighted', async () => {
    const panel = page.getByTestId('statement-panel');
    // The list settles first: the test before scrolled it back to its top, and its rows are laid out again
    // over a frame or two (on a busy machine the first quote read and the first button clicked were of
    // two different layouts).
    const firstQuote = async () => (await panel.locator('blockquote').first().innerText()).trim();
    let first = await firstQuote();
    for (let i = 0; i < 20; i++) {
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      const again = await firstQuote();
      if (again === first) break;
      first = again;
    }
    await panel.getByRole('button', { name: 'Read in context' }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('#context-mark').waitFor();
    expect((await dialog.locator('#context-mark').innerText()).replace(/\s+/g, ' ').trim()).toBe(first.replace(/\s+/g, ' '));
    expect(await page.title()).toContain('Moscow Declaration');
    const inView = await dialog.locator('#context-mark').evaluate((el) => {
      const r = el.getBoundingClientRect();
      const box = el.closest('.body')!.getBoundingClientRect();
      return r.top >= box.top && r.bottom <= box.bottom;
    });
    expect(inView).toBe(true);
    await shot(page, 'app-read-in-context');
    await page.keyboard.press('Escape');
    await expect(dialog.count()).resolves.toBe(0);
    await page.keyboard.press('Escape'); // then the panel closes
    await expect(page.getByTestId('statement-panel').count()).resolves.toBe(0);
  });

  it('brushing the timeline changes the markers, the list and the URL', async () => {
    const before = await page.locator('.maplibregl-canvas').screenshot();
    const summaryBefore = await page.getByTestId('summary').innerText();
    const listBefore = await page.locator('#list-heading').innerText();
    const box = (await page.locator('.timeline .plot').boundingBox())!;
    const y = box.y + 60;
    await page.mouse.move(box.x + box.width * 0.12, y);
    await page.mouse.down();
    for (let k = 1; k <= 8; k++) await page.mouse.move(box.x + box.width * (0.12 + 0.03 * k), y);
    await page.mouse.up();
    await page.evaluate(() => window.__atlas!.mapIdle());
    const q = query(page);
    expect(q.get('from')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(q.get('to')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await page.getByTestId('summary').innerText()).not.toBe(summaryBefore);
    // The window list follows once the drag is dropped.
    await page.waitForFunction((before) => document.querySelector('#list-heading')?.textContent !== before, listBefore);
    const after = await page.locator('.maplibregl-canvas').screenshot();
    expect(after.equals(before)).toBe(false);
    // Every step of the drag was measured for the bench.
    const measures = await page.evaluate(() => performance.getEntriesByName('scrub').length);
    expect(measures).toBeGreaterThan(3);
    await shot(page, 'app-brushed');
  });

  it('a reloaded URL restores the view, and back/forward move through it', async () => {
    await page.getByRole('combobox', { name: 'City' }).selectOption('moscow-ru');
    await page.getByTestId('statement-panel').waitFor();
    const url = page.url();
    const windowText = await page.getByTestId('window-text').innerText();
    await page.reload();
    await page.evaluate(() => window.__atlas!.ready);
    expect(page.url()).toBe(url);
    expect(await page.getByTestId('window-text').innerText()).toBe(windowText);
    await page.getByTestId('statement-panel').getByRole('heading', { level: 2, name: 'Moscow' }).waitFor();
    await page.goBack(); // before the city was chosen
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('place'));
    await expect(page.getByTestId('statement-panel').count()).resolves.toBe(0);
    expect(await page.getByTestId('window-text').innerText()).toBe(windowText);
    await page.goForward();
    await page.getByTestId('statement-panel').waitFor();
  });

  it('the map view is part of the link: zooming writes it and a reload keeps it', async () => {
    await open(page);
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await page.waitForFunction(() => new URL(location.href).searchParams.has('map'));
    await page.evaluate(() => window.__atlas!.mapIdle());
    const map = query(page).get('map')!;
    const zoom = Number(map.split(',')[2]);
    await page.reload();
    await page.evaluate(() => window.__atlas!.ready.then(() => window.__atlas!.mapIdle()));
    expect(query(page).get('map')).toBe(map);
    expect(await page.evaluate(() => window.__atlas!.state.map?.zoom)).toBeCloseTo(zoom, 1);
    // Panning and zooming rewrite the current history entry rather than adding one per move.
  });

  it('keyboard alone reaches the timeline and selects an event', async () => {
    await open(page);
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    let reached = false;
    for (let k = 0; k < 60 && !reached; k++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement?.getAttribute('aria-roledescription') === 'timeline');
    }
    expect(reached).toBe(true);
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    const said = await page.locator('#timeline-said').innerText();
    expect(said).toMatch(/Enter selects/);
    await page.keyboard.press('Enter');
    await page.getByTestId('statement-panel').waitFor();
    const event = query(page).get('event');
    expect(event).toBeTruthy();
    const title = await page.evaluate((id) => window.__atlas!.data!.events.find((e) => e.id === id)!.title, event);
    expect(said).toContain(title);
    await expect(page.getByTestId('summary').innerText()).resolves.toContain(title);
    await shot(page, 'app-keyboard');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('statement-panel').count()).resolves.toBe(0);
  });

  it('hovering a mark shows a tooltip and lights its city on the map', async () => {
    await open(page);
    const box = (await page.locator('.timeline .plot').boundingBox())!;
    const y = box.y + 47; // the first lane of marks
    let tip = 0;
    for (let x = box.x + 10; x < box.x + box.width - 10 && !tip; x += 3) {
      await page.mouse.move(x, y);
      tip = await page.getByRole('tooltip').count();
    }
    expect(tip).toBe(1);
    const text = await page.getByRole('tooltip').innerText();
    const hovered = await page.evaluate(() => window.__atlas!.state.hoverEvent);
    const title = await page.evaluate((id) => window.__atlas!.data!.events.find((e) => e.id === id)!.title, hovered);
    expect(text).toContain(title);
    await shot(page, 'app-hover');
    await page.mouse.move(box.x + box.width / 2, box.y - 40);
    await expect(page.getByRole('tooltip').count()).resolves.toBe(0);
  });

  it('Play moves the playhead through time and Pause stops it', async () => {
    const summary = await page.getByTestId('summary').innerText();
    await page.getByRole('button', { name: /^play/i }).click();
    await page.waitForTimeout(1200);
    await page.getByRole('button', { name: /^pause/i }).click();
    await page.waitForTimeout(400); // the last URL write of a gesture lands within 250 ms
    const t = query(page).get('t');
    expect(t).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await page.getByTestId('summary').innerText()).not.toBe(summary);
    await page.waitForTimeout(400);
    expect(query(page).get('t')).toBe(t); // paused
    await shot(page, 'app-playing');
  });

  it('Next and Prev step event by event; search and topic filters narrow what is shown', async () => {
    await open(page);
    const events = await page.evaluate(() => window.__atlas!.data!.events.map((e) => e.id));
    await page.getByRole('button', { name: 'Next event' }).click(); // from the playhead at the end: nothing later
    await page.getByRole('button', { name: 'Previous event' }).click();
    await page.waitForFunction(() => new URL(location.href).searchParams.has('event'));
    const last = query(page).get('event')!;
    await page.getByRole('button', { name: 'Previous event' }).click();
    await page.waitForFunction((id) => new URL(location.href).searchParams.get('event') !== id, last);
    const before = query(page).get('event')!;
    expect(events.indexOf(before)).toBeLessThan(events.indexOf(last));
    await page.getByRole('button', { name: 'Next event' }).click();
    await page.waitForFunction((id) => new URL(location.href).searchParams.get('event') === id, last);
    await page.keyboard.press('Escape');

    await page.getByRole('searchbox', { name: /search/i }).fill('epidemiological');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === 'epidemiological');
    const count = await page.locator('#search-count').innerText();
    const n = Number(count.split(' ')[0]);
    const total = await page.evaluate(() => window.__atlas!.data!.events.length);
    expect(count).toBe(`${n} of ${total} events match`);
    expect(n).toBeGreaterThan(0);
    expect(n).toBeLessThan(total);
    // The list follows once the window settles.
    await expect
      .poll(async () => (await page.locator('.side li .text').allInnerTexts()).some((t) => /epidemiological/i.test(t)))
      .toBe(true);
    await page.getByRole('searchbox', { name: /search/i }).fill('');
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('q'));

    await page.getByText('Topics', { exact: true }).click();
    const topic = page.locator('fieldset input[type=checkbox]').first();
    await topic.check();
    await page.waitForFunction(() => new URL(location.href).searchParams.has('topics'));
    const topicId = query(page).get('topics')!;
    const ids = await page.evaluate((t) => window.__atlas!.data!.events.filter((e) => e.topics.includes(t)).length, topicId);
    await expect(page.locator('#search-count').innerText()).resolves.toBe(
      `${ids} of ${await page.evaluate(() => window.__atlas!.data!.events.length)} events match`,
    );
    await shot(page, 'app-filtered');
    await topic.uncheck();
  });

  it('with reduced motion asked for, selecting an event jumps to its city without a flight', async () => {
    const calm = await browser.newPage({ viewport: { width: 1100, height: 700 }, reducedMotion: 'reduce' });
    foreign.push(...watchForeignRequests(calm, origin));
    await open(calm);
    await calm.getByRole('combobox', { name: 'City' }).selectOption('moscow-ru'); // the city alone does not move the map
    const event = await calm.evaluate(() => window.__atlas!.data!.events.find((e) => e.placeId === 'astana-kz')!.id);
    await calm.evaluate((id) => window.__atlas!.state.set({ event: id, place: 'astana-kz' }), event);
    await calm.waitForTimeout(50); // far less than a flight (900 ms)
    const pt = (await calm.evaluate(() => window.__atlas!.placePoint!('astana-kz')))!;
    // Already where it stays: a flight would still be moving it a second later. The camera leaves room for
    // the legend and badges (map/camera.ts), so the city is near the middle rather than on it.
    await calm.waitForTimeout(1200);
    const after = (await calm.evaluate(() => window.__atlas!.placePoint!('astana-kz')))!;
    expect(Math.hypot(after.x - pt.x, after.y - pt.y)).toBeLessThan(3);
    const box = (await calm.getByTestId('map').boundingBox())!;
    expect(Math.abs(pt.x - (box.x + box.width / 2))).toBeLessThan(box.width / 6);
    expect(Math.abs(pt.y - (box.y + box.height / 2))).toBeLessThan(box.height / 6);
    await calm.close();
  });

  it('bad or stale parameters give a quiet notice naming them, never a crash', async () => {
    await open(page, '?place=atlantis&from=2020-13-01&map=1,2&data=https://evil.example/&topics=nope');
    const notices = await page.getByRole('status', { name: 'Notices' }).innerText();
    for (const p of ['place', 'from', 'map', 'data', 'topics']) expect(notices).toContain(p);
    expect(await colours(page, '.maplibregl-canvas')).toBeGreaterThan(20);
    expect(query(page).has('place')).toBe(false);
    await shot(page, 'app-bad-params');
  });

  it('works on a phone-sized screen', async () => {
    const phone = await browser.newPage({ viewport: { width: 375, height: 740 }, hasTouch: true, isMobile: true });
    foreign.push(...watchForeignRequests(phone, origin));
    await open(phone);
    const width = await phone.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(375);
    expect(await colours(phone, '.maplibregl-canvas')).toBeGreaterThan(10);
    await shot(phone, 'app-phone');
    // A finger on a city opens its statements.
    const pt = await phone.evaluate(() => window.__atlas!.placePoint!('astana-kz'));
    await phone.touchscreen.tap(pt!.x, pt!.y);
    await phone.getByTestId('statement-panel').getByRole('heading', { level: 2, name: 'Astana' }).waitFor();
    await phone.getByTestId('statement-panel').scrollIntoViewIfNeeded();
    await shot(phone, 'app-phone-city');
    // A finger dragged across the timeline chooses a window (real touch events through CDP).
    await phone.getByRole('button', { name: 'Close the statements panel' }).click();
    const plot = phone.locator('.timeline .plot');
    await plot.scrollIntoViewIfNeeded();
    const box = (await plot.boundingBox())!;
    const cdp = await phone.context().newCDPSession(phone);
    const y = box.y + 60;
    const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', x: number) =>
      cdp.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [{ x, y }] });
    await touch('touchStart', box.x + box.width * 0.2);
    for (let k = 1; k <= 6; k++) await touch('touchMove', box.x + box.width * (0.2 + 0.08 * k));
    await touch('touchEnd', 0);
    await phone.waitForFunction(() => new URL(location.href).searchParams.has('from'));
    await shot(phone, 'app-phone-brushed');
    await phone.close();
  });

  it('without WebGL the page draws a simple map, says so in one line, and the rest still works', async () => {
    const nogl = await browser.newPage({ viewport: { width: 1024, height: 700 } });
    foreign.push(...watchForeignRequests(nogl, origin));
    await nogl.addInitScript(() => {
      const get = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, type: string, ...rest: unknown[]) {
        if (/webgl/.test(type)) return null;
        return (get as (...a: unknown[]) => RenderingContext | null).call(this, type, ...rest);
      } as typeof get;
    });
    await nogl.goto(baseUrl);
    await nogl.evaluate(() => window.__atlas!.ready);
    // The 2D map (map/canvas2d) stands in for MapLibre, with a quiet line saying what is missing.
    await nogl.getByTestId('map2d-note').waitFor();
    expect(await nogl.getByTestId('map2d-note').innerText()).toMatch(/no WebGL/i);
    expect(await nogl.getByTestId('map-error').count()).toBe(0);
    await nogl.getByRole('combobox', { name: 'City' }).selectOption('moscow-ru');
    await nogl.getByTestId('statement-panel').getByRole('heading', { level: 2, name: 'Moscow' }).waitFor();
    await shot(nogl, 'app-no-webgl');
    await nogl.close();
  });

  it('opens another data folder with ?data=, and names a missing or broken file instead of going blank', async () => {
    const served = inject('outDir');
    const sample = join(import.meta.dirname, '..', 'fixtures', 'sample');
    const corpora = join(served, 'corpora');
    cpSync(sample, join(corpora, 'sample'), { recursive: true });
    cpSync(sample, join(corpora, 'no-events'), { recursive: true });
    // Neither the event layer nor the mentions it would fall back to.
    rmSync(join(corpora, 'no-events', 'events.json'));
    rmSync(join(corpora, 'no-events', 'event-layer.json'));
    // A data folder written before the event layer: only the mentions.
    cpSync(sample, join(corpora, 'before-layer'), { recursive: true });
    rmSync(join(corpora, 'before-layer', 'event-layer.json'));
    rmSync(join(corpora, 'before-layer', 'meetings.json'));
    cpSync(sample, join(corpora, 'bad-places'), { recursive: true });
    const places = JSON.parse(readFileSync(join(sample, 'places.geojson'), 'utf8'));
    places.features[2].geometry.coordinates = [250, 10];
    writeFileSync(join(corpora, 'bad-places', 'places.geojson'), JSON.stringify(places));
    cpSync(sample, join(corpora, 'bad-story'), { recursive: true });
    writeFileSync(join(corpora, 'bad-story', 'story.json'), JSON.stringify({ title: 'Broken', steps: 'all of them' }));
    mkdirSync(corpora, { recursive: true });

    const p = await browser.newPage({ viewport: { width: 1100, height: 700 } });
    foreign.push(...watchForeignRequests(p, origin));
    await open(p, '?data=corpora/sample/');
    await expect(p.getByTestId('summary').innerText()).resolves.toContain('8 events');
    // A corpus without story.json is normal: the server's index.html answer is not reported as bad JSON.
    await p.waitForTimeout(300);
    expect(await p.locator('body').innerText()).not.toMatch(/story\.json/);

    // A broken story.json is named once (it is read once, though the story is attached again when the
    // statements arrive), and the atlas still opens.
    const storyReads: string[] = [];
    p.on('request', (r) => void (/story\.json$/.test(r.url()) && storyReads.push(r.url())));
    await p.goto(`${baseUrl}?data=corpora/bad-story/`);
    await p.evaluate(() => window.__atlas!.ready);
    await expect(p.getByTestId('summary').innerText()).resolves.toContain('8 events');
    // The story is read after the data, so on a busy machine its notice may come a while later.
    const storyNotices = async () => (await p.locator('body').innerText()).match(/story\.json: steps: expected an array/g)?.length ?? 0;
    await expect.poll(storyNotices, { timeout: 10_000 }).toBeGreaterThan(0);
    await p.waitForTimeout(300);
    expect(await storyNotices()).toBe(1);
    expect(storyReads).toHaveLength(1);

    // It still opens, with the mentions' own titles and no notice about the missing layer.
    await p.goto(`${baseUrl}?data=corpora/before-layer/`);
    await p.evaluate(() => window.__atlas!.ready);
    await expect(p.getByTestId('summary').innerText()).resolves.toContain('8 events');
    expect(await p.evaluate(() => window.__atlas!.data!.events.map((e) => e.id))).toContain('ev-bishkek-2019');
    await p.waitForTimeout(300);
    expect(await p.locator('body').innerText()).not.toMatch(/event-layer\.json|is missing/);

    await p.goto(`${baseUrl}?data=corpora/no-events/`);
    await p.getByTestId('data-error').waitFor();
    expect(await p.getByTestId('data-error').innerText()).toMatch(/events\.json\s+is missing/);

    await p.goto(`${baseUrl}?data=corpora/bad-places/`);
    await p.getByTestId('data-error').waitFor();
    const msg = await p.getByTestId('data-error').innerText();
    expect(msg).toMatch(/places\.geojson\s+does not match the data contract: features\[2\]\.geometry\.coordinates\[0\]/);
    await shot(p, 'app-data-error');
    await p.close();
  });

  it('no request left the origin and no script error happened', () => {
    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
  });
});
