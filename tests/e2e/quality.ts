/**
 * Shared steps for the quality browser tests (security, offline, accessibility): open the built app,
 * wait until it is ready, and collect what a hostile document or parameter could make it do.
 */
import type { Page } from 'playwright-core';

type AtlasWindow = Window & {
  __atlas?: { ready: Promise<void>; mapIdle(): Promise<void>; state: Record<string, unknown> };
  __cspViolations?: string[];
};

/** Records Content-Security-Policy violations from the first script on; read with `cspViolations`. */
export async function watchCsp(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as AtlasWindow;
    w.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      w.__cspViolations!.push(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`);
    });
  });
}

export async function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as AtlasWindow).__cspViolations ?? []);
}

/** Every alert/confirm/prompt the page opens (each one means a document's script ran). */
export function watchDialogs(page: Page): string[] {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  return dialogs;
}

/** Page errors and console errors: a hostile input must not crash the app either. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  return errors;
}

/** Opens the app at `query` (e.g. `?data=corpora/x/&place=moscow`) and waits until its data is shown. */
export async function openAtlas(page: Page, baseUrl: string, query = '', { mapIdle = false } = {}): Promise<void> {
  await page.goto(baseUrl + query);
  await page.waitForFunction(() => !!(window as AtlasWindow).__atlas, null, { timeout: 30_000 });
  await page.evaluate(() => (window as AtlasWindow).__atlas!.ready);
  if (mapIdle) await page.evaluate(() => (window as AtlasWindow).__atlas!.mapIdle());
}

/**
 * Elements and attributes that only exist if some text was parsed as HTML: event-handler attributes,
 * inline scripts, frames, `javascript:` links, the hostile `<img src=x>`, `<svg>` with handlers,
 * `<style>` inside the body.
 */
export async function injectedElements(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const bad: string[] = [];
    const visit = (root: Document | ShadowRoot) => {
      for (const el of root.querySelectorAll('*')) {
        const tag = el.tagName.toLowerCase();
        for (const a of el.attributes) {
          if (/^on/i.test(a.name)) bad.push(`<${tag} ${a.name}="${a.value}">`);
          if (/^\s*javascript:/i.test(a.value) && /^(href|src|action|formaction|xlink:href)$/i.test(a.name))
            bad.push(`<${tag} ${a.name}="${a.value}">`);
        }
        if (tag === 'script' && !el.getAttribute('src') && (el as HTMLScriptElement).type !== 'application/json')
          bad.push('<script> inline');
        if (tag === 'iframe' || tag === 'object' || tag === 'embed') bad.push(`<${tag}>`);
        if (tag === 'img' && el.getAttribute('src') === 'x') bad.push('<img src=x>');
        if (tag === 'style' && el.closest('body')) bad.push('<style> in body');
        if (el.shadowRoot) visit(el.shadowRoot);
      }
    };
    visit(document);
    return bad;
  });
}

/** Characters that change text direction; shown bare they can make "exe.pdf" of "fdp.exe". */
export const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/;

/**
 * Text nodes holding direction controls whose element does not isolate them from the page around
 * (unicode-bidi isolate/plaintext, as <bdi> or dir="auto" give): each one could reorder the UI.
 */
export async function unisolatedBidi(page: Page): Promise<string[]> {
  return page.evaluate((src) => {
    const re = new RegExp(src);
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (!re.test(n.nodeValue ?? '')) continue;
      // The isolating element must sit close to the text (a highlight <mark> inside a quote is fine).
      let ok = false;
      let el = n.parentElement;
      for (let depth = 0; el && depth < 3 && !ok; depth++, el = el.parentElement) {
        const ub = getComputedStyle(el).unicodeBidi;
        ok = ub === 'isolate' || ub === 'plaintext' || ub === 'isolate-override';
      }
      if (!ok) out.push(`${n.parentElement?.tagName.toLowerCase()}: ${JSON.stringify(n.nodeValue?.slice(0, 80))}`);
    }
    return out;
  }, BIDI_CONTROLS.source);
}
