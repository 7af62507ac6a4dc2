/**
 * The web component build, as a web author uses it: `npm run build:element`'s output dropped next to
 * a plain HTML page (no framework, no bundler), then `<sco-atlas>` with attributes.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, shot, watchForeignRequests } from './browser';

const baseUrl = inject('baseUrl');
const served = inject('outDir');
let browser: Browser;

beforeAll(async () => {
  // Into the folder the preview server serves, so the page, the element and ./data/ share an origin.
  await build({ mode: 'element', logLevel: 'warn', build: { outDir: join(served, 'element'), emptyOutDir: true } });
  mkdirSync(join(served, 'plain'), { recursive: true });
  writeFileSync(
    join(served, 'plain', 'index.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Plain page</title>
<style>body{font:20px Georgia,serif;text-align:center;color:#600} sco-atlas{width:900px;height:560px;margin:auto}</style>
<script type="module" src="../element/sco-atlas.js"></script></head>
<body><h1>A page with no framework</h1>
<sco-atlas data-url="../data/" story="1" step="2" place="moscow-ru"></sco-atlas></body></html>`,
  );
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('the <sco-atlas> web component build', () => {
  it('renders a story step from attributes on a plain page, and moves when the step attribute changes', async () => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 760 } });
    const foreign = watchForeignRequests(page, new URL(baseUrl).origin);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${baseUrl}plain/index.html`);
    const count = () =>
      page.evaluate(() => document.querySelector('sco-atlas')?.shadowRoot?.querySelector('[data-testid="story-count"]')?.textContent ?? '');
    await page.waitForFunction(
      () =>
        /^Step 2 of/.test(document.querySelector('sco-atlas')?.shadowRoot?.querySelector('[data-testid="story-count"]')?.textContent ?? ''),
      null,
      { timeout: 30_000 },
    );
    // The host page's serif, centred, red text does not leak into the atlas.
    const style = await page.evaluate(() => {
      const el = document.querySelector('sco-atlas')!.shadowRoot!.querySelector('[data-testid="story"] .title')!;
      const cs = getComputedStyle(el);
      return { align: cs.textAlign, font: cs.fontFamily };
    });
    expect(style.align).not.toBe('center');
    expect(style.font).not.toMatch(/Georgia/);

    await page.evaluate(() => document.querySelector('sco-atlas')!.setAttribute('step', '4'));
    await page.waitForFunction(() =>
      /^Step 4 of/.test(document.querySelector('sco-atlas')!.shadowRoot!.querySelector('[data-testid="story-count"]')?.textContent ?? ''),
    );
    const heard = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const el = document.querySelector('sco-atlas')!;
          el.addEventListener('sco-atlas:step', (e) => resolve((e as CustomEvent<{ step: number }>).detail.step), { once: true });
          el.next();
        }),
    );
    expect(heard).toBe(5);
    await page.evaluate(() => document.querySelector('sco-atlas')!.atlas!.mapIdle());
    const canvas = await page.evaluate(
      () => document.querySelector('sco-atlas')!.shadowRoot!.querySelector('canvas.maplibregl-canvas')?.getBoundingClientRect().width ?? 0,
    );
    expect(canvas).toBeGreaterThan(300);
    expect(await count()).toMatch(/^Step 5 of/);
    await shot(page, 'present-element-plain-page');
    expect(errors).toEqual([]);
    expect(foreign).toEqual([]);
    await page.close();
  });
});
