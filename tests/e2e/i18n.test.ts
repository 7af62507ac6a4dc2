/**
 * Issue 11, the interface in Russian and Chinese, end to end: a Russian and a Chinese document
 * (tests/fixtures/i18n/sources, composed for this test) go through the pipeline, the atlas opens them
 * with ?lang=ru or ?lang=zh, a person clicks the city on the map, and reads the statements in the
 * language they were written in with the date marked; the switch changes the language and the URL.
 * Russian and Chinese are each checked at desktop and phone size: nothing clipped, axe clean.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, shot } from './browser';
import { openAtlas, watchErrors } from './quality';

const baseUrl = inject('baseUrl');
const DATA = '?data=corpora/i18n/';
let browser: Browser;

beforeAll(async () => {
  const sources = join(import.meta.dirname, '..', 'fixtures', 'i18n', 'sources');
  const out = join(inject('outDir'), 'corpora', 'i18n');
  execFileSync('npx', ['tsx', 'src/pipeline/cli.ts', '--in', sources, '--out', out, '--no-cache', '--quiet'], { stdio: 'pipe' });
  browser = await launch();
});
afterAll(async () => browser?.close());

async function newPage(width: number, height: number): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height }, reducedMotion: 'reduce' });
  return context.newPage();
}

/** Clicks a city where the map draws it, as a person would. */
async function clickCity(page: Page, id: string): Promise<void> {
  const at = await page.evaluate((pid) => window.__atlas!.placePoint!(pid), id);
  expect(at, `${id} is drawn on the map`).not.toBeNull();
  await page.mouse.click(at!.x, at!.y);
}

/** Serious and critical axe violations, named by rule and element. */
async function axe(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}

/** Visible buttons, labels and summaries whose text does not fit their box. */
function clipped(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>(
      '.atlas button, .atlas summary, .atlas select, .atlas h1, .atlas h2, .atlas label',
    )) {
      const r = el.getBoundingClientRect();
      if (!r.width || !r.height || getComputedStyle(el).visibility === 'hidden' || el.closest('.sr-only')) continue;
      if (el.scrollWidth > el.clientWidth + 2)
        out.push(`${el.tagName.toLowerCase()} “${el.innerText.trim().slice(0, 40)}” ${el.scrollWidth}>${el.clientWidth}`);
    }
    return out;
  });
}

/** The map's attribution line, as shown (MapLibre's control, in the interface language). */
const attribution = (page: Page) => page.locator('.maplibregl-ctrl-attrib-inner').innerText();

/** Waits until the legend (or its button) and the attribution do not overlap (the legend refits on resize). */
async function legendClearOfAttribution(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const a = document.querySelector('.maplibregl-ctrl-attrib')?.getBoundingClientRect();
      const l = document.querySelector('[data-testid=legend-button], [data-testid=legend] .legend:not(.measure)')?.getBoundingClientRect();
      if (!a || !l || !l.width) return false;
      return !(a.left < l.right && l.left < a.right && a.top < l.bottom && l.top < a.bottom);
    },
    null,
    { timeout: 5_000 },
  );
}

