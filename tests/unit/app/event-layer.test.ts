/**
 * Issue 10 in the app: the page shows the event layer (event-layer.json: one event per real meeting,
 * across documents) and still opens a data folder written before it (events.json, the mentions).
 */
import { render, screen, within } from '@testing-library/svelte';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { flushSync } from 'svelte';
import { beforeAll, describe, expect, it } from 'vitest';
import StatementList from '../../../src/app/components/StatementList.svelte';
import { buildIndexes } from '../../../src/app/data/indexes';
import { loadRawData } from '../../../src/app/data/load';
import { topicSlot } from '../../../src/app/palette';
import { describe as describeEvent } from '../../../src/app/timeline/keyboard';
import { eventStyles } from '../../../src/app/timeline/layout';
import type { Statement } from '../../../src/contract/schema';
import { SAMPLE, fsFetch, sampleBeforeLayer, sampleData, stubResizeObserver, withAtlas } from './sample';

beforeAll(stubResizeObserver);

const statementsOnDisk = JSON.parse(readFileSync(join(SAMPLE, 'statements.json'), 'utf8')) as Statement[];

describe('the event layer on screen', () => {
  it('groups statements under the layer event their mention merged into', async () => {
    const d = await sampleData();
    // statements.json says st-1 supports the mention ev-moscow-2020; the page shows it under the
    // Moscow 2020 meeting (chs-2020), and no statement is left without its event.
    expect(statementsOnDisk.find((s) => s.id === 'st-1')!.eventIds).toEqual(['ev-moscow-2020']);
    expect(d.statementsByEvent.get('chs-2020')!.map((s) => s.id)).toEqual(['st-1']);
    expect(d.statementsByEvent.get('ev-moscow-2020')).toBeUndefined();
    expect(d.statementsByEvent.get('chs-2019')!.map((s) => s.id)).toEqual(['st-2']);
    expect(d.statements).toHaveLength(statementsOnDisk.length);
    const ids = new Set(d.events.map((e) => e.id));
    expect(d.statements.every((s) => s.eventIds.length > 0 && s.eventIds.every((id) => ids.has(id)))).toBe(true);
    // Unlinked events keep their mention's id, so their statements stay where they were.
    expect(d.statementsByEvent.get('ev-agora-2020')!.map((s) => s.id)).toEqual(['st-8']);
  });

  it('loads without a word about a corpus that means what it says', async () => {
    const { problems } = await loadRawData(SAMPLE, fsFetch);
    expect(problems).toEqual([]);
  });

  it('the tooltip says why an event is linked and how many documents speak of it', async () => {
    const d = await sampleData();
    const at = (id: string) => d.events.findIndex((e) => e.id === id);
    expect(describeEvent(d, at('chs-2020'))).toEqual({
      text: '20th meeting of the SCO Council of Heads of State, Moscow',
      sub: '10 Nov 2020 · Moscow, by videoconference',
      why: 'linked: a document adopted at this meeting',
    });
    expect(describeEvent(d, at('chs-2024')).sub).toBe('3 Jul 2024 – 4 Jul 2024 · Astana');
    expect(describeEvent(d, at('chs-2024')).why).toBe('linked: the sentence names the meeting');
    // An event no meeting explains says nothing of a link; an online one with no city reads "online".
    expect(describeEvent(d, at('ev-agora-2020'))).toEqual({ text: 'Agora online conference', sub: '29 May 2020 · online' });
    // Two documents speaking of one meeting are counted.
    const two = { ...d, events: d.events.map((e) => (e.id === 'chs-2024' ? { ...e, docIds: ['astana-2024', 'moscow-2020'] } : e)) };
    expect(describeEvent(two, at('chs-2024')).why).toBe('linked: the sentence names the meeting · 2 documents');
  });
});

