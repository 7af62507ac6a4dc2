/**
 * A presenter's small hurts (issue 13 items 1 and 6) and issue 10's last toggle, in real Chromium on the
 * bundled corpus: dates typed character by character into From and To, in a dd/mm locale and in a
 * mm/dd one; the meetings no document mentions, drawn faint and named on hover; during Play the side
 * list counts what the header counts; search hits highlighted without moving the control row; the Tab
 * order the README gives; Prev/Next named as they read (axe).
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, shot } from './browser';

const baseUrl = inject('baseUrl');
let browser: Browser;
let page: Page;
const errors: string[] = [];

async function open(locale: string, query = ''): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale, reducedMotion: 'reduce' });
  const p = await context.newPage();
  p.on('pageerror', (e) => errors.push(e.message));
  await p.goto(baseUrl + query);
  await p.waitForFunction(() => !!window.__atlas);
  await p.evaluate(() => window.__atlas!.ready);
  return p;
}

beforeAll(async () => {
  browser = await launch();
  page = await open('en-GB');
});
afterAll(async () => {
  await browser?.close();
});

const search = (p: Page) => new URL(p.url()).searchParams;
const windowText = (p: Page) => p.getByTestId('window-text').innerText();

/** Empties a field and types into it one character at a time, as a person does. */
async function typeInto(p: Page, label: string, text: string): Promise<void> {
  const field = p.getByRole('textbox', { name: label, exact: true });
  await field.click();
  await field.press('ControlOrMeta+a');
  await field.press('Backspace');
  await p.keyboard.type(text, { delay: 15 });
}

describe('dates typed into From and To', () => {
  it('in a dd/mm locale: 12/31/2019 is refused with a notice naming the field, 2019-12-31 is taken as typed', async () => {
    const before = await windowText(page);
    await typeInto(page, 'To', '12/31/2019');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('status', { name: 'Notices' }).innerText()).toContain('“12/31/2019” in To is not a date');
    expect(search(page).get('to')).toBeNull();
    expect(await windowText(page)).toBe(before);

    await typeInto(page, 'To', '2019-12-31');
    // A complete date applies as it is typed, and the field is not rewritten while it has the focus.
    await expect.poll(() => search(page).get('to')).toBe('2019-12-31');
    expect(await page.getByRole('textbox', { name: 'To', exact: true }).inputValue()).toBe('2019-12-31');
    await page.keyboard.press('Tab');
    expect(await page.getByRole('textbox', { name: 'To', exact: true }).inputValue()).toBe('31/12/2019');

    await typeInto(page, 'From', '12/31/2019');
    await page.keyboard.press('Tab'); // leaving the field commits, or says why not
    await expect.poll(() => page.getByRole('status', { name: 'Notices' }).innerText()).toContain('“12/31/2019” in From is not a date');
    expect(search(page).get('from')).toBeNull();
    await typeInto(page, 'From', '2019-12-31');
    await expect.poll(() => search(page).get('from')).toBe('2019-12-31');
    expect(await windowText(page)).toMatch(/^Window\s+31 Dec 2019 – 31 Dec 2019/);
    await shot(page, 'polish-typed-dates');
  });

  it('in a mm/dd locale, 12/31/2019 typed into To is 31 December 2019', async () => {
    const us = await open('en-US');
    await typeInto(us, 'To', '12/31/2019');
    await expect.poll(() => search(us).get('to')).toBe('2019-12-31');
    await us.keyboard.press('Tab');
    expect(await us.getByRole('textbox', { name: 'To', exact: true }).inputValue()).toBe('12/31/2019');
    await us.context().close();
  });
});

