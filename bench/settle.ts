/**
 * Waits until the browser is quiet before a timed navigation.
 *
 * Every load the bench times is in a fresh context (no cache, as a first visit), and a fresh context
 * is a new window. This Chromium (156, Debian, headless) then builds the window's Top Chrome WebUI
 * (chrome://omnibox-popup.top-chrome/) in a renderer process of its own: 0.5-1.2 s of CPU over the
 * next ~1.5 s (traces of 7 December: "WebUI Top Renderer" as busy as the page's own renderer). A
 * navigation started at once shared the machine's two cores with it, so every figure carried the
 * browser's own window set-up, which a person's browser did when its window opened, long before they
 * followed a link. Polling the browser's processes' CPU time (CDP SystemInfo.getProcessInfo) until it
 * stops growing takes that out of the measurement, whatever the browser chooses to build.
 */
import type { Browser, CDPSession } from 'playwright-core';

const sessions = new WeakMap<Browser, Promise<CDPSession>>();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function cpuSeconds(cdp: CDPSession): Promise<number> {
  // Not in playwright-core's typed protocol list for a browser session; the call exists in Chromium.
  const r = (await cdp.send('SystemInfo.getProcessInfo' as never)) as unknown as { processInfo: Array<{ cpuTime: number }> };
  return r.processInfo.reduce((s, p) => s + p.cpuTime, 0);
}

/**
 * Resolves once the browser's processes together used under `idleCpu` seconds of CPU in each of
 * `quietPolls` polls `pollMs` apart (or after `maxMs`); returns the milliseconds waited.
 */
export async function settleBrowser(
  browser: Browser,
  { pollMs = 100, quietPolls = 3, idleCpu = 0.015, maxMs = 5000 } = {},
): Promise<number> {
  let session = sessions.get(browser);
  if (!session) sessions.set(browser, (session = browser.newBrowserCDPSession()));
  const cdp = await session;
  const t0 = Date.now();
  let last = await cpuSeconds(cdp);
  let quiet = 0;
  while (quiet < quietPolls && Date.now() - t0 < maxMs) {
    await sleep(pollMs);
    const now = await cpuSeconds(cdp);
    quiet = now - last < idleCpu ? quiet + 1 : 0;
    last = now;
  }
  return Date.now() - t0;
}