describe('an event no source ties to the SCO', () => {
  /** The sample with the ESCAP session as the pipeline writes a UN page's event: `sco: false`. */
  async function withUnEvent() {
    const d = await sampleData();
    return buildIndexes({ ...d.raw, events: d.raw.events.map((e) => (e.id === 'ev-escap-2024' ? { ...e, sco: false } : e)) }, SAMPLE);
  }

  it('is said to be "not an SCO event" in the tooltip and drawn in the muted no-topic grey', async () => {
    const d = await withUnEvent();
    const escap = d.events.findIndex((e) => e.id === 'ev-escap-2024');
    const forum = d.events.findIndex((e) => e.id === 'ev-forum-2023');
    expect(describeEvent(d, escap).why).toBe('not an SCO event');
    expect(describeEvent(d, forum).why).toBeUndefined();
    const styles = eventStyles(d);
    const grey = topicSlot(d.topicIndex, undefined);
    expect(styles[escap]! >> 1).toBe(grey);
    // The forum shares its first topic (digital) with the ESCAP session and keeps that colour.
    expect(styles[forum]! >> 1).not.toBe(grey);
    expect(styles[forum]! >> 1).toBe(topicSlot(d.topicIndex, 'digital'));
  });

  it('is marked so in the window list', async () => {
    const d = await withUnEvent();
    render(StatementList, { props: {}, context: withAtlas(d).context });
    flushSync();
    const row = (title: string) => screen.getByText(title).closest('li')!;
    expect(within(row('80th session of ESCAP')).getByText('not an SCO event')).toBeInTheDocument();
    expect(within(row('Fifth Directors General Forum')).queryByText('not an SCO event')).toBeNull();
  });
});

describe('a data folder written before the event layer', () => {
  it('still opens, showing the mentions with their statements', async () => {
    const base = sampleBeforeLayer();
    const { problems } = await loadRawData(base, fsFetch);
    expect(problems).toEqual([]);
    const d = await sampleData(base);
    expect(d.events.map((e) => e.id)).toEqual([
      'ev-bishkek-2019',
      'ev-agora-2020',
      'ev-moscow-2020',
      'ev-dushanbe-2021',
      'ev-samarkand-2022',
      'ev-forum-2023',
      'ev-escap-2024',
      'ev-astana-2024',
    ]);
    expect(d.statementsByEvent.get('ev-moscow-2020')!.map((s) => s.id)).toEqual(['st-1']);
    // The mention's own date and title (its link to the meeting, if the pipeline wrote one, still said).
    expect(
      describeEvent(
        d,
        d.events.findIndex((e) => e.id === 'ev-bishkek-2019'),
      ),
    ).toMatchObject({ text: 'Bishkek summit', sub: '14 Jun 2019 · Bishkek' });
  });

  it('names a problem in its events.json as that file', async () => {
    const base = sampleBeforeLayer();
    const events = JSON.parse(readFileSync(join(base, 'events.json'), 'utf8'));
    events[0].start = '2020-02-31';
    writeFileSync(join(base, 'events.json'), JSON.stringify(events));
    const { problems } = await loadRawData(base, fsFetch);
    expect(problems).toEqual([
      expect.objectContaining({
        file: 'events.json',
        message: `event ${events[0].id}: start 2020-02-31 is not a real calendar date; left out`,
      }),
      expect.objectContaining({
        file: 'statements.json',
        message: `statement st-2: 1 event id(s) not among the events (${events[0].id}); left unlinked`,
      }),
    ]);
  });

  it('a dev server answering the missing layer with its own page is not taken for the layer', async () => {
    const base = sampleBeforeLayer();
    const devServer = async (url: string) =>
      url.endsWith('event-layer.json')
        ? new Response('<!doctype html><html><script src="/src/app/main.ts"></script></html>')
        : fsFetch(url);
    const { data, problems } = await loadRawData(base, devServer);
    expect(problems).toEqual([]);
    expect(data.events.map((e) => e.id)).toContain('ev-bishkek-2019');
  });
});
