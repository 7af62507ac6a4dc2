/**
 * Issue 14 item 4, in the browser: a data folder whose events fit the contract's shapes but not its
 * meaning. Before, "2020-02-31" made the window read "1 Jan 1970 – ...", a repeated event id threw
 * each_key_duplicate (uncaught), and an end before its start or an unknown document loaded silently.
 * Now each is a notice naming the file and the event; the rest of the atlas works.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, shot } from './browser';

const baseUrl = inject('baseUrl');
let browser: Browser;
beforeAll(async () => (browser = await launch()));
afterAll(async () => browser?.close());

describe("data that breaks the contract's meaning", () => {
  it("is named in notices, left out, and the atlas still opens on the data's own years", async () => {
    const sample = join(import.meta.dirname, '..', 'fixtures', 'sample');
    const dir = join(inject('outDir'), 'corpora', 'meaning');
    cpSync(sample, dir, { recursive: true });
    // The events the page shows: the event layer.
    const events = JSON.parse(readFileSync(join(sample, 'event-layer.json'), 'utf8')) as {
      id: string;
      start: string;
      end?: string;
      docId: string;
      precision: string;
    }[];
    events[0]!.start = '2020-02-31';
    events[1]!.id = events[2]!.id;
    events[3] = { ...events[3]!, start: '2024-07-04', end: '2024-07-01', precision: 'day' };
    events[4]!.docId = 'no-such-document';
    writeFileSync(join(dir, 'event-layer.json'), JSON.stringify(events));

    const p = await browser.newPage({ viewport: { width: 1200, height: 760 } });
    const errors: string[] = [];
    p.on('pageerror', (e) => errors.push(e.message));
    await p.goto(`${baseUrl}?data=corpora/meaning/`);
    await p.waitForFunction(() => !!window.__atlas);
    await p.evaluate(() => window.__atlas!.ready);
    await expect(p.getByTestId('summary').innerText()).resolves.toMatch(new RegExp(`${events.length - 4} events`));
    const notices = await p.getByRole('status', { name: 'Notices' }).innerText();
    expect(notices).toContain(`event-layer.json: event ${events[0]!.id}: start 2020-02-31 is not a real calendar date`);
    expect(notices).toContain(`event ${events[2]!.id}: a second event with this id`);
    expect(notices).toContain(`event ${events[3]!.id}: end 2024-07-01 is before start 2024-07-04`);
    expect(notices).toContain('document "no-such-document" is not in documents.json');
    expect(await p.locator('body').innerText()).not.toMatch(/1970/);
    await shot(p, 'app-meaning-notices');
    expect(errors).toEqual([]);
    await p.close();
  });
});
