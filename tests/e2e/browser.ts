/**
 * One way to start the real browser for every end-to-end test: Debian's Chromium driven by
 * playwright-core. WebGL2 runs in software (SwiftShader); never pass --disable-software-rasterizer.
 */
import { chromium, type Browser, type Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launch(): Promise<Browser> {
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
