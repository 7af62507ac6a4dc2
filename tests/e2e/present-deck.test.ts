/**
 * The example reveal.js deck, as a speaker uses it: the atlas on a slide in an iframe and as the
 * <sco-atlas> element, stepped by the deck's own keys, and clickable inside a slide that reveal.js
 * scales with a CSS transform.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Frame, Page } from 'playwright-core';
import { launch, shot, watchForeignRequests } from './browser';

const baseUrl = inject('baseUrl');
const deckUrl = `${baseUrl}src/deck/index.html`;
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

type AtlasWindow = Window & { __atlas?: { ready: Promise<void>; mapIdle(): Promise<void>; state: { event: string | null } } };

async function atlasFrame(page: Page): Promise<Frame> {
  const el = await page.waitForSelector('section[data-atlas-slide="frame"] iframe');
  const frame = (await el.contentFrame())!;
  await frame.waitForFunction(() => !!(window as AtlasWindow).__atlas, null, { timeout: 30_000 });
  await frame.evaluate(() => (window as AtlasWindow).__atlas!.ready);
  await frame.getByTestId('story-count').waitFor();
  return frame;
}

const countIn = (frame: Frame) => frame.getByTestId('story-count').textContent();

/** The element's story count, read through its shadow root. */
const elementCount = (page: Page) =>
  page.evaluate(() => document.querySelector('sco-atlas')!.shadowRoot!.querySelector('[data-testid="story-count"]')?.textContent ?? '');