describe('the meetings no document mentions (issue 10)', () => {
  it('are off by default; the toggle draws them faint, names them on hover and writes meetings=1', async () => {
    await page.goto(baseUrl);
    await page.evaluate(() => window.__atlas!.ready);
    expect(await page.locator('[data-meeting]').count()).toBe(0);
    expect(search(page).get('meetings')).toBeNull();
    await page.getByRole('checkbox', { name: 'Meetings no document mentions' }).check();
    await expect.poll(() => page.locator('[data-meeting]').count()).toBeGreaterThan(3);
    expect(search(page).get('meetings')).toBe('1');

    // Hover the one for the Samarkand summit of September 2022, which no bundled document speaks of.
    const mark = page.locator('[data-meeting="chs-2022"]');
    const box = (await mark.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const tip = await page.getByRole('tooltip').innerText();
    expect(tip).toContain('22nd meeting of the SCO Council of Heads of State, Samarkand');
    expect(tip).toContain('no document in this atlas mentions it');
    // Faint: the mark is drawn lighter than the events' marks, and clicking it selects nothing.
    expect(Number(await mark.evaluate((el) => getComputedStyle(el).fillOpacity))).toBeLessThan(0.3);
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    expect(await page.evaluate(() => window.__atlas!.state.event)).toBeNull();
    await shot(page, 'polish-faint-meetings');
  });
});

describe('reading while it moves', () => {
  it('during Play the window list counts what the header counts', async () => {
    await page.goto(baseUrl);
    await page.evaluate(() => window.__atlas!.ready);
    await page.getByRole('combobox', { name: 'Play speed' }).selectOption('365');
    const header = async () => Number(/^(\d+)/.exec(await page.getByTestId('summary').innerText())?.[1]);
    const list = async () => Number(/(\d+)/.exec(await page.locator('#list-heading .n').innerText())?.[1]);
    await page.getByRole('button', { name: 'Play' }).click();
    // While it plays (six years at a year a second), the two agree, and not only at the start.
    let agreed = 0;
    for (let i = 0; i < 40 && agreed < 2; i++) {
      await page.waitForTimeout(150);
      const [h, l, playing] = [await header(), await list(), await page.evaluate(() => window.__atlas!.state.playing)];
      if (playing && h === l && h > 1) agreed++;
    }
    await page.getByRole('button', { name: 'Pause' }).click();
    expect(agreed).toBe(2);
    await expect.poll(async () => (await header()) === (await list())).toBe(true);
  });

  it('search hits are highlighted in the statements, and the control row does not move when the count appears', async () => {
    await page.goto(baseUrl);
    await page.evaluate(() => window.__atlas!.ready);
    const topics = page.getByText('Topics', { exact: true });
    const before = await topics.boundingBox();
    await page.getByRole('searchbox').fill('summit');
    await expect.poll(() => page.locator('[data-testid="window-list"] mark.hit').count(), { timeout: 5000 }).toBeGreaterThan(0);
    expect((await page.locator('[data-testid="window-list"] mark.hit').first().innerText()).toLowerCase()).toBe('summit');
    expect(await page.locator('#search-count').innerText()).toMatch(/\d+ of \d+ events match/);
    expect(await topics.boundingBox()).toEqual(before);
    await shot(page, 'polish-search-hits');
  });
});

describe('keyboard and names', () => {
  it('Tab goes through the header’s buttons and the controls, from Play, to the timeline, as the README says', async () => {
    await page.goto(baseUrl);
    await page.evaluate(() => window.__atlas!.ready);
    const seen: string[] = [];
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      const name = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        const label = (el as HTMLInputElement).labels?.[0]?.innerText;
        return el.getAttribute('aria-label') || label || el.innerText?.trim().split('\n')[0] || el.tagName;
      });
      seen.push(name);
      if (/Events over time/.test(name)) break;
    }
    // The header's few buttons (your documents), then the controls row from Play, then the timeline.
    const play = seen.findIndex((n) => /Play$/.test(n));
    expect(play, seen.join(' | ')).toBeGreaterThanOrEqual(0);
    expect(play).toBeLessThan(5);
    expect(seen.slice(play + 1, play + 6)).toEqual(['Play speed', '◀ Previous event', 'Next event ▶', 'From', 'To']);
    expect(seen.at(-1)).toMatch(/Events over time/);
    // Every stop on the way has a name.
    expect(seen.filter((n) => !n || n === 'BUTTON' || n === 'INPUT')).toEqual([]);
  });

  it('every button is named as it reads: no label-content-name-mismatch (it was on "◀ Prev")', async () => {
    const { violations } = await new AxeBuilder({ page }).withRules(['label-content-name-mismatch', 'button-name']).analyze();
    expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
    expect(await page.getByRole('button', { name: 'Previous event' }).innerText()).toBe('◀ Previous event');
    expect(errors).toEqual([]);
  });
});
