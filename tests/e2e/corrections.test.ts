/**
 * Review and correct in the page (issue 12), in real Chromium on the bundled seeds: a person fixes the
 * Bishkek 2019 summit's place and dates, sees it move (the map gains Samarkand, the timeline's mark
 * moves), undoes and redoes it, reloads and finds it kept, downloads corrections.json, and the CLI run
 * on the seeds with that file gives the same events as the page shows.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { unzipSync } from 'fflate';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, shot } from './browser';

const baseUrl = inject('baseUrl');
const root = join(import.meta.dirname, '../..');
const tmp = mkdtempSync(join(tmpdir(), 'sco-fixes-'));
let browser: Browser;
let page: Page;
const errors: string[] = [];

interface Shown {
  id: string;
  start: string;
  end?: string;
  placeId: string | null;
  title: string;
  mentionIds?: string[];
}
/** The events the page shows now, as plain records. */
const shown = (p: Page): Promise<Shown[]> =>
  p.evaluate(() =>
    (window.__atlas!.data!.events as unknown as Shown[]).map((e) => ({
      id: e.id,
      start: e.start,
      ...(e.end ? { end: e.end } : {}),
      placeId: e.placeId,
      title: e.title,
      mentionIds: e.mentionIds,
    })),
  );

async function open(p: Page, query = ''): Promise<void> {
  await p.goto(`${baseUrl}${query}`);
  await p.waitForFunction(() => !!window.__atlas);
  await p.evaluate(() => window.__atlas!.ready);
  await p.evaluate(() => window.__atlas!.mapIdle());
}

beforeAll(async () => {
  browser = await launch();
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  page = await context.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  await open(page, '?place=bishkek-kg&event=chs-2019');
});

