/**
 * A new user's walk (issue 12), in real Chromium, in the interface's other two languages: a reader
 * working in Russian adds two Russian and two Chinese documents the atlas has never seen (composed for
 * this test: tests/fixtures/walk/, with what a careful reader expects of each in its README) through the
 * button, sees each listed by its file, clicks the cities they name and reads the dated statements in
 * context, finds the SCO meetings they speak of under the meeting's own name in the interface's
 * language, switches to Chinese, and on a phone finds the documents panel and the paste box inside
 * the screen.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, shot } from './browser';

const baseUrl = inject('baseUrl');
const WALK = join(import.meta.dirname, '../fixtures/walk');
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
let browser: Browser;
let page: Page;
const errors: string[] = [];

const file = (name: string, mimeType: string) => ({ name, mimeType, buffer: readFileSync(join(WALK, name)) });
const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();
const panel = () => page.getByTestId('statement-panel');
const card = (event: string) => panel().locator(`li.group[data-event="${event}"]`);
const labels = () => page.evaluate(() => [...document.querySelectorAll('.atlas-city-label')].map((e) => e.textContent));

/** Clicks a city's disc on the map, as a person does. */
async function clickCity(id: string): Promise<void> {
  await page.evaluate(() => window.__atlas!.mapIdle());
  const at = await page.evaluate((pid) => window.__atlas!.placePoint!(pid), id);
  expect(at, id).not.toBeNull();
  await page.mouse.click(at!.x, at!.y);
}
/** Opens an event of a city in the panel, as a click on its mark on the timeline does. */
const selectEvent = (place: string, event: string) =>
  page.evaluate(
    ([place, event]) => {
      window.__atlas!.state.place = place;
      window.__atlas!.state.event = event;
    },
    [place, event] as const,
  );
/** The statements of an event's card, each on one line. */
async function quotesOf(event: string): Promise<string[]> {
  const texts = await panel()
    .locator('li.row')
    .evaluateAll((rows, id) => {
      const out: string[] = [];
      let inside = false;
      for (const r of rows) {
        if (r.classList.contains('group')) inside = r.getAttribute('data-event') === id;
        else if (inside) out.push(r.querySelector('blockquote')?.textContent ?? '');
      }
      return out;
    }, event);
  return texts.map(oneLine);
}

