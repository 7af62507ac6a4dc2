/**
 * Issue 10 on the bundled seeds, in real Chromium: the atlas knows the SCO's summits as events. The
 * summit path reads Qingdao 2018 → Bishkek 2019 → Moscow 2020 (online) → Astana 2024, each meeting's
 * mark spans its full dates, and hovering a linked mark says why it is linked.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, shot } from './browser';

const baseUrl = inject('baseUrl');
let browser: Browser;
let page: Page;
const errors: string[] = [];

beforeAll(async () => {
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(baseUrl);
  await page.waitForFunction(() => !!window.__atlas);
  await page.evaluate(() => window.__atlas!.ready);
  await page.evaluate(() => window.__atlas!.mapIdle());
});

afterAll(async () => {
  await browser?.close();
});

/**
 * Moves the pointer over the timeline from one end, column by column down the lanes of marks, until it
 * rests on event `id`'s mark (the meetings are near the ends: Qingdao the second event, Astana the last).
 */
async function hoverMark(p: Page, id: string, fromRight: boolean): Promise<string> {
  const box = (await p.locator('.timeline .plot').boundingBox())!;
  for (let dx = 2; dx < box.width / 3; dx += 3) {
    for (let dy = 30; dy < Math.min(box.height - 10, 130); dy += 5) {
      await p.mouse.move(fromRight ? box.x + box.width - dx : box.x + dx, box.y + dy);
      if ((await p.evaluate(() => window.__atlas!.state.hoverEvent)) === id) return p.getByRole('tooltip').innerText();
    }
  }
  throw new Error(`no mark of ${id} found on the timeline`);
}

describe('the summits of the bundled corpus', () => {
  it('"Summits in order" reads Qingdao 2018 → Bishkek 2019 → Moscow 2020 (online) → Astana 2024', async () => {
    const said = await page.getByTestId('summits-legend').getAttribute('title');
    expect(said).toBe(
      'Qingdao 2018 (9 Jun 2018 – 10 Jun 2018) → Bishkek 2019 (13 Jun 2019 – 14 Jun 2019) → ' +
        'Moscow 2020 (online, 10 Nov 2020) → Astana 2024 (3 Jul 2024 – 4 Jul 2024)',
    );
    // The legend speaks of the events the app holds: the four meetings, under their proper names.
    const titles = await page.evaluate(() =>
      window.__atlas!.data!.events.filter((e) => ['chs-2018', 'chs-2019', 'chs-2020', 'chs-2024'].includes(e.id)).map((e) => e.title),
    );
    expect(titles).toEqual([
      '18th meeting of the SCO Council of Heads of State, Qingdao',
      '19th meeting of the SCO Council of Heads of State, Bishkek',
      '20th meeting of the SCO Council of Heads of State, Moscow',
      '24th meeting of the SCO Council of Heads of State, Astana',
    ]);
  });

  it('Qingdao’s mark spans 9–10 June 2018', async () => {
    const tip = await hoverMark(page, 'chs-2018', false);
    expect(tip).toContain('18th meeting of the SCO Council of Heads of State, Qingdao');
    expect(tip).toContain('9 Jun 2018 – 10 Jun 2018 · Qingdao');
  });

  it('hovering the Astana 2024 mark says why it is a meeting of the chronology', async () => {
    const tip = await hoverMark(page, 'chs-2024', true);
    expect(tip).toContain('24th meeting of the SCO Council of Heads of State, Astana');
    expect(tip).toContain('3 Jul 2024 – 4 Jul 2024 · Astana');
    expect(tip).toMatch(/linked: (a document adopted at this meeting|date and place match the meeting|the sentence names the meeting)/);
    await shot(page, 'summits-astana-hover');
    expect(errors).toEqual([]);
  });
});
