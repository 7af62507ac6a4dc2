/**
 * Issue 14 item 8, in the browser: with `origins=null`, an atlas served over http posted its story
 * messages (titles, event ids) with target "*", and a page on another port received them. Now `null`
 * stands for file:// hosts only when the atlas itself is opened from file://; an http host hears
 * nothing unless its own origin is allowed (by name, or by `*`, which is then its origin by name).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch } from './browser';

const baseUrl = inject('baseUrl');
const origin = new URL(baseUrl).origin;
let browser: Browser;
let server: Server;
let host = '';

beforeAll(async () => {
  browser = await launch();
  // A stranger's page on another address and port that frames the atlas.
  server = createServer((req, res) => {
    const q = new URL(req.url ?? '/', 'http://x').searchParams.get('frame') ?? '';
    res.setHeader('content-type', 'text/html');
    res.end(
      `<!doctype html><title>host</title><script>window.heard=[];addEventListener('message',(e)=>window.heard.push(e.data))</script><iframe id="atlas" style="width:1000px;height:600px" src="${baseUrl}${q.replace(/"/g, '')}"></iframe>`,
    );
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.2', r));
  host = `http://127.0.0.2:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await browser?.close();
  await new Promise<void>((r) => server.close(() => r()));
});

type Heard = { type?: string; title?: string; eventId?: string }[];
async function framed(query: string): Promise<{ page: Page; heard: () => Promise<Heard> }> {
  const page = await browser.newPage({ viewport: { width: 1100, height: 700 } });
  await page.goto(`${host}/?frame=${encodeURIComponent(query)}`);
  const frame = page.frames().find((f) => f.url().startsWith(origin))!;
  await frame.waitForFunction(() => !!(window as unknown as { __atlas?: unknown }).__atlas);
  await frame.evaluate(() => (window as unknown as { __atlas: { ready: Promise<void> } }).__atlas.ready);
  await frame.getByTestId('story-count').waitFor();
  // The atlas announces that its story is ready (how many steps) to whoever may hear it.
  await page.waitForTimeout(1500);
  return { page, heard: () => page.evaluate(() => (window as unknown as { heard: Heard }).heard) };
}
const story = (h: Heard) => h.filter((m) => typeof m?.type === 'string' && m.type.startsWith('sco-atlas:'));

describe('story messages and the origins they go to', () => {
  it('origins=null on an atlas served over http: a page on another port hears nothing', async () => {
    const { page, heard } = await framed('?embed=1&story=1&step=1&origins=null');
    expect(story(await heard())).toEqual([]);
    await page.close();
  });

  it('origins naming the host: the host hears that the story is ready', async () => {
    const { page, heard } = await framed(`?embed=1&story=1&step=1&origins=${encodeURIComponent(host)}`);
    const got = story(await heard());
    expect(got.map((m) => m.type)).toContain('sco-atlas:ready');
    await page.close();
  });

  it('origins=* (a kiosk): the host still hears, the message addressed to its own origin', async () => {
    const { page, heard } = await framed('?embed=1&story=1&step=1&origins=*');
    expect(story(await heard()).map((m) => m.type)).toContain('sco-atlas:ready');
    await page.close();
  });
});
