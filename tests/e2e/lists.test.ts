/**
 * Long statement lists in real Chromium: a generated corpus of 20,000 events opened with ?data=. The
 * window's list holds every statement but keeps only a few rows in the page; a person scrolls it to the
 * bottom and reads the last event, walks it with the keyboard, and a city with hundreds of statements
 * opens its panel the same way.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { generateDataset, writeDataset } from '../../bench/generate-dataset';
import { launch, shot } from './browser';

const baseUrl = inject('baseUrl');
const served = inject('outDir');
// LISTS_N=100000 runs the same walk over a bigger corpus (by hand; the suite uses 20,000 to stay quick).
const N = Number(process.env.LISTS_N ?? 20_000);
const NAME = `lists-${N}`;
let browser: Browser;
let page: Page;
const errors: string[] = [];

const list = () => page.getByTestId('window-list');
const rowCount = () => page.locator('[data-testid="window-list"] li').count();
/** aria-posinset of the row holding focus (NaN when focus is elsewhere). */
const focusedRow = () => page.evaluate(() => Number(document.activeElement?.closest('li')?.getAttribute('aria-posinset') ?? NaN));

beforeAll(async () => {
  const dir = join(served, 'corpora', NAME);
  if (!existsSync(join(dir, 'event-layer.json'))) writeDataset(generateDataset(N), dir);
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${baseUrl}?data=corpora/${NAME}/`);
  await page.waitForFunction(() => !!window.__atlas, null, { timeout: 120_000 });
  await page.evaluate(() => window.__atlas!.ready);
  await page.waitForFunction(() => !!window.__atlas!.data && !window.__atlas!.data.pending, null, { timeout: 120_000 });
  await page.waitForFunction(
    // The count is grouped for the interface language ("20,000 statements").
    (n) =>
      /(\d[\d,\s]*) statements/.exec(document.querySelector('#list-heading')?.textContent ?? '')?.[1]?.replace(/\D/g, '') === String(n),
    N,
    { timeout: 120_000 },
  );
}, 300_000);

afterAll(async () => {
  await browser?.close();
});

describe('the window list with 20,000 statements', () => {
  it('names every statement but keeps only a bounded number of rows in the page', async () => {
    // The N generated mentions merge into somewhat fewer events of the layer; every statement is listed.
    const events = (JSON.parse(readFileSync(join(served, 'corpora', NAME, 'event-layer.json'), 'utf8')) as unknown[]).length;
    expect(events).toBeGreaterThan(N * 0.9);
    await expect(page.locator('#list-heading').innerText()).resolves.toMatch(
      `${events.toLocaleString('en-GB')} events · ${N.toLocaleString('en-GB')} statements`,
    );
    const n = await rowCount();
    expect(n).toBeGreaterThan(3);
    expect(n).toBeLessThanOrEqual(150);
    const first = list().locator('li').first();
    await expect(first.getAttribute('aria-setsize')).resolves.toBe(String(N));
    await expect(first.getAttribute('aria-posinset')).resolves.toBe('1');
    // The scroll bar covers the whole list.
    const scrollHeight = await list().evaluate((el) => el.scrollHeight);
    expect(scrollHeight).toBeGreaterThan(N * 40);
  });

  it('scrolled to the bottom, it shows the last event of the window', async () => {
    const lastTitle = await page.evaluate(() => {
      const d = window.__atlas!.data!;
      return d.events[d.events.length - 1]!.title;
    });
    // Scroll the way a person does, with the wheel, to leave the top; then jump to the end.
    await list().hover();
    for (let k = 0; k < 5; k++) await page.mouse.wheel(0, 2000);
    await list().evaluate((el) => (el.scrollTop = el.scrollHeight));
    // Rows below are measured as they render: scroll to the end again until it holds still.
    await expect
      .poll(
        () =>
          list().evaluate(async (el) => {
            el.scrollTop = el.scrollHeight;
            await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
            const rows = [...el.querySelectorAll('li')];
            const last = rows[rows.length - 1];
            const box = el.getBoundingClientRect();
            const r = last?.getBoundingClientRect();
            return last && r && r.bottom <= box.bottom + 2 && r.bottom >= box.top ? last.getAttribute('aria-posinset') : null;
          }),
        { timeout: 30_000 },
      )
      .toBe(String(N));
    const last = list().locator(`li[aria-posinset="${N}"]`);
    await expect(last.locator('.title').innerText()).resolves.toBe(lastTitle);
    await expect(last.isVisible()).resolves.toBe(true);
    expect(await rowCount()).toBeLessThanOrEqual(150);
    await shot(page, 'lists-window-bottom');
  });

  it('the keyboard walks the rows, jumps to the ends, and focus survives scrolling away', async () => {
    await list().evaluate((el) => (el.scrollTop = 0));
    await page.waitForFunction(() => document.querySelector('[data-testid="window-list"] li[aria-posinset="1"]') !== null);
    await list().locator('li[aria-posinset="1"] .ev').focus();
    for (let k = 0; k < 3; k++) await page.keyboard.press('ArrowDown');
    await expect.poll(focusedRow).toBe(4);
    await page.keyboard.press('End');
    await expect.poll(focusedRow).toBe(N);
    await page.keyboard.press('PageUp');
    const up = await focusedRow();
    expect(up).toBeLessThan(N);
    expect(up).toBeGreaterThan(N - 40);
    await page.keyboard.press('ArrowUp');
    await expect.poll(focusedRow).toBe(up - 1);
    await page.keyboard.press('Home');
    await expect.poll(focusedRow).toBe(1);
    // Scrolled far away with the wheel, the focused row stays in the page, and keys go on from it.
    await list().hover();
    for (let k = 0; k < 6; k++) await page.mouse.wheel(0, 3000);
    await expect.poll(() => list().evaluate((el) => el.scrollTop)).toBeGreaterThan(5000);
    await expect.poll(focusedRow).toBe(1);
    await page.keyboard.press('ArrowDown');
    await expect.poll(focusedRow).toBe(2);
    expect(await rowCount()).toBeLessThanOrEqual(151);
    // Enter on a row selects its event and opens its statements.
    await page.keyboard.press('Enter');
    await page.getByTestId('statement-panel').waitFor();
    const second = await page.evaluate(() => window.__atlas!.data!.events[1]!.id);
    expect(new URL(page.url()).searchParams.get('event')).toBe(second);
    await page.keyboard.press('Escape');
    await page.getByTestId('statement-panel').waitFor({ state: 'detached' });
    expect(errors).toEqual([]);
  });
});

describe('a city with hundreds of statements', () => {
  it('opens its panel with a few rows in the page, and the keyboard reaches its last statement', async () => {
    const { id, most } = await page.evaluate(() => {
      let best = { id: '', most: 0 };
      for (const [pid, sts] of window.__atlas!.data!.statementsByPlace) if (sts.length > best.most) best = { id: pid, most: sts.length };
      return best;
    });
    expect(most).toBeGreaterThan(100);
    await page.evaluate((p) => window.__atlas!.state.select(p), id);
    const panel = page.getByTestId('statement-panel');
    await panel.waitFor();
    const rows = panel.locator('li[data-row]');
    await rows.first().waitFor();
    const setsize = Number(await rows.first().getAttribute('aria-setsize'));
    expect(setsize).toBeGreaterThan(most);
    expect(await rows.count()).toBeLessThanOrEqual(150);
    await rows.first().locator('button').first().focus();
    await page.keyboard.press('End');
    await expect.poll(focusedRow).toBe(setsize);
    await page.keyboard.press('ArrowUp');
    await expect.poll(focusedRow).toBe(setsize - 1);
    const box = (await page.getByTestId('panel-list').boundingBox())!;
    const focused = (await page.evaluate(() => document.activeElement!.getBoundingClientRect().toJSON())) as DOMRect;
    expect(focused.top).toBeGreaterThanOrEqual(box.y - 1);
    expect(focused.bottom).toBeLessThanOrEqual(box.y + box.height + 1);
    expect(await rows.count()).toBeLessThanOrEqual(151);
    await shot(page, 'lists-city-panel-end');
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
    expect(errors).toEqual([]);
  });
});