beforeAll(async () => {
  browser = await launch();
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  page = await context.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${baseUrl}?lang=ru`);
  await page.waitForFunction(() => !!window.__atlas, null, { timeout: 30_000 });
  await page.evaluate(() => window.__atlas!.ready);
});

afterAll(async () => {
  await browser?.close();
});

describe('a reader in Russian adds Russian and Chinese documents', () => {
  it('lists each by its title and its file, with what it gave', { timeout: 60_000 }, async () => {
    await page
      .getByTestId('add-documents-input')
      .setInputFiles([
        file('ru-note.txt', 'text/plain'),
        file('ru-cfm-astana.docx', DOCX),
        file('zh-embassy.txt', 'text/plain'),
        file('zh-xinhua-astana.pdf', 'application/pdf'),
      ]);
    await page.waitForFunction(
      () => {
        const items = [...document.querySelectorAll('[data-testid="user-document"]')];
        return items.length === 4 && items.every((li) => li.getAttribute('data-stage') === 'done');
      },
      null,
      { timeout: 45_000 },
    );
    const press = page.locator('[data-testid="user-document"][data-doc="ru-cfm-astana"]');
    // The Word file's own title is only "Пресс-релиз": the file it came from is named under it.
    await expect(press.locator('span.name').innerText()).resolves.toBe('Пресс-релиз');
    await expect(press.getByTestId('document-file').innerText()).resolves.toBe('ru-cfm-astana.docx');
    for (const id of ['ru-note', 'ru-cfm-astana', 'zh-embassy', 'zh-xinhua-astana'])
      expect(await page.locator(`[data-doc="${id}"] [data-testid="document-counts"]`).innerText(), id).toMatch(/^[1-9]\d* событ/);
    await shot(page, 'walk-ru-documents');
    await page.getByTestId('your-documents-toggle').click();
    // Cities the bundled corpus and the new documents name, all in Russian: Samarkand and Osh only the
    // documents name; Moscow only the bundled corpus does.
    await expect.poll(labels, { timeout: 10_000 }).toEqual(expect.arrayContaining(['Самарканд', 'Ош', 'Астана', 'Москва']));
  });

  it('"last year in Samarkand" in a note of September 2023 is Samarkand in 2022, and reads in context', async () => {
    await clickCity('samarkand-uz');
    await panel().getByRole('heading', { level: 2, name: 'Самарканд' }).waitFor();
    const note = card('ru-note:2022');
    await expect(note.locator('.when').innerText()).resolves.toMatch(/^2022\b/);
    const [quote] = await quotesOf('ru-note:2022');
    expect(quote).toMatch(/^В прошлом году в Самарканде главы государств подписали меморандумы о вступлении Ирана/);
    await panel().getByRole('button', { name: 'Читать в контексте' }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('#context-mark').waitFor();
    expect(oneLine(await dialog.locator('#context-mark').innerText())).toBe(quote);
    expect(await dialog.getByTestId('document-text').innerText()).toContain('Через месяц в Бишкеке соберутся главы правительств');
    await shot(page, 'walk-ru-context');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
  });

  it('the foreign ministers in Astana on 21 May 2024 are the chronology meeting, named in Russian, then in Chinese', async () => {
    await selectEvent('astana-kz', 'cfm-2024');
    const cfm = card('cfm-2024');
    await cfm.waitFor();
    await expect(cfm.locator('h3').innerText()).resolves.toBe(
      'Заседание Совета министров иностранных дел государств — членов ШОС, Астана, 2024',
    );
    await expect(cfm.locator('.when').innerText()).resolves.toMatch(/^21 мая 2024 г\. · Астана/);
    // The Russian press release (a .docx) and the Chinese wire (a PDF) both speak of it.
    const quotes = await quotesOf('cfm-2024');
    expect(quotes).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^21 мая 2024 года в Астане состоялось очередное заседание Совета министров иностранных дел/),
        expect.stringContaining('外长理事会会议于5月21日在阿斯塔纳举行'),
      ]),
    );
    await page.getByTestId('lang-switch').selectOption('zh');
    await expect.poll(() => cfm.locator('h3').innerText()).toBe('上海合作组织成员国外长理事会会议（阿斯塔纳，2024年）');
    await expect(cfm.locator('.when').innerText()).resolves.toMatch(/^2024年5月21日 · 阿斯塔纳/);
    await shot(page, 'walk-zh-astana');
  });

  it('the embassy statement of 5 July 2023 is on the New Delhi summit, in Chinese', async () => {
    await selectEvent('new-delhi-in', 'chs-2023');
    const summit = card('chs-2023');
    await summit.waitFor();
    await expect(summit.locator('h3').innerText()).resolves.toBe('上海合作组织成员国元首理事会第二十三次会议（新德里）');
    await expect(summit.locator('.when').innerText()).resolves.toMatch(/^2023年7月4日/);
    expect(await quotesOf('chs-2023')).toContain('2023年7月4日，上海合作组织成员国元首理事会第二十三次会议以视频方式举行。');
  });

  it('on a phone, the documents panel and the paste box stay inside the screen', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByTestId('your-documents-toggle').click();
    const inside = async (testId: string) => {
      const box = (await page.getByTestId(testId).boundingBox())!;
      expect(box.x, testId).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width, testId).toBeLessThanOrEqual(390);
    };
    await inside('your-documents');
    // Each document's title whole, wrapped if need be: 'Аналитическая записка: ШОС после…' was cut to one line.
    const cut = await page
      .locator('[data-testid="user-document"] span.name')
      .evaluateAll((els) =>
        els.filter((e) => e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1).map((e) => e.textContent),
      );
    expect(cut).toEqual([]);
    await shot(page, 'walk-phone-documents');
    await page.getByTestId('your-documents-toggle').click();
    await page.getByTestId('paste-text').click();
    await inside('paste-dialog');
    await page.keyboard.press('Escape');
    expect(errors).toEqual([]);
  });
});
