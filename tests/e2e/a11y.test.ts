/**
 * SCO Atlas must work for people who use a keyboard or a screen reader. axe-core scans the main view,
 * the statement panel, the document view and story mode (no serious or critical violation allowed),
 * and a keyboard-only walk-through selects a city and an event and reads a statement.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
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

/** Serious and critical axe violations, each with the rule, the advice and where it was found. */
async function seriousViolations(page: Page): Promise<string[]> {
  const { violations, passes } = await new AxeBuilder({ page }).analyze();
  // The scan really ran over the page (dozens of rules pass on any real view).
  expect(passes.length).toBeGreaterThan(10);
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} at ${v.nodes
          .slice(0, 4)
          .map((n) => n.target.join(' '))
          .join(' | ')}`,
    );
}

async function newPage(): Promise<Page> {
  // axe's Playwright runner needs a page from an explicit context.
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' });
  return context.newPage();
}

describe('axe-core finds no serious or critical violation', () => {
  it('in the main view', async () => {
    const page = await newPage();
    await openAtlas(page, baseUrl, '', { mapIdle: true });
    await shot(page, 'a11y-main');
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it('in the statement panel of a city, and in the document view opened from it', async () => {
    const page = await newPage();
    await openAtlas(page, baseUrl, '?place=moscow-ru', { mapIdle: true });
    const panel = page.getByTestId('statement-panel');
    await expect.poll(() => panel.locator('figure.statement').count()).toBeGreaterThan(0);
    await shot(page, 'a11y-statements');
    expect(await seriousViolations(page)).toEqual([]);
    await panel
      .getByRole('button', { name: /read in context/i })
      .first()
      .click();
    await expect.poll(() => page.getByTestId('document-text').textContent()).toMatch(/Moscow/);
    await page.waitForTimeout(300);
    await shot(page, 'a11y-document');
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it('in story mode', async () => {
    const page = await newPage();
    await openAtlas(page, baseUrl, '?story=1', { mapIdle: true });
    await page.getByTestId('story-count').waitFor(); // the story layer is a chunk of its own
    await page.waitForTimeout(300);
    await shot(page, 'a11y-story');
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });
});

describe('keyboard only', () => {
  it('selects an event and a city and reads a statement in context, without a mouse', async () => {
    const page = await newPage();
    await openAtlas(page, baseUrl, '', { mapIdle: true });
    const isFocused = (loc: ReturnType<Page['locator']>) => loc.evaluate((el) => el === document.activeElement);
    const tabTo = async (loc: ReturnType<Page['locator']>, max = 60) => {
      for (let i = 0; i < max; i++) {
        if (await isFocused(loc)) return true;
        await page.keyboard.press('Tab');
      }
      return isFocused(loc);
    };

    // The timeline: arrows step through events, Enter selects one and its statement is shown.
    const timeline = page.getByRole('application', { name: /events over time/i });
    expect(await tabTo(timeline)).toBe(true);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => new URL(location.href).searchParams.get('event'))).not.toBeNull();
    const panel = page.getByTestId('statement-panel');
    await expect.poll(() => panel.locator('figure.statement blockquote').count()).toBeGreaterThan(0);
    expect(((await panel.locator('figure.statement blockquote').first().textContent()) ?? '').trim().length).toBeGreaterThan(20);
    await shot(page, 'a11y-keyboard-event');

    // A city, from the City list, by typing its name.
    const city = page.getByRole('combobox', { name: /^city/i });
    expect(await tabTo(city)).toBe(true);
    await page.keyboard.type('Moscow');
    await expect.poll(() => page.evaluate(() => new URL(location.href).searchParams.get('place'))).toBe('moscow-ru');
    await expect.poll(() => panel.locator('figure.statement', { hasText: 'Moscow' }).count()).toBeGreaterThan(0);

    // Read a statement in context: Tab to its button, Enter opens the document, Escape closes it.
    const read = panel.getByRole('button', { name: /read in context/i }).first();
    expect(await tabTo(read, 120)).toBe(true);
    await page.keyboard.press('Enter');
    const doc = page.getByRole('dialog');
    await expect.poll(() => doc.count()).toBe(1);
    await expect.poll(() => page.getByTestId('document-text').textContent()).toMatch(/Moscow/);
    await shot(page, 'a11y-keyboard-document');
    await page.keyboard.press('Escape');
    await expect.poll(() => doc.count()).toBe(0);
    await page.close();
  });
});
