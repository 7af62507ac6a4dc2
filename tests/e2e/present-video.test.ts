/**
 * Taking the atlas away as pictures (issue 13): the PNG carries the legend and the selected city with
 * its statements, and a three-step story becomes a WebM that plays for three steps' time.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launch, SCREENSHOTS, shot } from './browser';

const baseUrl = inject('baseUrl');
const served = inject('outDir');
let browser: Browser;
let context: BrowserContext;

type AtlasWindow = Window & { __atlas?: { ready: Promise<void>; mapIdle(): Promise<void> } };

async function open(query: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${baseUrl}?${query}`);
  await page.waitForFunction(() => !!(window as AtlasWindow).__atlas, null, { timeout: 30_000 });
  await page.evaluate(() => (window as AtlasWindow).__atlas!.ready);
  await page.evaluate(() => (window as AtlasWindow).__atlas!.mapIdle());
  return page;
}

const hex = (c: string) => [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16));

beforeAll(async () => {
  browser = await launch();
  context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
});
afterAll(async () => browser?.close());

describe('exports a presenter takes away', () => {
  it('the PNG has the legend at the map foot and Moscow with its dated statements beside the map', async () => {
    const page = await open('place=moscow-ru');
    const mapBox = (await page.getByTestId('map').boundingBox())!;
    const tlBox = (await page.locator('.timeline .plot').boundingBox())!;
    await page.getByRole('button', { name: 'Share / Embed' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /PNG/ }).click()]);
    const bytes = readFileSync((await download.path())!);
    writeFileSync(join(SCREENSHOTS, 'present-video-png.png'), bytes);
    const png = PNG.sync.read(bytes);
    const at = (x: number, y: number) => {
      const i = (png.width * y + x) * 4;
      return [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!];
    };
    // The layout snapshot.ts draws at 2x: the map, the city's column (300 px) right of it, the timeline below.
    const width = Math.max(320, Math.round(Math.max(Math.round(mapBox.width) + 300, tlBox.width)));
    expect(png.width).toBe(width * 2);
    const mapW = width - 300;
    const mapH = Math.round((mapBox.height * mapW) / mapBox.width);

    // The legend: at the map's bottom left (8 px in, 8 px up), one swatch of each status colour.
    const counts = { member: 0, observer: 0, partner: 0 };
    const wanted = { member: hex('#9cc3d5'), observer: hex('#c9dfa9'), partner: hex('#f0dca8') };
    for (let y = (mapH - 8 - 40) * 2; y < (mapH - 8) * 2; y++)
      for (let x = 16; x < 16 + 2 * 300; x++) {
        const c = at(x, y);
        for (const k of Object.keys(wanted) as (keyof typeof wanted)[])
          if (c.every((v, i) => Math.abs(v - wanted[k][i]!) <= 2)) counts[k]++;
      }
    // Each swatch is 24x24 pixels at 2x, less its border.
    expect(counts.member).toBeGreaterThan(300);
    expect(counts.observer).toBeGreaterThan(300);
    expect(counts.partner).toBeGreaterThan(300);

    // The city's column: dark text (the city's name, the dates) and the blue bars of its statements.
    let dark = 0;
    let bars = 0;
    for (let y = 10; y < 400; y++)
      for (let x = mapW * 2 + 10; x < png.width - 10; x++) {
        const [r, g, b] = at(x, y);
        if (r! < 90 && g! < 90 && b! < 110) dark++;
        if (Math.abs(r! - 0x2f) < 6 && Math.abs(g! - 0x6f) < 6 && Math.abs(b! - 0x9f) < 6) bars++;
      }
    expect(dark).toBeGreaterThan(500);
    expect(bars).toBeGreaterThan(100);
    await page.close();
  }, 90_000);

  it('a three-step story recorded as WebM: EBML header, three steps long, frames that play', async () => {
    const dir = join(served, 'corpora', 'three-steps');
    cpSync(join(served, 'data'), dir, { recursive: true });
    const story = {
      title: 'Three summits',
      steps: [
        { date: '2018-06-10', place: 'Qingdao' },
        { date: '2019-06-14', place: 'Bishkek' },
        { date: '2020-11-10', place: 'Moscow' },
      ],
    };
    writeFileSync(join(dir, 'story.json'), JSON.stringify(story));
    const page = await open('data=corpora/three-steps/');
    await page.getByRole('button', { name: 'Share / Embed' }).click();
    const video = page.getByTestId('video-export');
    await expect(video.getByLabel(/story \(3 steps\)/i).isChecked()).resolves.toBe(true);
    await video.getByLabel('Seconds per step').fill('1');
    const t0 = Date.now();
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 45_000 }),
      video.getByRole('button', { name: /record video/i }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('sco-atlas_story.webm');
    const bytes = readFileSync((await download.path())!);
    expect(Date.now() - t0).toBeGreaterThan(2900); // it took the story's time: steps keep their timing
    expect([...bytes.subarray(0, 4)]).toEqual([0x1a, 0x45, 0xdf, 0xa3]);
    await expect(video.getByTestId('video-note').textContent()).resolves.toBe('Video saved.');
    // Back where the presenter was: not in story mode.
    await expect(page.getByTestId('story').count()).resolves.toBe(0);
    await page.close();

    // Played in a plain page (the app's own CSP allows no blob: media): its length, size and frames.
    const player = await context.newPage();
    await player.goto('about:blank');
    const played = await player.evaluate(async (b64) => {
      const bin = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const v = document.createElement('video');
      v.muted = true;
      v.src = URL.createObjectURL(new Blob([bin], { type: 'video/webm' }));
      await new Promise((ok, fail) => {
        v.onloadedmetadata = ok;
        v.onerror = () => fail(new Error(v.error?.message ?? 'video error'));
      });
      let frames = 0;
      const count = () => {
        frames++;
        v.requestVideoFrameCallback(count);
      };
      v.requestVideoFrameCallback(count);
      v.playbackRate = 4;
      await v.play();
      await new Promise((ok) => (v.onended = ok));
      const c = document.createElement('canvas');
      c.width = v.videoWidth;
      c.height = v.videoHeight;
      c.getContext('2d')!.drawImage(v, 0, 0);
      return { duration: v.duration, width: v.videoWidth, height: v.videoHeight, frames, last: c.toDataURL('image/png') };
    }, bytes.toString('base64'));
    expect(played.width).toBe(1280);
    expect(played.height).toBe(720);
    expect(played.duration).toBeGreaterThan(2.7);
    expect(played.duration).toBeLessThan(3.8);
    expect(played.frames).toBeGreaterThan(2);
    writeFileSync(join(SCREENSHOTS, 'present-video-last-frame.png'), Buffer.from(played.last.split(',')[1]!, 'base64'));
    await shot(player, 'present-video-player');
    await player.close();
  }, 90_000);
});