describe('the reveal.js example deck', () => {
  it('shows the embedded view in an iframe, and the deck’s own keys step the story', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 760 } });
    const foreign = watchForeignRequests(page, new URL(baseUrl).origin);
    await page.goto(`${deckUrl}#/1`);
    const frame = await atlasFrame(page);
    expect(await countIn(frame)).toMatch(/^Step 1 of \d+$/);
    const total = Number(/of (\d+)/.exec((await countIn(frame))!)![1]);
    await frame.evaluate(() => (window as AtlasWindow).__atlas!.mapIdle());
    // The map really drew inside the slide.
    const canvas = await frame.locator('canvas.maplibregl-canvas').boundingBox();
    expect(canvas!.width).toBeGreaterThan(600);

    const event1 = await frame.evaluate(() => (window as AtlasWindow).__atlas!.state.event);
    await page.keyboard.press('ArrowRight');
    await frame.waitForFunction(() => /^Step 2 of/.test(document.querySelector('[data-testid="story-count"]')?.textContent ?? ''));
    expect(await frame.evaluate(() => (window as AtlasWindow).__atlas!.state.event)).not.toBe(event1);
    await page.keyboard.press('PageDown');
    await frame.waitForFunction(() => /^Step 3 of/.test(document.querySelector('[data-testid="story-count"]')?.textContent ?? ''));
    // The deck hears back which step is showing.
    await page.waitForFunction(
      (t) => document.querySelector('section[data-atlas-slide="frame"] .step-label')?.textContent?.startsWith(`Step 3 of ${t}`),
      total,
    );
    await page.keyboard.press('ArrowLeft');
    await frame.waitForFunction(() => /^Step 2 of/.test(document.querySelector('[data-testid="story-count"]')?.textContent ?? ''));
    await frame.evaluate(() => (window as AtlasWindow).__atlas!.mapIdle());
    await shot(page, 'present-deck-iframe');

    // Someone clicks Next inside the embedded atlas: the deck follows, and its next key goes on from there.
    await frame.getByRole('button', { name: 'Next step' }).click();
    await frame.waitForFunction(() => /^Step 3 of/.test(document.querySelector('[data-testid="story-count"]')?.textContent ?? ''));
    await page.locator('section.present .slide-title').click();
    await page.keyboard.press('ArrowRight');
    await frame.waitForFunction(() => /^Step 4 of/.test(document.querySelector('[data-testid="story-count"]')?.textContent ?? ''));

    // After the last step the deck moves on to the next slide.
    for (let i = 4; i <= total; i++) await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => document.querySelector('section.present')?.getAttribute('data-atlas-slide') === 'element');
    expect(foreign).toEqual([]);
    await page.close();
  });

  it('returns to the story step in the deck’s URL after a reload, in the iframe and in the element', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 760 } });
    // reveal.js writes #/slide/0/fragment; fragment 1 of an atlas slide is story step 3.
    await page.goto(`${deckUrl}#/1/0/1`);
    const frame = await atlasFrame(page);
    await frame.waitForFunction(() => /^Step 3 of/.test(document.querySelector('[data-testid="story-count"]')?.textContent ?? ''));
    await page.waitForFunction(() =>
      document.querySelector('section[data-atlas-slide="frame"] .step-label')?.textContent?.startsWith('Step 3 of'),
    );
    // The next deck key goes on from there, not from the start.
    await page.keyboard.press('ArrowRight');
    await frame.waitForFunction(() => /^Step 4 of/.test(document.querySelector('[data-testid="story-count"]')?.textContent ?? ''));

    await page.goto(`${deckUrl}#/2/0/0`);
    await page.reload();
    await page.waitForFunction(
      () =>
        /^Step 2 of/.test(document.querySelector('sco-atlas')?.shadowRoot?.querySelector('[data-testid="story-count"]')?.textContent ?? ''),
      null,
      { timeout: 30_000 },
    );
    expect(await elementCount(page)).toMatch(/^Step 2 of \d+$/);
    await shot(page, 'present-deck-reload-step');
    await page.close();
  });

  for (const viewport of [
    { width: 1600, height: 1000 },
    { width: 900, height: 560 },
  ]) {
    it(`steps the custom element with the deck, and a click on a city inside the slide scaled to ${viewport.width}×${viewport.height} selects that city`, async () => {
      const page = await browser.newPage({ viewport });
      await page.goto(`${deckUrl}#/2`);
      await page.waitForFunction(
        () =>
          /^Step 1 of/.test(
            document.querySelector('sco-atlas')?.shadowRoot?.querySelector('[data-testid="story-count"]')?.textContent ?? '',
          ),
        null,
        {
          timeout: 30_000,
        },
      );
      // reveal.js really scales this slide.
      const scale = await page.evaluate(() => {
        const el = document.querySelector('sco-atlas') as HTMLElement;
        return el.getBoundingClientRect().width / el.offsetWidth;
      });
      expect(Math.abs(scale - 1)).toBeGreaterThan(0.1);

      await page.keyboard.press('ArrowRight');
      await page.waitForFunction(() =>
        /^Step 2 of/.test(document.querySelector('sco-atlas')!.shadowRoot!.querySelector('[data-testid="story-count"]')?.textContent ?? ''),
      );
      expect(await page.evaluate(() => document.querySelector('sco-atlas')!.getAttribute('step'))).toBe('2');
      await page.evaluate(() => document.querySelector('sco-atlas')!.atlas!.mapIdle());

      // Where is each city on screen? Projected by the map inside the element, then mapped through
      // the slide's transform as the eye sees it; pick one that nothing covers (e.g. the story card).
      const target = await page.evaluate(async () => {
        const el = document.querySelector('sco-atlas')!;
        const handle = el.atlas!;
        // The cities as the atlas knows them (the map draws their discs on its own canvas, not as a layer).
        const { places } = await handle.data;
        const map = handle.map()!.getMap()!;
        const container = map.getContainer();
        const box = container.getBoundingClientRect();
        const sx = box.width / container.offsetWidth;
        const sy = box.height / container.offsetHeight;
        const current = handle.state.place;
        for (const f of places) {
          const id = f.properties.id;
          if (id === current) continue;
          const p = map.project(f.geometry.coordinates as [number, number]);
          const x = box.left + p.x * sx;
          const y = box.top + p.y * sy;
          if (x < box.left + 30 || x > box.right - 30 || y < box.top + 30 || y > box.bottom - 30) continue;
          const hit = el.shadowRoot!.elementFromPoint(x, y);
          if (hit?.classList.contains('maplibregl-canvas')) return { id, x, y };
        }
        return null;
      });
      expect(target).not.toBeNull();
      await page.mouse.click(target!.x, target!.y);
      await page.waitForFunction((id) => document.querySelector('sco-atlas')!.atlas!.state.place === id, target!.id, { timeout: 5000 });
      await shot(page, `present-deck-element-${viewport.width}`);
      await page.close();
    });
  }
});