describe('the atlas in Russian and Chinese', () => {
  it('speaks Russian from ?lang=ru, names the city in Russian, shows its Russian statements with the date marked, and switches to Chinese', async () => {
    const page = await newPage(1280, 800);
    const errors = watchErrors(page);
    await openAtlas(page, baseUrl, `${DATA}&lang=ru`, { mapIdle: true });
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('ru');
    await expect(page.title()).resolves.toBe('Атлас ШОС');
    // Controls, a plural and a date in Russian.
    await expect(page.getByRole('button', { name: 'Пуск' }).isVisible()).resolves.toBe(true);
    await expect(page.getByTestId('lang-switch').inputValue()).resolves.toBe('ru');
    await expect(page.getByTestId('summary').innerText()).resolves.toMatch(/^2 события и \d+ высказывани/);
    await expect(page.getByTestId('window-text').innerText()).resolves.toMatch(/Все даты, 9 июн\.? 2018/);
    await expect(page.locator('.atlas-city-label[data-place="bishkek-kg"]').innerText()).resolves.toBe('Бишкек');
    // MapLibre's own words too: the attribution line (it stayed English) and the zoom buttons.
    await expect(attribution(page)).resolves.toBe('Границы стран: Natural Earth (world-atlas)');
    await expect(page.getByRole('button', { name: 'Приблизить', exact: true }).isVisible()).resolves.toBe(true);
    await expect(page.locator('.maplibregl-canvas').getAttribute('aria-label')).resolves.toBe('Карта');

    await clickCity(page, 'bishkek-kg');
    const panel = page.getByTestId('statement-panel');
    await expect(panel.locator('#panel-heading').innerText()).resolves.toBe('Бишкек');
    // The linked summit under its Russian name; its statement in Russian, the date marked in the text.
    await expect(panel.locator('h3').first().innerText()).resolves.toContain('Заседание Совета глав государств');
    const quote = panel.locator('blockquote', { hasText: 'Заседание прошло' });
    await expect(quote.getAttribute('lang')).resolves.toBe('ru');
    await expect(quote.locator('mark.date').innerText()).resolves.toBe('13—14 июня 2019 года');
    await shot(page, 'i18n-ru-bishkek');
    expect(await axe(page)).toEqual([]);
    expect(await clipped(page)).toEqual([]);

    // The switch: Chinese interface, URL follows; the Russian statement stays Russian.
    await page.getByTestId('lang-switch').selectOption('zh');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('lang') === 'zh');
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('zh');
    // The interface turns once the Chinese messages are in (fetched on the switch: i18n/message-files.ts).
    await page.getByRole('heading', { level: 1, name: '上合组织地图集' }).waitFor();
    await expect(page.locator('h1').innerText()).resolves.toBe('上合组织地图集');
    await expect(page.title()).resolves.toBe('上合组织地图集');
    await expect(panel.locator('#panel-heading').innerText()).resolves.toBe('比什凯克');
    await expect(quote.locator('mark.date').innerText()).resolves.toBe('13—14 июня 2019 года');
    // The map's labels are set again on the map's next frame after the switch: waited for, not read at once.
    await page.waitForFunction(
      () => (document.querySelector('.atlas-city-label[data-place="bishkek-kg"]') as HTMLElement | null)?.innerText === '比什凯克',
      null,
      {
        timeout: 10_000,
      },
    );
    await expect(attribution(page)).resolves.toBe('国界：Natural Earth（world-atlas）');
    await expect(page.getByRole('button', { name: '放大', exact: true }).isVisible()).resolves.toBe(true);
    await expect(page.locator('.maplibregl-canvas').getAttribute('aria-label')).resolves.toBe('地图');
    await shot(page, 'i18n-zh-after-switch');
    expect(await clipped(page)).toEqual([]);
    // The embed code names its frame in the view's language too (it said "SCO Atlas" in every language).
    await page.getByRole('button', { name: '分享 / 嵌入' }).click();
    await expect(page.getByTestId('embed-snippet').inputValue()).resolves.toContain('title="上合组织地图集"');
    await page.keyboard.press('Escape');
    expect(errors).toEqual([]);
    await page.context().close();
  }, 180_000);

  it('speaks Chinese from ?lang=zh on a phone: Qingdao by its Chinese name, its Chinese statement with the date marked', async () => {
    const page = await newPage(390, 844);
    const errors = watchErrors(page);
    await openAtlas(page, baseUrl, `${DATA}&lang=zh`, { mapIdle: true });
    await expect(page.getByTestId('summary').innerText()).resolves.toMatch(/2018年6月9日至2019年6月14日/);
    await clickCity(page, 'qingdao-cn');
    const panel = page.getByTestId('statement-panel');
    await expect(panel.locator('#panel-heading').innerText()).resolves.toBe('青岛');
    const quote = panel.locator('blockquote', { hasText: '元首理事会' });
    await expect(quote.getAttribute('lang')).resolves.toBe('zh');
    await expect(quote.locator('mark.date').allInnerTexts()).resolves.toContain('2018年6月9日至10日');
    await quote.scrollIntoViewIfNeeded();
    await shot(page, 'i18n-zh-qingdao-phone');
    expect(await axe(page)).toEqual([]);
    expect(await clipped(page)).toEqual([]);

    // Russian on the phone: the switch sits with the other controls (behind the menu button on a phone).
    const menu = page.getByTestId('menu-toggle');
    if (await menu.isVisible()) await menu.click();
    await page.getByTestId('lang-switch').selectOption('ru');
    await page.waitForFunction(() => document.documentElement.lang === 'ru');
    await panel.locator('#panel-heading', { hasText: 'Циндао' }).waitFor();
    await expect(panel.locator('#panel-heading').innerText()).resolves.toBe('Циндао');
    await expect(quote.getAttribute('lang')).resolves.toBe('zh');
    // The legend, collapsed to "Легенда" on the phone, sat under the open attribution: opened again
    // here by its ⓘ (folded when the atlas opened in Chinese), the button moves above it.
    await page.locator('.maplibregl-ctrl-attrib-button').evaluate((el) => (el as HTMLElement).click());
    await expect(attribution(page)).resolves.toBe('Границы стран: Natural Earth (world-atlas)');
    await legendClearOfAttribution(page);
    await shot(page, 'i18n-ru-qingdao-phone');
    expect(await axe(page)).toEqual([]);
    expect(await clipped(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 180_000);
});
