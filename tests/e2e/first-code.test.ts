/**
 * The page's first code carries only what the first screen draws: the video export (webm-muxer,
 * fix-webm-duration), search (MiniSearch) and the share, export and story layer are chunks of their
 * own, fetched when a person asks for them. A browser loads the built app; every script it requested
 * before its data was in (the code that runs on the way to the first screen) is read back from the
 * build and searched for a string only that library or layer has. Then the share dialog and a search
 * fetch theirs, which shows the strings are the right ones.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch } from './browser';

const baseUrl = inject('baseUrl');
const outDir = inject('outDir');

/** A string each heavy part has in its built code (error messages and a file name it writes). */
const SIGNATURES = {
  'webm-muxer': 'EBML VINT size not supported',
  'fix-webm-duration': '[fix-webm-duration]',
  minisearch: 'MiniSearch: duplicate ID',
  'share, exports and story (present/Presentation.svelte)': 'sco-atlas_story.webm',
} as const;
type Part = keyof typeof SIGNATURES;

let browser: Browser;
let page: Page;
beforeAll(async () => {
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
});
afterAll(async () => {
  await browser?.close();
});

/** The build's file behind a script URL the page requested. */
const fileOf = (url: string) => join(outDir, new URL(url).pathname);

/** Scripts the page requested before `mark` (all of them when `mark` is null), as build file paths. */
async function scriptsRequested(before: string | null): Promise<string[]> {
  const urls = await page.evaluate((mark) => {
    const t = mark === null ? Infinity : (performance.getEntriesByName(mark)[0]?.startTime ?? -1);
    return performance
      .getEntriesByType('resource')
      .filter((r) => r.startTime <= t && /\.m?js(\?|$)/.test(r.name))
      .map((r) => r.name);
  }, before);
  return urls.map(fileOf);
}

const partsIn = (files: readonly string[]): Part[] => {
  const code = files.map((f) => readFileSync(f, 'utf8')).join('\n');
  return (Object.keys(SIGNATURES) as Part[]).filter((p) => code.includes(SIGNATURES[p]));
};

describe('the code before the first screen', () => {
  it('every signature is in the build, each in a chunk of its own', () => {
    const assets = join(outDir, 'assets');
    const js = readdirSync(assets)
      .filter((f) => /\.m?js$/.test(f))
      .map((f) => join(assets, f));
    expect(partsIn(js).sort()).toEqual((Object.keys(SIGNATURES) as Part[]).sort());
  });

  it('holds no video export, search or share layer; they come when asked for', async () => {
    await page.goto(baseUrl);
    await page.waitForFunction(() => !!window.__atlas);
    await page.evaluate(() => window.__atlas!.ready);
    const early = await scriptsRequested('atlas:data-end');
    expect(early.length).toBeGreaterThan(0);
    expect(partsIn(early)).toEqual([]);

    // The share button (its layer's chunk) and a search (MiniSearch's) fetch their code.
    await page.getByRole('button', { name: /share/i }).click();
    await page.getByRole('dialog').waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('searchbox', { name: /search/i }).fill('summit');
    await page.waitForFunction(() => new URLSearchParams(location.search).get('q') === 'summit');
    await expect.poll(async () => partsIn(await scriptsRequested(null))).toContain('minisearch');
    const later = partsIn(await scriptsRequested(null));
    expect(later).toContain('share, exports and story (present/Presentation.svelte)');
    // The recorder only when a video is made (not here).
    expect(later).not.toContain('webm-muxer');
    expect(later).not.toContain('fix-webm-duration');
  });
});
