/**
 * One way to start the real browser for every end-to-end test: Debian's Chromium driven by
 * playwright-core. WebGL2 runs in software (SwiftShader); never pass --disable-software-rasterizer.
 */
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** `extraArgs`: more Chromium switches, e.g. `--disable-3d-apis` for a browser without WebGL. */
export async function launch(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless=new',
      '--disable-gpu',
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      '--enable-unsafe-swiftshader',
      ...extraArgs,
    ],
  });
}

export const SCREENSHOTS = join(process.cwd(), 'tests', 'screenshots');

/** Saves a screenshot under tests/screenshots/ so a person can look at what the test saw. */
export async function shot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

/**
 * Fails the test on any request that leaves the app's own origin: the app must work with no network.
 * Returns the list of offending URLs, which the caller asserts is empty.
 */
export function watchForeignRequests(page: Page, origin: string): string[] {
  const foreign: string[] = [];
  page.on('request', (req) => {
    const url = req.url();
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    if (!url.startsWith(origin)) foreign.push(url);
  });
  return foreign;
}

/**
 * Distinct colours in a PNG (a screenshot or an exported image), counted by decoding it in the page
 * itself so the tests need no image library. Samples every `every`-th pixel of the top `topShare` of
 * the image. A blank or flat image has one or two; a drawn map has dozens.
 */
export function distinctColours(page: Page, png: Buffer, every = 4, topShare = 1): Promise<number> {
  return page.evaluate(
    async ({ b64, every, topShare }) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.width;
      c.height = img.height;
      const ctx = c.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const d = ctx.getImageData(0, 0, img.width, Math.max(1, Math.floor(img.height * topShare))).data;
      const seen = new Set<number>();
      for (let i = 0; i < d.length; i += 4 * every) seen.add((d[i]! << 16) | (d[i + 1]! << 8) | d[i + 2]!);
      return seen.size;
    },
    { b64: png.toString('base64'), every, topShare },
  );
}

/**
 * A browser context with no network, as a laptop at a venue has: every request that is not for a
 * `file:` URL is aborted and listed in `blocked`, which the caller asserts is empty.
 */
export async function offlineContext(
  browser: Browser,
  options: BrowserContextOptions = {},
): Promise<{ context: BrowserContext; blocked: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
  const blocked: string[] = [];
  await context.route('**', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:')) return route.continue();
    blocked.push(url);
    return route.abort('internetdisconnected');
  });
  return { context, blocked };
}
