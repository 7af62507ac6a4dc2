/**
 * Review and correct in the page (issue 12), in real Chromium on the bundled seeds: a person fixes the
 * Bishkek 2019 summit's place and dates, sees it move (the map gains Samarkand, the timeline's mark
 * moves), undoes and redoes it, reloads and finds it kept; links a forum to a chronology meeting,
 * merges two New York events into one, detaches a statement from it, moves an event by clicking the
 * map; downloads corrections.json, and the CLI run on the seeds with that file gives the same events
 * as the page shows. An embed shows no Fix button.
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
  statementIds?: string[];
}
/** The events the page shows now, as plain records. */
/** Opens an event in the panel, as a click on its mark does. */
const selectEvent = (p: Page, id: string, place: string | null = null) =>
  p.evaluate(
    ([id, place]) => {
      const s = window.__atlas!.state;
      s.place = place;
      s.event = id;
    },
    [id, place] as const,
  );
const eventOf = async (p: Page, mentionId: string) => (await shown(p)).find((e) => e.mentionIds?.includes(mentionId));
const shown = (p: Page): Promise<Shown[]> =>
  p.evaluate(() =>
    (window.__atlas!.data!.events as unknown as Shown[]).map((e) => ({
      id: e.id,
      start: e.start,
      ...(e.end ? { end: e.end } : {}),
      placeId: e.placeId,
      title: e.title,
      mentionIds: e.mentionIds,
      statementIds: e.statementIds,
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

  it('links a forum to the chronology meeting the picker offers nearest its date', async () => {
    const forum = '004_03b34fe1c9b4c7e7:2020-10-29';
    await selectEvent(page, forum);
    await page.locator(`[data-event="${forum}"] [data-testid="fix-event"]`).click();
    const editor = page.getByTestId('event-editor');
    await editor.getByTestId('fix-meeting').locator('summary').click();
    // Nothing typed: the meetings nearest the forum's date, the Moscow summit of 10 November 2020 first.
    const first = editor.getByTestId('fix-meeting').locator('.found button').first();
    await expect.poll(() => first.innerText()).toMatch(/20th meeting of the SCO Council of Heads of State[\s\S]*2020/);
    await shot(page, 'corrections-editor-meeting');
    await first.click();
    await expect.poll(async () => (await eventOf(page, forum))?.id).toBe('chs-2020');
    // Shown like a pipeline-linked event: the meeting's name and dates, the forum among its sources.
    const summit = (await eventOf(page, forum))!;
    expect(summit).toMatchObject({ start: '2020-11-10', title: '20th meeting of the SCO Council of Heads of State, Moscow' });
    const card = page.getByTestId('statement-panel').locator('li.group[data-event="chs-2020"] h3');
    await expect.poll(() => card.innerText()).toContain('20th meeting of the SCO Council of Heads of State');
  });

  it('merges two New York events into one: one card, one event less on the map', async () => {
    const [resolution, council] = ['004_03b34fe1c9b4c7e7:2019-08-30', '004_03b34fe1c9b4c7e7:2019-09-25'];
    const inNewYork = async () => (await shown(page)).filter((e) => e.placeId === 'new-york-us').length;
    const before = await inNewYork();
    await selectEvent(page, council, 'new-york-us');
    await page.locator(`[data-event="${council}"] [data-testid="fix-event"]`).click();
    const editor = page.getByTestId('event-editor');
    await editor.getByTestId('fix-merge').locator('summary').click();
    await editor.locator('input[name="merge"]').fill('resolution');
    await shot(page, 'corrections-editor-merge');
    await editor
      .getByTestId('fix-merge')
      .getByRole('button', { name: /^UN General Assembly resolution, New York/ })
      .click();
    await expect.poll(inNewYork).toBe(before - 1);
    const merged = (await eventOf(page, resolution))!;
    expect(merged.id).toBe(council);
    expect(merged.mentionIds).toEqual([resolution, council]);
    // One card in the city's panel, with both documents' statements under it.
    const panel = page.getByTestId('statement-panel');
    await expect.poll(() => panel.locator(`li.group[data-event="${council}"]`).count()).toBe(1);
    await expect.poll(() => panel.locator(`li.group[data-event="${resolution}"]`).count()).toBe(0);
    await expect.poll(() => page.evaluate((id) => window.__atlas!.data!.statementsByEvent.get(id)?.length, council)).toBe(2);
    // The panel was open while the fix rebuilt it: every row is measured again, none drawn over another.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const overlapping = await panel.locator('[data-row]').evaluateAll((rows) =>
      rows.flatMap((a, i) =>
        rows.slice(i + 1).flatMap((b) => {
          const [p, q] = [a.getBoundingClientRect(), b.getBoundingClientRect()];
          return p.top < q.bottom - 1 && q.top < p.bottom - 1 ? [`${a.textContent!.slice(0, 30)} / ${b.textContent!.slice(0, 30)}`] : [];
        }),
      ),
    );
    expect(overlapping).toEqual([]);
  });

  it('detaches a statement from the merged event; it stays with its city', async () => {
    const council = '004_03b34fe1c9b4c7e7:2019-09-25';
    const sid = '004_03b34fe1c9b4c7e7:s:47615';
    const panel = page.getByTestId('statement-panel');
    // The resolution's sentence, which the merge put under the Security Council meeting.
    const row = panel.locator('li.row', { hasText: 'adopted by consensus, reaffirms' });
    await row.getByTestId('detach-statement').scrollIntoViewIfNeeded();
    // Two frames: the panel's list measures its new rows after the merge before it is pictured.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await shot(page, 'corrections-detach');
    await row.getByTestId('detach-statement').click();
    await expect.poll(() => page.evaluate((id) => window.__atlas!.data!.statementsByEvent.get(id)?.length, council)).toBe(1);
    const stays = await page.evaluate((sid) => window.__atlas!.data!.statementsByPlace.get('new-york-us')?.some((s) => s.id === sid), sid);
    expect(stays).toBe(true);
    await expect.poll(() => panel.innerText()).toContain('Other mentions');
  });

  it('moves an event by clicking the map: the nearest place where nothing is drawn, the city where a disc is', async () => {
    const justices = '004_03b34fe1c9b4c7e7:2020-10-30';
    await selectEvent(page, justices);
    await page.locator(`[data-event="${justices}"] [data-testid="fix-event"]`).click();
    const editor = page.getByTestId('event-editor');
    await editor.getByTestId('fix-pick').click();
    await page.getByTestId('pick-hint').waitFor({ state: 'visible' });
    await editor.waitFor({ state: 'hidden' });
    await shot(page, 'corrections-pick-hint');
    // Escape gives up: the editor comes back as it was, and the panel stays open.
    await page.keyboard.press('Escape');
    await editor.waitFor({ state: 'visible' });
    expect(await page.getByTestId('map-pick').count()).toBe(0);
    expect(await page.evaluate(() => window.__atlas!.state.event)).toBe(justices);
    await page.evaluate(() => window.__atlas!.mapIdle());
    const at = (await page.evaluate(() => window.__atlas!.placePoint?.('tashkent-uz') ?? null))!;
    // Away from any disc: the gazetteer's nearest place to the point.
    await editor.getByTestId('fix-pick').click();
    await page.mouse.click(at.x + 45, at.y + 45);
    await editor.waitFor({ state: 'visible' });
    await expect.poll(() => editor.getByTestId('fix-place-now').innerText()).toMatch(/^Picked on the map: \p{L}/u);
    expect(await editor.getByTestId('fix-place-now').innerText()).not.toMatch(/Tashkent|Astana/);
    // On Tashkent's disc: Tashkent.
    await editor.getByTestId('fix-pick').click();
    await page.mouse.click(at.x, at.y);
    await editor.waitFor({ state: 'visible' });
    await expect.poll(() => editor.getByTestId('fix-place-now').innerText()).toMatch(/Picked on the map: Tashkent/);
    await editor.getByRole('button', { name: 'Save fix' }).click();
    await expect.poll(async () => (await eventOf(page, justices))?.placeId).toBe('tashkent-uz');
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
    expect([...new Set(file.corrections.map((c: { action: string }) => c.action))].sort()).toEqual([
      'detach-statement',
      'link',
      'merge-events',
      'update-event',
    ]);

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
      statementIds: e.statementIds,
    }));
    const page_ = await shown(page);
    expect(cli.find((e) => e.id === fixedId)).toMatchObject({ start: '2019-06-20', end: '2019-06-21', placeId: 'samarkand-uz' });
    expect(page_).toEqual(cli);
  });

  it('at phone size the new controls fit the editor and the pick reaches the map; an embed has no Fix button', async () => {
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    phone.on('pageerror', (e) => errors.push(e.message));
    // In Russian, whose labels are the longest of the three languages.
    await open(phone, '?place=new-york-us&event=004_03b34fe1c9b4c7e7:2019-09-25&lang=ru');
    await phone.locator('[data-event="004_03b34fe1c9b4c7e7:2019-09-25"] [data-testid="fix-event"]').click();
    const editor = phone.getByTestId('event-editor');
    await editor.getByTestId('fix-meeting').locator('summary').click();
    await editor.getByTestId('fix-merge').locator('summary').click();
    await editor.getByTestId('fix-merge').locator('.found button').first().waitFor();
    await shot(phone, 'corrections-phone-editor');
    expect(await phone.getByTestId('statement-panel').getByTestId('detach-statement').count()).toBeGreaterThan(0);
    await editor.getByTestId('fix-pick').click();
    await phone.getByTestId('pick-hint').waitFor({ state: 'visible' });
    // The map is there to tap: what is under the middle of its visible part is the pick layer.
    const box = (await phone.getByTestId('map-pick').boundingBox())!;
    const hit = await phone.evaluate(
      ([x, y]) => document.elementFromPoint(x!, y!)?.getAttribute('data-testid'),
      [box.x + box.width / 2, box.y + Math.min(box.height / 2, 150)],
    );
    expect(hit).toBe('map-pick');
    await shot(phone, 'corrections-phone-pick');
    // Escape ends the pick, then closes the editor; the panel stays open.
    await phone.keyboard.press('Escape');
    await editor.waitFor({ state: 'visible' });
    await phone.keyboard.press('Escape');
    await editor.waitFor({ state: 'detached' });
    expect(await phone.evaluate(() => window.__atlas!.state.event)).toBe('004_03b34fe1c9b4c7e7:2019-09-25');

    await open(phone, '?embed=1&place=new-york-us&event=004_03b34fe1c9b4c7e7:2019-09-25');
    await phone.getByTestId('statement-panel').waitFor();
    expect(await phone.locator('[data-testid="fix-event"], [data-testid="detach-statement"], [data-testid="fixes"]').count()).toBe(0);
    await phone.close();
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
