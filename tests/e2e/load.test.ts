/**
 * Loading a corpus in the browser, where the files are parsed and checked in a worker: a person still
 * sees which file is wrong and where, and a bad optional file only costs its feature.
 */
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { generateDataset, writeDataset } from '../../bench/generate-dataset.ts';
import { CORE_IN_THREAD, EARLY_EVENTS } from '../../src/app/data/pool';
import { launch } from './browser';

const baseUrl = inject('baseUrl');
const served = inject('outDir');
let browser: Browser;

/**
 * A generated (valid) corpus of `n` events, then one of its files changed by hand, as a person might.
 * Past 8 MB of events (pool.ts CORE_IN_THREAD, ~23,000 events) the loading worker checks them (and
 * fetches them itself when a HEAD tells the page their size first); from ~2,500 events the statements
 * pass 1 MB and are checked in a worker too. These tests cover those paths' results and messages.
 */
const generated = new Map<number, ReturnType<typeof generateDataset>>();
function corpus(name: string, n: number, file?: string, edit?: (records: Record<string, unknown>[]) => void): string {
  const dir = join(served, 'corpora', name);
  mkdirSync(dir, { recursive: true });
  if (!generated.has(n)) generated.set(n, generateDataset(n));
  writeDataset(generated.get(n)!, dir);
  if (file && edit) {
    const records = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Record<string, unknown>[];
    edit(records);
    writeFileSync(join(dir, file), JSON.stringify(records));
  }
  return `?data=corpora/${name}/`;
}

async function newPage(): Promise<{ page: Page; workers: string[]; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1200, height: 760 } });
  const workers: string[] = [];
  const errors: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  page.on('pageerror', (e) => errors.push(e.message));
  return { page, workers, errors };
}

/** Events enough (in the event layer and event-index.json: the mentions merge into a few fewer) for the worker's path. */
const LARGE = 26_000;
const indexCount = (name: string) =>
  (JSON.parse(readFileSync(join(served, 'corpora', name, 'event-index.json'), 'utf8')) as { start: unknown[] }).start.length;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('data files checked in a worker', () => {
  it('an invalid event record deep in event-layer.json stops the app with a notice naming the file and the record', async () => {
    // A date the contract does not allow, in record 4321 of the events the page shows (the event layer),
    // in a file large enough to be checked by the worker.
    const query = corpus('bad-event-deep', LARGE, 'event-layer.json', (events) => (events[4321]!.start = 'around 2019'));
    expect(statSync(join(served, 'corpora', 'bad-event-deep', 'event-layer.json')).size).toBeGreaterThan(CORE_IN_THREAD);
    // So many that the page asks for them beside the first screen (mount.ts), not after it.
    expect(indexCount('bad-event-deep')).toBeGreaterThanOrEqual(EARLY_EVENTS);
    const { page, workers, errors } = await newPage();
    await page.goto(baseUrl + query);
    const notice = page.getByTestId('data-error');
    await notice.waitFor({ timeout: 60_000 });
    const text = await notice.innerText();
    expect(text).toMatch(/event-layer\.json\s+does not match the data contract: \[4321\]\.start: expected YYYY, YYYY-MM or YYYY-MM-DD/);
    expect(text).toContain('corpora/bad-event-deep/');
    // It was checked off the page's thread.
    expect(workers.some((u) => /load\.worker/.test(u))).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('an event whose place is unknown, deep in a large event layer, is named while the rest opens', async () => {
    // The page asks what the events mean on its own copy while the worker checks them against the
    // contract; a problem found there must still reach the notices, and the event is kept without a place.
    let bad = '';
    const query = corpus('bad-place-deep', LARGE, 'event-layer.json', (events) => {
      events[4321]!.placeId = 'atlantis';
      bad = String(events[4321]!.id);
    });
    const { page, workers, errors } = await newPage();
    await page.goto(baseUrl + query);
    await page.waitForFunction(() => !!window.__atlas, null, { timeout: 60_000 });
    await page.evaluate(() => window.__atlas!.ready);
    const notices = await page.getByRole('status', { name: 'Notices' }).innerText();
    expect(notices).toContain(`event-layer.json: event ${bad}: place "atlantis" is not in places.geojson; shown without a place`);
    await page.waitForFunction(() => !!window.__atlas!.data);
    const kept = await page.evaluate((id) => window.__atlas!.data!.events.find((e) => e.id === id)?.placeId, bad);
    expect(kept).toBeNull();
    expect(workers.some((u) => /load\.worker/.test(u))).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('an invalid statement only costs the statements: the map and timeline still show, with a notice naming the record', async () => {
    const query = corpus('bad-statement-deep', 3000, 'statements.json', (statements) => (statements[2500]!.start = -1));
    const { page, workers, errors } = await newPage();
    await page.goto(baseUrl + query);
    await page.waitForFunction(() => !!window.__atlas, null, { timeout: 60_000 });
    await page.evaluate(() => window.__atlas!.ready);
    await expect(page.getByTestId('summary').innerText()).resolves.toMatch(/\d+ events/);
    const body = await page.locator('body').innerText();
    expect(body).toMatch(/statements\.json[\s\S]*does not match the data contract: \[2500\]\.start/);
    expect(body).toMatch(/statements cannot be shown/);
    expect(workers.some((u) => /load\.worker/.test(u))).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a valid generated corpus opens with every event in time order, as the main thread would index it', async () => {
    // Large: the worker fetches and checks the events while this thread orders and indexes its own copy.
    const query = corpus('good-large', LARGE);
    const { page, errors, workers } = await newPage();
    await page.goto(baseUrl + query);
    await page.waitForFunction(() => !!window.__atlas, null, { timeout: 60_000 });
    await page.evaluate(() => window.__atlas!.ready);
    await page.waitForFunction(() => !!window.__atlas!.data);
    expect(workers.some((u) => /load\.worker/.test(u))).toBe(true);
    // The map is ready (idle, its cities drawn from event-index.json) before this thread parses the
    // events: that parse, one long task, no longer holds the map's first frames back.
    const at = await page.evaluate(() =>
      Object.fromEntries(['map:first-idle', 'atlas:data-end'].map((k) => [k, performance.getEntriesByName(k)[0]?.startTime ?? NaN])),
    );
    expect(at['map:first-idle']).toBeLessThan(at['atlas:data-end']!);
    const check = await page.evaluate(() => {
      const d = window.__atlas!.data!;
      let sorted = true;
      for (let i = 1; i < d.events.length; i++) if (d.evStart[i]! < d.evStart[i - 1]!) sorted = false;
      const someStatement = d.events.find((e) => e.statementIds.length)!;
      return {
        n: d.events.length,
        sorted,
        indexed: d.events.every((e, i) => d.eventIndex.get(e.id) === i),
        placed: d.events.every((e, i) => (e.placeId === null ? d.evPlace[i] === -1 : d.places[d.evPlace[i]!]?.properties.id === e.placeId)),
        statements: d.statements.length,
        linked: !!d.statementsByEvent.get(someStatement.id)?.length,
      };
    });
    // Every event of the layer (the mentions merge into a few fewer events).
    const layer = JSON.parse(readFileSync(join(served, 'corpora', 'good-large', 'event-layer.json'), 'utf8')) as unknown[];
    expect(layer.length).toBeGreaterThanOrEqual(EARLY_EVENTS);
    expect(check).toEqual({ n: layer.length, sorted: true, indexed: true, placed: true, statements: expect.any(Number), linked: true });
    expect(check.statements).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});