afterAll(async () => {
  await browser?.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe('fixing an event in the page', () => {
  let fixedId = '';

  it('moves the Bishkek summit to Samarkand, 20-21 June 2019, on the map and the timeline', async () => {
    const before = await shown(page);
    const summit = before.find((e) => e.id === 'chs-2019')!;
    expect(summit).toMatchObject({ start: '2019-06-13', end: '2019-06-14', placeId: 'bishkek-kg' });
    expect(before.some((e) => e.placeId === 'samarkand-uz')).toBe(false);

    await page.locator('[data-event="chs-2019"] [data-testid="fix-event"]').click();
    const editor = page.getByTestId('event-editor');
    await editor.locator('input[name="start"]').fill('2019-06-20');
    await editor.locator('input[name="end"]').fill('2019-06-21');
    await editor.locator('input[name="place"]').fill('Samark');
    await editor.getByRole('button', { name: /^Samarkand, Uzbekistan/ }).click();
    await expect.poll(() => editor.getByTestId('fix-place-now').innerText()).toContain('Samarkand');
    await shot(page, 'corrections-editor');
    await editor.getByRole('button', { name: 'Save fix' }).click();

    await expect
      .poll(async () => (await shown(page)).find((e) => e.mentionIds?.some((m) => summit.mentionIds!.includes(m)))?.placeId)
      .toBe('samarkand-uz');
    const after = (await shown(page)).find((e) => e.mentionIds?.some((m) => summit.mentionIds!.includes(m)))!;
    expect(after).toMatchObject({ start: '2019-06-20', end: '2019-06-21', placeId: 'samarkand-uz' });
    fixedId = after.id;
    // On the map: Samarkand is now a place of the atlas, drawn on screen; Bishkek keeps only what else names it.
    const places = await page.evaluate(() => window.__atlas!.data!.places.map((f) => f.properties.id));
    expect(places).toContain('samarkand-uz');
    await expect.poll(() => page.evaluate(() => window.__atlas!.placePoint?.('samarkand-uz') ?? null)).not.toBeNull();
    // On the timeline: the event's mark starts a week later.
    const starts = await page.evaluate((id) => {
      const d = window.__atlas!.data!;
      return d.evStart[d.eventIndex.get(id)!];
    }, fixedId);
    expect(starts).toBe(Date.UTC(2019, 5, 20));
    await expect(page.getByTestId('fixes').innerText()).resolves.toMatch(/2 fixes|1 fix/);
    await shot(page, 'corrections-fixed');
  });

  it('undoes and redoes the fix, with the buttons and the keyboard', async () => {
    await page.getByTestId('fixes').getByRole('button', { name: 'Undo' }).click();
    await expect.poll(async () => (await shown(page)).find((e) => e.id === 'chs-2019')?.placeId).toBe('bishkek-kg');
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+Shift+Z');
    await expect.poll(async () => (await shown(page)).find((e) => e.id === fixedId)?.placeId).toBe('samarkand-uz');
    await page.keyboard.press('Control+Z');
    await expect.poll(async () => (await shown(page)).find((e) => e.id === 'chs-2019')?.placeId).toBe('bishkek-kg');
    await page.getByTestId('fixes').getByRole('button', { name: 'Redo' }).click();
    await expect.poll(async () => (await shown(page)).find((e) => e.id === fixedId)?.placeId).toBe('samarkand-uz');
  });

  it('keeps the fix across a reload', async () => {
    await open(page);
    await expect.poll(async () => (await shown(page)).find((e) => e.id === fixedId)?.placeId, { timeout: 20_000 }).toBe('samarkand-uz');
    await shot(page, 'corrections-reloaded');
  });

  it('downloads corrections.json, and npm run extract with it gives the same events', { timeout: 180_000 }, async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('fixes').getByRole('button', { name: 'Download corrections.json' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('corrections.json');
    const docs = join(tmp, 'docs');
    cpSync(join(root, 'data/sources'), docs, { recursive: true });
    await download.saveAs(join(docs, 'corrections.json'));
    const file = JSON.parse(readFileSync(join(docs, 'corrections.json'), 'utf8'));
    expect(file.corrections.every((c: { action: string }) => c.action === 'update-event')).toBe(true);

    const out = join(tmp, 'out');
    const r = spawnSync(process.execPath, [join(root, 'src/pipeline/extract.mjs'), '--in', docs, '--out', out, '--quiet'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).not.toMatch(/skipped/);
    const cli = (JSON.parse(readFileSync(join(out, 'event-layer.json'), 'utf8')) as Shown[]).map((e) => ({
      id: e.id,
      start: e.start,
      ...(e.end ? { end: e.end } : {}),
      placeId: e.placeId,
      title: e.title,
      mentionIds: e.mentionIds,
    }));
    const page_ = await shown(page);
    expect(cli.find((e) => e.id === fixedId)).toMatchObject({ start: '2019-06-20', end: '2019-06-21', placeId: 'samarkand-uz' });
    expect(page_).toEqual(cli);
  });

  it('downloads the atlas as a data folder zip that ?data= opens with the fix in it', { timeout: 120_000 }, async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('fixes').getByRole('button', { name: 'Download atlas (.zip)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('sco-atlas-data.zip');
    const zipPath = join(tmp, 'atlas.zip');
    await download.saveAs(zipPath);
    const files = unzipSync(readFileSync(zipPath));
    const names = Object.keys(files);
    for (const f of ['events.json', 'event-layer.json', 'places.geojson', 'statements.json', 'documents.json', 'corrections.json'])
      expect(names).toContain(`sco-atlas-data/${f}`);
    expect(names.filter((n) => n.startsWith('sco-atlas-data/documents/')).length).toBeGreaterThan(0);
    const served = join(inject('outDir'), 'corpora', 'fixes-zip');
    for (const [name, bytes] of Object.entries(files)) {
      mkdirSync(dirname(join(served, name)), { recursive: true });
      writeFileSync(join(served, name), bytes);
    }
    const other = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    other.on('pageerror', (e) => errors.push(e.message));
    await open(other, '?data=corpora/fixes-zip/sco-atlas-data/');
    // A fresh page of its own: the fix comes from the folder, not from this browser's storage of fixes.
    const there = await shown(other);
    expect(there.find((e) => e.id === fixedId)).toMatchObject({ start: '2019-06-20', end: '2019-06-21', placeId: 'samarkand-uz' });
    expect(there).toEqual(await shown(page));
    await shot(other, 'corrections-zip-opened');
    await other.close();
    expect(errors).toEqual([]);
  });
});
